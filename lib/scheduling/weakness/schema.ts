import { z } from "zod";

/** Knobs of the weakness score; see core.ts for the formula they plug into. */
export const weaknessOptionsSchema = z
  .object({
    /** Recall is predicted this many days ahead: a topic about to slip is weak now. */
    horizonDays: z.number().min(0).max(365).default(7),
    /** Failures count as "recent" within this many days. */
    recentDays: z.number().min(1).max(365).default(14),
    weights: z
      .object({
        difficulty: z.number().min(0).default(0.8),
        forgetting: z.number().min(0).default(0.1),
        lapses: z.number().min(0).default(0.05),
        recentFailures: z.number().min(0).default(0.05),
      })
      .prefault({}),
    /**
     * Pseudo-reviews of prior for the recent failure rate: a topic with one review that failed is not certainly
     * weak. The prior rate is 1 − desired retention, what the scheduler expects anyway.
     */
    priorReviews: z.number().min(0).default(2),
  })
  .refine((o) => o.weights.difficulty + o.weights.forgetting + o.weights.lapses + o.weights.recentFailures > 0, { message: "at least one weight must be positive" });
export type WeaknessOptionsInput = z.input<typeof weaknessOptionsSchema>;
export type WeaknessOptions = z.output<typeof weaknessOptionsSchema>;
