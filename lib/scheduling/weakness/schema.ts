import { z } from "zod";

/** Knobs of the weakness score; see core.ts for the formula they plug into. */
export const weaknessOptionsSchema = z
  .object({
    /** Recall is predicted this many days ahead: a topic about to slip is weak now. */
    horizonDays: z.number().min(0).max(365).default(7),
    /** Failures count as "recent" within this many days. */
    recentDays: z.number().min(1).max(365).default(14),
    /**
     * Weights of the parts (normalised by their sum). `difficulty` weighs the history-averaged FSRS difficulty
     * (time-averaged over each item's whole reviewed life), not the end state; `surprise` weighs failures beyond
     * what FSRS predicted at each review. Defaults chosen on simulated learners of tuning seeds only (core.ts).
     */
    weights: z
      .object({
        difficulty: z.number().min(0).default(1),
        forgetting: z.number().min(0).default(0),
        lapses: z.number().min(0).default(0),
        recentFailures: z.number().min(0).default(0),
        surprise: z.number().min(0).default(0),
      })
      .prefault({}),
    /**
     * Which difficulty the `difficulty` weight uses: "history" (default), each item's FSRS difficulty averaged
     * over time since its first review; "now", the end state only (the score before 2026-11-27, kept for the
     * bench's comparison).
     */
    difficultySource: z.enum(["history", "now"]).default("history"),
    /**
     * Pseudo-reviews of prior for the recent failure rate: a topic with one review that failed is not certainly
     * weak. The prior rate is 1 − desired retention, what the scheduler expects anyway.
     */
    priorReviews: z.number().min(0).default(2),
    /**
     * Prior for the failure surprise, in pseudo-reviews at the expected failure rate 1 − desired retention, added
     * to both the observed and the predicted failures: with few reviews the surprise stays near 0.5 (as predicted).
     */
    surprisePriorReviews: z.number().min(0).default(10),
  })
  .refine((o) => Object.values(o.weights).some((w) => w > 0), { message: "at least one weight must be positive" });
export type WeaknessOptionsInput = z.input<typeof weaknessOptionsSchema>;
export type WeaknessOptions = z.output<typeof weaknessOptionsSchema>;
