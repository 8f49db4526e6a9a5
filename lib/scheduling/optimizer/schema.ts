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
