// Numbers that agree (issue 13, item 5), through the loaders the pages call, on a real SQLite file and a real
// PostgreSQL database: the review header's counts, /review/stats and /progress, for one seeded history.
//   - "0 learning" right after a card was rated Again: the card is back within the learn-ahead limit, so it is
//     counted as learning, by the header, the statistics page and the home page alike.
//   - "9 reviews in total" beside "True retention … No reviews yet": the statistics say how many reviews true
//     retention counts and why the others are left out.
//   - "67 % mastered" on /progress where Statistics said "recall 100 %": both pages show one mastery figure
//     (coverage × recall) beside the recall it comes from.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import type { Db } from "@/lib/db";
import { Rating } from "@/lib/scheduling";
import { recordGradedSubmission } from "@/lib/review/exercise-grades";
import { reviewCatalog } from "@/lib/review/items";
import { reviewItem } from "@/lib/review/service";
import { loadSession } from "@/lib/review/session";
import { saveReviewPreferences } from "@/lib/review/settings";
import { loadReviewStats, loadTodayCounts, loadTopicMastery } from "@/lib/review/stats";

let userCounter = 0;
async function newUser(db: Db): Promise<string> {
  userCounter += 1;
  return (await db.user.create({ data: { email: `figures-${userCounter}-${Date.now()}@example.test`, passwordHash: "not-used" } })).id;
}

describe.each(["sqlite", "postgres"] as const)("figures on %s", (flavor) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(flavor);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("counts a card rated Again as learning, in the header, on /review/stats and on the home page", async () => {
    const userId = await newUser(t.db);
    await saveReviewPreferences(t.db, userId, { dailyNewLimit: 5, desiredRetention: 0.9, timezone: "UTC" });
    const now = new Date(Date.UTC(2026, 10, 20, 10));
    const first = await loadSession(t.db, userId, { lang: "en", now });
    expect(first.remaining.learning).toBe(0);
    const itemId = first.current!.itemId;
    await reviewItem(t.db, { userId, item: { itemType: "flashcard", itemId }, rating: Rating.Again, now, expectedLastReview: null });

    const later = new Date(now.getTime() + 2_000);
    const session = await loadSession(t.db, userId, { lang: "en", now: later });
    expect(session.remaining.learning).toBe(1);
    // The other new cards come first; the failed one is back once they are done or its minute is up.
    expect(session.current!.itemId).not.toBe(itemId);
    const stats = await loadReviewStats(t.db, userId, "en", later);
    expect(stats.today.flashcards).toEqual(session.remaining);
    expect(stats.today.newStartedToday).toBe(session.newStartedToday);
    expect(await loadTodayCounts(t.db, userId, later)).toEqual(stats.today);
  });

  it("says how many of the reviews true retention counts: 0 of 9 for a learner who has only learnt new cards", async () => {
    const userId = await newUser(t.db);
    const now = new Date(Date.UTC(2026, 10, 20, 10));
    const ids = [...reviewCatalog().flashcards.keys()].slice(0, 3);
    for (const itemId of ids) {
      const item = { itemType: "flashcard" as const, itemId };
      await reviewItem(t.db, { userId, item, rating: Rating.Again, now });
      await reviewItem(t.db, { userId, item, rating: Rating.Good, now: new Date(now.getTime() + 60_000) });
      await reviewItem(t.db, { userId, item, rating: Rating.Good, now: new Date(now.getTime() + 11 * 60_000) });
    }
    const stats = await loadReviewStats(t.db, userId, "en", new Date(now.getTime() + 3_600_000));
    expect(stats.reviews.total).toBe(9);
    expect(stats.reviews.recent.reviews).toBe(9);
    expect(stats.reviews.perDay.reduce((s, d) => s + d.reviews, 0)).toBe(9);
    expect(stats.reviews.allTime).toMatchObject({ reviews: 0, retention: null, considered: 9, notGraduated: 9, sameDay: 0 });
  });

  it("shows one mastery per topic on /progress and /review/stats: studied share × recall", async () => {
    const userId = await newUser(t.db);
    const catalog = reviewCatalog();
    // A topic with at least three exercises; the learner passes two of them cleanly (Easy) and nothing else.
    const topic = [...new Set([...catalog.exercises.values()].map((e) => e.meta.topics[0]!))].find(
      (id) => [...catalog.exercises.values()].filter((e) => e.meta.topics.includes(id)).length >= 3,
    )!;
    const slugs = [...catalog.exercises.values()].filter((e) => e.meta.topics.includes(topic)).map((e) => e.meta.slug).slice(0, 2);
    const at = new Date(Date.UTC(2026, 10, 20, 10));
    for (const slug of slugs) {
      const submission = await t.db.submission.create({
        data: { userId, exerciseSlug: slug, kind: "submit", source: "export function f() {}", lang: "ts", seed: 1, status: "graded", score: 1, passed: true, hintsUsed: 0, createdAt: at, gradedAt: at },
      });
      expect(await recordGradedSubmission(t.db, submission)).toMatchObject({ recorded: true, rating: Rating.Easy });
    }
    const now = new Date(at.getTime() + 60_000);
    const progress = (await loadTopicMastery(t.db, userId, "en", now)).find((m) => m.topicId === topic)!;
    const stats = (await loadReviewStats(t.db, userId, "en", now)).mastery.find((m) => m.topicId === topic)!;
    expect(progress).toEqual(stats);
    const total = catalog.items.filter((i) => i.topics.includes(topic)).length;
    expect(progress).toMatchObject({ studiedItems: 2, totalItems: total });
    expect(progress.recall!).toBeGreaterThan(0.99);
    expect(progress.mastery).toBeCloseTo((2 / total) * progress.recall!, 10);
  });
});
