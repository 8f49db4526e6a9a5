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
  const parts = dateFormatter(timezone).formatToParts(new Date(instant.getTime() - dayStartsAtHour * 3_600_000));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Whole days since 1970-01-01 of the learner's local day: differences are the day counts FSRS trains on. */
export function localDayNumber(instant: Date, timezone: string, dayStartsAtHour = 0): number {
  return Math.round(Date.parse(`${localDay(instant, timezone, dayStartsAtHour)}T00:00:00Z`) / DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" });
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
  return localDay(lastReview, settings.timezone, settings.dayStartsAtHour) !== localDay(now, settings.timezone, settings.dayStartsAtHour);
}

/**
 * Review a card: the next card state and the log row. Wraps ts-fsrs `next`; `meta` fills the log columns FSRS
 * does not use (duration, source, the raw exercise score, the submission).
 */
export function review(card: SrsCardState, rating: ReviewRating, now: Date, settings: SchedulerSettings, meta: ReviewMetaInput = {}): ReviewResult {
  if (now.getTime() < (card.lastReview?.getTime() ?? -Infinity)) {
    throw new Error(`review at ${now.toISOString()} is earlier than the card's last review ${card.lastReview?.toISOString()}`);
  }
  const extra = reviewMetaSchema.parse(meta);
  const next = schedulerFor(settings).next(toFsrsCard(card), now, rating as number as Grade);
  return {
    card: fromFsrsCard(card, next.card),
    log: {
      ...fromFsrsLog(card, next.log),
      ...extra,
      firstOfDay: isFirstOfDay(card.lastReview, now, settings),
      undone: false,
    },
  };
}

function fromFsrsLog(card: SrsCardState, log: ReviewLog): Omit<SrsReviewLogEntry, "durationMs" | "source" | "score" | "submissionId" | "firstOfDay" | "undone"> {
  return {
    userId: card.userId,
    itemType: card.itemType,
    itemId: card.itemId,
    rating: log.rating as number as ReviewRating,
    state: log.state as number as CardStateValue,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    review: log.review,
  };
}

/** What each of the four rating buttons would do now (wraps ts-fsrs `repeat`). */
export function previewRatings(card: SrsCardState, now: Date, settings: SchedulerSettings): RatingPreviews {
  const preview = schedulerFor(settings).repeat(toFsrsCard(card), now);
  const entries = ratingNames.map((name, i) => {
    const rating = (i + 1) as ReviewRating;
    const next = preview[rating as number as Grade].card;
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
 * Undo the card's last review: the card as it was before it (ts-fsrs `rollback`) and the log marked undone
 * (kept, not deleted, so the history stays auditable; every statistic and the optimizer skip undone rows).
 * Refuses a log that is not the card's last kept review, because rolling back an older one would corrupt the
 * state.
 */
export function undoReview(card: SrsCardState, log: SrsReviewLogEntry, settings: SchedulerSettings): ReviewResult {
  if (log.undone) throw new Error("this review was already undone");
  if (log.itemType !== card.itemType || log.itemId !== card.itemId || log.userId !== card.userId) {
    throw new Error(`the review is of ${log.itemType}:${log.itemId}, not of the card ${card.itemType}:${card.itemId}`);
  }
  if (!card.lastReview || card.lastReview.getTime() !== log.review.getTime()) {
    throw new Error("only the card's last review can be undone");
  }
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
  return { card: fromFsrsCard(card, previous), log: { ...log, undone: true } };
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
