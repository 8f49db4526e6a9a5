// The learner's figures, loaded once per page from the database and computed by lib/scheduling's definitions, so
// every page that shows a figure shows the same one:
//   - today's learning / due / new counts: the review header, /review/stats and the home page (`todayCounts`);
//   - reviews and true retention: /review/stats (`reviewFigures`);
//   - topic mastery and recall: /progress and /review/stats (`loadTopicMastery`).
import type { Db } from "@/lib/db";
import type { Lang } from "@/lib/i18n";
import { dueForecast, reviewFigures, topicMastery, type ForecastDay, type ReviewFigures, type TopicMastery } from "@/lib/scheduling";
import { reviewCatalog } from "./items";
import { SESSION_LOG_DAYS, sessionQueue, todayCounts, topicName, topicRank, type TodayCounts } from "./session";
import { loadLearnerState, type LearnerState } from "./store";

export const STATS_DAYS = 30;

export type NamedTopicMastery = TopicMastery & { name: string };

export interface ReviewStats {
  target: number;
  today: TodayCounts;
  /** Review counts and true retention (recent = the per-day chart's STATS_DAYS local days). */
  reviews: ReviewFigures;
  forecast: ForecastDay[];
  mastery: NamedTopicMastery[];
  personalParameters: boolean;
}

/** Mastery per topic in the topic map's order, named in `lang`. */
function namedMastery(cards: LearnerState["cards"], settings: LearnerState["settings"]["scheduler"], lang: Lang, now: Date): NamedTopicMastery[] {
  return topicMastery(reviewCatalog().items, cards, now, settings)
    .sort((a, b) => topicRank(a.topicId) - topicRank(b.topicId))
    .map((m) => ({ ...m, name: topicName(m.topicId, lang) ?? m.topicId }));
}

/** Mastery and recall per topic, as /progress and /review/stats show them (cards only: no review logs needed). */
export async function loadTopicMastery(db: Db, userId: string, lang: Lang, now = new Date()): Promise<NamedTopicMastery[]> {
  // The cards as every other figure loads them; logs from `now` on only, i.e. none: mastery needs no history.
  const state = await loadLearnerState(db, userId, now);
  return namedMastery(state.cards, state.settings.scheduler, lang, now);
}

/** Today's counts without rendering a session (the home page), from the logs a session loads. */
export async function loadTodayCounts(db: Db, userId: string, now = new Date()): Promise<TodayCounts> {
  const state = await loadLearnerState(db, userId, new Date(now.getTime() - SESSION_LOG_DAYS * 86_400_000));
  return todayCounts(state, sessionQueue(state, now));
}

export async function loadReviewStats(db: Db, userId: string, lang: Lang, now = new Date()): Promise<ReviewStats> {
  const state = await loadLearnerState(db, userId);
  const settings = state.settings.scheduler;
  return {
    target: settings.desiredRetention,
    today: todayCounts(state, sessionQueue(state, now)),
    reviews: reviewFigures(state.logs, now, settings, { days: STATS_DAYS }),
    forecast: dueForecast(state.cards, now, settings, STATS_DAYS),
    mastery: namedMastery(state.cards, settings, lang, now),
    personalParameters: state.settings.personalParameters,
  };
}
