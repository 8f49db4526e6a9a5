// The app's weakest topics come from the weakness model fed with what the database holds (lib/review/weakness.ts):
// two learners review the same flashcards of three topics with the same ratings, so their reviews alone cannot
// tell the topics apart; each learner's graded submits name misconceptions and fail hidden cases on a different
// topic, and that topic is the one their review session (and the cohort analytics' loader) ranks weakest.
// On SQLite and then PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewCatalog } from "@/lib/review/items";
import { loadSession } from "@/lib/review/session";
import { attemptsFromSubmissions, loadWeaknessSignals } from "@/lib/review/weakness";
import { reviewItem } from "@/lib/review/service";
import { Rating } from "@/lib/scheduling";
import { createLearner } from "@/tests/api/helpers";
import { createTestDb, testDbFlavor, type TestDb } from "@/tests/helpers/db";

const T0 = Date.UTC(2026, 8, 1, 9);
const DAY = 86_400_000;
const at = (day: number, minutes = 0) => new Date(T0 + day * DAY + minutes * 60_000);
const topics = ["gradient-descent", "logistic-regression", "softmax"] as const;

/** A stored grader report as the model reads it: the cases' visibility and verdicts, and the diagnosis. */
function report(failedHidden: number, misconceptions: readonly string[]): string {
  const cases = [
    { name: "visible", visible: true, weight: 1, passed: misconceptions.length === 0 },
    ...Array.from({ length: 4 }, (_, i) => ({ name: `hidden ${i}`, visible: false, weight: 1, passed: i >= failedHidden })),
  ];
  return JSON.stringify({ cases, diagnosis: misconceptions.map((misconceptionId) => ({ misconceptionId, confidence: 1 })) });
}

describe(`weakest topics from the database's evidence on ${testDbFlavor()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.drop();
  });

  const catalog = reviewCatalog();
  const flashcardsOf = (topic: string) => [...catalog.flashcards.values()].filter((c) => c.topics[0] === topic).slice(0, 2).map((c) => c.id);
  const exerciseOf = (topic: string) => [...catalog.exercises.values()].find((e) => e.meta.topics[0] === topic)!.meta;

  /** Three weeks of the same reviews for every learner: each topic's flashcards recalled, one lapse each. */
  async function study(userId: string): Promise<void> {
    for (const topic of topics) {
      for (const itemId of flashcardsOf(topic)) {
        for (const [day, rating] of [[0, Rating.Good], [3, Rating.Good], [8, Rating.Again], [9, Rating.Good], [15, Rating.Good]] as const) {
          await reviewItem(t.db, { userId, item: { itemType: "flashcard", itemId }, rating, now: at(day) });
        }
      }
    }
  }

  /** Graded submits of each topic's exercise: the troubled topic's name a misconception and fail hidden cases first. */
  async function submit(userId: string, troubled: string): Promise<void> {
    for (const topic of topics) {
      const exercise = exerciseOf(topic);
      const rounds = topic === troubled
        ? [{ passed: false, failed: 3, named: [exercise.misconceptions[0]!.id], minutes: 0, hints: 2 }, { passed: false, failed: 2, named: [exercise.misconceptions[0]!.id], minutes: 20, hints: 3 }, { passed: true, failed: 0, named: [], minutes: 55, hints: 3 }]
        : [{ passed: true, failed: 0, named: [], minutes: 0, hints: 0 }];
      for (const [day, base] of [[1, 0], [10, 0]] as const) {
        for (const r of rounds) {
          await t.db.submission.create({
            data: { userId, exerciseSlug: exercise.slug, kind: "submit", source: "// stored", lang: "en", seed: 1, status: "graded", score: r.passed ? 1 : 0.4, passed: r.passed, report: report(r.failed, r.named), hintsUsed: r.hints, createdAt: at(day, base + r.minutes), gradedAt: at(day, base + r.minutes + 1) },
          });
        }
      }
    }
  }

  it("ranks the topic whose submits named misconceptions weakest, for each learner their own", async () => {
    const learners = [];
    for (const troubled of ["softmax", "gradient-descent"] as const) {
      const { id } = await createLearner(t.db, `weak-${troubled}`);
      await study(id);
      await submit(id, troubled);
      learners.push({ id, troubled });
    }
    for (const { id, troubled } of learners) {
      const session = await loadSession(t.db, id, { lang: "en", now: at(16) });
      expect(session.weakest[0]!.topicId).toBe(troubled);
      expect(session.weakest[0]!.weakness!).toBeGreaterThan(0.5);
      const signals = (await loadWeaknessSignals(t.db, [id])).get(id)!;
      const troubledAttempts = signals.attempts!.filter((a) => a.exerciseId === exerciseOf(troubled).slug);
      expect(troubledAttempts.map((a) => [a.passed, a.failedHiddenCases, a.misconceptionsNamed])).toEqual([[false, 3, 1], [false, 2, 1], [true, 0, 0], [false, 3, 1], [false, 2, 1], [true, 0, 0]]);
      // Time to pass runs from the round's first submission to the pass.
      expect(troubledAttempts.filter((a) => a.passed).map((a) => a.minutesToPass)).toEqual([55, 55]);
    }
  });

  it("reads a report it cannot parse as no cases and no misconceptions, never an error", () => {
    const attempts = attemptsFromSubmissions([
      { exerciseSlug: "x", kind: "run", status: "graded", passed: false, report: "{", hintsUsed: 0, createdAt: at(0) },
      { exerciseSlug: "x", kind: "submit", status: "graded", passed: true, report: "not json", hintsUsed: 1, createdAt: at(0, 30) },
      { exerciseSlug: "x", kind: "submit", status: "error", passed: null, report: null, hintsUsed: 0, createdAt: at(0, 40) },
    ]);
    expect(attempts).toEqual([{ exerciseId: "x", at: at(0, 30), passed: true, hiddenCases: 0, failedHiddenCases: 0, hintsUsed: 1, minutesToPass: 30, misconceptionsNamed: 0 }]);
  });
});
