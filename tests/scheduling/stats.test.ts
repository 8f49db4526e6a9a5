import { describe, expect, it } from "vitest";
import { createCard, review, type SrsCardState, type SrsReviewLogEntry } from "../../lib/scheduling/core/core";
import { parseSchedulerSettings, Rating, type ReviewRating } from "../../lib/scheduling/core/schema";
import { dueForecast, reviewsPerDay, topicMastery, trueRetention } from "../../lib/scheduling/stats/core";
import type { TopicItem } from "../../lib/scheduling/weakness/core";

const settings = parseSchedulerSettings({ timezone: "Asia/Tokyo" });
const DAY = 86_400_000;
const t0 = Date.UTC(2026, 9, 1, 0); // 09:00 in Tokyo

function run(item: TopicItem, steps: readonly [number, ReviewRating][]): { card: SrsCardState; logs: SrsReviewLogEntry[] } {
  let card = createCard("u1", item, new Date(t0));
  const logs: SrsReviewLogEntry[] = [];
  for (const [at, rating] of steps) {
    const r = review(card, rating, new Date(at), settings);
    card = r.card;
    logs.push(r.log);
  }
  return { card, logs };
}

const a: TopicItem = { itemType: "flashcard", itemId: "a", topics: ["softmax"] };
const b: TopicItem = { itemType: "exercise", itemId: "b", topics: ["softmax"] };
const c: TopicItem = { itemType: "flashcard", itemId: "c", topics: ["gru"] };

describe("trueRetention", () => {
  // a: learnt on day 0; day 3 Again (Review → counted), relearning step the same day (not counted), day 5 Good (counted).
  const history = run(a, [
    [t0, Rating.Good],
    [t0 + 10 * 60_000, Rating.Good],
    [t0 + 3 * DAY, Rating.Again],
    [t0 + 3 * DAY + 10 * 60_000, Rating.Good],
    [t0 + 5 * DAY, Rating.Good],
  ]);

  it("counts only first-of-day reviews of cards in Review, against the target", () => {
    expect(trueRetention(history.logs, 0.9)).toEqual({ reviews: 2, recalled: 1, retention: 0.5, target: 0.9, gap: -0.4 });
  });

  it("skips undone reviews and honours the window", () => {
    const logs = history.logs.map((l, i) => (i === 2 ? { ...l, undone: true } : l));
    expect(trueRetention(logs, 0.9)).toMatchObject({ reviews: 1, recalled: 1, retention: 1 });
    expect(trueRetention(history.logs, 0.9, { from: new Date(t0 + 4 * DAY), to: new Date(t0 + 6 * DAY) })).toMatchObject({ reviews: 1, retention: 1 });
    expect(trueRetention([], 0.85)).toEqual({ reviews: 0, recalled: 0, retention: null, target: 0.85, gap: null });
  });

  it("counts reviews per local day, zero-filled, oldest first", () => {
    const days = reviewsPerDay(history.logs, new Date(t0 + 5 * DAY), 7, settings);
    expect(days.map((d) => d.day)).toEqual(["2026-09-29", "2026-09-30", "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06"].slice(1));
    expect(days.find((d) => d.day === "2026-10-01")).toEqual({ day: "2026-10-01", reviews: 2, again: 0, newItems: 1 });
    expect(days.find((d) => d.day === "2026-10-04")).toEqual({ day: "2026-10-04", reviews: 2, again: 1, newItems: 0 });
    expect(days.find((d) => d.day === "2026-10-02")!.reviews).toBe(0);
  });
});

describe("dueForecast", () => {
  it("puts overdue cards on today and each card on its due day, for 30 days", () => {
    const now = new Date(t0 + 20 * DAY);
    const overdue = { ...run(a, [[t0, Rating.Good], [t0 + 600_000, Rating.Good]]).card };
    const later = { ...run(b, [[t0, Rating.Good], [t0 + 600_000, Rating.Good]]).card, due: new Date(now.getTime() + 3 * DAY) };
    const tooFar = { ...later, itemId: "far", due: new Date(now.getTime() + 40 * DAY) };
    const fresh = createCard("u1", c, now);
    const forecast = dueForecast([overdue, later, tooFar, fresh], now, settings);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ day: "2026-10-21", due: 1 });
    expect(forecast[3]).toEqual({ day: "2026-10-24", due: 1 });
    expect(forecast.reduce((s, d) => s + d.due, 0)).toBe(2);
  });
});

describe("topicMastery", () => {
  it("bands topics from not started to mastered", () => {
    const now = new Date(t0 + DAY);
    const learnt = (item: TopicItem) => run(item, [[t0, Rating.Good], [t0 + 600_000, Rating.Good]]).card;
    const notStarted = topicMastery([a, b, c], [], now, settings);
    expect(notStarted.map((m) => m.band)).toEqual(["not-started", "not-started"]);
    const partly = topicMastery([a, b, c], [learnt(a)], now, settings).find((m) => m.topicId === "softmax")!;
    expect(partly).toMatchObject({ band: "familiar", studiedItems: 1, totalItems: 2 });
    const complete = topicMastery([a, b, c], [learnt(a), learnt(b)], now, settings).find((m) => m.topicId === "softmax")!;
    expect(complete.band).toBe("proficient");
    const mature = [learnt(a), learnt(b)].map((card) => ({ ...card, stability: 40 }));
    expect(topicMastery([a, b], mature, now, settings)[0]!.band).toBe("mastered");
    const forgotten = topicMastery([a, b], [learnt(a)], new Date(t0 + 200 * DAY), settings)[0]!;
    expect(forgotten.band).toBe("attempted");
    expect(forgotten.recall!).toBeLessThan(0.7);
  });
});
