// The numbers behind /review/stats, from lib/scheduling's statistics over the learner's cards and logs.
import type { Db } from "@/lib/db";
import type { Lang } from "@/lib/i18n";
import { dueForecast, reviewsPerDay, topicMastery, trueRetention, type DayCount, type ForecastDay, type TopicMastery, type TrueRetention } from "@/lib/scheduling";
import { reviewCatalog } from "./items";
import { topicName, topicRank } from "./session";
import { loadLearnerState } from "./store";

const DAY_MS = 86_400_000;
export const STATS_DAYS = 30;

export interface ReviewStats {
  target: number;
  /** True retention over the last 30 days and over all time. */
  retentionRecent: TrueRetention;
  retentionAll: TrueRetention;
  perDay: DayCount[];
  forecast: ForecastDay[];
  mastery: (TopicMastery & { name: string })[];
  totalReviews: number;
  personalParameters: boolean;
}

export async function loadReviewStats(db: Db, userId: string, lang: Lang, now = new Date()): Promise<ReviewStats> {
  const state = await loadLearnerState(db, userId);
  const settings = state.settings.scheduler;
  const kept = state.logs.filter((l) => !l.undone);
  return {
    target: settings.desiredRetention,
    retentionRecent: trueRetention(kept, settings.desiredRetention, { from: new Date(now.getTime() - STATS_DAYS * DAY_MS), to: new Date(now.getTime() + 1) }),
    retentionAll: trueRetention(kept, settings.desiredRetention),
    perDay: reviewsPerDay(kept, now, STATS_DAYS, settings),
    forecast: dueForecast(state.cards, now, settings, STATS_DAYS),
    mastery: topicMastery(reviewCatalog().items, state.cards, now, settings)
      .sort((a, b) => topicRank(a.topicId) - topicRank(b.topicId))
      .map((m) => ({ ...m, name: topicName(m.topicId, lang) ?? m.topicId })),
    totalReviews: kept.length,
    personalParameters: state.settings.personalParameters,
  };
}
