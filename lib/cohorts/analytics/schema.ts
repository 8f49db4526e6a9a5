// Options of the cohort analytics (lib/cohorts/analytics/core.ts) and the focused-review request, validated with
// zod at the edge: a page's query string or a form posted by hand gets a message, never a wrong figure.
import { z } from "zod";

export const analyticsOptionsSchema = z.object({
  /** A misconception is held now when it was named within this many days and not fixed (passed) since. */
  recentDays: z.number().int().min(1).max(365).default(30),
  /** Struggling: no submission and no review for at least this many days. */
  inactiveDays: z.number().int().min(1).max(365).default(7),
  /** Struggling: at least this many failed graded submits of one exercise in a row, not passed since. */
  failureStreak: z.number().int().min(2).max(100).default(3),
  /** Struggling: at least this many studied cards a full day or more past their due time. */
  overdueCards: z.number().int().min(1).max(10_000).default(10),
  /** The activity charts' window: this many days, today included (in the cohort's time zone). */
  activityDays: z.number().int().min(7).max(365).default(30),
  /** How many weakest topics to name per struggling learner. */
  weakestTopics: z.number().int().min(1).max(10).default(3),
  /** Which page of the struggling learners (STRUGGLING_PAGE_SIZE a page) to name the weakest topics of, 1-based. */
  strugglingPage: z.number().int().min(1).max(100_000).default(1),
});

/**
 * Struggling learners a page shows with their weakest topics. Each one's weakest topics fit the weakness model
 * on their history (lib/scheduling/weakness/model.ts, milliseconds a learner): a page of them keeps the analytics
 * of a 500-learner cohort, where most may be flagged, in bounded time (bench/cohort.ts).
 */
export const STRUGGLING_PAGE_SIZE = 20;

/**
 * Learners a page of the heatmap shows (the cohort means are over all of them), as many as a gradebook page:
 * a page of a large cohort renders in bounded time.
 */
export const HEATMAP_PAGE_SIZE = 100;
export type AnalyticsOptions = z.output<typeof analyticsOptionsSchema>;
export type AnalyticsOptionsInput = z.input<typeof analyticsOptionsSchema>;

/** The struggling filter and the pages as the analytics page's query string carries them (?inactive=14&struggling=2&heatmap=3). */
export const analyticsQuerySchema = z.object({
  /** The struggling list's page; anything else falls back to the first. */
  struggling: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  /** The heatmap's page (HEATMAP_PAGE_SIZE learners a page); anything else falls back to the first. */
  heatmap: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  inactive: z.coerce.number({ error: "cohorts.analytics.errors.inactiveDays" }).int({ error: "cohorts.analytics.errors.inactiveDays" }).min(1, { error: "cohorts.analytics.errors.inactiveDays" }).max(365, { error: "cohorts.analytics.errors.inactiveDays" }).optional(),
});

/** A focused review of one topic for some of a cohort's learners (the analytics page's "Send a focused review"). */
export const focusedReviewSchema = z.object({
  topicId: z.string({ error: "cohorts.analytics.errors.topicUnknown" }).min(1, { error: "cohorts.analytics.errors.topicUnknown" }),
  /** User ids, comma-separated as the form posts them; each must be a learner of the cohort. */
  learnerIds: z
    .string({ error: "cohorts.analytics.errors.noLearners" })
    .transform((raw) => [...new Set(raw.split(",").map((id) => id.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(64)).min(1, { error: "cohorts.analytics.errors.noLearners" }).max(1000, { error: "cohorts.analytics.errors.tooManyLearners" })),
});
export type FocusedReviewInput = z.output<typeof focusedReviewSchema>;
