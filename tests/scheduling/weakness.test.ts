import { describe, expect, it } from "vitest";
import { createCard, review, type SrsCardState, type SrsReviewLogEntry } from "../../lib/scheduling/core/core";
import { parseSchedulerSettings, Rating, type ReviewRating } from "../../lib/scheduling/core/schema";
import { coverageGaps, topicWeakness, weakestTopics, type TopicItem } from "../../lib/scheduling/weakness/core";

const settings = parseSchedulerSettings({ timezone: "UTC" });
const DAY = 86_400_000;
const t0 = Date.UTC(2026, 9, 1, 9);

/** Study an item with the given ratings, one cross-day review every `gapDays` after the learning steps. */
function study(item: TopicItem, ratings: readonly ReviewRating[], gapDays = 3): { card: SrsCardState; logs: SrsReviewLogEntry[] } {
  let card = createCard("u1", item, new Date(t0));
  const logs: SrsReviewLogEntry[] = [];
  let now = t0;
  for (const [i, rating] of [Rating.Good, Rating.Good, ...ratings].entries()) {
    const r = review(card, rating as ReviewRating, new Date(now), settings);
    card = r.card;
    logs.push(r.log);
    now += i === 0 ? 10 * 60_000 : gapDays * DAY;
  }
  return { card, logs };
}

const items: TopicItem[] = [
  { itemType: "flashcard", itemId: "lr-1", topics: ["linear-regression"] },
  { itemType: "exercise", itemId: "lr-2", topics: ["linear-regression"] },
  { itemType: "flashcard", itemId: "gd-1", topics: ["gradient-descent"] },
  { itemType: "exercise", itemId: "gd-2", topics: ["gradient-descent"] },
  { itemType: "flashcard", itemId: "sm-1", topics: ["softmax"] },
  { itemType: "exercise", itemId: "both", topics: ["softmax", "gradient-descent"] },
];
const byId = (id: string) => items.find((i) => i.itemId === id)!;

describe("topic weakness", () => {
  const strong1 = study(byId("lr-1"), [Rating.Good, Rating.Good, Rating.Easy]);
  const strong2 = study(byId("lr-2"), [Rating.Good, Rating.Easy, Rating.Good]);
  const weak1 = study(byId("gd-1"), [Rating.Again, Rating.Hard, Rating.Again]);
  const weak2 = study(byId("gd-2"), [Rating.Again, Rating.Good, Rating.Again]);
  const cards = [strong1, strong2, weak1, weak2].map((s) => s.card);
  const logs = [strong1, strong2, weak1, weak2].flatMap((s) => s.logs);
  const now = new Date(t0 + 12 * DAY);
  const report = topicWeakness({ items, cards, logs, now, settings });
  const get = (id: string) => report.find((t) => t.topicId === id)!;

  it("scores a topic with lapses and failures weaker than one recalled easily", () => {
    expect(get("gradient-descent").weakness!).toBeGreaterThan(get("linear-regression").weakness!);
    expect(get("gradient-descent").lapsePressure!).toBeGreaterThan(0.5);
    expect(get("linear-regression").lapsePressure).toBe(0);
    expect(get("gradient-descent").recentFailureRate!).toBeGreaterThan(get("linear-regression").recentFailureRate!);
    expect(get("gradient-descent").difficulty!).toBeGreaterThan(get("linear-regression").difficulty!);
    expect(weakestTopics(report, 1).map((t) => t.topicId)).toEqual(["gradient-descent"]);
  });

  it("keeps weakness within [0, 1] and reports its parts", () => {
    for (const t of report.filter((t) => t.weakness !== null)) {
      expect(t.weakness!).toBeGreaterThanOrEqual(0);
      expect(t.weakness!).toBeLessThanOrEqual(1);
      expect(t.predictedRecall!).toBeGreaterThan(0);
    }
  });

  it("treats unseen items as a coverage gap, not as weakness", () => {
    const softmax = get("softmax");
    expect(softmax).toMatchObject({ weakness: null, predictedRecall: null, studiedItems: 0, totalItems: 2, coverageGap: 1 });
    // gradient-descent has 2 studied items and the unseen shared item "both": a third is a gap, the weakness is
    // computed from the studied two only.
    expect(get("gradient-descent")).toMatchObject({ studiedItems: 2, totalItems: 3 });
    expect(get("gradient-descent").coverageGap).toBeCloseTo(1 / 3);
    expect(weakestTopics(report, 5).map((t) => t.topicId)).not.toContain("softmax");
    expect(coverageGaps(report).map((t) => t.topicId)).toEqual(["softmax", "gradient-descent"]);
  });

  it("predicts further ahead with a longer horizon: lower recall, and higher weakness when forgetting is weighed", () => {
    const forgettingWeighed = { weights: { difficulty: 0.5, forgetting: 0.5 } };
    const near = topicWeakness({ items, cards, logs, now, settings, options: forgettingWeighed }).find((t) => t.topicId === "linear-regression")!;
    const far = topicWeakness({ items, cards, logs, now, settings, options: { ...forgettingWeighed, horizonDays: 90 } }).find((t) => t.topicId === "linear-regression")!;
    expect(far.predictedRecall!).toBeLessThan(near.predictedRecall!);
    expect(far.weakness!).toBeGreaterThan(near.weakness!);
    // The default score is the history-averaged difficulty alone: the horizon does not move it.
    const farDefault = topicWeakness({ items, cards, logs, now, settings, options: { horizonDays: 90 } }).find((t) => t.topicId === "linear-regression")!;
    expect(farDefault.weakness).toBe(get("linear-regression").weakness);
    expect(get("linear-regression").weakness).toBe(get("linear-regression").averageDifficulty);
  });

  it("forgets failures older than the recent window and ignores undone reviews", () => {
    const muchLater = new Date(t0 + 200 * DAY);
    const old = topicWeakness({ items, cards, logs, now: muchLater, settings, options: { recentDays: 14 } }).find((t) => t.topicId === "gradient-descent")!;
    expect(old.recentReviews).toBe(0);
    expect(old.recentFailureRate).toBeCloseTo(1 - settings.desiredRetention);
    const undoneLogs = logs.map((l) => ({ ...l, undone: true }));
    const withoutFailures = topicWeakness({ items, cards, logs: undoneLogs, now, settings }).find((t) => t.topicId === "gradient-descent")!;
    expect(withoutFailures.recentReviews).toBe(0);
  });

  it("returns at most k topics, none for k = 0", () => {
    expect(weakestTopics(report, 0)).toEqual([]);
    expect(weakestTopics(report, 10)).toHaveLength(2);
  });
});

describe("evidence over the whole history", () => {
  const lr1 = byId("lr-1");

  it("averages each item's FSRS difficulty over time since its first review, not only its end state", () => {
    const first = review(createCard("u1", lr1, new Date(t0)), Rating.Again, new Date(t0), settings);
    const second = review(first.card, Rating.Good, new Date(t0 + 2 * DAY), settings);
    const now = new Date(t0 + 6 * DAY);
    const t = topicWeakness({ items, cards: [second.card], logs: [first.log, second.log], now, settings }).find((x) => x.topicId === "linear-regression")!;
    const scaled = (d: number) => (d - 1) / 9;
    // Difficulty after the first review held for 2 days, the card's current difficulty for the next 4.
    expect(t.averageDifficulty!).toBeCloseTo((2 * scaled(first.card.difficulty) + 4 * scaled(second.card.difficulty)) / 6, 10);
    expect(t.difficulty!).toBeCloseTo(scaled(second.card.difficulty), 10);
    expect(t.averageDifficulty!).toBeGreaterThan(t.difficulty!);
    // The end-state score (difficultySource "now") is the current difficulty.
    const endState = topicWeakness({ items, cards: [second.card], logs: [first.log, second.log], now, settings, options: { difficultySource: "now" } });
    expect(endState.find((x) => x.topicId === "linear-regression")!.weakness).toBeCloseTo(t.difficulty!, 10);
  });

  it("ranks a topic whose items failed more often than FSRS predicted weaker than one that failed less", () => {
    // Same items per topic, same review times; only the outcomes differ.
    const surprising = [study(byId("gd-1"), [Rating.Good, Rating.Again, Rating.Good, Rating.Again]), study(byId("gd-2"), [Rating.Again, Rating.Good, Rating.Again, Rating.Good])];
    const expected = [study(byId("lr-1"), [Rating.Good, Rating.Good, Rating.Good, Rating.Again]), study(byId("lr-2"), [Rating.Good, Rating.Good, Rating.Good, Rating.Good])];
    const all = [...surprising, ...expected];
    const now = new Date(t0 + 20 * DAY);
    const report = topicWeakness({ items, cards: all.map((s) => s.card), logs: all.flatMap((s) => s.logs), now, settings });
    const gd = report.find((t) => t.topicId === "gradient-descent")!;
    const lr = report.find((t) => t.topicId === "linear-regression")!;
    // The four reviews after the first day are cross-day reviews; the 10-minute learning step is not.
    expect(gd.historyReviews).toBe(8);
    expect(lr.historyReviews).toBe(8);
    expect(gd.historyFailures).toBe(4);
    expect(lr.historyFailures).toBe(1);
    expect(gd.predictedFailures).toBeGreaterThan(0);
    expect(gd.failureSurprise!).toBeGreaterThan(0.5);
    expect(gd.failureSurprise!).toBeGreaterThan(lr.failureSurprise!);
    expect(gd.weakness!).toBeGreaterThan(lr.weakness!);
    expect(weakestTopics(report, 1).map((t) => t.topicId)).toEqual(["gradient-descent"]);
    // Weighing the surprise alone ranks them the same way.
    const bySurprise = topicWeakness({ items, cards: all.map((s) => s.card), logs: all.flatMap((s) => s.logs), now, settings, options: { weights: { difficulty: 0, surprise: 1 } } });
    expect(weakestTopics(bySurprise, 1).map((t) => t.topicId)).toEqual(["gradient-descent"]);
  });

  it("shrinks the surprise towards 0.5 (as predicted) when there are few reviews", () => {
    const one = study(byId("gd-1"), [Rating.Again]);
    const t = topicWeakness({ items, cards: [one.card], logs: one.logs, now: new Date(t0 + 10 * DAY), settings }).find((x) => x.topicId === "gradient-descent")!;
    expect(t.historyReviews).toBe(1);
    expect(t.historyFailures).toBe(1);
    const prior = 10 * (1 - settings.desiredRetention);
    expect(t.failureSurprise!).toBeCloseTo((1 + prior) / (1 + t.predictedFailures + 2 * prior), 10);
    expect(t.failureSurprise!).toBeLessThan(0.75);
  });

  it("replays difficulty with FSRS's default parameters, so a personal fit does not change the score's meaning", () => {
    const weak = study(byId("gd-1"), [Rating.Again, Rating.Hard, Rating.Good]);
    const now = new Date(t0 + 20 * DAY);
    // Parameters that pull difficulty back to the mean much faster (w7) and forget faster (w20, the decay).
    const fitted = parseSchedulerSettings({ timezone: "UTC", parameters: settings.parameters.map((w, i) => (i === 7 ? 0.2 : i === 20 ? 0.5 : w)) });
    const withDefaults = topicWeakness({ items, cards: [weak.card], logs: weak.logs, now, settings }).find((x) => x.topicId === "gradient-descent")!;
    const withFitted = topicWeakness({ items, cards: [weak.card], logs: weak.logs, now, settings: fitted }).find((x) => x.topicId === "gradient-descent")!;
    expect(withFitted.predictedRecall).not.toBeCloseTo(withDefaults.predictedRecall!, 3);
    expect(withFitted.averageDifficulty).toBe(withDefaults.averageDifficulty);
    expect(withFitted.weakness).toBe(withDefaults.weakness);
  });

  it("ignores undone reviews in the history", () => {
    const weak = study(byId("gd-1"), [Rating.Good, Rating.Again]);
    const undone = weak.logs.map((l, i) => (i === weak.logs.length - 1 ? { ...l, undone: true } : l));
    const now = new Date(t0 + 20 * DAY);
    const t = topicWeakness({ items, cards: [weak.card], logs: undone, now, settings }).find((x) => x.topicId === "gradient-descent")!;
    expect(t.historyFailures).toBe(0);
    expect(t.historyReviews).toBe(1);
  });
});
