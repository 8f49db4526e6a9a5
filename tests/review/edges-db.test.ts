// Scheduling at the edges through the database (issue 17, item 4), on a real SQLite file and a real PostgreSQL
// database: stored parameters, undo and imports as the app's review layer handles them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import type { Db } from "@/lib/db";
import { CardState, Rating, createCard, review, parseSchedulerSettings, schedulerFor } from "@/lib/scheduling";
import { reviewItem, undoLastReview } from "@/lib/review/service";
import { importReviewResponse } from "@/lib/review/http";
import { loadLearnerState } from "@/lib/review/store";
import { loadReviewStats } from "@/lib/review/stats";
import { loadSettings } from "@/lib/review/store";
import { reviewCatalog } from "@/lib/review/items";

const DAY = 86_400_000;
// In the past: an import refuses review times in the future (lib/review/io.ts), and this history goes 40 days on.
const T0 = new Date("2026-09-20T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const days = (n: number) => new Date(T0.getTime() + n * DAY);

function csvRequest(body: string): Request {
  return new Request("http://localhost/api/review/import", { method: "POST", headers: { "content-type": "text/csv" }, body });
}

let userCounter = 0;
async function newUser(db: Db): Promise<string> {
  userCounter += 1;
  return (await db.user.create({ data: { email: `edges-${userCounter}-${Date.now()}@example.test`, passwordHash: "not-used" } })).id;
}

describe.each(["sqlite", "postgres"] as const)("scheduling edges on %s", (flavor) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(flavor);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("stored weights outside FSRS's ranges are loaded as the scheduler uses them, for scheduling and statistics alike", async () => {
    const userId = await newUser(t.db);
    const stored = [...default_w];
    stored[0] = -5;
    stored[20] = 2;
    await t.db.srsSettings.create({ data: { userId, parameters: JSON.stringify(stored) } });
    const settings = (await loadSettings(t.db, userId)).scheduler;
    expect([settings.parameters[0], settings.parameters[20]]).toEqual([0.001, 0.8]);

    const flashcard = reviewCatalog().items.find((i) => i.itemType === "flashcard" && i.topics.length === 1)!;
    const item = { itemType: "flashcard" as const, itemId: flashcard.itemId };
    await reviewItem(t.db, { userId, item, rating: Rating.Good, now: T0 });
    await reviewItem(t.db, { userId, item, rating: Rating.Good, now: minutes(10) });
    const { card } = await reviewItem(t.db, { userId, item, rating: Rating.Good, now: days(3) });
    const yearOn = new Date(days(3).getTime() + 365 * DAY);
    const mastery = (await loadReviewStats(t.db, userId, "en", yearOn)).mastery.find((m) => m.topicId === flashcard.topics[0])!;
    expect(mastery.studiedItems).toBe(1);
    expect(mastery.recall).toBeCloseTo(schedulerFor(settings).forgetting_curve(365, card.stability), 8);
  });

  it("undo takes back the last of two ratings given in one millisecond, whatever the ids' order, and restores the due date", async () => {
    const userId = await newUser(t.db);
    const itemId = [...reviewCatalog().flashcards.keys()][1]!;
    const item = { itemType: "flashcard" as const, itemId };
    await reviewItem(t.db, { userId, item, rating: Rating.Good, now: T0 });
    const learnt = (await reviewItem(t.db, { userId, item, rating: Rating.Good, now: minutes(10) })).card;
    const late = new Date(learnt.due.getTime() + 2 * DAY);
    // The Again's id sorts after the Good's: the newest-id-first guess would pick the Again.
    const again = await reviewItem(t.db, { userId, item, rating: Rating.Again, now: late, logId: `zz-again-${flavor}` });
    await reviewItem(t.db, { userId, item, rating: Rating.Good, now: late, logId: `aa-good-${flavor}` });

    const first = await undoLastReview(t.db, userId);
    expect(first?.log.id).toBe(`aa-good-${flavor}`);
    const { cards, logs } = await loadLearnerState(t.db, userId);
    const { id: _id, ...afterAgain } = again.card;
    expect(cards.find((c) => c.itemId === itemId)).toMatchObject({ ...afterAgain, due: again.card.due });
    expect(logs.filter((l) => !l.undone).map((l) => l.rating)).toEqual([Rating.Good, Rating.Good, Rating.Again]);

    const second = await undoLastReview(t.db, userId);
    expect(second?.log.id).toBe(`zz-again-${flavor}`);
    const restored = (await loadLearnerState(t.db, userId)).cards.find((c) => c.itemId === itemId)!;
    // Due again when it was due before the late review, not at the undone review's time.
    expect(restored.due).toEqual(learnt.due);
    expect(restored).toMatchObject({ state: learnt.state, stability: learnt.stability, reps: learnt.reps, lastReview: learnt.lastReview });
  });

  it("an import skips a repeated row and a row contradicting a stored review, naming their lines, and refuses a file that contradicts itself", async () => {
    const userId = await newUser(t.db);
    const [a, b] = [...reviewCatalog().flashcards.keys()];
    await reviewItem(t.db, { userId, item: { itemType: "flashcard", itemId: b! }, rating: Rating.Good, now: T0 });
    const csv = [
      "card_id,review_time,review_rating,review_state,review_duration",
      `flashcard:${a},${T0.getTime()},3,0,1000`,
      `flashcard:${a},${minutes(10).getTime()},3,1,1000`,
      `flashcard:${a},${minutes(10).getTime()},3,1,1000`,
      `flashcard:${b},${T0.getTime()},1,0,1000`,
    ].join("\n");
    const response = await importReviewResponse(t.db, userId, csvRequest(csv));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      imported: 2,
      duplicates: 1,
      items: 2,
      skipped: [
        { line: 4, code: "repeat", params: expect.objectContaining({ earlier: 3 }), message: expect.stringMatching(/repeats line 3/) },
        { line: 5, column: "review_rating", code: "alreadyReviewed", params: expect.objectContaining({ stored: 3, rating: 1 }), message: expect.stringMatching(/already has a review at .* rated 3; this row rates it 1/) },
      ],
    });
    const logs = (await loadLearnerState(t.db, userId)).logs;
    expect(logs.filter((l) => l.itemId === a)).toHaveLength(2);
    expect(logs.filter((l) => l.itemId === b).map((l) => l.rating)).toEqual([Rating.Good]);

    const conflicting = await importReviewResponse(t.db, userId, csvRequest(`card_id,review_time,review_rating\nflashcard:${a},${days(5).getTime()},3\nflashcard:${a},${days(5).getTime()},1\n`));
    expect(conflicting.status).toBe(400);
    expect(((await conflicting.json()) as { issues: { line: number; message: string }[] }).issues).toEqual([
      { line: 3, column: "review_time", code: "conflictRating", params: expect.objectContaining({ earlier: 2, earlierRating: 3, rating: 1 }), message: expect.stringMatching(/line 2 rates it 3 \(Good\), this line 1 \(Again\)/) },
    ]);
  });

  it("an imported reset (review_state 0 after other reviews) starts the stored card over, and stays a reset when the history is replayed again", async () => {
    const userId = await newUser(t.db);
    const itemId = [...reviewCatalog().flashcards.keys()][2]!;
    const item = { itemType: "flashcard" as const, itemId };
    await reviewItem(t.db, { userId, item, rating: Rating.Good, now: T0 });
    await reviewItem(t.db, { userId, item, rating: Rating.Good, now: minutes(10) });
    await reviewItem(t.db, { userId, item, rating: Rating.Easy, now: days(4) });
    const resetAt = days(40);
    const csv = `card_id,review_time,review_rating,review_state\nflashcard:${itemId},${resetAt.getTime()},3,0\nflashcard:${itemId},${resetAt.getTime() + 600_000},3,1\n`;
    expect((await importReviewResponse(t.db, userId, csvRequest(csv))).status).toBe(200);
    const settings = parseSchedulerSettings();
    const fresh = review(review(createCard(userId, item, resetAt), Rating.Good, resetAt, settings).card, Rating.Good, new Date(resetAt.getTime() + 600_000), settings).card;
    const state = await loadLearnerState(t.db, userId);
    expect(state.cards[0]).toMatchObject({ ...fresh, due: fresh.due, lastReview: fresh.lastReview });
    expect(state.logs.map((l) => [l.state, l.reset])).toEqual([[CardState.New, false], [CardState.Learning, false], [CardState.Review, false], [CardState.New, true], [CardState.Learning, false]]);
    // A later import of an earlier review replays the whole history: the reset is kept.
    const earlier = `card_id,review_time,review_rating\nflashcard:${itemId},${days(20).getTime()},1\n`;
    expect((await importReviewResponse(t.db, userId, csvRequest(earlier))).status).toBe(200);
    const replayed = await loadLearnerState(t.db, userId);
    expect(replayed.logs.map((l) => l.reset)).toEqual([false, false, false, false, true, false]);
    expect(replayed.cards[0]).toMatchObject({ stability: fresh.stability, difficulty: fresh.difficulty, reps: fresh.reps });
  });
});
