import { z } from "zod";

export const masteryOptionsSchema = z.object({
  /** Predicted recall now at or above which a topic is "familiar". */
  familiarRecall: z.number().min(0).max(1).default(0.7),
  /** Predicted recall now at or above which a fully covered topic is "proficient". */
  proficientRecall: z.number().min(0).max(1).default(0.9),
  /** Stability (days) every item needs for "mastered"; 21 days is Anki's "mature". */
  masteredStabilityDays: z.number().min(1).max(36500).default(21),
});
export type MasteryOptionsInput = z.input<typeof masteryOptionsSchema>;

export const reviewFiguresOptionsSchema = z.object({
  /** The recent window in local days, today included (the per-day chart's days). */
  days: z.number().int().min(1).max(3660).default(30),
});
export type ReviewFiguresOptionsInput = z.input<typeof reviewFiguresOptionsSchema>;
