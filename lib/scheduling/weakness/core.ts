/**
 * Per-topic weakness: which topics is the learner about to lose, or keeps struggling with?
 *
 * For a topic T, let S be T's items the learner has studied (card state ≠ New) and U those never studied.
 *
 *   difficulty(T)      = mean_{i∈S} (D_i − 1) / 9                FSRS difficulty D ∈ [1, 10], which every Again/Hard
 *                                                               raises and every Good/Easy lowers: the item's whole
 *                                                               rating history, per learner, scaled to [0, 1]
 *   forgetting(T)      = 1 − mean_{i∈S} R_i(now + h)            FSRS retrievability h days ahead (default h = 7)
 *   lapsePressure(T)   = mean_{i∈S} (1 − 2^(−lapses_i))          0 lapses → 0, 1 → 0.5, 2 → 0.75, … → 1
 *   recentFailure(T)   = (A + α·(1 − r*)) / (N + α)             A of the N kept first-of-day reviews of T's items in
 *                                                               the last d days (default 14) were Again; α = 2
 *                                                               pseudo-reviews at the expected failure rate 1 − r*
 *                                                               (r* = desired retention) so one bad day is not a verdict
 *   weakness(T)        = (w_d·difficulty + w_f·forgetting + w_l·lapsePressure + w_r·recentFailure) / Σw
 *                        with (w_d, w_f, w_l, w_r) = (0.8, 0.1, 0.05, 0.05), so weakness ∈ [0, 1]
 *
 * Why difficulty weighs most: FSRS shortens the intervals of items a learner struggles with, so at review time
 * their recall is back near the target and recent failures are rare; what stays different is how much effort
 * the item took, which FSRS difficulty accumulates. The weights were chosen on simulated learners (bench/srs
 * with --seed 99, not the seed the README reports) by recall@3 of their truly weakest topics: difficulty carried
 * most of the signal; the other parts stay, lightly weighted, to break ties and react to fresh slips.
 *
 * Unseen items are not weakness: nothing was forgotten. They are reported as the coverage gap |U| / (|S| + |U|),
 * and a topic with S empty has weakness null (a pure gap), so "weakest topics" never recommends material the
 * learner has not started; the queue introduces that through the prerequisite order instead.
 */
import { CardState, itemKey, retrievability, type ItemRef, type SrsCardState, type SrsReviewLogEntry } from "../core/core";
import { Rating, type SchedulerSettings } from "../core/schema";
import { weaknessOptionsSchema, type WeaknessOptionsInput } from "./schema";

const DAY_MS = 86_400_000;

/** An item the scheduler knows about, with the topics it trains (exercise or flashcard `topics`). */
export interface TopicItem extends ItemRef {
  topics: readonly string[];
}

export interface TopicWeakness {
  topicId: string;
  /** null when the learner has studied none of the topic's items (then it is only a coverage gap). */
  weakness: number | null;
  /** Mean predicted recall of the studied items at now + horizon; null when none is studied. */
  predictedRecall: number | null;
  /** Mean FSRS difficulty of the studied items scaled to [0, 1]; null when none is studied. */
  difficulty: number | null;
  lapsePressure: number | null;
  recentFailureRate: number | null;
  recentReviews: number;
  studiedItems: number;
  totalItems: number;
  /** Unseen share of the topic's items, 0..1. */
  coverageGap: number;
}

export interface WeaknessInput {
  items: readonly TopicItem[];
  cards: readonly SrsCardState[];
  /** Review logs (any range; older than `recentDays` and undone rows are ignored). */
  logs: readonly SrsReviewLogEntry[];
  now: Date;
  settings: Pick<SchedulerSettings, "parameters" | "desiredRetention">;
  options?: WeaknessOptionsInput;
}

/** The weakness of every topic that has at least one item, in first-seen topic order of `items`. */
export function topicWeakness(input: WeaknessInput): TopicWeakness[] {
  const options = weaknessOptionsSchema.parse(input.options ?? {});
  const cardsByKey = new Map(input.cards.map((c) => [itemKey(c), c]));
  const since = input.now.getTime() - options.recentDays * DAY_MS;
  const recentByKey = new Map<string, { reviews: number; failures: number }>();
  for (const log of input.logs) {
    if (log.undone || !log.firstOfDay || log.state === CardState.New) continue;
    const t = log.review.getTime();
    if (t < since || t > input.now.getTime()) continue;
    const entry = recentByKey.get(itemKey(log)) ?? { reviews: 0, failures: 0 };
    entry.reviews += 1;
    if (log.rating === Rating.Again) entry.failures += 1;
    recentByKey.set(itemKey(log), entry);
  }

  const itemsByTopic = new Map<string, TopicItem[]>();
  for (const item of input.items) {
    for (const topicId of item.topics) {
      const list = itemsByTopic.get(topicId) ?? [];
      list.push(item);
      itemsByTopic.set(topicId, list);
    }
  }

  const at = new Date(input.now.getTime() + options.horizonDays * DAY_MS);
  const w = options.weights;
  const priorFailure = 1 - input.settings.desiredRetention;
  return [...itemsByTopic].map(([topicId, items]) => {
    const studied = items.flatMap((item) => {
      const card = cardsByKey.get(itemKey(item));
      return card && card.state !== CardState.New ? [card] : [];
    });
    let reviews = 0;
    let failures = 0;
    for (const item of items) {
      const r = recentByKey.get(itemKey(item));
      if (r) {
        reviews += r.reviews;
        failures += r.failures;
      }
    }
    const coverageGap = (items.length - studied.length) / items.length;
    if (studied.length === 0) {
      return { topicId, weakness: null, predictedRecall: null, difficulty: null, lapsePressure: null, recentFailureRate: null, recentReviews: reviews, studiedItems: 0, totalItems: items.length, coverageGap };
    }
    const predictedRecall = mean(studied.map((c) => retrievability(c, at, input.settings)));
    const difficulty = mean(studied.map((c) => Math.min(1, Math.max(0, (c.difficulty - 1) / 9))));
    const lapsePressure = mean(studied.map((c) => 1 - 2 ** -c.lapses));
    const recentFailureRate = (failures + options.priorReviews * priorFailure) / (reviews + options.priorReviews || 1);
    const weakness =
      (w.difficulty * difficulty + w.forgetting * (1 - predictedRecall) + w.lapses * lapsePressure + w.recentFailures * recentFailureRate) /
      (w.difficulty + w.forgetting + w.lapses + w.recentFailures);
    return { topicId, weakness, predictedRecall, difficulty, lapsePressure, recentFailureRate, recentReviews: reviews, studiedItems: studied.length, totalItems: items.length, coverageGap };
  });
}

/** The k weakest studied topics, weakest first (ties: lower predicted recall first, then topic id). */
export function weakestTopics(report: readonly TopicWeakness[], k: number): TopicWeakness[] {
  return report
    .filter((t) => t.weakness !== null)
    .sort((a, b) => b.weakness! - a.weakness! || a.predictedRecall! - b.predictedRecall! || a.topicId.localeCompare(b.topicId))
    .slice(0, Math.max(0, k));
}

/** Topics with unseen items, largest gap first (ties keep the report's order). */
export function coverageGaps(report: readonly TopicWeakness[]): TopicWeakness[] {
  return report.filter((t) => t.coverageGap > 0).sort((a, b) => b.coverageGap - a.coverageGap);
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
