import { describe, expect, it } from "vitest";
import { topicsInPrerequisiteOrder } from "../../exercises/topics";
import { createCard, review, type SrsCardState, type SrsReviewLogEntry } from "../../lib/scheduling/core/core";
import { parseSchedulerSettings, Rating, type ReviewRating } from "../../lib/scheduling/core/schema";
import { buildQueue, countNewStartedOn, queueCounts } from "../../lib/scheduling/queue/core";
import type { TopicItem } from "../../lib/scheduling/weakness/core";

const settings = parseSchedulerSettings({ timezone: "Asia/Shanghai" });
const DAY = 86_400_000;
const t0 = Date.UTC(2026, 9, 1, 1); // 09:00 in Shanghai

// Listed in an order that contradicts the prerequisites on purpose.
const items: TopicItem[] = [
  { itemType: "exercise", itemId: "attention-1", topics: ["attention"] },
  { itemType: "flashcard", itemId: "softmax-1", topics: ["softmax"] },
  { itemType: "flashcard", itemId: "lr-1", topics: ["linear-regression"] },
  { itemType: "exercise", itemId: "gd-1", topics: ["gradient-descent"] },
  { itemType: "flashcard", itemId: "softmax-nn", topics: ["neural-networks", "softmax"] },
  { itemType: "flashcard", itemId: "lr-2", topics: ["linear-regression"] },
  { itemType: "flashcard", itemId: "nn-1", topics: ["neural-networks"] },
];
const byId = (id: string) => items.find((i) => i.itemId === id)!;

function study(id: string, ratings: readonly ReviewRating[], start = t0, gapDays = 2): { card: SrsCardState; logs: SrsReviewLogEntry[] } {
  let card = createCard("u1", byId(id), new Date(start));
  const logs: SrsReviewLogEntry[] = [];
  let now = start;
  for (const [i, rating] of [Rating.Good, Rating.Good, ...ratings].entries()) {
    const r = review(card, rating as ReviewRating, new Date(now), settings);
    card = r.card;
    logs.push(r.log);
    now += i === 0 ? 10 * 60_000 : gapDays * DAY;
  }
  return { card, logs };
}

describe("buildQueue", () => {
  it("introduces new items in the topic map's prerequisite order, up to the daily limit", () => {
    const q = buildQueue({ items, cards: [], logs: [], now: new Date(t0), settings, options: { dailyNewLimit: 4 } });
    expect(q.entries.map((e) => e.itemId)).toEqual(["lr-1", "lr-2", "gd-1", "nn-1"]);
    expect(q.entries.every((e) => e.kind === "new")).toBe(true);
    const all = buildQueue({ items, cards: [], logs: [], now: new Date(t0), settings, options: { dailyNewLimit: 100 } }).entries.map((e) => e.itemId);
    // An item tagged neural-networks + softmax waits for softmax, the later of its topics; attention comes last.
    expect(all).toEqual(["lr-1", "lr-2", "gd-1", "nn-1", "softmax-1", "softmax-nn", "attention-1"]);
    const order = topicsInPrerequisiteOrder().map((t) => t.id);
    const positions = all.map((id) => Math.max(...byId(id).topics.map((t) => order.indexOf(t))));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("counts items already started today (learner's local day) against the daily limit", () => {
    const started = study("lr-1", []);
    const now = new Date(t0 + 3 * 3_600_000);
    expect(countNewStartedOn(started.logs, "2026-10-01", settings)).toBe(1);
    const q = buildQueue({ items, cards: [started.card], logs: started.logs, now, settings, options: { dailyNewLimit: 2 } });
    expect(q).toMatchObject({ newStartedToday: 1, newRemainingToday: 1 });
    expect(q.entries.filter((e) => e.kind === "new").map((e) => e.itemId)).toEqual(["lr-2"]);
    const nextDay = buildQueue({ items, cards: [started.card], logs: started.logs, now: new Date(t0 + DAY), settings, options: { dailyNewLimit: 2 } });
    expect(nextDay.newRemainingToday).toBe(2);
    expect(buildQueue({ items, cards: [], logs: [], now, settings, options: { dailyNewLimit: 0 } }).entries).toEqual([]);
  });

  it("puts due reviews before new items, and leaves cards not yet due out", () => {
    const due = study("lr-1", [Rating.Good]);
    const now = new Date(due.card.due.getTime() + DAY);
    const q = buildQueue({ items, cards: [due.card], logs: due.logs, now, settings, options: { dailyNewLimit: 1 } });
    expect(q.entries.map((e) => [e.itemId, e.kind])).toEqual([["lr-1", "review"], ["lr-2", "new"]]);
    const early = buildQueue({ items, cards: [due.card], logs: due.logs, now: new Date(due.card.due.getTime() - 3 * DAY), settings, options: { dailyNewLimit: 0 } });
    expect(early.entries).toEqual([]);
  });

  it("orders due reviews weakest topic first, then the most overdue (lowest recall) first", () => {
    const weak = study("gd-1", [Rating.Again, Rating.Good, Rating.Again, Rating.Good]);
    const strongA = study("lr-1", [Rating.Easy], t0);
    const strongB = study("lr-2", [Rating.Easy], t0 + 5 * DAY);
    const now = new Date(Math.max(weak.card.due.getTime(), strongA.card.due.getTime(), strongB.card.due.getTime()) + DAY);
    const cards = [strongB.card, strongA.card, weak.card];
    const logs = [...weak.logs, ...strongA.logs, ...strongB.logs];
    const q = buildQueue({ items, cards, logs, now, settings, options: { dailyNewLimit: 0 } });
    expect(q.entries.map((e) => [e.itemId, e.kind])).toEqual([["gd-1", "review"], ["lr-1", "review"], ["lr-2", "review"]]);
    expect(q.entries[0]!.topicWeakness!).toBeGreaterThan(q.entries[1]!.topicWeakness!);
    expect(q.entries[1]!.retrievability).toBeLessThan(q.entries[2]!.retrievability);
    expect(buildQueue({ items, cards, logs, now, settings, options: { dailyNewLimit: 0, maxReviews: 1 } }).entries.map((e) => e.itemId)).toEqual(["gd-1"]);
  });

  it("puts due learning steps first", () => {
    const reviewing = study("lr-1", [Rating.Good]);
    const now = new Date(reviewing.card.due.getTime() + DAY);
    const learning = review(createCard("u1", byId("gd-1"), new Date(now.getTime() - 20 * 60_000)), Rating.Good, new Date(now.getTime() - 20 * 60_000), settings);
    const q = buildQueue({ items, cards: [reviewing.card, learning.card], logs: [...reviewing.logs, learning.log], now, settings, options: { dailyNewLimit: 0 } });
    expect(q.entries.map((e) => [e.itemId, e.kind])).toEqual([["gd-1", "learning"], ["lr-1", "review"]]);
  });

  it("focuses on one topic when asked", () => {
    const due = study("lr-1", [Rating.Good]);
    const now = new Date(due.card.due.getTime() + DAY);
    const q = buildQueue({ items, cards: [due.card], logs: due.logs, now, settings, options: { dailyNewLimit: 10, focusTopic: "softmax" } });
    expect(q.entries.map((e) => e.itemId)).toEqual(["softmax-1", "softmax-nn"]);
  });
});

// Issue 13, item 5: the review header said "0 learning" right after a card was rated Again. The card is back in
// a minute: it is in learning, and the session shows it once nothing else is left.
describe("learning / due / new counts", () => {
  it("counts a card just rated Again as learning, queued after what is due now", () => {
    const now = t0 + 20 * DAY;
    const again = review(createCard("u1", byId("lr-1"), new Date(now)), Rating.Again, new Date(now), settings);
    const due = study("gd-1", [Rating.Good]).card;
    const input = { items, cards: [again.card, due], logs: [again.log], now: new Date(now + 1_000), settings };
    const q = buildQueue({ ...input, options: { dailyNewLimit: 2, learnAheadMs: 20 * 60_000 } });
    expect(queueCounts(q.entries)).toEqual({ learning: 1, review: 1, new: 1 });
    expect(q.entries.map((e) => [e.itemId, e.kind])).toEqual([["gd-1", "review"], ["lr-2", "new"], ["lr-1", "learning"]]);
    // Once its step is due it comes first; beyond the learn-ahead limit it is not counted (it is not back today).
    const stepDue = buildQueue({ ...input, now: new Date(now + 61_000), options: { dailyNewLimit: 2, learnAheadMs: 20 * 60_000 } });
    expect(stepDue.entries[0]).toMatchObject({ itemId: "lr-1", kind: "learning" });
    expect(queueCounts(buildQueue({ ...input, options: { dailyNewLimit: 2 } }).entries)).toEqual({ learning: 0, review: 1, new: 1 });
  });
});
