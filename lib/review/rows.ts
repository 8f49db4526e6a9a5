// The rows recording a graded submit reads and writes, behind one interface with two stores, so its logic is
// written once. Through Prisma (`prismaReviewRows`: any transaction, either database) every answer is a promise;
// on SQLite inside the grading daemon's synchronous transaction on the side connection (`sqliteReviewRows` in
// ./store-sqlite.ts, issue 16: Prisma's interactive transaction cost the daemon 3.1–5.0 ms of CPU per graded
// submit) every answer is there at once. The recording logic is written as generator functions of steps that
// yield each answer (`const card = yield* answer(rows.card(…))`): `runAwaiting` awaits each step, `runNow` takes
// each as it comes and refuses a promise, since a synchronous transaction cannot wait.
import type { MisconceptionItem, Prisma, SrsCard, SrsReviewLog, SrsSettings } from "@/lib/db";
import type { ItemRef, SchedulerSettings } from "@/lib/scheduling";
import { cardWhere, rewriteItemHistory, type HistoryEntry } from "./service";
import type { DbClient } from "./store";

/** An answer now (SQLite's side connection) or later (Prisma: a promise, or Prisma's lazy thenable). */
export type Answer<T> = T | PromiseLike<T>;

/** A computation over ReviewRows that yields each answer it waits for and returns T (see `answer`). */
export type Steps<T> = Generator<Answer<unknown>, T, unknown>;

/** One answer inside Steps: `const row = yield* answer(rows.card(userId, item))`. */
export function* answer<T>(value: Answer<T>): Generator<Answer<T>, T, unknown> {
  return (yield value) as T;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/** Runs `steps` over promises: each awaited, and a rejection thrown into the steps where they wait. */
export async function runAwaiting<T>(steps: Steps<T>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = await next.value;
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(value);
  }
  return next.value;
}

/** Runs `steps` whose answers are all there already (a synchronous store); throws on a promise. */
export function runNow<T>(steps: Steps<T>): T {
  let next = steps.next();
  while (!next.done) {
    if (isThenable(next.value)) throw new Error("a step waited for a promise inside a synchronous transaction");
    next = steps.next(next.value);
  }
  return next.value;
}

/**
 * Thrown by a store for an operation it leaves to Prisma (on SQLite: rewriting an item's history, a rare case
 * with thousands of possible rows). The daemon rolls its transaction back and records the grade through Prisma.
 */
export class NeedsPrismaError extends Error {
  constructor(operation: string) {
    super(`${operation} runs through Prisma`);
    this.name = "NeedsPrismaError";
  }
}

/** The columns of a new card: the owner, the item and its memory. */
export type NewCard = Pick<SrsCard, "userId" | "itemType" | "itemId" | "due" | "stability" | "difficulty" | "elapsedDays" | "scheduledDays" | "learningSteps" | "reps" | "lapses" | "state" | "lastReview">;
/** A card's memory columns (lib/review/store.ts `cardMemoryData`). */
export type CardMemory = Omit<NewCard, "userId" | "itemType" | "itemId">;
export type NewMisconceptionItem = Pick<MisconceptionItem, "userId" | "exerciseSlug" | "misconceptionId" | "activeKey" | "submissionId" | "namedAt" | "lastSubmissionId" | "lastNamedAt">;
export type MisconceptionItemChange = Partial<Pick<MisconceptionItem, "submissionId" | "namedAt" | "lastSubmissionId" | "lastNamedAt" | "passSubmissionId" | "passedAt" | "retiredAt" | "retiredByLogId" | "activeKey">>;
/** A kept review-session rating of Good or Easy: what may retire a misconception item. */
export type Recall = Pick<SrsReviewLog, "id" | "review" | "rating" | "source" | "undone">;

/** What recording a graded submit reads and writes. Rows come back as Prisma gives them. */
export interface ReviewRows {
  settings(userId: string): Answer<SrsSettings | null>;
  reviewLogExists(logId: string): Answer<boolean>;
  card(userId: string, item: ItemRef): Answer<SrsCard | null>;
  cardId(userId: string, item: ItemRef): Answer<string | null>;
  /** The new card's id. A card of the same item created meanwhile: Prisma's unique violation (P2002). */
  createCard(card: NewCard): Answer<string>;
  /** Whether the card was still `stored` (same reps and last review) and is now updated. */
  updateCardIfUnchanged(stored: SrsCard, memory: CardMemory): Answer<boolean>;
  /** A log with an id already stored: Prisma's unique violation (P2002). */
  createReviewLog(log: Prisma.SrsReviewLogUncheckedCreateInput): Answer<SrsReviewLog>;
  /** The learner's items of one misconception, active and retired. */
  misconceptionItems(userId: string, exerciseSlug: string, misconceptionId: string): Answer<MisconceptionItem[]>;
  activeMisconceptionItems(userId: string, exerciseSlug: string): Answer<MisconceptionItem[]>;
  /** An active item of the same misconception created meanwhile: Prisma's unique violation (P2002). */
  createMisconceptionItem(item: NewMisconceptionItem): Answer<MisconceptionItem>;
  updateMisconceptionItem(id: string, change: MisconceptionItemChange): Answer<MisconceptionItem>;
  /** The learner's first passing graded submit of the exercise made after `after`. */
  firstPassAfter(userId: string, exerciseSlug: string, after: Date): Answer<{ id: string; createdAt: Date } | null>;
  /** The card's first kept Good or Easy of a review session after `after`. */
  firstRecallAfter(cardId: string, after: Date, goodOrBetter: number): Answer<Recall | null>;
  /** lib/review/service.ts `rewriteItemHistory`, or NeedsPrismaError. */
  rewriteHistory(userId: string, item: ItemRef, entries: HistoryEntry[], settings: SchedulerSettings): Answer<unknown>;
}

/** ReviewRows through Prisma, in the transaction (or client) `tx`. */
export function prismaReviewRows(tx: DbClient): ReviewRows {
  return {
    settings: (userId) => tx.srsSettings.findUnique({ where: { userId } }),
    reviewLogExists: async (logId) => (await tx.srsReviewLog.findUnique({ where: { id: logId }, select: { id: true } })) !== null,
    card: (userId, item) => tx.srsCard.findUnique({ where: cardWhere(userId, item) }),
    cardId: async (userId, item) => (await tx.srsCard.findUnique({ where: cardWhere(userId, item), select: { id: true } }))?.id ?? null,
    createCard: async (card) => (await tx.srsCard.create({ data: card })).id,
    updateCardIfUnchanged: async (stored, memory) => (await tx.srsCard.updateMany({ where: { id: stored.id, reps: stored.reps, lastReview: stored.lastReview }, data: memory })).count === 1,
    createReviewLog: (log) => tx.srsReviewLog.create({ data: log }),
    misconceptionItems: (userId, exerciseSlug, misconceptionId) => tx.misconceptionItem.findMany({ where: { userId, exerciseSlug, misconceptionId } }),
    activeMisconceptionItems: (userId, exerciseSlug) => tx.misconceptionItem.findMany({ where: { userId, exerciseSlug, activeKey: { not: null } } }),
    createMisconceptionItem: (item) => tx.misconceptionItem.create({ data: item }),
    updateMisconceptionItem: (id, change) => tx.misconceptionItem.update({ where: { id }, data: change }),
    firstPassAfter: (userId, exerciseSlug, after) =>
      tx.submission.findFirst({
        where: { userId, exerciseSlug, kind: "submit", status: "graded", passed: true, createdAt: { gt: after } },
        orderBy: { createdAt: "asc" },
        select: { id: true, createdAt: true },
      }),
    firstRecallAfter: (cardId, after, goodOrBetter) =>
      tx.srsReviewLog.findFirst({
        where: { cardId, undone: false, source: "review", rating: { gte: goodOrBetter }, review: { gt: after } },
        orderBy: { review: "asc" },
        select: { id: true, review: true, rating: true, source: true, undone: true },
      }),
    rewriteHistory: (userId, item, entries, settings) => rewriteItemHistory(tx, userId, item, entries, settings),
  };
}
