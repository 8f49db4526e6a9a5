// The gradebook and the heatmap read their rows packed one per learner (lib/cohorts/packed.ts) because mapping tens
// of thousands of rows through Prisma was most of a large cohort's page. This checks that the fast path gives the
// same gradebook and heatmap as the straightforward one (Prisma's findMany and groupBy of the same rows, then the
// same pure cores) on a seeded cohort with every late policy, an attempt limit, an opening time, extensions,
// attempts before the opening and after the due time, scores that need 17 digits, a null score and equal
// submission times — on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewCatalog } from "@/lib/review/items";
import { topicIds } from "@/exercises/topics";
import { topicHeatmap } from "@/lib/cohorts/analytics/core";
import { loadTopicHeatmap } from "@/lib/cohorts/analytics/load";
import { buildGradebook } from "@/lib/cohorts/gradebook/core";
import { loadGradebook } from "@/lib/cohorts/gradebook/load";
import type { Db } from "@/lib/db";
import { cardFromRow, settingsFromRow } from "@/lib/review/store";
import { createTestDb, type TestDb } from "@/tests/helpers/db";

const DAY = 86_400_000;
const NOW = new Date("2026-11-30T12:00:00.000Z");
const SLUGS = [...reviewCatalog().exercises.keys()].slice(0, 5);
const SCORES = [0, 1, 7 / 9, 1 / 3, 0.1 + 0.2, 0.5, 2 / 3, 0.875];

describe.each(["sqlite", "postgres"] as const)("on %s", (flavor) => {
  let t: TestDb;
  let db: Db;
  let cohortId: string;

  beforeAll(async () => {
    t = await createTestDb(flavor);
    db = t.db;
    const teacher = await db.user.create({ data: { email: "teach@fast.local", role: "instructor", passwordHash: "x" } });
    cohortId = (await db.cohort.create({ data: { name: "Fast", instructorId: teacher.id, joinCode: "FASTPA23", timeZone: "Europe/Berlin" } })).id;
    const due = (i: number) => new Date(NOW.getTime() - (12 - i * 3) * DAY);
    const policies = [{ latePolicy: "none" }, { latePolicy: "per-day", latePenaltyPerDay: 0.15, lateFloor: 0.4 }, { latePolicy: "hard" }, { latePolicy: "per-day", latePenaltyPerDay: 0.1, lateFloor: 0 }, { latePolicy: "none" }] as const;
    const assignments = [];
    for (const [i, slug] of SLUGS.entries()) {
      assignments.push(
        await db.assignment.create({
          data: {
            cohortId,
            title: `A${i}`,
            opensAt: i === 1 ? new Date(due(i).getTime() - 5 * DAY) : null,
            dueAt: i === 4 ? null : due(i),
            ...policies[i]!,
            attemptLimit: i === 3 ? 2 : null,
            // Made before any attempt: without an open time the window opens at creation.
            createdAt: new Date(NOW.getTime() - 40 * DAY),
            items: { create: [{ kind: "exercise", ref: slug }] },
          },
        }),
      );
    }
    for (let u = 0; u < 9; u++) {
      const user = await db.user.create({ data: { email: `l${u}@fast.local`, name: u === 3 ? null : `Learner ${u}`, passwordHash: "x" } });
      await db.cohortMember.create({ data: { cohortId, userId: user.id, joinedAt: new Date(NOW.getTime() - 30 * DAY + u) } });
      if (u % 3 === 0) await db.assignmentExtension.create({ data: { assignmentId: assignments[u % 4]!.id, userId: user.id, dueAt: new Date(due(u % 4).getTime() + 2.5 * DAY), grantedById: teacher.id } });
      for (const [i, slug] of SLUGS.entries()) {
        for (let k = 0; k < (u + i) % 5; k++) {
          // Attempts from 7 days before the due time to 4 days after; two of them at the same instant.
          const at = new Date(due(i).getTime() + ((u * 5 + i * 3 + k * 7) % 12 - 7) * DAY + (k === 1 ? 0 : k * 61_000));
          const score = (u + i + k) % 11 === 10 ? null : SCORES[(u * 3 + i + k) % SCORES.length]!;
          await db.submission.create({ data: { userId: user.id, exerciseSlug: slug, kind: "submit", source: "// x", lang: "en", seed: 1, status: "graded", score, passed: score === null ? null : score === 1, createdAt: at, gradedAt: at } });
        }
        if (i === 1 && u % 2 === 1) {
          // A full score a day and a half late under the per-day policy: the counted attempt, penalized.
          const at = new Date(due(i).getTime() + 1.5 * DAY);
          await db.submission.create({ data: { userId: user.id, exerciseSlug: slug, kind: "submit", source: "// x", lang: "en", seed: 1, status: "graded", score: 1, passed: true, createdAt: at, gradedAt: at } });
        }
        if ((u + i) % 2 === 0) {
          const lastReview = (u + i) % 4 === 0 ? null : new Date(NOW.getTime() - ((u + i) % 9) * DAY - 1234);
          await db.srsCard.create({
            data: { userId: user.id, itemType: "exercise", itemId: slug, due: new Date(NOW.getTime() + (u - i) * DAY + 17), stability: 1 + (u * 7 + i) / 3, difficulty: 2 + i / 7, elapsedDays: u, scheduledDays: i, learningSteps: u % 2, reps: u + i, lapses: i % 2, state: lastReview ? 2 : 0, lastReview },
          });
        }
      }
    }
    // A draft and a pending submit count for neither.
    const first = (await db.cohortMember.findFirst({ where: { cohortId } }))!;
    await db.submission.create({ data: { userId: first.userId, exerciseSlug: SLUGS[0]!, kind: "run", source: "//", lang: "en", seed: 1, status: "graded", score: 1, passed: true, createdAt: NOW } });
    await db.submission.create({ data: { userId: first.userId, exerciseSlug: SLUGS[0]!, kind: "submit", source: "//", lang: "en", seed: 1, status: "pending", createdAt: NOW } });
  }, 120_000);

  afterAll(async () => {
    await t?.drop();
  });

  it("the gradebook is the one Prisma's findMany of the same submits gives", async () => {
    const { book } = (await loadGradebook(db, cohortId, NOW))!;
    const userIds = book.rows.map((r) => r.learner.userId);
    const rows = await db.submission.findMany({
      where: { userId: { in: userIds }, exerciseSlug: { in: SLUGS }, kind: "submit", status: "graded" },
      select: { id: true, userId: true, exerciseSlug: true, createdAt: true, score: true, passed: true },
    });
    const extensions = await db.assignmentExtension.findMany({ select: { assignmentId: true, userId: true, dueAt: true } });
    const straightforward = buildGradebook({
      assignments: book.assignments,
      learners: book.rows.map((r) => r.learner),
      extensions,
      submits: rows.map((s) => ({ ...s, score: s.score ?? 0, passed: s.passed ?? false })),
      reviews: [],
      topicCards: {},
      now: NOW,
    });
    expect(book).toEqual(straightforward);
    const cells = book.rows.flatMap((r) => r.cells);
    // The seeded cohort exercises what it should: late marks, penalties, extensions, and hard-deadline misses.
    expect(cells.some((c) => c.extended)).toBe(true);
    expect(cells.some((c) => c.penalty > 0)).toBe(true);
    expect(cells.some((c) => c.items.some((i) => i.result.ignored.afterHardDeadline > 0))).toBe(true);
    expect(cells.some((c) => c.items.some((i) => i.result.ignored.overLimit > 0))).toBe(true);
    expect(cells.some((c) => c.items.some((i) => i.result.ignored.beforeOpen > 0))).toBe(true);
    expect(cells.some((c) => c.items.some((i) => i.result.counted?.rawScore === 7 / 9))).toBe(true);
  });

  it("the heatmap is the one Prisma's findMany of the cards and groupBy of the best scores give", async () => {
    const fast = await loadTopicHeatmap(db, cohortId, NOW);
    const userIds = fast.learners.map((l) => l.userId);
    const [cards, groups] = await Promise.all([
      db.srsCard.findMany({ where: { userId: { in: userIds } } }),
      db.submission.groupBy({ by: ["userId", "exerciseSlug"], where: { userId: { in: userIds }, kind: "submit", status: "graded" }, _max: { score: true } }),
    ]);
    const straightforward = topicHeatmap({
      topicOrder: topicIds,
      items: reviewCatalog().items,
      exercises: [...reviewCatalog().exercises.values()].map((e) => ({ slug: e.meta.slug, topics: e.meta.topics })),
      now: NOW,
      learners: userIds.map((userId) => ({
        userId,
        cards: cards.filter((c) => c.userId === userId).map(cardFromRow),
        settings: settingsFromRow(null).scheduler,
        bestScores: new Map(groups.filter((g) => g.userId === userId).map((g) => [g.exerciseSlug, Math.min(1, Math.max(0, g._max.score ?? 0))])),
      })),
    });
    expect(fast.heatmap).toEqual(straightforward);
    expect(fast.heatmap.rows.some((r) => r.cells.some((c) => c.studiedItems > 0))).toBe(true);
  });
});
