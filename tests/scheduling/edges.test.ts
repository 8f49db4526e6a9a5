// Scheduling at the edges: inputs taken from public bug reports of FSRS implementations (ts-fsrs, fsrs-rs,
// py-fsrs, Anki), each of which Lacuna's scheduler got wrong before (issue 17, item 4), and the other inputs that
// failed for the same reason.
import { describe, expect, it } from "vitest";
import { createRng } from "../../exercises/lib/random";
import { default_w, forgetting_curve } from "ts-fsrs";
import { CardState, createCard, localDayNumber, previewRatings, retrievability, review, schedulerFor, undoReview, type SrsCardState, type SrsReviewLogEntry } from "../../lib/scheduling/core/core";
import { parseReviewLogCsv, replayImportedReviews, reviewLogsToCsv, type ReviewCsvRow } from "../../lib/scheduling/io/core";
import { parseSchedulerSettings, Rating, type ReviewRating, type SchedulerSettings } from "../../lib/scheduling/core/schema";
import { cardHistories } from "../../lib/scheduling/optimizer/core";
import { buildQueue } from "../../lib/scheduling/queue/core";
import { topicMastery } from "../../lib/scheduling/stats/core";
import { topicWeakness } from "../../lib/scheduling/weakness/core";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const item = { itemType: "flashcard", itemId: "softmax-definition" } as const;
const at = (iso: string) => new Date(iso);

/** A card learnt (Good, Good 10 minutes later) at `start`, then reviewed Good at each of `later`. */
function learnt(start: Date, later: readonly Date[], settings: SchedulerSettings): SrsCardState {
  let card = review(createCard("u1", item, start), Rating.Good, start, settings).card;
  card = review(card, Rating.Good, new Date(start.getTime() + 10 * 60_000), settings).card;
  for (const t of later) card = review(card, Rating.Good, t, settings).card;
  return card;
}

describe("one definition of a day: elapsed days are the learner's local days with the rollover", () => {
  const shanghai = parseSchedulerSettings({ timezone: "Asia/Shanghai" });
  const utc = parseSchedulerSettings({ timezone: "UTC" });
  // The same local clock times for a learner in Shanghai (UTC+8) and one in UTC: their schedules must agree.
  const local = (clock: string, zoneHours: number) => new Date(Date.parse(`${clock}Z`) - zoneHours * HOUR);
  const history = (zoneHours: number, settings: SchedulerSettings) => learnt(local("2026-11-01T09:00:00", zoneHours), [local("2026-11-05T09:00:00", zoneHours)], settings);

  it("Good at 23:50Z and Good at 00:10Z in Shanghai (07:50 and 08:10 of one morning) is the same day", () => {
    const card = history(8, shanghai);
    const first = review(card, Rating.Good, at("2026-11-20T23:50:00Z"), shanghai);
    const second = review(first.card, Rating.Good, at("2026-11-21T00:10:00Z"), shanghai);
    expect(second.log.elapsedDays).toBe(0);
    expect(second.log.firstOfDay).toBe(false);
    // Exactly what a UTC learner gets for the same two reviews at 07:50 and 08:10 of one day.
    const reference = review(review(history(0, utc), Rating.Good, at("2026-11-21T07:50:00Z"), utc).card, Rating.Good, at("2026-11-21T08:10:00Z"), utc);
    expect(second.card.stability).toBe(reference.card.stability);
    expect(second.card.difficulty).toBe(reference.card.difficulty);
    expect(second.card.scheduledDays).toBe(reference.card.scheduledDays);
  });

  it("Good at 00:30Z and 23:30Z in Shanghai (08:30, then 07:30 the next morning) is a day apart", () => {
    const card = history(8, shanghai);
    const first = review(card, Rating.Good, at("2026-11-20T00:30:00Z"), shanghai);
    const second = review(first.card, Rating.Good, at("2026-11-20T23:30:00Z"), shanghai);
    expect(second.log.elapsedDays).toBe(1);
    expect(second.log.firstOfDay).toBe(true);
    const reference = review(review(history(0, utc), Rating.Good, at("2026-11-20T08:30:00Z"), utc).card, Rating.Good, at("2026-11-21T07:30:00Z"), utc);
    expect(second.card.stability).toBe(reference.card.stability);
    expect(second.card.scheduledDays).toBe(reference.card.scheduledDays);
  });

  it("the 4 a.m. rollover counts in UTC too: 03:00 and 05:00 of one date are two learner days", () => {
    const card = learnt(at("2026-11-01T09:00:00Z"), [at("2026-11-05T09:00:00Z")], utc);
    const night = review(card, Rating.Good, at("2026-11-20T03:00:00Z"), utc);
    const morning = review(night.card, Rating.Good, at("2026-11-20T05:00:00Z"), utc);
    expect(morning.log.elapsedDays).toBe(1);
    // And 23:00 and 02:00 across a UTC midnight are one learner day.
    const evening = review(card, Rating.Good, at("2026-11-20T23:00:00Z"), utc);
    expect(review(evening.card, Rating.Good, at("2026-11-21T02:00:00Z"), utc).log.elapsedDays).toBe(0);
  });

  it("a card due in n days is due on the local day n days on, across a daylight-saving change", () => {
    const ny = parseSchedulerSettings({ timezone: "America/New_York" });
    // New York falls back on 2026-11-01. A review at 04:30 EDT on 31 October, just after the 4 a.m. rollover:
    // 24-hour days would make the card due at 03:30 EST, still the previous learner day.
    const card = learnt(at("2026-10-20T13:00:00Z"), [at("2026-10-21T13:00:00Z")], ny);
    const now = at("2026-10-31T08:30:00Z");
    const preview = previewRatings(card, now, ny);
    for (const name of ["hard", "good", "easy"] as const) {
      const { due, scheduledDays } = preview[name];
      expect(localDayNumber(due, ny.timezone, ny.dayStartsAtHour) - localDayNumber(now, ny.timezone, ny.dayStartsAtHour)).toBe(scheduledDays);
      expect(due.toLocaleTimeString("en-GB", { timeZone: ny.timezone })).toBe("04:30:00");
    }
    const reviewed = review(card, Rating.Hard, now, ny).card;
    expect(reviewed.due).toEqual(preview.hard.due);
    // So it is not back in the queue the day it was reviewed.
    const queue = buildQueue({ items: [{ ...item, topics: ["softmax"] }], cards: [reviewed], logs: [], now: new Date(now.getTime() + HOUR), settings: ny });
    expect(queue.entries).toEqual([]);
  });

  it("everywhere the same count: a review is first of its day exactly when the scheduler and the optimizer count a day passing", () => {
    const rng = createRng(17);
    for (const timezone of ["Asia/Shanghai", "America/New_York", "Pacific/Chatham", "UTC"]) {
      const settings = parseSchedulerSettings({ timezone });
      let card = createCard("u1", item, at("2026-03-01T00:00:00Z"));
      let now = at("2026-03-01T00:00:00Z").getTime();
      const logs: SrsReviewLogEntry[] = [];
      for (let i = 0; i < 300; i++) {
        const result = review(card, (1 + Math.floor(rng.next() * 4)) as ReviewRating, new Date(now), settings);
        logs.push(result.log);
        card = result.card;
        now += Math.floor(rng.next() * (rng.next() < 0.5 ? 6 * HOUR : 3 * DAY));
      }
      const deltas = [...cardHistories(logs, settings).values()][0]!.map((h) => h.step.deltaT);
      logs.forEach((log, i) => {
        if (i === 0) return;
        expect({ timezone, i, elapsed: log.elapsedDays }).toEqual({ timezone, i, elapsed: deltas[i] });
        expect({ timezone, i, firstOfDay: log.firstOfDay }).toEqual({ timezone, i, firstOfDay: log.elapsedDays > 0 });
      });
    }
  });
});

describe("the maximum interval is a maximum", () => {
  const capped = parseSchedulerSettings({ maximumInterval: 30 });

  /** A card whose interval has grown to the cap. */
  function atCap(settings: SchedulerSettings): SrsCardState {
    let card = review(createCard("u1", item, at("2026-01-01T09:00:00Z")), Rating.Easy, at("2026-01-01T09:00:00Z"), settings).card;
    for (let i = 0; i < 6; i++) card = review(card, Rating.Good, card.due, settings).card;
    expect(card.scheduledDays).toBe(30);
    return card;
  }

  it("previews Hard/Good/Easy of a card at a 30-day cap as at most 30 days (were 30/31/32)", () => {
    const card = atCap(capped);
    const preview = previewRatings(card, card.due, capped);
    expect([preview.hard.scheduledDays, preview.good.scheduledDays, preview.easy.scheduledDays]).toEqual([30, 30, 30]);
    for (const name of ["hard", "good", "easy"] as const) {
      expect(preview[name].intervalMs).toBeLessThanOrEqual(30 * DAY);
      expect(review(card, preview[name].rating, card.due, capped).card.due).toEqual(preview[name].due);
    }
  });

  it("with fuzz, none of 2,400 reviews of a card at the cap is scheduled past it (300 got 31 days)", () => {
    const fuzzed = parseSchedulerSettings({ maximumInterval: 30, enableFuzz: true });
    const card = atCap(capped);
    let over = 0;
    for (let k = 0; k < 2400; k++) {
      const now = new Date(card.due.getTime() + k * HOUR);
      const next = review(card, (2 + (k % 3)) as ReviewRating, now, fuzzed).card;
      if (next.scheduledDays > 30 || next.due.getTime() - now.getTime() > 30 * DAY) over += 1;
    }
    expect(over).toBe(0);
  });

  it("a (re)learning step longer than the maximum is cut to it", () => {
    const longStep = parseSchedulerSettings({ maximumInterval: 30, relearningSteps: ["40d"] });
    const card = atCap(longStep);
    const lapse = review(card, Rating.Again, card.due, longStep).card;
    expect(lapse.due.getTime() - card.due.getTime()).toBe(30 * DAY);
    expect(lapse.scheduledDays).toBe(30);
    expect(previewRatings(card, card.due, longStep).again.intervalMs).toBe(30 * DAY);
  });
});

describe("parameters are validated once: every consumer computes with the weights the scheduler uses", () => {
  const stored = [...default_w];
  stored[0] = -5;
  stored[20] = 2;
  const settings = parseSchedulerSettings({ parameters: stored });
  const card: SrsCardState = {
    ...createCard("u1", item, at("2026-01-01T09:00:00Z")),
    state: CardState.Review,
    stability: 8.295,
    difficulty: 5,
    reps: 3,
    scheduledDays: 8,
    lastReview: at("2026-01-01T09:00:00Z"),
    due: at("2026-01-09T09:00:00Z"),
  };
  const yearOn = at("2027-01-01T09:00:00Z");

  it("w[20] = 2 and w[0] = −5 are clamped where settings are parsed, as the scheduler clamps them", () => {
    expect(settings.parameters[0]).toBe(0.001);
    expect(settings.parameters[20]).toBe(0.8);
    expect(settings.parameters).toEqual(schedulerFor(settings).parameters.w);
  });

  it("a year on, retrievability in statistics, the queue and mastery is the scheduler's 0.2063 (was 0.0875)", () => {
    const scheduler = schedulerFor(settings).forgetting_curve(365, card.stability);
    expect(scheduler).toBeCloseTo(0.2063, 4);
    // The stored w20 = 2 curve, which retrievability used before, says 0.0875.
    expect(forgetting_curve(2, 365, card.stability)).toBeCloseTo(0.0875, 4);
    expect(retrievability(card, yearOn, settings)).toBeCloseTo(scheduler, 8);
    const items = [{ ...item, topics: ["softmax"] }];
    expect(buildQueue({ items, cards: [card], logs: [], now: yearOn, settings }).entries[0]!.retrievability).toBeCloseTo(scheduler, 8);
    expect(topicMastery(items, [card], yearOn, settings)[0]!.recall).toBeCloseTo(scheduler, 8);
    const weekBefore = new Date(yearOn.getTime() - 7 * DAY);
    expect(topicWeakness({ items, cards: [card], logs: [], now: weekBefore, settings })[0]!.predictedRecall).toBeCloseTo(scheduler, 8);
  });

  it("with several relearning steps w17 and w18 get the scheduler's lower ceiling", () => {
    const w = [...default_w];
    w[17] = 2;
    w[18] = 2;
    const steps = parseSchedulerSettings({ parameters: w, relearningSteps: ["10m", "1h", "6h"] });
    expect(steps.parameters[17]).toBeLessThan(2);
    expect(steps.parameters).toEqual(schedulerFor(steps).parameters.w);
  });

  it("refuses weights that are not numbers or not 17, 19 or 21 of them", () => {
    expect(() => parseSchedulerSettings({ parameters: [...default_w].map((x, i) => (i === 3 ? Number.NaN : x)) })).toThrow();
    expect(() => parseSchedulerSettings({ parameters: [...default_w, 1] })).toThrow(/17, 19 or 21/);
  });
});

describe("undo undoes the last review only, and restores the previous due date", () => {
  const settings = parseSchedulerSettings({});

  it("refuses to undo the Again of a card rated Again and then Good in the same millisecond", () => {
    const card = learnt(at("2026-11-01T09:00:00Z"), [at("2026-11-05T09:00:00Z")], settings);
    const now = at("2026-11-20T09:00:00Z");
    const again = review(card, Rating.Again, now, settings);
    const good = review(again.card, Rating.Good, now, settings);
    expect(() => undoReview(good.card, again.log, settings)).toThrow(/only the card's last review/);
    // The Good is the one to undo, and it leaves the card as the Again left it.
    expect(undoReview(good.card, good.log, settings).card).toEqual(again.card);
  });

  it("restores the due date the card had: a review card reviewed two days late is due two days ago again", () => {
    const card = learnt(at("2026-11-01T09:00:00Z"), [at("2026-11-05T09:00:00Z")], settings);
    const now = new Date(card.due.getTime() + 2 * DAY);
    const { card: after, log } = review(card, Rating.Good, now, settings);
    const undone = undoReview(after, log, settings).card;
    expect(undone.due).toEqual(card.due);
    expect(undone).toEqual(card);
  });

  it("restores a learning step's due: a step answered 5 minutes early is due again in 5 minutes, not at once", () => {
    const start = at("2026-11-01T09:00:00Z");
    const first = review(createCard("u1", item, start), Rating.Good, start, settings).card;
    const early = new Date(first.due.getTime() - 5 * 60_000);
    const { card: after, log } = review(first, Rating.Good, early, settings);
    expect(undoReview(after, log, settings).card).toEqual(first);
  });

  it("works out the previous due of a review stored before it was kept (a Review card: last review + scheduled days)", () => {
    const card = learnt(at("2026-11-01T09:00:00Z"), [at("2026-11-05T09:00:00Z")], settings);
    const { card: after, log } = review(card, Rating.Hard, new Date(card.due.getTime() + 3 * HOUR), settings);
    const legacy = { ...log, previousDue: null, reps: null };
    expect(undoReview(after, legacy, settings).card.due).toEqual(card.due);
  });
});

describe("imports do not replay duplicates, and honour resets", () => {
  const settings = parseSchedulerSettings({ timezone: "UTC" });
  const t0 = Date.UTC(2026, 9, 1, 9);
  const itemFor = (id: string) => (id.startsWith("flashcard:") ? { itemType: "flashcard" as const, itemId: id.slice("flashcard:".length) } : null);
  const parse = (text: string): ReviewCsvRow[] => {
    const parsed = parseReviewLogCsv(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return parsed.rows;
  };

  it("an exact duplicate row is imported once and reported with its line (it used to become a second review)", () => {
    const csv = `card_id,review_time,review_rating,review_state\nflashcard:a,${t0},3,0\nflashcard:a,${t0 + 2 * DAY},3,1\nflashcard:a,${t0 + 2 * DAY},3,1\n`;
    const parsed = parseReviewLogCsv(csv);
    expect(parsed).toMatchObject({ ok: true, skipped: [{ line: 4, message: expect.stringMatching(/repeats line 3/) }] });
    expect(replayImportedReviews(parse(csv), "u1", itemFor, settings).logs).toHaveLength(2);
  });

  it("two rows for one card and millisecond rated 3 and 1 are refused, naming both lines (both used to be kept)", () => {
    const parsed = parseReviewLogCsv(`card_id,review_time,review_rating\nflashcard:a,${t0},3\nflashcard:b,${t0},1\nflashcard:a,${t0},1\n`);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([{ line: 4, column: "review_time", code: "conflictRating", params: expect.objectContaining({ earlier: 2 }), message: expect.stringMatching(/flashcard:a has two different reviews at .*line 2 rates it 3 \(Good\), this line 1 \(Again\)/) }]);
  });

  it("review_state 0 after earlier reviews starts the card over (it was ignored)", () => {
    const rows = [
      [t0, 3, 0],
      [t0 + 10 * 60_000, 3, 1],
      [t0 + 3 * DAY, 3, 2],
      [t0 + 20 * DAY, 3, 2],
      [t0 + 60 * DAY, 3, 0], // reset in the other tool, then learnt again
      [t0 + 60 * DAY + 10 * 60_000, 3, 1],
    ];
    const csv = `card_id,review_time,review_rating,review_state\n${rows.map(([t, r, s]) => `flashcard:a,${t},${r},${s}`).join("\n")}\n`;
    const { cards, logs } = replayImportedReviews(parse(csv), "u1", itemFor, settings);
    expect(logs.map((l) => l.reset)).toEqual([false, false, false, false, true, false]);
    expect(logs[4]!.state).toBe(CardState.New);
    // The card is exactly a new card learnt at the reset.
    const fresh = learnt(new Date(t0 + 60 * DAY), [], settings);
    expect(cards[0]).toEqual({ ...fresh, itemId: "a" });
    // Exported and imported again, the reset survives.
    expect(replayImportedReviews(parse(reviewLogsToCsv(logs)), "u1", itemFor, settings).logs.map((l) => l.reset)).toEqual([false, false, false, false, true, false]);
  });

  it("a run of New rows is one start (tools that log every learning step of a new card as New)", () => {
    const csv = `card_id,review_time,review_rating,review_state\nflashcard:a,${t0},1,0\nflashcard:a,${t0 + 60_000},3,0\nflashcard:a,${t0 + 11 * 60_000},3,0\n`;
    const { logs } = replayImportedReviews(parse(csv), "u1", itemFor, settings);
    expect(logs.map((l) => l.reset)).toEqual([false, false, false]);
    expect(logs.map((l) => l.state)).toEqual([CardState.New, CardState.Learning, CardState.Learning]);
  });

  it("the optimizer and the weakness score start a reset card's history over too", () => {
    const csv = `card_id,review_time,review_rating,review_state\nflashcard:a,${t0},3,0\nflashcard:a,${t0 + 3 * DAY},1,2\nflashcard:a,${t0 + 9 * DAY},3,0\nflashcard:a,${t0 + 12 * DAY},3,2\n`;
    const { logs } = replayImportedReviews(parse(csv), "u1", itemFor, settings);
    expect([...cardHistories(logs, settings).entries()].map(([key, h]) => [key, h.map((x) => x.step.deltaT)])).toEqual([
      ["flashcard:a", [0, 3]],
      ["flashcard:a#1", [0, 3]],
    ]);
  });
});
