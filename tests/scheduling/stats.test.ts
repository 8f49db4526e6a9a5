import { describe, expect, it } from "vitest";
import { createCard, review, type SrsCardState, type SrsReviewLogEntry } from "../../lib/scheduling/core/core";
import { parseSchedulerSettings, Rating, type ReviewRating } from "../../lib/scheduling/core/schema";
import { dueForecast, reviewFigures, reviewsPerDay, topicMastery, trueRetention } from "../../lib/scheduling/stats/core";
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
    expect(trueRetention(history.logs, 0.9)).toEqual({ reviews: 2, recalled: 1, retention: 0.5, target: 0.9, gap: -0.4, considered: 5, notGraduated: 3, sameDay: 0 });
  });

  it("skips undone reviews and honours the window", () => {
    const logs = history.logs.map((l, i) => (i === 2 ? { ...l, undone: true } : l));
    expect(trueRetention(logs, 0.9)).toMatchObject({ reviews: 1, recalled: 1, retention: 1 });
    expect(trueRetention(history.logs, 0.9, { from: new Date(t0 + 4 * DAY), to: new Date(t0 + 6 * DAY) })).toMatchObject({ reviews: 1, retention: 1 });
    expect(trueRetention([], 0.85)).toEqual({ reviews: 0, recalled: 0, retention: null, target: 0.85, gap: null, considered: 0, notGraduated: 0, sameDay: 0 });
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

// Issue 13, item 5: "9 reviews in total" beside "True retention … No reviews yet", and a topic "67 % mastered"
// on /progress where Statistics said "recall 100 %". One definition of each figure, and the parts that explain it.
describe("reviewFigures", () => {
  it("says how many of the learner's reviews true retention counts, and why the others are left out", () => {
    // Nine reviews on day 0: three new cards, each learnt in three steps. None was of a graduated card.
    const items = ["x", "y", "z"].map((id): TopicItem => ({ itemType: "flashcard", itemId: id, topics: ["softmax"] }));
    const logs = items.flatMap((item) => run(item, [[t0, Rating.Again], [t0 + 60_000, Rating.Good], [t0 + 11 * 60_000, Rating.Good]]).logs);
    const figures = reviewFigures(logs, new Date(t0 + 3_600_000), settings);
    expect(figures.total).toBe(9);
    expect(figures.allTime).toMatchObject({ reviews: 0, retention: null, considered: 9, notGraduated: 9, sameDay: 0 });
    expect(figures.recent).toMatchObject({ days: 30, reviews: 9 });
  });

  it("splits the reviews left out into not graduated and same-day repeats, which add up with those counted", () => {
    // a graduates on day 0; day 3 Again (counted), its relearning step (not graduated), day 3 again Good after
    // relearning (a later review the same day), day 5 Good (counted).
    const history = run(a, [
      [t0, Rating.Good],
      [t0 + 10 * 60_000, Rating.Good],
      [t0 + 3 * DAY, Rating.Good],
      [t0 + 3 * DAY + 60 * 60_000, Rating.Good],
      [t0 + 5 * DAY, Rating.Again],
    ]);
    const all = reviewFigures(history.logs, new Date(t0 + 6 * DAY), settings).allTime;
    expect(all).toMatchObject({ considered: 5, reviews: 2, recalled: 1, notGraduated: 2, sameDay: 1 });
    expect(all.reviews + all.notGraduated + all.sameDay).toBe(all.considered);
  });

  it("counts the recent window over exactly the per-day chart's local days", () => {
    // Tokyo, the day starting at 4 a.m.: now is 10:00 on 2026-10-31; the 30 days run from 2026-10-02.
    const now = new Date(Date.UTC(2026, 9, 31, 1));
    const at = (iso: string) => new Date(iso);
    const logs = [
      run(a, [[at("2026-10-02T19:30:00Z").getTime(), Rating.Good]]).logs[0]!, // 04:30 on 10-03 in Tokyo: inside
      run(b, [[at("2026-10-02T18:30:00Z").getTime(), Rating.Good]]).logs[0]!, // 03:30 on 10-03: still 10-02, inside
      run(c, [[at("2026-10-01T18:30:00Z").getTime(), Rating.Good]]).logs[0]!, // 03:30 on 10-02: day 10-01, outside
    ];
    const figures = reviewFigures(logs, now, settings);
    expect(figures.perDay[0]!.day).toBe("2026-10-02");
    expect(figures.perDay.at(-1)!.day).toBe("2026-10-31");
    expect(figures.recent.reviews).toBe(figures.perDay.reduce((s, d) => s + d.reviews, 0));
    expect(figures.recent.reviews).toBe(2);
    expect(figures.recent.retention.considered).toBe(2);
    expect(figures.total).toBe(3);
  });

  it("leaves undone reviews out of every figure", () => {
    const history = run(a, [[t0, Rating.Good], [t0 + 10 * 60_000, Rating.Good]]);
    const logs = history.logs.map((l, i) => (i === 1 ? { ...l, undone: true } : l));
    const figures = reviewFigures(logs, new Date(t0 + DAY), settings);
    expect([figures.total, figures.recent.reviews, figures.allTime.considered]).toEqual([1, 1, 1]);
  });
});

describe("topic mastery and recall", () => {
  it("mastery is coverage times recall: 2 of 3 items just studied is recall 100 % and mastery 67 %", () => {
    const x: TopicItem = { itemType: "exercise", itemId: "x", topics: ["softmax"] };
    const learnt = (item: TopicItem) => run(item, [[t0, Rating.Easy]]).card;
    const [row] = topicMastery([a, b, x], [learnt(a), learnt(b)], new Date(t0), settings);
    expect(row).toMatchObject({ topicId: "softmax", studiedItems: 2, totalItems: 3, recall: 1 });
    expect(row!.mastery).toBeCloseTo(2 / 3, 10);
    // A day on, both parts move together: mastery = studied / total × recall, whatever the recall.
    const later = topicMastery([a, b, x], [learnt(a), learnt(b)], new Date(t0 + 9 * DAY), settings)[0]!;
    expect(later.recall!).toBeLessThan(1);
    expect(later.mastery).toBeCloseTo((2 / 3) * later.recall!, 10);
    expect(topicMastery([a], [], new Date(t0), settings)[0]).toMatchObject({ recall: null, mastery: 0, band: "not-started" });
  });
});
