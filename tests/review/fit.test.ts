// Personal FSRS parameters against a real database and the real optimizer (@open-spaced-repetition/binding):
// a simulated learner who forgets much faster than FSRS's default parameters assume gets fitted parameters that
// win on their held-out later reviews, stored in SrsSettings and then used for their scheduling; the
// background path really runs in a detached worker process.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng } from "@/exercises/lib/random";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { CardState, Rating, createCard, parseSchedulerSettings, review, type ReviewRating, type SrsCardState } from "@/lib/scheduling";
import { FIT_MIN_REVIEWS, maybeStartBackgroundFit, readFitStatus, runFit } from "@/lib/review/fit";
import { importReviewCsv } from "@/lib/review/io";
import { reviewCatalog } from "@/lib/review/items";
import { loadSettings } from "@/lib/review/store";

const DAY_MS = 86_400_000;
const START = Date.parse("2026-05-01T08:00:00Z");

/**
 * A learner whose true memory lasts 40% of what FSRS's default parameters predict: recall after t days is
 * 0.9^(t / (0.4·S)). Scheduled by default FSRS (which expects 0.9 at t = S), they fail far more than predicted.
 */
function simulatedHistoryCsv(seed: number, cards: number, days: number): { csv: string; reviews: number } {
  const rng = createRng(seed);
  const settings = parseSchedulerSettings();
  const ids = [...reviewCatalog().flashcards.keys()].slice(0, cards);
  const rows: string[] = ["card_id,review_time,review_rating"];
  ids.forEach((itemId, i) => {
    let now = new Date(START + (i % 20) * DAY_MS);
    let card: SrsCardState = createCard("sim", { itemType: "flashcard", itemId }, now);
    while (now.getTime() < START + days * DAY_MS) {
      let rating: ReviewRating = Rating.Good;
      if (card.state === CardState.Review && card.lastReview) {
        const elapsed = (now.getTime() - card.lastReview.getTime()) / DAY_MS;
        const recall = 0.9 ** (elapsed / (0.4 * card.stability));
        rating = rng.next() < recall ? Rating.Good : Rating.Again;
      }
      rows.push(`flashcard:${itemId},${now.getTime()},${rating}`);
      card = review(card, rating, now, settings).card;
      // The learner comes back when the card is due, at a random time of that day.
      now = new Date(Math.max(card.due.getTime(), now.getTime() + 60_000) + Math.floor(rng.next() * 3_600_000));
    }
  });
  return { csv: rows.join("\n") + "\n", reviews: rows.length - 1 };
}

let t: TestDb;
let dataDir: string;
beforeAll(async () => {
  t = await createTestDb("sqlite");
  dataDir = mkdtempSync(path.join(os.tmpdir(), "lacuna-fit-"));
  process.env.LACUNA_DATA_DIR = dataDir;
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => {
  await t?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function simulatedLearner(name: string, seed: number): Promise<{ userId: string; reviews: number }> {
  const userId = (await t.db.user.create({ data: { email: `${name}-${Date.now()}@example.test`, passwordHash: "not-used" } })).id;
  const { csv, reviews } = simulatedHistoryCsv(seed, 40, 120);
  const result = await importReviewCsv(t.db, userId, csv);
  expect(result.ok).toBe(true);
  return { userId, reviews };
}

describe("personal FSRS parameters", () => {
  it("keeps fitted parameters that lower held-out log loss, stores them and schedules with them", async () => {
    const { userId } = await simulatedLearner("fast-forgetter", 7);
    const status = await runFit(t.db, userId);
    expect(status.state).toBe("done");
    if (status.state !== "done") return;
    expect(status.heldOutReviews).toBeGreaterThanOrEqual(30);
    expect(status.accepted).toBe(true);
    expect(status.candidateLogLoss!).toBeLessThan(status.currentLogLoss!);
    expect(status.reason).toEqual({ code: "better", heldOut: status.heldOutReviews, currentLogLoss: status.currentLogLoss, candidateLogLoss: status.candidateLogLoss });

    const settings = await loadSettings(t.db, userId);
    expect(settings.personalParameters).toBe(true);
    expect(settings.parametersLogLoss).toBe(status.candidateLogLoss);
    expect(settings.scheduler.parameters).toHaveLength(21);
    // The fitted learner forgets faster, so a first Good sends a new card back sooner than the defaults do.
    // A fixed noon: at 03:55 UTC the second Good (10 minutes on) would fall on the next learner day (4 a.m. rollover).
    const now = new Date("2026-11-30T12:00:00Z");
    const fresh = createCard(userId, { itemType: "flashcard", itemId: "x" }, now);
    const personal = review(review(fresh, Rating.Good, now, settings.scheduler).card, Rating.Good, new Date(now.getTime() + 600_000), settings.scheduler).card;
    const defaults = review(review(fresh, Rating.Good, now, parseSchedulerSettings()).card, Rating.Good, new Date(now.getTime() + 600_000), parseSchedulerSettings()).card;
    expect(personal.scheduledDays).toBeLessThan(defaults.scheduledDays);
  });

  it("does not start a fit below the review threshold", async () => {
    expect(maybeStartBackgroundFit("nobody-yet", FIT_MIN_REVIEWS - 1)).toBe(false);
    expect(readFitStatus("nobody-yet")).toBeNull();
  });

  it("fits in a detached worker process and reports the result in the status file", async () => {
    const { userId, reviews } = await simulatedLearner("background", 11);
    expect(maybeStartBackgroundFit(userId, reviews)).toBe(true);
    expect(readFitStatus(userId)?.state).toBe("running");
    // A second page load while the worker runs does not start another one.
    expect(maybeStartBackgroundFit(userId, reviews)).toBe(false);
    let status = readFitStatus(userId);
    for (let i = 0; i < 240 && status?.state === "running"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = readFitStatus(userId);
    }
    expect(status?.state).toBe("done");
    expect(status?.state === "done" && status.accepted).toBe(true);
    expect((await loadSettings(t.db, userId)).personalParameters).toBe(true);
  }, 90_000);
});
