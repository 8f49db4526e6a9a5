import { z } from "zod";

export const fitOptionsSchema = z.object({
  /** The latest share of the learner's cross-day reviews held out to judge the fit (time split, never random). */
  holdoutFraction: z.number().gt(0).lt(1).default(0.25),
  /** Fewer held-out reviews than this cannot tell two parameter sets apart: keep the current ones. */
  minHeldOutReviews: z.number().int().min(1).max(1_000_000).default(30),
  /** Fewer training items than this: the optimizer would return (near-)defaults; do not bother. */
  minTrainingItems: z.number().int().min(1).max(1_000_000).default(64),
});
export type FitOptionsInput = z.input<typeof fitOptionsSchema>;

/**
 * Why a fit was kept or not, as data, so the settings page can say it in the learner's language (like
 * `ratingFromGrade`'s reason): the code names the case, the numbers are what the sentence quotes.
 */
export const fitReasonSchema = z.discriminatedUnion("code", [
  /** Too few reviews on different days to make a time split. */
  z.object({ code: z.literal("fewCrossDayReviews") }),
  z.object({ code: z.literal("fewHeldOut"), heldOut: z.number().int(), needed: z.number().int() }),
  z.object({ code: z.literal("fewTraining"), training: z.number().int(), needed: z.number().int() }),
  z.object({ code: z.literal("optimizerUnavailable"), error: z.string() }),
  z.object({ code: z.literal("better"), heldOut: z.number().int(), currentLogLoss: z.number(), candidateLogLoss: z.number() }),
  z.object({ code: z.literal("notBetter"), heldOut: z.number().int(), currentLogLoss: z.number(), candidateLogLoss: z.number() }),
]);
export type FitReason = z.infer<typeof fitReasonSchema>;
