// The learner's review preferences (SrsSettings): the daily limit of new items, the desired retention and the
// time zone that decides what "today" is. Personal FSRS parameters are written by the background fit only.
import { z } from "zod";
import type { Db } from "@/lib/db";
import { timeZoneSchema } from "@/lib/scheduling";

export const reviewPreferencesSchema = z.object({
  dailyNewLimit: z.coerce.number({ error: "dailyNewLimit must be a number" }).int({ error: "dailyNewLimit must be a whole number" }).min(0).max(1000),
  desiredRetention: z.coerce.number({ error: "desiredRetention must be a number" }).min(0.7).max(0.99),
  timezone: timeZoneSchema,
});
export type ReviewPreferences = z.infer<typeof reviewPreferencesSchema>;

export async function saveReviewPreferences(db: Db, userId: string, preferences: ReviewPreferences): Promise<void> {
  await db.srsSettings.upsert({ where: { userId }, create: { userId, ...preferences }, update: preferences });
}
