// Rows ⇄ the scheduling core's types. The database holds SrsCard / SrsReviewLog / SrsSettings as Prisma rows
// (strings for "enums", JSON text for parameters); lib/scheduling works on SrsCardState / SrsReviewLogEntry /
// SchedulerSettings. Every value that crosses this edge is validated with the core's own zod schemas, so a
// hand-edited or corrupt row fails loudly here instead of producing a wrong schedule.
import { z } from "zod";
import type { Db, Prisma, SrsCard, SrsReviewLog, SrsSettings } from "@/lib/db";
import {
  cardStateSchema,
  fsrsParametersSchema,
  itemTypeSchema,
  parseSchedulerSettings,
  reviewRatingSchema,
  reviewSourceSchema,
  timeZoneSchema,
  type SchedulerSettings,
  type SrsCardState,
  type SrsReviewLogEntry,
} from "@/lib/scheduling";
import { misconceptionItemId } from "./items";

/** A transaction client or the client itself: every store function works inside or outside a transaction. */
export type DbClient = Db | Prisma.TransactionClient;

/** A stored review log: the core's entry plus the database ids. */
export type StoredReviewLog = SrsReviewLogEntry & { id: string; cardId: string };

/** A stored card: the core's state plus its id. */
export type StoredCard = SrsCardState & { id: string };

/** The learner's preferences and personal parameters as the app uses them. */
export interface LearnerSettings {
  scheduler: SchedulerSettings;
  dailyNewLimit: number;
  /** Personal parameters are in use (fitted and accepted), not ts-fsrs defaults. */
  personalParameters: boolean;
  parametersFittedAt: Date | null;
  parametersLogLoss: number | null;
}

export const DEFAULT_DAILY_NEW_LIMIT = 20;

const storedParametersSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "SrsSettings.parameters is not JSON" });
      return z.NEVER;
    }
  })
  .pipe(fsrsParametersSchema);

export function settingsFromRow(row: SrsSettings | null): LearnerSettings {
  if (!row) {
    return { scheduler: parseSchedulerSettings(), dailyNewLimit: DEFAULT_DAILY_NEW_LIMIT, personalParameters: false, parametersFittedAt: null, parametersLogLoss: null };
  }
  const parameters = row.parameters === null ? undefined : storedParametersSchema.parse(row.parameters);
  const timezone = timeZoneSchema.safeParse(row.timezone);
  return {
    scheduler: parseSchedulerSettings({
      desiredRetention: row.desiredRetention,
      timezone: timezone.success ? timezone.data : "UTC",
      ...(parameters ? { parameters } : {}),
    }),
    dailyNewLimit: row.dailyNewLimit,
    personalParameters: parameters !== undefined,
    parametersFittedAt: row.parametersFittedAt,
    parametersLogLoss: row.parametersLogLoss,
  };
}

export async function loadSettings(db: DbClient, userId: string): Promise<LearnerSettings> {
  return settingsFromRow(await db.srsSettings.findUnique({ where: { userId } }));
}

export function cardFromRow(row: Omit<SrsCard, "createdAt" | "updatedAt">): StoredCard {
  return {
    id: row.id,
    userId: row.userId,
    itemType: itemTypeSchema.parse(row.itemType),
    itemId: row.itemId,
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: cardStateSchema.parse(row.state),
    lastReview: row.lastReview,
  };
}

export function logFromRow(row: SrsReviewLog): StoredReviewLog {
  return {
    id: row.id,
    cardId: row.cardId,
    userId: row.userId,
    itemType: itemTypeSchema.parse(row.itemType),
    itemId: row.itemId,
    rating: reviewRatingSchema.parse(row.rating),
    state: cardStateSchema.parse(row.state),
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    lastElapsedDays: row.lastElapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    review: row.review,
    durationMs: row.durationMs,
    source: reviewSourceSchema.parse(row.source),
    score: row.score,
    submissionId: row.submissionId,
    firstOfDay: row.firstOfDay,
    undone: row.undone,
    previousDue: row.previousDue,
    reps: row.reps,
    reset: row.reset,
  };
}

/** The memory columns of a card (everything but the owner and the item, which never change). */
export function cardMemoryData(card: SrsCardState) {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsedDays,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.lastReview,
  };
}

export function logData(log: SrsReviewLogEntry, cardId: string, id?: string): Prisma.SrsReviewLogUncheckedCreateInput {
  return {
    ...(id ? { id } : {}),
    cardId,
    userId: log.userId,
    itemType: log.itemType,
    itemId: log.itemId,
    rating: log.rating,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsedDays,
    lastElapsedDays: log.lastElapsedDays,
    scheduledDays: log.scheduledDays,
    learningSteps: log.learningSteps,
    review: log.review,
    durationMs: log.durationMs,
    source: log.source,
    score: log.score,
    submissionId: log.submissionId,
    firstOfDay: log.firstOfDay,
    undone: log.undone,
    previousDue: log.previousDue,
    reps: log.reps,
    reset: log.reset,
  };
}

/**
 * A misconception item in the learner's queue (an active MisconceptionItem row): what the grader named, where
 * (the origin submission and when it was made), and whether the exercise has been passed since.
 */
export interface ActiveMisconception {
  /** The SrsCard's itemId: "<exerciseSlug>/<misconceptionId>". */
  itemId: string;
  exerciseSlug: string;
  misconceptionId: string;
  submissionId: string;
  namedAt: Date;
  passedAt: Date | null;
}

/**
 * Everything the scheduler needs about one learner: settings, every card, every log (undone ones included), and
 * the active misconception items. `cards` leaves out the cards of retired misconception items (their reviews stay
 * in `logs`): out of the queue, they are out of every count and forecast too.
 */
export interface LearnerState {
  settings: LearnerSettings;
  cards: StoredCard[];
  logs: StoredReviewLog[];
  misconceptions: ActiveMisconception[];
}

/** `logsSince` limits the logs to recent ones (a session needs today's and the weakness window's, not years). */
export async function loadLearnerState(db: DbClient, userId: string, logsSince?: Date): Promise<LearnerState> {
  const [settings, cardRows, logRows, activeRows] = await Promise.all([
    loadSettings(db, userId),
    db.srsCard.findMany({ where: { userId } }),
    db.srsReviewLog.findMany({ where: { userId, ...(logsSince ? { review: { gte: logsSince } } : {}) }, orderBy: { review: "asc" } }),
    db.misconceptionItem.findMany({ where: { userId, activeKey: { not: null } }, orderBy: { namedAt: "asc" } }),
  ]);
  const misconceptions = activeRows.map((row) => ({
    itemId: misconceptionItemId(row.exerciseSlug, row.misconceptionId),
    exerciseSlug: row.exerciseSlug,
    misconceptionId: row.misconceptionId,
    submissionId: row.submissionId,
    namedAt: row.namedAt,
    passedAt: row.passedAt,
  }));
  const active = new Set(misconceptions.map((m) => m.itemId));
  const cards = cardRows.filter((row) => row.itemType !== "misconception" || active.has(row.itemId)).map(cardFromRow);
  return { settings, cards, logs: logRows.map(logFromRow), misconceptions };
}
