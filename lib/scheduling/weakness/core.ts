/**
 * Per-topic weakness: which topics has the learner struggled with?
 *
 * For a topic T, let S be T's items the learner has studied (card state ≠ New) and U those never studied. For an
 * item i, its kept (not undone) review logs up to now are L_i, in time order, the first at t_i0.
 *
 *   averageDifficulty(T) = mean_{i∈S} (1 / (now − t_i0)) ∫_{t_i0}^{now} (D_i(t) − 1) / 9 dt
 *                          D_i(t) is the FSRS difficulty after the item's last review before t, replayed from its
 *                          ratings with FSRS-6's DEFAULT parameters: D = D0(first rating), then after every review
 *                          D ← w7·D0(Easy) + (1 − w7)·(D − w6·(G − 3)·(10 − D)/9), clamped to [1, 10] (ts-fsrs
 *                          init_difficulty / next_difficulty; logs that begin mid-history start from the first
 *                          log's stored difficulty). Every Again/Hard raises D, every Good/Easy lowers it; the
 *                          time average keeps the whole history (an item hard for months and only lately easier
 *                          still counts as hard-won). Without logs, the card's current difficulty. Default
 *                          parameters, not the learner's: see `yardstick` below.
 *   difficulty(T)        = mean_{i∈S} (D_i − 1) / 9             the end state only (reported; the pre-2026-11-27 score)
 *   forgetting(T)        = 1 − mean_{i∈S} R_i(now + h)         FSRS retrievability h days ahead (default h = 7)
 *   lapsePressure(T)     = mean_{i∈S} (1 − 2^(−lapses_i))       0 lapses → 0, 1 → 0.5, 2 → 0.75, … → 1
 *   recentFailure(T)     = (A + α·(1 − r*)) / (N + α)          A of the N kept first-of-day reviews of T's items in the
 *                                                              last d days (default 14) were Again; α = 2
 *   failureSurprise(T)   = (F + β) / (F + E + 2β)               over the whole history: the cross-day reviews of T's
 *                          items (kept, first of their day, after an earlier review), F of them Again, and
 *                          E = Σ (1 − R) the failures FSRS predicted, R = forgetting curve (the settings'
 *                          parameters) at the learner days since the previous kept review with the stability the
 *                          card had then; β = 10·(1 − r*) pseudo-failures on each side shrink a topic with few reviews to 0.5
 *                          ("as predicted"); > 0.5 = more failures than FSRS predicted
 *   weakness(T)          = (w_d·averageDifficulty + w_f·forgetting + w_l·lapsePressure + w_r·recentFailure
 *                           + w_s·failureSurprise) / Σw ∈ [0, 1]
 *                          default (w_d, w_f, w_l, w_r, w_s) = (1, 0, 0, 0, 0): the history-averaged difficulty
 *
 * Why this: FSRS shortens the intervals of items a learner struggles with, so by the end their predicted recall,
 * recent failures and even their end-state difficulty have largely caught up with the easy topics'; what stays
 * different is how long the items were hard, which the time-averaged difficulty keeps. On simulated learners
 * (bench/srs; tuning seeds 99, 100, 101 "gaps" and 99 "normal", never the seeds the README reports) recall@3 of
 * the truly weakest topics was: time-averaged difficulty 0.787 / 0.713 / 0.773 / 0.567, end-state difficulty
 * 0.740 / 0.653 / 0.693 / 0.560, the previous mix 0.787 / 0.687 / 0.760 / 0.587 (that mix with the averaged
 * difficulty), difficulty 0.95 + surprise 0.05 0.793 / 0.713 / 0.753 / 0.567; held out (seeds 2026, 7, 31337, gaps)
 * 0.733 mean, 0.700 min, see lib/scheduling/README.md. No other part added anything
 * measurable, so they are reported and weighable (options.weights) but weigh 0 by default. The failure surprise
 * against FSRS's own predictions is, alone, WORSE than random there (0.08): FSRS has already raised the
 * difficulty of a struggling item and so predicts its failures; a weak topic does not surprise it more.
 *
 * Unseen items are not weakness: nothing was forgotten. They are reported as the coverage gap |U| / (|S| + |U|),
 * and a topic with S empty has weakness null (a pure gap), so "weakest topics" never recommends material the
 * learner has not started; the queue introduces that through the prerequisite order instead.
 */
import { default_w, FSRSAlgorithm, forgetting_curve, type Grade } from "ts-fsrs";
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
  /** Mean FSRS difficulty of the studied items now (end state), scaled to [0, 1]; null when none is studied. */
  difficulty: number | null;
  /**
   * Mean over the studied items of their FSRS difficulty averaged over time since their first logged review,
   * scaled to [0, 1] (the weakness score's main part); null when none is studied.
   */
  averageDifficulty: number | null;
  /**
   * Failures beyond FSRS's prediction over the topic's whole history: (F + αp) / (F + E + 2αp) with F the Again
   * ratings and E the predicted failures Σ(1 − R) of its cross-day reviews; 0.5 = as predicted. null when none
   * is studied.
   */
  failureSurprise: number | null;
  /** Cross-day reviews (first of their day, after an earlier review) behind `failureSurprise`. */
  historyReviews: number;
  /** Again ratings among them. */
  historyFailures: number;
  /** Failures FSRS predicted for them, Σ(1 − R) at each review with the card's stability at the time. */
  predictedFailures: number;
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
  const nowMs = input.now.getTime();
  const cardsByKey = new Map(input.cards.map((c) => [itemKey(c), c]));
  const logsByKey = keptLogsByItem(input.logs, nowMs);
  const since = nowMs - options.recentDays * DAY_MS;

  const itemsByTopic = new Map<string, TopicItem[]>();
  for (const item of input.items) {
    for (const topicId of item.topics) {
      const list = itemsByTopic.get(topicId) ?? [];
      list.push(item);
      itemsByTopic.set(topicId, list);
    }
  }

  const at = new Date(nowMs + options.horizonDays * DAY_MS);
  const w = options.weights;
  const weightSum = w.difficulty + w.forgetting + w.lapses + w.recentFailures + w.surprise;
  const priorFailure = 1 - input.settings.desiredRetention;
  const evidenceByKey = new Map<string, ItemEvidence>();
  const evidenceOf = (card: SrsCardState): ItemEvidence => {
    const key = itemKey(card);
    let e = evidenceByKey.get(key);
    if (!e) {
      e = itemEvidence(card, logsByKey.get(key) ?? [], nowMs, since, input.settings.parameters);
      evidenceByKey.set(key, e);
    }
    return e;
  };
  return [...itemsByTopic].map(([topicId, items]) => {
    const studied = items.flatMap((item) => {
      const card = cardsByKey.get(itemKey(item));
      return card && card.state !== CardState.New ? [card] : [];
    });
    const evidence = studied.map(evidenceOf);
    const sum = (f: (e: ItemEvidence) => number): number => evidence.reduce((a, e) => a + f(e), 0);
    const recentReviews = sum((e) => e.recentReviews);
    const recentFailures = sum((e) => e.recentFailures);
    const historyReviews = sum((e) => e.crossDayReviews);
    const historyFailures = sum((e) => e.crossDayFailures);
    const predictedFailures = sum((e) => e.predictedFailures);
    const coverageGap = (items.length - studied.length) / items.length;
    const counts = { recentReviews, historyReviews, historyFailures, predictedFailures, studiedItems: studied.length, totalItems: items.length, coverageGap };
    if (studied.length === 0) {
      return { topicId, weakness: null, predictedRecall: null, difficulty: null, averageDifficulty: null, failureSurprise: null, lapsePressure: null, recentFailureRate: null, ...counts };
    }
    const predictedRecall = mean(studied.map((c) => retrievability(c, at, input.settings)));
    const difficulty = mean(studied.map((c) => scaledDifficulty(c.difficulty)));
    const averageDifficulty = mean(evidence.map((e) => e.averageDifficulty));
    const lapsePressure = mean(studied.map((c) => 1 - 2 ** -c.lapses));
    const recentFailureRate = (recentFailures + options.priorReviews * priorFailure) / (recentReviews + options.priorReviews || 1);
    const prior = options.surprisePriorReviews * priorFailure;
    const failureSurprise = historyFailures + prior > 0 ? (historyFailures + prior) / (historyFailures + predictedFailures + 2 * prior) : 0.5;
    const weakness =
      (w.difficulty * (options.difficultySource === "history" ? averageDifficulty : difficulty) +
        w.forgetting * (1 - predictedRecall) +
        w.lapses * lapsePressure +
        w.recentFailures * recentFailureRate +
        w.surprise * failureSurprise) /
      weightSum;
    return { topicId, weakness, predictedRecall, difficulty, averageDifficulty, failureSurprise, lapsePressure, recentFailureRate, ...counts };
  });
}

/** What one studied item's kept reviews say about it. */
interface ItemEvidence {
  /** FSRS difficulty averaged over time from the item's first kept review to now, scaled to [0, 1]. */
  averageDifficulty: number;
  crossDayReviews: number;
  crossDayFailures: number;
  predictedFailures: number;
  recentReviews: number;
  recentFailures: number;
}

/**
 * Time-averaged difficulty: a log stores the card's difficulty BEFORE its review, so the difficulty in force
 * between review j and review j + 1 is log j + 1's, and after the last review it is the card's. Surprise: every
 * kept first-of-day review after an earlier one (a cross-day review) expected 1 − R failures, R being FSRS's
 * recall for the stability the card had then and the learner days elapsed since the previous kept review (the
 * log's elapsedDays, the count the scheduler used).
 */
function itemEvidence(card: SrsCardState, logs: readonly SrsReviewLogEntry[], nowMs: number, since: number, parameters: readonly number[]): ItemEvidence {
  const evidence: ItemEvidence = { averageDifficulty: scaledDifficulty(card.difficulty), crossDayReviews: 0, crossDayFailures: 0, predictedFailures: 0, recentReviews: 0, recentFailures: 0 };
  if (logs.length === 0) return evidence;
  const firstMs = logs[0]!.review.getTime();
  // The difficulty after each review, replayed from the ratings with FSRS's default parameters (a difficulty
  // update depends on the rating and the previous difficulty only). Logs that begin mid-history start from the
  // difficulty stored in the first one.
  let d = logs[0]!.state === CardState.New ? null : logs[0]!.difficulty;
  let area = 0;
  for (let j = 0; j < logs.length; j++) {
    const log = logs[j]!;
    const t = log.review.getTime();
    const next = logs[j + 1];
    // A reset starts the card over: its difficulty too.
    d = d === null || log.reset ? clampDifficulty(yardstick.init_difficulty(log.rating as number as Grade)) : yardstick.next_difficulty(d, log.rating as number as Grade);
    area += scaledDifficulty(d) * ((next ? next.review.getTime() : nowMs) - t);
    if (!log.firstOfDay || log.state === CardState.New) continue;
    const failed = log.rating === Rating.Again ? 1 : 0;
    if (t >= since) {
      evidence.recentReviews += 1;
      evidence.recentFailures += failed;
    }
    const previous = logs[j - 1];
    if (!previous || log.stability <= 0) continue;
    evidence.crossDayReviews += 1;
    evidence.crossDayFailures += failed;
    // The recall the scheduler itself computed at this review: its stability then, and the learner days elapsed.
    evidence.predictedFailures += 1 - forgetting_curve(parameters, log.elapsedDays, log.stability);
  }
  if (nowMs > firstMs) evidence.averageDifficulty = area / (nowMs - firstMs);
  return evidence;
}

/**
 * Difficulty is replayed with FSRS-6's default parameters, not the learner's: fitted parameters may revert
 * difficulty to the mean much faster (w7; fits on ten of the bench's learners: 0.02–0.08 per review against
 * the default 0.001, and recall@3 fell from 0.67 to 0.10 when replayed with them), which would erase the
 * history this score is about, and the score would change meaning the day a fit is accepted. The defaults are a
 * fixed yardstick for every learner.
 */
const yardstick = new FSRSAlgorithm({ w: [...default_w] });

function clampDifficulty(d: number): number {
  return Math.min(10, Math.max(1, d));
}

/** Kept (not undone) reviews up to `nowMs`, per item, in time order. */
function keptLogsByItem(logs: readonly SrsReviewLogEntry[], nowMs: number): Map<string, SrsReviewLogEntry[]> {
  const byKey = new Map<string, SrsReviewLogEntry[]>();
  for (const log of logs) {
    if (log.undone || log.review.getTime() > nowMs) continue;
    const key = itemKey(log);
    const list = byKey.get(key) ?? [];
    list.push(log);
    byKey.set(key, list);
  }
  for (const list of byKey.values()) list.sort((a, b) => a.review.getTime() - b.review.getTime());
  return byKey;
}

/** FSRS difficulty D ∈ [1, 10] → [0, 1]. */
function scaledDifficulty(d: number): number {
  return Math.min(1, Math.max(0, (d - 1) / 9));
}

/** The k weakest studied topics, weakest first (ties: lower predicted recall first, then topic id); either score's report. */
export function weakestTopics<T extends { topicId: string; weakness: number | null; predictedRecall?: number | null }>(report: readonly T[], k: number): T[] {
  return report
    .filter((t) => t.weakness !== null)
    .sort((a, b) => b.weakness! - a.weakness! || (a.predictedRecall ?? 0) - (b.predictedRecall ?? 0) || a.topicId.localeCompare(b.topicId))
    .slice(0, Math.max(0, k));
}

/** Topics with unseen items, largest gap first (ties keep the report's order). */
export function coverageGaps(report: readonly TopicWeakness[]): TopicWeakness[] {
  return report.filter((t) => t.coverageGap > 0).sort((a, b) => b.coverageGap - a.coverageGap);
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
