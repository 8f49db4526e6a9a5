import { z } from "zod";
import { clipParameters, default_w, migrateParameters } from "ts-fsrs";

/**
 * What a scheduled item is (column `itemType`): a flashcard, a graded exercise, or a misconception the grader
 * named in one of the learner's submissions (itemId "<exercise slug>/<misconception id>"; lib/review/misconceptions.ts).
 */
export const itemTypeSchema = z.enum(["flashcard", "exercise", "misconception"]);
export type ItemType = z.infer<typeof itemTypeSchema>;

/** Where a review came from (column `source` of SrsReviewLog). */
export const reviewSourceSchema = z.enum(["review", "exercise", "import"]);
export type ReviewSource = z.infer<typeof reviewSourceSchema>;

/** FSRS ratings, numbered as in ts-fsrs, Anki and the FSRS optimizer's CSV. */
export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type ReviewRating = (typeof Rating)[keyof typeof Rating];
export const reviewRatingSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const ratingNames = ["again", "hard", "good", "easy"] as const;
export type RatingName = (typeof ratingNames)[number];

/** Card states, numbered as in ts-fsrs and the FSRS optimizer's CSV (column `state`). */
export const CardState = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardStateValue = (typeof CardState)[keyof typeof CardState];
export const cardStateSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().min(1).refine(isTimeZone, { message: "not an IANA time zone (e.g. \"Asia/Shanghai\", \"UTC\")" });

const stepSchema = z.string().regex(/^\d+(\.\d+)?[mhd]$/, { message: "a step is a number followed by m, h or d (e.g. \"10m\")" });

/**
 * FSRS weights: 21 numbers (FSRS-6). 17 (FSRS-4.5) and 19 (FSRS-5) are accepted too and migrated by ts-fsrs,
 * so parameters fitted by an older optimizer still load. Every weight is clamped to the range ts-fsrs's
 * scheduler clamps it to (CLAMP_PARAMETERS: w0 ≥ 0.001, w20 ≤ 0.8, …): the scheduler used to clamp a stored
 * w20 = 2 to 0.8 while retrievability (statistics, the queue, mastery) computed with 2. Parsed here once, every
 * consumer sees the weights the scheduler uses. Non-finite numbers and other lengths are refused.
 */
export const fsrsParametersSchema = z
  .array(z.number().finite())
  .refine((w) => w.length === 17 || w.length === 19 || w.length === 21, { message: "FSRS parameters are 17, 19 or 21 numbers" })
  .transform((w) => migrateParameters(w));

/**
 * The weights ts-fsrs schedules with for `parameters` under these relearning steps: each clamped to its range,
 * and with several relearning steps w17 and w18 to a lower ceiling (ts-fsrs's clipParameters, which its
 * scheduler applies to whatever it is given). Settings and accepted fits hold these, so nothing computes with
 * a weight the scheduler does not use.
 */
export function schedulerWeights(parameters: readonly number[], relearningSteps: readonly string[]): number[] {
  return clipParameters(migrateParameters([...parameters]), relearningSteps.length, true);
}

/**
 * The options the scheduler needs. `desiredRetention`, `parameters` and `timezone` are the learner's SrsSettings
 * columns; the rest are Lacuna-wide defaults.
 */
export const schedulerSettingsSchema = z.object({
  /** Probability of recall the scheduler aims for when an item comes due (Anki's "desired retention"). */
  desiredRetention: z.number().min(0.7).max(0.99).default(0.9),
  parameters: fsrsParametersSchema.default([...default_w]),
  /** IANA zone of the learner: decides what "today" is for the first-of-day rule, daily limits and stats. */
  timezone: timeZoneSchema.default("UTC"),
  /** A learner's day starts at this local hour (Anki's rollover, 4 a.m.): a 1 a.m. review belongs to yesterday. */
  dayStartsAtHour: z.number().int().min(0).max(23).default(4),
  maximumInterval: z.number().int().min(1).max(36500).default(36500),
  enableFuzz: z.boolean().default(false),
  learningSteps: z.array(stepSchema).default(["1m", "10m"]),
  relearningSteps: z.array(stepSchema).default(["10m"]),
})
  .transform((settings) => ({ ...settings, parameters: schedulerWeights(settings.parameters, settings.relearningSteps) }));
export type SchedulerSettingsInput = z.input<typeof schedulerSettingsSchema>;
export type SchedulerSettings = z.output<typeof schedulerSettingsSchema>;

export function parseSchedulerSettings(input: SchedulerSettingsInput = {}): SchedulerSettings {
  return schedulerSettingsSchema.parse(input);
}

/**
 * Longest answer time kept with a review, in milliseconds (one day): anything longer is a clock or export error,
 * and SrsReviewLog.durationMs is a 32-bit integer column (PostgreSQL `integer`, at most 2,147,483,647).
 */
export const REVIEW_DURATION_MAX_MS = 24 * 60 * 60 * 1000;

/** Optional facts stored beside a review (SrsReviewLog columns that FSRS itself does not use). */
export const reviewMetaSchema = z.object({
  durationMs: z.number().int().min(0).max(REVIEW_DURATION_MAX_MS).nullable().default(null),
  source: reviewSourceSchema.default("review"),
  /** Raw exercise score (0..1) the rating was derived from; null for flashcards. */
  score: z.number().min(0).max(1).nullable().default(null),
  submissionId: z.string().min(1).nullable().default(null),
});
export type ReviewMetaInput = z.input<typeof reviewMetaSchema>;
export type ReviewMeta = z.output<typeof reviewMetaSchema>;
