/**
 * The scheduling core: one learner's memory of one item, as an FSRS card, and what a review does to it.
 * All arithmetic is ts-fsrs (FSRS-6); this module only maps Lacuna's rows (SrsCard, SrsReviewLog) to and from
 * ts-fsrs objects and adds the rules ts-fsrs leaves to the application: undo, previews for the rating buttons and
 * the first-of-day rule.
 */
import { fsrs, forgetting_curve, type Card, type FSRS, type Grade, type ReviewLog, type StepUnit } from "ts-fsrs";
import {
  CardState,
  Rating,
  ratingNames,
  reviewMetaSchema,
  type CardStateValue,
  type ItemType,
  type RatingName,
  type ReviewMetaInput,
  type ReviewRating,
  type ReviewSource,
  type SchedulerSettings,
} from "./schema";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The item a card is about, for one learner. */
export interface ItemRef {
  itemType: ItemType;
  itemId: string;
}

/** One learner's memory state of one item: the columns of SrsCard, one to one. */
export interface SrsCardState extends ItemRef {
  userId: string;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateValue;
  lastReview: Date | null;
}

/**
 * One review: the columns of SrsReviewLog except `cardId`, which the database assigns. As in ts-fsrs, the memory
 * fields (state, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps) are the card's state
 * BEFORE the review, which is what makes undo exact and what the optimizer's `review_state` means.
 */
export interface SrsReviewLogEntry extends ItemRef {
  userId: string;
  rating: ReviewRating;
  state: CardStateValue;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: Date;
  durationMs: number | null;
  source: ReviewSource;
  score: number | null;
  submissionId: string | null;
  /** True when this is the learner's first (not undone) review of the item on their local day. */
  firstOfDay: boolean;
  undone: boolean;
  /** The card's due before this review, which undo restores; null on reviews stored before it was kept. */
  previousDue: Date | null;
  /**
   * The card's reps after this review: its place in the card's history (1 = the first review, or the first after
   * a reset). Undo checks it against the card, since two reviews can share a millisecond. Null on older rows.
   */
  reps: number | null;
  /** This review started the card over from New (an imported reset, see `replayReviews`). */
  reset: boolean;
}

export interface ReviewResult {
  card: SrsCardState;
  log: SrsReviewLogEntry;
}

export interface RatingPreview {
  rating: ReviewRating;
  due: Date;
  /** Milliseconds from `now` to `due`. */
  intervalMs: number;
  scheduledDays: number;
  /** Compact, language-neutral label for a rating button: "1m", "10m", "3h", "4d", "2.5mo", "1.2y". */
  label: string;
}

export type RatingPreviews = Record<RatingName, RatingPreview>;

const schedulers = new WeakMap<SchedulerSettings, FSRS>();

/** The ts-fsrs scheduler for these settings (cached per settings object: the bench reviews millions of times). */
export function schedulerFor(settings: SchedulerSettings): FSRS {
  let scheduler = schedulers.get(settings);
  if (!scheduler) {
    scheduler = fsrs({
      request_retention: settings.desiredRetention,
      w: settings.parameters,
      maximum_interval: settings.maximumInterval,
      enable_fuzz: settings.enableFuzz,
      enable_short_term: true,
      learning_steps: settings.learningSteps as StepUnit[],
      relearning_steps: settings.relearningSteps as StepUnit[],
    });
    schedulers.set(settings, scheduler);
  }
  return scheduler;
}

/** A fresh card for an item the learner has never reviewed: due now, state New. */
export function createCard(userId: string, item: ItemRef, now: Date): SrsCardState {
  return {
    userId,
    itemType: item.itemType,
    itemId: item.itemId,
    due: new Date(now.getTime()),
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: CardState.New,
    lastReview: null,
  };
}

/** The ts-fsrs card for a stored card (restoring the FSRS state from the row). */
export function toFsrsCard(card: SrsCardState): Card {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.lastReview ? { last_review: new Date(card.lastReview.getTime()) } : {}),
  };
}

/** The stored card for a ts-fsrs card. */
export function fromFsrsCard(owner: { userId: string } & ItemRef, card: Card): SrsCardState {
  return {
    userId: owner.userId,
    itemType: owner.itemType,
    itemId: owner.itemId,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as CardStateValue,
    lastReview: card.last_review ?? null,
  };
}

/**
 * The learner's local calendar day of an instant, as "YYYY-MM-DD". The day starts at `dayStartsAtHour` local
 * time (4 means a review at 01:30 still belongs to the previous day, as in Anki and the FSRS optimizer).
 * Shifting the instant by that many hours before reading the local date is exact except within the hour a DST
 * change moves, which the few zones that change at night can shift by one hour.
 */
export function localDay(instant: Date, timezone: string, dayStartsAtHour = 0): string {
  return new Date(localDayNumber(instant, timezone, dayStartsAtHour) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whole days since 1970-01-01 of the learner's local day: differences are the day counts FSRS schedules and
 * trains on. This is Lacuna's one definition of a day: the first-of-day rule, daily limits, statistics, the
 * optimizer and the scheduler's elapsed days all count with it.
 */
export function localDayNumber(instant: Date, timezone: string, dayStartsAtHour = 0): number {
  const shifted = instant.getTime() - dayStartsAtHour * HOUR_MS;
  return Math.floor((shifted + utcOffsetMs(new Date(shifted), timezone)) / DAY_MS);
}

/**
 * Whole local days from `from` to `to` (the learner's zone, the day starting at `dayStartsAtHour`): 07:50 and
 * 08:10 of one Shanghai morning are 0 days apart even though a UTC date changed between them; 08:30 one day and
 * 07:30 the next are 1 day apart although both fall on one UTC date. Never negative.
 */
export function localDaysBetween(from: Date, to: Date, settings: Pick<SchedulerSettings, "timezone" | "dayStartsAtHour">): number {
  return Math.max(0, localDayNumber(to, settings.timezone, settings.dayStartsAtHour) - localDayNumber(from, settings.timezone, settings.dayStartsAtHour));
}

/**
 * The instant `days` local days after `instant` at the same local clock time: 24-hour steps, corrected by the
 * change of the zone's UTC offset in between, so a card due "in 3 days" falls on the local day 3 days on even
 * across a daylight-saving change (24 h after 04:30 EDT on the day New York falls back is 03:30 EST, still the
 * previous day before the 4 a.m. rollover).
 */
export function addLocalDays(instant: Date, days: number, timezone: string): Date {
  const naive = instant.getTime() + days * DAY_MS;
  return new Date(naive + utcOffsetMs(instant, timezone) - utcOffsetMs(new Date(naive), timezone));
}

/** The zone's offset from UTC at an instant, in milliseconds (Asia/Shanghai +8 h; America/New_York −4 h or −5 h). */
export function utcOffsetMs(instant: Date, timezone: string): number {
  if (timezone === "UTC" || timezone === "Etc/UTC") return 0;
  // Today's zones change their offset only at whole quarter hours (UTC), so one lookup serves a quarter hour:
  // the scheduler asks for the same few instants again and again, and Intl is slow.
  const bucket = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  let cache = offsetCache.get(timezone);
  if (!cache) offsetCache.set(timezone, (cache = new Map()));
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const start = new Date(bucket * QUARTER_HOUR_MS);
    const parts = clockFormatter(timezone).formatToParts(start);
    const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    offset = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"), get("second")) - start.getTime();
    if (cache.size >= 50_000) cache.clear();
    cache.set(bucket, offset);
  }
  return offset;
}

const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<string, Map<number, number>>();
const formatters = new Map<string, Intl.DateTimeFormat>();
function clockFormatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timezone, f);
  }
  return f;
}

/**
 * The first-of-day rule: a review counts towards retention statistics only if the learner has not already
 * reviewed (and kept, i.e. not undone) the same item earlier on the same local day. Later same-day reviews are
 * (re)learning steps whose success says little about long-term memory; counting them would inflate retention.
 * `lastReview` is the card's last kept review, which undo restores, so an undone review frees the day again.
 */
export function isFirstOfDay(lastReview: Date | null, now: Date, settings: Pick<SchedulerSettings, "timezone" | "dayStartsAtHour">): boolean {
  if (!lastReview) return true;
  return localDayNumber(lastReview, settings.timezone, settings.dayStartsAtHour) !== localDayNumber(now, settings.timezone, settings.dayStartsAtHour);
}

/**
 * Review a card: the next card state and the log row. Wraps ts-fsrs `next` (see `fsrsCardAt` and `settle` for
 * what Lacuna changes around it); `meta` fills the log columns FSRS does not use (duration, source, the raw
 * exercise score, the submission).
 */
export function review(card: SrsCardState, rating: ReviewRating, now: Date, settings: SchedulerSettings, meta: ReviewMetaInput = {}): ReviewResult {
  if (now.getTime() < (card.lastReview?.getTime() ?? -Infinity)) {
    throw new Error(`review at ${now.toISOString()} is earlier than the card's last review ${card.lastReview?.toISOString()}`);
  }
  const extra = reviewMetaSchema.parse(meta);
  const elapsedDays = card.lastReview ? localDaysBetween(card.lastReview, now, settings) : 0;
  const next = schedulerFor(settings).next(fsrsCardAt(card, now, elapsedDays), now, rating as number as Grade);
  return {
    card: fromFsrsCard(card, settle(next.card, now, settings)),
    log: {
      ...fromFsrsLog(card, next.log),
      ...extra,
      // The first-of-day rule (`isFirstOfDay`) with the day count just made.
      firstOfDay: !card.lastReview || elapsedDays > 0,
      undone: false,
      previousDue: new Date(card.due.getTime()),
      reps: next.card.reps,
      reset: false,
    },
  };
}

/**
 * The ts-fsrs card to schedule `card` at `now`. ts-fsrs counts the days elapsed since the last review between
 * UTC dates (in Shanghai a review at 07:50 and one at 08:10 of the same morning are a day apart for it, because
 * UTC midnight falls between them). Lacuna counts local days (`localDaysBetween`), so ts-fsrs is shown a last
 * review exactly that many 24-hour days before now, whose UTC date difference is that count. The real last
 * review goes back into the log (`fromFsrsLog`), where ts-fsrs would have copied the shifted one.
 */
function fsrsCardAt(card: SrsCardState, now: Date, elapsedDays: number): Card {
  const fsrsCard = toFsrsCard(card);
  if (card.lastReview && card.state !== CardState.New) fsrsCard.last_review = new Date(now.getTime() - elapsedDays * DAY_MS);
  return fsrsCard;
}

/**
 * What Lacuna adds to ts-fsrs's next card, for reviews and previews alike:
 * - The maximum interval is a maximum. ts-fsrs caps each interval, then spreads Hard < Good < Easy by a day
 *   each (a card at a 30-day cap previews 30/31/32 days) and schedules learning steps of a day or more without
 *   the cap. Nothing is scheduled further than `maximumInterval` days.
 * - A card due in n days is due on the local day n days on, at the same local time (`addLocalDays`), not
 *   n × 24 h later, which a daylight-saving change moves across the day's rollover.
 * Steps shorter than a day are left as they are.
 */
function settle(next: Card, now: Date, settings: SchedulerSettings): Card {
  const ms = next.due.getTime() - now.getTime();
  if (ms < DAY_MS) return next;
  const capped = ms > settings.maximumInterval * DAY_MS;
  const days = capped ? settings.maximumInterval : Math.floor(ms / DAY_MS);
  const rest = capped ? 0 : ms - days * DAY_MS;
  return { ...next, scheduled_days: days, due: new Date(addLocalDays(now, days, settings.timezone).getTime() + rest) };
}

function fromFsrsLog(card: SrsCardState, log: ReviewLog): Omit<SrsReviewLogEntry, "durationMs" | "source" | "score" | "submissionId" | "firstOfDay" | "undone" | "previousDue" | "reps" | "reset"> {
  return {
    userId: card.userId,
    itemType: card.itemType,
    itemId: card.itemId,
    rating: log.rating as number as ReviewRating,
    state: log.state as number as CardStateValue,
    // ts-fsrs's log keeps the card's last review here (its due if it was never reviewed); `fsrsCardAt` gave it
    // a shifted last review, so the real one is restored.
    due: card.lastReview ?? log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    review: log.review,
  };
}

/** What each of the four rating buttons would do now (wraps ts-fsrs `repeat`, with the same rules as `review`). */
export function previewRatings(card: SrsCardState, now: Date, settings: SchedulerSettings): RatingPreviews {
  const elapsedDays = card.lastReview ? localDaysBetween(card.lastReview, now, settings) : 0;
  const preview = schedulerFor(settings).repeat(fsrsCardAt(card, now, elapsedDays), now);
  const entries = ratingNames.map((name, i) => {
    const rating = (i + 1) as ReviewRating;
    const next = settle(preview[rating as number as Grade].card, now, settings);
    const intervalMs = next.due.getTime() - now.getTime();
    const result: RatingPreview = { rating, due: next.due, intervalMs, scheduledDays: next.scheduled_days, label: formatInterval(intervalMs) };
    return [name, result] as const;
  });
  return Object.fromEntries(entries) as RatingPreviews;
}

/** "45s", "10m", "3h", "4d", "2.5mo", "1.2y": short enough for a button, the same in zh and en. */
export function formatInterval(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))}s`;
  if (minutes < 60) return `${Math.round(minutes)}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trimmed(days / 30)}mo`;
  return `${trimmed(days / 365)}y`;
}

function trimmed(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/**
 * Undo the card's last review: the card as it was before it (ts-fsrs `rollback`, plus the due date the card had,
 * which rollback does not know) and the log marked undone (kept, not deleted, so the history stays auditable;
 * every statistic and the optimizer skip undone rows). Refuses a log that is not the card's last kept review,
 * because rolling back an older one would corrupt the state: the log must be at the card's last review instant
 * and, since two reviews can share a millisecond, be the card's latest by `reps`.
 */
export function undoReview(card: SrsCardState, log: SrsReviewLogEntry, settings: SchedulerSettings): ReviewResult {
  if (log.undone) throw new Error("this review was already undone");
  if (log.itemType !== card.itemType || log.itemId !== card.itemId || log.userId !== card.userId) {
    throw new Error(`the review is of ${log.itemType}:${log.itemId}, not of the card ${card.itemType}:${card.itemId}`);
  }
  if (!card.lastReview || card.lastReview.getTime() !== log.review.getTime() || (log.reps !== null && log.reps !== card.reps)) {
    throw new Error("only the card's last review can be undone");
  }
  if (log.reset) throw new Error("a reset (an imported review that started the card over) cannot be undone");
  const previous = schedulerFor(settings).rollback(toFsrsCard(card), {
    rating: log.rating as number as Grade,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsedDays,
    last_elapsed_days: log.lastElapsedDays,
    scheduled_days: log.scheduledDays,
    learning_steps: log.learningSteps,
    review: log.review,
  });
  return { card: { ...fromFsrsCard(card, previous), due: dueBefore(log, settings) }, log: { ...log, undone: true } };
}

/**
 * The card's due date before the review `log` records. Kept in the log since reviews record it; for older logs
 * it is worked out where it can be: a new card's due is in the log (ts-fsrs's `due` column), a Review card was
 * due `scheduledDays` learner days after its last review (also in the log); a (re)learning step's length is not
 * recorded, so such a card becomes due at the undone review's time, as ts-fsrs's rollback makes it.
 */
function dueBefore(log: SrsReviewLogEntry, settings: SchedulerSettings): Date {
  if (log.previousDue) return new Date(log.previousDue.getTime());
  if (log.state === CardState.New) return new Date(log.due.getTime());
  if (log.state === CardState.Review) return addLocalDays(log.due, log.scheduledDays, settings.timezone);
  return new Date(log.review.getTime());
}

/** One review to replay: when, the rating, the facts stored beside it, and whether it started the card over. */
export interface ReplayEntry {
  rating: ReviewRating;
  review: Date;
  meta?: ReviewMetaInput;
  /** Start the card over from New before this review (an imported reset: Anki's "Forget"). */
  reset?: boolean;
  /** Orders reviews that share a millisecond (a stored log's `reps`); otherwise the given order is kept. */
  sequence?: number | null;
}

/**
 * An item's history replayed through the scheduler from a new card: the reviews in time order (stable), each a
 * `review()`, a `reset` entry first starting the card over from New (its log marked `reset`). This is how
 * imported or out-of-order reviews get the memory state FSRS would have computed had they arrived in time. A
 * generator that yields before each review, so a long history can hand the event loop back (`replayInSlices`).
 */
export function* replaySteps<E extends ReplayEntry>(userId: string, item: ItemRef, entries: readonly E[], settings: SchedulerSettings): Generator<void, { card: SrsCardState; logs: { entry: E; log: SrsReviewLogEntry }[] }, void> {
  const ordered = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.review.getTime() - b.entry.review.getTime() || (a.entry.sequence ?? 0) - (b.entry.sequence ?? 0) || a.index - b.index)
    .map((e) => e.entry);
  if (ordered.length === 0) throw new Error(`no history to replay for ${item.itemType}:${item.itemId}`);
  let card = createCard(userId, item, ordered[0]!.review);
  const logs: { entry: E; log: SrsReviewLogEntry }[] = [];
  for (const entry of ordered) {
    yield;
    const restart = entry.reset === true && card.state !== CardState.New;
    if (restart) card = createCard(userId, item, entry.review);
    const result = review(card, entry.rating, entry.review, settings, entry.meta ?? {});
    card = result.card;
    logs.push({ entry, log: restart ? { ...result.log, reset: true } : result.log });
  }
  return { card, logs };
}

/** `replaySteps` at once. */
export function replayReviews<E extends ReplayEntry>(userId: string, item: ItemRef, entries: readonly E[], settings: SchedulerSettings): { card: SrsCardState; logs: { entry: E; log: SrsReviewLogEntry }[] } {
  const steps = replaySteps(userId, item, entries, settings);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `replaySteps` with `pause` awaited before each review. */
export async function replayInSlices<E extends ReplayEntry>(userId: string, item: ItemRef, entries: readonly E[], settings: SchedulerSettings, pause: () => Promise<void>): Promise<{ card: SrsCardState; logs: { entry: E; log: SrsReviewLogEntry }[] }> {
  const steps = replaySteps(userId, item, entries, settings);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/**
 * Predicted probability of recall of a card at an instant (FSRS-6 forgetting curve with the card's stability and
 * the fractional days since its last review). A card never reviewed has no memory to recall: 0.
 */
export function retrievability(card: Pick<SrsCardState, "state" | "stability" | "lastReview">, at: Date, settings: Pick<SchedulerSettings, "parameters">): number {
  if (card.state === CardState.New || !card.lastReview || card.stability <= 0) return 0;
  const elapsedDays = Math.max(0, (at.getTime() - card.lastReview.getTime()) / DAY_MS);
  return forgetting_curve(settings.parameters, elapsedDays, card.stability);
}

/** Key of an item in maps: "exercise:softmax-forward". */
export function itemKey(item: ItemRef): string {
  return `${item.itemType}:${item.itemId}`;
}

export { Rating, CardState };
