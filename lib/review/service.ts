// Reviewing, undoing and rewriting an item's history in the database. Each operation is one transaction that
// reads the card, lets lib/scheduling compute the next state, and writes the card and its log together.
//
// Concurrency: the card is updated only if it is still the card that was read (same reps and last review), so two
// tabs rating the same card, or the grading daemon and the web app recording the same submission, cannot both
// win; the loser gets a ReviewConflictError and re-reads.
import { withWriteRetry, type Db, type SrsCard } from "@/lib/db";
import {
  createCard,
  replayInSlices,
  replayReviews,
  review,
  undoReview,
  type ItemRef,
  type ReviewMetaInput,
  type ReviewRating,
  type ReviewSource,
  type SchedulerSettings,
  type SrsCardState,
  type SrsReviewLogEntry,
} from "@/lib/scheduling";
import { answer, prismaReviewRows, runAwaiting, type ReviewRows, type Steps } from "./rows";
import { cardFromRow, cardMemoryData, loadSettings, logData, logFromRow, type DbClient, type StoredCard, type StoredReviewLog } from "./store";

/** The card changed since the caller read it (another tab, a double click, a concurrent grader). */
export class ReviewConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReviewConflictError";
  }
}

export interface ReviewInput {
  userId: string;
  item: ItemRef;
  rating: ReviewRating;
  now: Date;
  meta?: ReviewMetaInput;
  /**
   * The card's last review as the caller saw it (null: never reviewed). When given and the stored card differs,
   * the review is refused: the learner rated a card state that no longer exists.
   */
  expectedLastReview?: Date | null;
  /** A fixed id for the log row (exercise grades use one per submission, which makes recording idempotent). */
  logId?: string;
}

export interface ReviewOutcome {
  card: StoredCard;
  log: StoredReviewLog;
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}

// Duck-typed: the SQLite and PostgreSQL clients are generated separately, so `instanceof` one class misses the other.
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** The unique key of a learner's card for `item`. */
export function cardWhere(userId: string, item: ItemRef) {
  return { userId_itemType_itemId: { userId, itemType: item.itemType, itemId: item.itemId } };
}

/**
 * Review one item inside an open transaction (see `reviewItem`). `stored`: the item's card row (null: none) when
 * the caller has read it in this transaction already; it is read here otherwise.
 */
export async function reviewInTransaction(tx: DbClient, input: ReviewInput, settings: SchedulerSettings, stored?: SrsCard | null): Promise<ReviewOutcome> {
  return runAwaiting(reviewSteps(prismaReviewRows(tx), input, settings, stored));
}

/**
 * reviewInTransaction's steps over either store (./rows.ts). Throws ReviewConflictError when the card is not the
 * one the caller saw (`expectedLastReview`), already has a later review, or was changed or created meanwhile.
 */
export function* reviewSteps(rows: ReviewRows, input: ReviewInput, settings: SchedulerSettings, stored?: SrsCard | null): Steps<ReviewOutcome> {
  const { userId, item, now } = input;
  const row = stored !== undefined ? stored : yield* answer(rows.card(userId, item));
  const card = row ? cardFromRow(row) : createCard(userId, item, now);
  if (input.expectedLastReview !== undefined && !sameInstant(card.lastReview, input.expectedLastReview)) {
    throw new ReviewConflictError("this card was reviewed elsewhere since it was shown");
  }
  if (card.lastReview && now.getTime() < card.lastReview.getTime()) {
    throw new ReviewConflictError("a later review of this card is already stored");
  }
  const result = review(card, input.rating, now, settings, input.meta ?? {});
  let cardId: string;
  if (!row) {
    try {
      cardId = yield* answer(rows.createCard({ userId, itemType: item.itemType, itemId: item.itemId, ...cardMemoryData(result.card) }));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ReviewConflictError("this card was created elsewhere at the same time");
      throw error;
    }
  } else {
    if (!(yield* answer(rows.updateCardIfUnchanged(row, cardMemoryData(result.card))))) throw new ReviewConflictError("this card was reviewed elsewhere at the same time");
    cardId = row.id;
  }
  let logRow;
  try {
    logRow = yield* answer(rows.createReviewLog(logData(result.log, cardId, input.logId)));
  } catch (error) {
    if (isUniqueViolation(error)) throw new ReviewConflictError(`the review ${input.logId} is already recorded`);
    throw error;
  }
  return { card: { ...result.card, id: cardId }, log: logFromRow(logRow) };
}

/** Review an item now: the card (created on first review) and its log, stored together. */
export async function reviewItem(db: Db, input: ReviewInput): Promise<ReviewOutcome> {
  return withWriteRetry(() => db.$transaction(async (tx) => reviewInTransaction(tx, input, (await loadSettings(tx, input.userId)).scheduler)));
}

export interface UndoOutcome {
  /** The item whose review was undone: the session shows it again. */
  item: ItemRef;
  card: StoredCard;
  log: StoredReviewLog;
}

/** Why the latest session rating cannot be undone (undoLastReview's ReviewConflictError). */
const UNDO_REFUSED = "this card has been reviewed again since; its last rating can no longer be undone";

/**
 * The session rating undoLastReview takes back: of the learner's latest kept session rating `latest` and the kept
 * session ratings of its card at the same instant (`sameInstant`), the one that is still `card`'s last review.
 * Null when the card has been reviewed again since (a graded submission, an import): nothing can be undone then.
 */
export function undoableRating<Log extends { review: Date; reps: number | null }>(latest: Log, sameInstant: readonly Log[], card: { lastReview: Date | null; reps: number }): Log | null {
  // Two ratings of a card can share a millisecond (a double press): the card's last is the one whose reps match
  // the card's, whatever the ids' order.
  const log = sameInstant.find((l) => l.reps === card.reps) ?? latest;
  const stillLast = card.lastReview !== null && card.lastReview.getTime() === log.review.getTime() && (log.reps === null || log.reps === card.reps);
  return stillLast ? log : null;
}

/**
 * Undo the learner's latest rating given in a review session (source "review"; exercise grades are facts
 * about a submission and are not undone here). The card returns to its state before that rating and the log is
 * kept, marked undone. Null when there is nothing to undo.
 */
export async function undoLastReview(db: Db, userId: string): Promise<UndoOutcome | null> {
  return db.$transaction(async (tx) => {
    const latest = await tx.srsReviewLog.findFirst({ where: { userId, undone: false, source: "review" }, orderBy: [{ review: "desc" }, { id: "desc" }] });
    if (!latest) return null;
    const cardRow = await tx.srsCard.findUnique({ where: { id: latest.cardId } });
    if (!cardRow) return null;
    const sameInstant = await tx.srsReviewLog.findMany({ where: { cardId: latest.cardId, undone: false, source: "review", review: latest.review } });
    const logRow = undoableRating(latest, sameInstant, cardRow);
    if (!logRow) throw new ReviewConflictError(UNDO_REFUSED);
    const settings = (await loadSettings(tx, userId)).scheduler;
    const log = logFromRow(logRow);
    const card = cardFromRow(cardRow);
    const result = undoReview(card, log, settings);
    const { count } = await tx.srsCard.updateMany({ where: { id: cardRow.id, reps: cardRow.reps, lastReview: cardRow.lastReview }, data: cardMemoryData(result.card) });
    if (count !== 1) throw new ReviewConflictError("this card changed while undoing");
    const updated = await tx.srsReviewLog.update({ where: { id: logRow.id }, data: { undone: true } });
    return { item: { itemType: card.itemType, itemId: card.itemId }, card: { ...result.card, id: cardRow.id }, log: logFromRow(updated) };
  });
}

/** One review to (re)play: the rating, when, the facts stored beside it, and whether it started the card over. */
export interface HistoryEntry {
  /** Keeps an existing log's id (or gives a new one a fixed id). */
  id?: string;
  rating: ReviewRating;
  review: Date;
  durationMs: number | null;
  source: ReviewSource;
  score: number | null;
  submissionId: string | null;
  /** The card starts over from New before this review (an imported reset). */
  reset?: boolean;
  /** Orders entries of one millisecond (a stored log's reps). */
  sequence?: number | null;
}

export function historyOf(log: SrsReviewLogEntry & { id: string }): HistoryEntry {
  return { id: log.id, rating: log.rating, review: log.review, durationMs: log.durationMs, source: log.source, score: log.score, submissionId: log.submissionId, reset: log.reset, sequence: log.reps };
}

/** An item's history replayed through the scheduler: the resulting card and every kept log, in time order. */
export interface ReplayedHistory {
  card: SrsCardState;
  logs: { id?: string; log: SrsReviewLogEntry }[];
}

/**
 * Replays `entries` (any order) through the scheduler from a new card (lib/scheduling's `replaySteps`, resets
 * included). `pause`, when given, is awaited between reviews so a long history (an import of thousands of
 * reviews) can give the event loop back now and then.
 */
export async function replayHistory(userId: string, item: ItemRef, entries: readonly HistoryEntry[], settings: SchedulerSettings, pause?: () => Promise<void>): Promise<ReplayedHistory> {
  const replayEntries = entries.map((entry) => ({
    entry,
    rating: entry.rating,
    review: entry.review,
    meta: { durationMs: entry.durationMs, source: entry.source, score: entry.score, submissionId: entry.submissionId },
    reset: entry.reset ?? false,
    sequence: entry.sequence ?? null,
  }));
  const replayed = pause ? await replayInSlices(userId, item, replayEntries, settings, pause) : replayReviews(userId, item, replayEntries, settings);
  return { card: replayed.card, logs: replayed.logs.map(({ entry, log }) => ({ ...(entry.entry.id ? { id: entry.entry.id } : {}), log })) };
}

// Large histories are inserted in slices: one statement per slice keeps clear of the databases' limits on bound
// parameters (SQLite 32,766; PostgreSQL 65,535) whatever the number of reviews.
const LOG_INSERT_SLICE = 500;

/**
 * Stores a replayed history in an open transaction: the card (created when `row` is null), its kept logs
 * replaced by the replayed ones. With `expected`, the card must still be the one the history was read from
 * (same reps and last review), else ReviewConflictError: a review that arrived meanwhile is not overwritten.
 */
export async function storeReplayedHistory(
  tx: DbClient,
  userId: string,
  item: ItemRef,
  row: { id: string; reps: number; lastReview: Date | null } | null,
  replayed: ReplayedHistory,
  expected = false,
): Promise<StoredCard> {
  let cardId: string;
  if (row && expected) {
    const { count } = await tx.srsCard.updateMany({ where: { id: row.id, reps: row.reps, lastReview: row.lastReview }, data: cardMemoryData(replayed.card) });
    if (count !== 1) throw new ReviewConflictError("this card was reviewed elsewhere while its history was rebuilt");
    cardId = row.id;
  } else if (row) {
    cardId = (await tx.srsCard.update({ where: { id: row.id }, data: cardMemoryData(replayed.card) })).id;
  } else {
    try {
      cardId = (await tx.srsCard.create({ data: { userId, itemType: item.itemType, itemId: item.itemId, ...cardMemoryData(replayed.card) } })).id;
    } catch (error) {
      if (isUniqueViolation(error)) throw new ReviewConflictError("this card was created elsewhere while its history was rebuilt");
      throw error;
    }
  }
  await tx.srsReviewLog.deleteMany({ where: { cardId, undone: false } });
  for (let start = 0; start < replayed.logs.length; start += LOG_INSERT_SLICE) {
    await tx.srsReviewLog.createMany({ data: replayed.logs.slice(start, start + LOG_INSERT_SLICE).map((r) => logData(r.log, cardId, r.id)) });
  }
  return { ...replayed.card, id: cardId };
}

/**
 * Merge reviews into an item's history and recompute it from scratch: the kept logs and `additions`, in time
 * order, replayed through the scheduler from a new card. This is how reviews that arrive out of order (an import,
 * a submission the hook missed while a later one was recorded) get the memory state FSRS would have computed had
 * they arrived in time. Undone logs stay as they are (an audit trail); kept logs are rewritten with their ids.
 */
export async function rewriteItemHistory(tx: DbClient, userId: string, item: ItemRef, additions: readonly HistoryEntry[], settings: SchedulerSettings): Promise<{ card: StoredCard; logs: number }> {
  const row = await tx.srsCard.findUnique({ where: cardWhere(userId, item) });
  const kept = row ? (await tx.srsReviewLog.findMany({ where: { cardId: row.id, undone: false } })).map(logFromRow) : [];
  const replayed = await replayHistory(userId, item, [...kept.map(historyOf), ...additions], settings);
  const card = await storeReplayedHistory(tx, userId, item, row, replayed);
  return { card, logs: replayed.logs.length };
}
