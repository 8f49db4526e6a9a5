import { z } from "zod";
import { weaknessOptionsSchema } from "../weakness/schema";

export const queueOptionsSchema = z.object({
  /** New items a learner may start per local day (SrsSettings.dailyNewLimit). */
  dailyNewLimit: z.number().int().min(0).max(1000).default(10),
  /** Only this topic's items (the "practise this topic" button). */
  focusTopic: z.string().min(1).optional(),
  /** Cap on review (not new) entries; the rest stay due for later. */
  maxReviews: z.number().int().min(0).max(1_000_000).optional(),
  /**
   * Anki's learn-ahead limit, in ms: (re)learning steps due within it join the queue after everything else, so a
   * card just rated Again (back in a minute) is counted as learning and shown rather than ending the session.
   */
  learnAheadMs: z.number().int().min(0).max(86_400_000).default(0),
  weakness: weaknessOptionsSchema.optional(),
});
export type QueueOptionsInput = z.input<typeof queueOptionsSchema>;
