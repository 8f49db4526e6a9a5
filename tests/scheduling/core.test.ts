import { describe, expect, it } from "vitest";
import { createCard, formatInterval, isFirstOfDay, localDay, previewRatings, retrievability, review, undoReview } from "../../lib/scheduling/core/core";
import { CardState, parseSchedulerSettings, Rating } from "../../lib/scheduling/core/schema";

const item = { itemType: "flashcard", itemId: "softmax-definition" } as const;
const at = (iso: string) => new Date(iso);

describe("review and preview", () => {
  const settings = parseSchedulerSettings({});

  it("walks a new card through the default learning steps into Review", () => {
    const start = at("2026-11-27T09:00:00Z");
    const first = review(createCard("u1", item, start), Rating.Good, start, settings);
    expect(first.card.state).toBe(CardState.Learning);
    expect(first.card.due.getTime() - start.getTime()).toBe(10 * 60_000);
    expect(first.log).toMatchObject({ userId: "u1", itemType: "flashcard", itemId: "softmax-definition", rating: Rating.Good, state: CardState.New, firstOfDay: true, undone: false, source: "review" });
    const second = review(first.card, Rating.Good, first.card.due, settings);
    expect(second.card.state).toBe(CardState.Review);
    expect(second.card.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(second.log.firstOfDay).toBe(false);
  });

  it("previews the four buttons with the same outcome review() then produces", () => {
    const now = at("2026-11-27T09:00:00Z");
    const card = review(review(createCard("u1", item, now), Rating.Good, now, settings).card, Rating.Good, at("2026-11-27T09:10:00Z"), settings).card;
    const later = at("2026-12-01T09:00:00Z");
    const preview = previewRatings(card, later, settings);
    expect(preview.again.intervalMs).toBeLessThan(preview.hard.intervalMs);
    expect(preview.hard.intervalMs).toBeLessThanOrEqual(preview.good.intervalMs);
    expect(preview.good.intervalMs).toBeLessThan(preview.easy.intervalMs);
    expect(preview.again.label).toBe("10m");
    for (const [name, rating] of [["again", 1], ["hard", 2], ["good", 3], ["easy", 4]] as const) {
      expect(review(card, rating, later, settings).card.due).toEqual(preview[name].due);
    }
  });

  it("stores duration, source, raw score and submission beside the rating", () => {
    const now = at("2026-11-27T09:00:00Z");
    const { log } = review(createCard("u1", { itemType: "exercise", itemId: "softmax" }, now), Rating.Hard, now, settings, { durationMs: 42_000, source: "exercise", score: 0.6, submissionId: "sub-1" });
    expect(log).toMatchObject({ durationMs: 42_000, source: "exercise", score: 0.6, submissionId: "sub-1", rating: Rating.Hard });
  });

  it("refuses a review dated before the card's last review", () => {
    const now = at("2026-11-27T09:00:00Z");
    const { card } = review(createCard("u1", item, now), Rating.Good, now, settings);
    expect(() => review(card, Rating.Good, at("2026-11-27T08:00:00Z"), settings)).toThrow(/earlier than the card's last review/);
  });

  it("predicts lower recall the longer a card waits, and 0 for a card never studied", () => {
    const now = at("2026-11-27T09:00:00Z");
    const fresh = createCard("u1", item, now);
    expect(retrievability(fresh, now, settings)).toBe(0);
    const { card } = review(fresh, Rating.Easy, now, settings);
    const soon = retrievability(card, at("2026-11-28T09:00:00Z"), settings);
    const late = retrievability(card, at("2027-03-01T09:00:00Z"), settings);
    expect(soon).toBeGreaterThan(late);
    expect(soon).toBeLessThanOrEqual(1);
  });

  it("formats button labels compactly", () => {
    expect(formatInterval(30_000)).toBe("30s");
    expect(formatInterval(10 * 60_000)).toBe("10m");
    expect(formatInterval(3 * 3_600_000)).toBe("3h");
    expect(formatInterval(4 * 86_400_000)).toBe("4d");
    expect(formatInterval(75 * 86_400_000)).toBe("2.5mo");
    expect(formatInterval(438 * 86_400_000)).toBe("1.2y");
  });

  it("rejects settings that are not valid", () => {
    expect(() => parseSchedulerSettings({ timezone: "Mars/Olympus" })).toThrow(/IANA time zone/);
    expect(() => parseSchedulerSettings({ desiredRetention: 1.5 })).toThrow();
    expect(() => parseSchedulerSettings({ parameters: [1, 2, 3] })).toThrow(/17, 19 or 21/);
    expect(parseSchedulerSettings({ parameters: new Array(19).fill(1) }).parameters).toHaveLength(21);
  });
});

describe("undo", () => {
  const settings = parseSchedulerSettings({});

  it("restores the memory state before the last review and marks the log undone", () => {
    const t0 = at("2026-11-20T09:00:00Z");
    let card = createCard("u1", item, t0);
    card = review(card, Rating.Good, t0, settings).card;
    card = review(card, Rating.Good, at("2026-11-20T09:10:00Z"), settings).card;
    const before = card;
    const t1 = at("2026-11-25T09:00:00Z");
    const { card: after, log } = review(before, Rating.Again, t1, settings);
    expect(after.lapses).toBe(1);
    const undone = undoReview(after, log, settings);
    expect(undone.log.undone).toBe(true);
    expect(undone.card).toMatchObject({
      state: before.state, stability: before.stability, difficulty: before.difficulty, reps: before.reps, lapses: before.lapses,
      learningSteps: before.learningSteps, scheduledDays: before.scheduledDays, lastReview: before.lastReview,
    });
    // Due when it was due before the review (already due at t1, so the learner answers it again now).
    expect(undone.card.due).toEqual(before.due);
    expect(undone.card.due.getTime()).toBeLessThanOrEqual(t1.getTime());
    // The same answer again reproduces the undone outcome exactly.
    expect(review(undone.card, Rating.Again, t1, settings).card).toEqual(after);
  });

  it("undoes a new card's first review back to a new card", () => {
    const t0 = at("2026-11-20T09:00:00Z");
    const created = createCard("u1", item, t0);
    const { card, log } = review(created, Rating.Easy, t0, settings);
    const undone = undoReview(card, log, settings).card;
    expect(undone).toMatchObject({ state: CardState.New, reps: 0, lapses: 0, lastReview: null, stability: created.stability, difficulty: created.difficulty });
  });

  it("refuses to undo anything but the card's last kept review", () => {
    const t0 = at("2026-11-20T09:00:00Z");
    const first = review(createCard("u1", item, t0), Rating.Good, t0, settings);
    const second = review(first.card, Rating.Good, at("2026-11-20T09:10:00Z"), settings);
    expect(() => undoReview(second.card, first.log, settings)).toThrow(/only the card's last review/);
    const undone = undoReview(second.card, second.log, settings);
    expect(() => undoReview(undone.card, undone.log, settings)).toThrow(/already undone/);
    expect(() => undoReview({ ...second.card, itemId: "other" }, second.log, settings)).toThrow(/not of the card/);
  });
});

describe("first-of-day rule", () => {
  it("uses the learner's local day: 23:30 and 00:30 in Shanghai are different days, the same day in UTC", () => {
    const shanghai = parseSchedulerSettings({ timezone: "Asia/Shanghai", dayStartsAtHour: 0 });
    const utc = parseSchedulerSettings({ timezone: "UTC", dayStartsAtHour: 0 });
    const previous = at("2026-11-27T15:30:00Z"); // 23:30 in Shanghai
    const now = at("2026-11-27T16:30:00Z"); // 00:30 next day in Shanghai
    expect(isFirstOfDay(previous, now, shanghai)).toBe(true);
    expect(isFirstOfDay(previous, now, utc)).toBe(false);
  });

  it("counts a review before the day-start hour as the previous day (Anki's 4 a.m. rollover)", () => {
    const ny = parseSchedulerSettings({ timezone: "America/New_York" });
    expect(ny.dayStartsAtHour).toBe(4);
    // 22:00 and 02:00 (next calendar day) in New York: one learner-day.
    expect(isFirstOfDay(at("2026-11-28T03:00:00Z"), at("2026-11-28T07:00:00Z"), ny)).toBe(false);
    // 02:00 and 05:00: the day rolled over at 04:00.
    expect(isFirstOfDay(at("2026-11-28T07:00:00Z"), at("2026-11-28T10:00:00Z"), ny)).toBe(true);
    expect(localDay(at("2026-11-28T07:00:00Z"), "America/New_York", 4)).toBe("2026-11-27");
  });

  it("is stamped on the log by review(), and an undone review frees the day again", () => {
    const settings = parseSchedulerSettings({ timezone: "Europe/Berlin" });
    const day1 = at("2026-11-20T08:00:00Z");
    let card = createCard("u1", item, day1);
    card = review(card, Rating.Good, day1, settings).card;
    card = review(card, Rating.Good, at("2026-11-20T08:10:00Z"), settings).card;
    const morning = review(card, Rating.Good, at("2026-11-24T08:00:00Z"), settings);
    expect(morning.log.firstOfDay).toBe(true);
    const evening = review(morning.card, Rating.Good, at("2026-11-24T20:00:00Z"), settings);
    expect(evening.log.firstOfDay).toBe(false);
    const undone = undoReview(morning.card, morning.log, settings);
    expect(review(undone.card, Rating.Good, at("2026-11-24T20:00:00Z"), settings).log.firstOfDay).toBe(true);
  });
});
