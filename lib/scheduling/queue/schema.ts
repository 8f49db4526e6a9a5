import { z } from "zod";
import { weaknessOptionsSchema } from "../weakness/schema";

export const queueOptionsSchema = z.object({
  /** New items a learner may start per local day (SrsSettings.dailyNewLimit). */
  dailyNewLimit: z.number().int().min(0).max(1000).default(10),
  /** Only this topic's items (the "practise this topic" button). */
  focusTopic: z.string().min(1).optional(),
  /** Cap on review (not new) entries; the rest stay due for later. */
  maxReviews: z.number().int().min(0).max(1_000_000).optional(),
  weakness: weaknessOptionsSchema.optional(),
});
export type QueueOptionsInput = z.input<typeof queueOptionsSchema>;
