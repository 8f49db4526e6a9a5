import { convertCsvToFsrsItems } from "@open-spaced-repetition/binding";
import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { createRng } from "../../exercises/lib/random";
import { createCard, review, type SrsCardState, type SrsReviewLogEntry } from "../../lib/scheduling/core/core";
import { parseSchedulerSettings, type ReviewRating, type SchedulerSettings } from "../../lib/scheduling/core/schema";
import { reviewLogsToCsv } from "../../lib/scheduling/io/core";
import { auc, logLoss, rmseBins } from "../../lib/scheduling/optimizer/metrics";
import { evaluateParameters, fitPersonalParameters, loadOptimizerBinding, predictHistory, splitByTime, toFsrsItems } from "../../lib/scheduling/optimizer/core";

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 0, 5, 1);

/**
 * A learner who forgets much faster than FSRS's defaults assume (exponential forgetting, half-life 1.5 days,
 * doubling per success), scheduled by FSRS with default parameters for `days` days.
 */
function forgetfulLearner(settings: SchedulerSettings, cardsCount: number, days: number, seed = 1): SrsReviewLogEntry[] {
  const rng = createRng(seed);
  const logs: SrsReviewLogEntry[] = [];
  const state = new Map<string, { card: SrsCardState; halfLife: number; last: number }>();
  for (let day = 0; day < days; day++) {
    const now = t0 + day * DAY;
    for (let i = 0; i < cardsCount; i++) {
      const id = `c${i}`;
      const entry = state.get(id);
      if (!entry) {
        if (i >= (day + 1) * 8) continue;
        const first = review(createCard("u1", { itemType: "flashcard", itemId: id }, new Date(now)), 3, new Date(now), settings);
        const second = review(first.card, 3, new Date(now + 10 * 60_000), settings);
        logs.push(first.log, second.log);
        state.set(id, { card: second.card, halfLife: 1.5, last: now });
        continue;
      }
      if (entry.card.due.getTime() > now + 12 * 3_600_000) continue;
      const recalled = rng.next() < 2 ** (-(now - entry.last) / DAY / entry.halfLife);
      const rating: ReviewRating = recalled ? 3 : 1;
      let r = review(entry.card, rating, new Date(now), settings);
      logs.push(r.log);
      if (!recalled) {
        r = review(r.card, 3, new Date(now + 10 * 60_000), settings);
        logs.push(r.log);
      }
      state.set(id, { card: r.card, halfLife: recalled ? entry.halfLife * 2 : entry.halfLife, last: now });
    }
  }
  return logs;
}

describe("FSRS items from review logs", () => {
  it("match the FSRS optimizer's own CSV conversion (day deltas with the 4 a.m. rollover, in the learner's zone)", async () => {
    // Tokyo is UTC+9 all year: the binding asks for the offset in minutes.
    const settings = parseSchedulerSettings({ timezone: "Asia/Tokyo", dayStartsAtHour: 4 });
    const logs = forgetfulLearner(settings, 12, 40, 3);
    const ours = toFsrsItems(logs, settings).map((i) => i.reviews.map((r) => [r.rating, r.deltaT]));
    const theirs = convertCsvToFsrsItems(new TextEncoder().encode(reviewLogsToCsv(logs)), 4, "Asia/Tokyo", () => 540).map((i) => i.reviews.map((r) => [r.rating, r.deltaT]));
    const key = (x: number[][]) => JSON.stringify(x);
    expect(ours.length).toBeGreaterThan(100);
    expect(theirs.map(key).sort()).toEqual(ours.map(key).sort());
  });

  it("splits by time: every training item ends before every held-out one", () => {
    const settings = parseSchedulerSettings({});
    const items = toFsrsItems(forgetfulLearner(settings, 20, 60), settings);
    const split = splitByTime(items, 0.25)!;
    expect(split.train.length).toBeGreaterThan(split.test.length);
    expect(Math.max(...split.train.map((i) => i.reviewedAt.getTime()))).toBeLessThan(split.splitAt.getTime());
    expect(Math.min(...split.test.map((i) => i.reviewedAt.getTime()))).toBeGreaterThanOrEqual(split.splitAt.getTime());
    expect(split.test.every((i) => i.reviews.at(-1)!.deltaT >= 1)).toBe(true);
  });
});

describe("fitPersonalParameters", () => {
  it("loads the native optimizer on this machine", async () => {
    expect(await loadOptimizerBinding()).toHaveProperty("binding");
  });

  it("fits a forgetful learner and keeps the fit because it predicts their later reviews better", async () => {
    const settings = parseSchedulerSettings({});
    const result = await fitPersonalParameters(forgetfulLearner(settings, 80, 120), settings);
    expect(result.fitted).toHaveLength(21);
    expect(result.accepted).toBe(true);
    expect(result.parameters).toEqual(result.fitted);
    expect(result.candidate!.logLoss).toBeLessThan(result.current!.logLoss);
    expect(result.heldOutReviews).toBeGreaterThanOrEqual(30);
    expect(result.reason).toEqual({ code: "better", heldOut: result.heldOutReviews, currentLogLoss: result.current!.logLoss, candidateLogLoss: result.candidate!.logLoss });
  });

  it("keeps the current parameters when a fit cannot beat them on the later reviews", async () => {
    const settings = parseSchedulerSettings({});
    const logs = forgetfulLearner(settings, 80, 120);
    const bestSoFar = (await fitPersonalParameters(logs, settings)).parameters;
    const second = await fitPersonalParameters(logs, parseSchedulerSettings({ parameters: bestSoFar }));
    // Re-fitting the same data reproduces (at best) the same parameters: never strictly better, so not taken.
    expect(second.accepted).toBe(false);
    expect(second.parameters).toEqual(bestSoFar);
    expect(second.reason).toMatchObject({ code: "notBetter" });
  });

  it("keeps the current parameters, and says why, when there is too little history", async () => {
    const settings = parseSchedulerSettings({});
    const result = await fitPersonalParameters(forgetfulLearner(settings, 4, 10), settings);
    expect(result).toMatchObject({ accepted: false, fitted: null, parameters: [...default_w] });
    expect(["fewHeldOut", "fewCrossDayReviews"]).toContain(result.reason.code);
    expect((await fitPersonalParameters([], settings)).reason).toEqual({ code: "fewCrossDayReviews" });
  });

  it("ignores undone reviews", () => {
    const settings = parseSchedulerSettings({});
    const logs = forgetfulLearner(settings, 10, 20);
    const items = toFsrsItems(logs.map((l) => ({ ...l, undone: true })), settings);
    expect(items).toEqual([]);
  });
});

describe("prediction and metrics", () => {
  it("predicts recall before each review by replaying FSRS, lower after longer gaps", () => {
    const p = predictHistory([{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 2 }, { rating: 3, deltaT: 30 }], default_w);
    expect(Number.isNaN(p[0]!)).toBe(true);
    expect(p[1]!).toBeGreaterThan(0.8);
    expect(p[2]!).toBeLessThan(p[1]!);
    const evaluation = evaluateParameters([{ cardKey: "k", reviewedAt: new Date(), reviews: [{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 5 }] }], default_w);
    expect(evaluation.reviews).toBe(1);
  });

  it("computes log loss, calibration RMSE and AUC", () => {
    expect(logLoss([0.5, 0.5], [1, 0])).toBeCloseTo(Math.log(2));
    expect(logLoss([1, 0], [1, 0])).toBeLessThan(1e-5);
    expect(rmseBins([0.9, 0.9, 0.9, 0.9], [1, 1, 1, 0])).toBeCloseTo(0.15);
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75);
    expect(auc([0.2, 0.2], [1, 0])).toBe(0.5);
    expect(Number.isNaN(auc([0.3], [1]))).toBe(true);
  });
});
