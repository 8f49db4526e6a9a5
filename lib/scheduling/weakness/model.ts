/**
 * The learner's weakness model: which topics is this learner weakest at, from everything Lacuna knows about them.
 *
 * A per-learner logistic model of recall with a topic effect (DASH-style: Lindsey et al. 2014, counts of past
 * outcomes on the log scale), fitted by maximum a posteriori on the learner's own cross-day reviews:
 *
 *   P(recall at a review of item i) = σ(β₀ + β₁·ln Δ + β₂·ln(1 + s_i) + β₃·ln(1 + f_i) + β₄·logit R_i + θ(i))
 *
 *   Δ    learner days since the item's previous kept review (as the scheduler counted them)
 *   s, f the item's earlier spaced successes and failures (cross-day reviews, recalled or Again; a first study
 *        rated Again counts as a failure)
 *   R_i  FSRS's recall before the review with the learner's parameters (SrsSettings.parameters: the fitted ones
 *        when the product's rule kept them, else the defaults), replaying the item's history as the optimizer and
 *        the product's predictor do (../optimizer/core.ts `predictHistory`): the model starts from the product's
 *        own prediction and corrects it
 *   θ(i) the mean topic effect θ_T of the item's topics: the learner's ability on T beyond what the intervals
 *        and the item's own history explain (a weak topic recalls as often as a strong one only at shorter
 *        intervals and after more successes: that is what θ measures, where FSRS's per-item difficulty has
 *        already adapted and so predicts the failures)
 *
 * β ~ N(b, σ_β²) with b = (0, 0, 0, 0, 1), so that without evidence the model IS the product's FSRS prediction, and
 * θ_T = γ · a_T with a_T ~ N(μ_T, σ_θ²): a_T is the topic's ability on the scale of a prior μ_T built from the
 * evidence that is not a recall, and γ the share of it that still shows in recall once FSRS has adapted each
 * item's difficulty (most of a weak topic: FSRS already predicts its failures). θ_T is thus L2-regularised toward
 * γ·μ_T with standard deviation γ·σ_θ:
 *
 *   μ_T = −τ · Σ_k w_k z_k(T) / Σ_k w_k + ρ · mean over T's studied prerequisites P of a_P
 *
 *   γ    the model is fitted twice, differing only in γ, one fit per question (`WeaknessModelResult`):
 *          recall fit   γ per learner, the candidate of `topicScales` (0.25 … 1) under which the learner's own
 *                       reviews are most probable: Laplace's approximation of the marginal likelihood (empirical
 *                       Bayes) of the fit with the signals' prior. The predicted recall carries only as much of the
 *                       prior as the reviews bear out (with γ = 1 it was worse than FSRS alone: the prior's scale is
 *                       chosen for ranking, not calibration). Predicted recall, `effect` and `prior` come from it.
 *          ranking fit  γ = `rankingTopicScale` = 1 for every learner (θ_T = a_T), the model before 2026-11-30 16:00.
 *                       The reviews' weight on a_T against its prior goes with γ² (θ_T = γ·a_T: the likelihood's
 *                       curvature in a_T is γ² times that in θ_T), so with the learner's small γ the reviews said
 *                       little about which topics are weakest. `weakness` and `explainedBy` come from this fit
 *                       (held-out recall@3 0.873 mean with it, 0.852 ranking by the recall fit's θ / γ).
 *        γ scales the prior's mean and spread together, so the prior alone orders the topics the same for every γ.
 *
 *   z_k(T) the learner's topics compared with each other (z-scores across the topics with evidence; 0 without),
 *          each rate shrunk toward the learner's own pooled rate with 2 pseudo-observations:
 *     misconceptions  misconceptions the grader named in T's exercise submits, plus the active misconception
 *                     items (named and not yet retired), per submit
 *     hiddenCases     failed hidden cases per hidden case of those submits
 *     hints           hints used per submit
 *     timeToPass      mean ln(minutes to pass) of the passing submits
 *     lapses          lapses per studied item (Again on a card in Review, as FSRS counts them; weight 0 by
 *                     default since tuning seeds 200–202: the reviews' failures count already carries them)
 *     firstStudy      share of T's items whose first study was rated Again
 *     difficulty      the history-averaged FSRS difficulty of T's studied items (./core.ts, the score before this model)
 *   prerequisites     a weak prerequisite explains part of a weak topic: the model is fitted once with the
 *                     signal prior (choosing γ), then again with ρ times the prerequisites' fitted abilities
 *                     added to it (a topic with little evidence borrows from them)
 *
 * weakness(T) = σ(−a_T) ∈ (0, 1), a_T of the ranking fit, on the signals' scale: 0.5 is the learner's typical
 * topic. null when none of T's items is studied (a coverage gap, not weakness, as in ./core.ts). `explainedBy` names
 * the studied prerequisite with the lowest ability (ranking fit) when it is lower than T's own.
 *
 * Defaults (σ_θ, τ, ρ) were chosen on the simulated learners of bench/srs's tuning seeds only (99, 100, 101), the
 * lapses' weight and σ_β on fresh tuning seeds 200–202, γ's candidates checked on 200, 202 and 99 (its first 32
 * learners; log loss against the product rule −0.011 / −0.011 / −0.001 with γ fitted, +0.006 / +0.005 / +0.014
 * with γ = 1; recall@3 0.833 / 0.873 / 0.875 against 0.827 / 0.873 / 0.885); the README reports held-out seeds
 * (2026, 7, 31337, 4242).
 * Pure: no Prisma, no Next.js.
 */
import { forgetting_curve } from "ts-fsrs";
import { topics as topicMap } from "../../../exercises/topics";
import { CardState, itemKey, type SrsCardState, type SrsReviewLogEntry } from "../core/core";
import { Rating } from "../core/schema";
import { parseSchedulerSettings, type SchedulerSettings } from "../core/schema";
import { cardHistories, predictHistory } from "../optimizer/core";
import { topicWeakness, type TopicItem } from "./core";
import { learnerSignalsSchema, weaknessModelOptionsSchema, type LearnerSignalsInput, type WeaknessModelOptionsInput, type WeaknessSignal } from "./schema";

/** The non-recall signals, in the order the report lists them. */
export const weaknessSignals = ["misconceptions", "hiddenCases", "hints", "timeToPass", "lapses", "firstStudy", "difficulty"] as const satisfies readonly WeaknessSignal[];

/** One cross-day review as the model sees it. */
export interface RecallObservation {
  key: string;
  topics: readonly string[];
  at: Date;
  /** [1, ln Δ, ln(1 + s), ln(1 + f), logit R_FSRS] */
  features: readonly number[];
  recalled: 0 | 1;
}

export const FEATURE_NAMES = ["intercept", "log elapsed days", "log(1 + successes)", "log(1 + failures)", "logit FSRS recall"] as const;

/** What the recall feature needs of the learner's scheduler settings: their parameters and their day. */
export type RecallSettings = Pick<SchedulerSettings, "parameters" | "timezone" | "dayStartsAtHour">;

const defaultRecallSettings: RecallSettings = parseSchedulerSettings({ timezone: "UTC" });

/**
 * FSRS's recall before each cross-day review with these parameters, keyed "itemKey@ms": each item's kept history
 * replayed (a reset starts it over), the same prediction the product's rule scores parameters by.
 */
function fsrsRecall(logs: readonly SrsReviewLogEntry[], settings: RecallSettings): Map<string, number> {
  const recall = new Map<string, number>();
  for (const [historyKey, history] of cardHistories(logs, settings)) {
    const key = historyKey.replace(/#\d+$/, "");
    predictHistory(history.map((h) => h.step), settings.parameters).forEach((p, i) => {
      if (!Number.isNaN(p)) recall.set(`${key}@${history[i]!.at.getTime()}`, p);
    });
  }
  return recall;
}

/**
 * Every kept cross-day review (first of its learner day, after an earlier kept review, not a reset) of the
 * given items, with the item's history before it, in time order per item. `settings`: the learner's FSRS
 * parameters and day (default: FSRS's defaults in UTC).
 */
export function recallObservations(items: readonly TopicItem[], logs: readonly SrsReviewLogEntry[], settings: RecallSettings = defaultRecallSettings): RecallObservation[] {
  const topicsByKey = new Map(items.map((i) => [itemKey(i), i.topics]));
  const replayed = fsrsRecall(logs.filter((l) => topicsByKey.has(itemKey(l))), settings);
  const byKey = new Map<string, SrsReviewLogEntry[]>();
  for (const log of logs) {
    if (log.undone) continue;
    const key = itemKey(log);
    if (!topicsByKey.has(key)) continue;
    const list = byKey.get(key) ?? [];
    list.push(log);
    byKey.set(key, list);
  }
  const out: RecallObservation[] = [];
  for (const [key, list] of byKey) {
    list.sort((a, b) => a.review.getTime() - b.review.getTime());
    let successes = 0;
    let failures = 0;
    let started = false;
    for (const log of list) {
      if (log.reset || log.state === CardState.New) {
        // A (re)start: the first study. Its Again is a failure to understand, not a recall.
        if (!started || log.reset) {
          successes = 0;
          failures = log.rating === Rating.Again ? 1 : 0;
        }
        started = true;
        continue;
      }
      if (!started || !log.firstOfDay || log.elapsedDays < 1) continue;
      const recalled = log.rating === Rating.Again ? 0 : 1;
      // A review the replay does not date (never in practice): the stored stability on the learner's curve.
      const predicted = replayed.get(`${key}@${log.review.getTime()}`) ?? forgetting_curve(settings.parameters, log.elapsedDays, Math.max(log.stability, 0.01));
      const fsrs = Math.min(0.999, Math.max(0.001, predicted));
      out.push({ key, topics: topicsByKey.get(key)!, at: log.review, features: [1, Math.log(log.elapsedDays), Math.log1p(successes), Math.log1p(failures), Math.log(fsrs / (1 - fsrs))], recalled });
      if (recalled) successes += 1;
      else failures += 1;
    }
  }
  return out;
}

export interface RecallModelFit {
  beta: number[];
  theta: Map<string, number>;
  /** Laplace's approximation of the log marginal likelihood of the reviews under the prior (nats, up to a constant). */
  logEvidence: number;
  /** γ: the topic effects' scale in recall (θ_T = γ · the topic's ability on the signals' scale); 1 from fitRecallModel. */
  topicScale: number;
}

/** Mean topic effect of an observation's topics (topics the fit does not know count as 0, the typical topic). */
function topicEffect(theta: ReadonlyMap<string, number>, topics: readonly string[]): number {
  if (topics.length === 0) return 0;
  let sum = 0;
  for (const t of topics) sum += theta.get(t) ?? 0;
  return sum / topics.length;
}

export function predictRecall(fit: RecallModelFit, observation: Pick<RecallObservation, "features" | "topics">): number {
  let z = topicEffect(fit.theta, observation.topics);
  observation.features.forEach((x, j) => (z += fit.beta[j]! * x));
  return sigmoid(z);
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * MAP fit by Newton's method (the penalised log-likelihood is concave): β ~ N(b, betaSd²) (b: the FSRS recall alone), θ_T ~ N(prior_T,
 * thetaSd²). `useReviews: false` gives the prior itself (no likelihood).
 */
export function fitRecallModel(
  observations: readonly RecallObservation[],
  topicIds: readonly string[],
  prior: ReadonlyMap<string, number>,
  options: { thetaSd: number; betaSd: number; useReviews?: boolean },
): RecallModelFit {
  const p = FEATURE_NAMES.length;
  const index = new Map(topicIds.map((t, i) => [t, p + i]));
  const d = p + topicIds.length;
  const w = new Array<number>(d).fill(0);
  topicIds.forEach((t, i) => (w[p + i] = prior.get(t) ?? 0));
  w[p - 1] = 1; // the FSRS recall's coefficient: the product's own prediction, unchanged
  const precision = Array.from({ length: d }, (_, j) => (j < p ? 1 / options.betaSd ** 2 : 1 / options.thetaSd ** 2));
  const centre = w.slice();
  const rows = options.useReviews === false ? [] : observations.map((o) => {
    const cols = o.topics.flatMap((t) => (index.has(t) ? [index.get(t)!] : []));
    const share = cols.length ? 1 / cols.length : 0;
    // The row's non-zero columns and values, built once: every Newton step and the evidence walk them.
    const entries: (readonly [number, number])[] = [...o.features.map((x, j) => [j, x] as const), ...cols.map((c) => [c, share] as const)];
    return { x: o.features, cols, share, y: o.recalled, entries };
  });
  /** The row's log-odds of recall under the weights `v`. */
  const logit = (v: readonly number[], r: (typeof rows)[number]): number => {
    let z = 0;
    for (let j = 0; j < p; j++) z += v[j]! * r.x[j]!;
    for (const c of r.cols) z += v[c]! * r.share;
    return z;
  };
  const objective = (v: readonly number[]): number => {
    let ll = 0;
    for (const r of rows) {
      const z = logit(v, r);
      ll += r.y ? -Math.log1p(Math.exp(-z)) : -Math.log1p(Math.exp(z));
    }
    for (let j = 0; j < d; j++) ll -= 0.5 * precision[j]! * (v[j]! - centre[j]!) ** 2;
    return ll;
  };
  /** The penalised log-likelihood's gradient and negated Hessian (the posterior precision) at `v`. */
  const curvature = (v: readonly number[]): { grad: number[]; hess: number[][] } => {
    const grad = v.map((x, j) => -precision[j]! * (x - centre[j]!));
    const hess = Array.from({ length: d }, (_, j) => {
      const row = new Array<number>(d).fill(0);
      row[j] = precision[j]!;
      return row;
    });
    for (const r of rows) {
      const mu = sigmoid(logit(v, r));
      const residual = r.y - mu;
      const weight = mu * (1 - mu);
      for (const [a, xa] of r.entries) {
        grad[a]! += residual * xa;
        for (const [b, xb] of r.entries) hess[a]![b]! += weight * xa * xb;
      }
    }
    return { grad, hess };
  };
  let current = objective(w);
  for (let iteration = 0; iteration < 50 && rows.length > 0; iteration++) {
    const { grad, hess } = curvature(w);
    const step = solve(hess, grad);
    let scale = 1;
    let next = w.map((v, j) => v + step[j]!);
    let value = objective(next);
    while (value < current - 1e-12 && scale > 1e-4) {
      scale /= 2;
      next = w.map((v, j) => v + scale * step[j]!);
      value = objective(next);
    }
    const moved = Math.max(...step.map((s) => Math.abs(s * scale)));
    if (value >= current - 1e-12) {
      w.splice(0, d, ...next);
      current = value;
    }
    if (moved < 1e-8) break;
  }
  // Laplace's approximation of the log evidence log p(y | prior), up to a constant that does not depend on the
  // prior: the penalised log-likelihood at the mode + ½ log det(prior precision) − ½ log det(posterior precision).
  const logEvidence = current + 0.5 * precision.reduce((a, q) => a + Math.log(q), 0) - 0.5 * logDeterminant(curvature(w).hess);
  return { beta: w.slice(0, p), theta: new Map(topicIds.map((t, i) => [t, w[p + i]!])), logEvidence, topicScale: 1 };
}

/** log det A of a symmetric positive definite A (Cholesky). */
function logDeterminant(a: readonly (readonly number[])[]): number {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let v = a[i]![j]!;
      for (let k = 0; k < j; k++) v -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(v, 1e-12)) : v / l[j]![j]!;
    }
    sum += 2 * Math.log(l[i]![i]!);
  }
  return sum;
}

/** Solves A x = b for a symmetric positive definite A (Cholesky). */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j]![j]!;
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!;
    y[i] = sum / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

/** A topic's rate of one signal: events over opportunities. */
interface Tally {
  events: number;
  opportunities: number;
}

/** Per topic, each signal's tally from the learner's exercise submits, misconception items and cards. */
function signalTallies(items: readonly TopicItem[], studied: ReadonlySet<string>, logs: readonly SrsReviewLogEntry[], signals: ReturnType<typeof learnerSignalsSchema.parse>): Map<WeaknessSignal, Map<string, Tally>> {
  const tallies = new Map<WeaknessSignal, Map<string, Tally>>(weaknessSignals.map((s) => [s, new Map()]));
  const add = (signal: WeaknessSignal, topics: readonly string[], events: number, opportunities: number): void => {
    const byTopic = tallies.get(signal)!;
    for (const t of topics) {
      const tally = byTopic.get(t) ?? { events: 0, opportunities: 0 };
      tally.events += events;
      tally.opportunities += opportunities;
      byTopic.set(t, tally);
    }
  };
  const topicsOfExercise = new Map(items.filter((i) => i.itemType === "exercise").map((i) => [i.itemId, i.topics]));
  for (const a of signals.attempts) {
    const topics = topicsOfExercise.get(a.exerciseId);
    if (!topics) continue;
    add("misconceptions", topics, a.misconceptionsNamed, 1);
    add("hints", topics, a.hintsUsed, 1);
    if (a.hiddenCases > 0) add("hiddenCases", topics, a.failedHiddenCases, a.hiddenCases);
    if (a.passed && a.minutesToPass !== null) add("timeToPass", topics, Math.log(Math.max(a.minutesToPass, 0.5)), 1);
  }
  for (const m of signals.activeMisconceptions) {
    const topics = topicsOfExercise.get(m.exerciseId);
    if (topics) add("misconceptions", topics, 1, 0);
  }
  const topicsByKey = new Map(items.map((i) => [itemKey(i), i.topics]));
  // Lapses as FSRS counts them (Again on a card in Review), from the logs so that `until` holds.
  const lapses = new Map<string, number>([...studied].map((key) => [key, 0]));
  for (const log of logs) if (!log.undone && log.state === CardState.Review && log.rating === Rating.Again && lapses.has(itemKey(log))) lapses.set(itemKey(log), lapses.get(itemKey(log))! + 1);
  for (const [key, count] of lapses) {
    const topics = topicsByKey.get(key);
    if (topics) add("lapses", topics, count, 1);
  }
  const firsts = new Map<string, SrsReviewLogEntry>();
  for (const log of logs) {
    if (log.undone || log.state !== CardState.New) continue;
    const key = itemKey(log);
    const seen = firsts.get(key);
    if (!seen || log.review.getTime() < seen.review.getTime()) firsts.set(key, log);
  }
  for (const [key, log] of firsts) {
    const topics = topicsByKey.get(key);
    if (topics) add("firstStudy", topics, log.rating === Rating.Again ? 1 : 0, 1);
  }
  return tallies;
}

/** z-scores of the shrunk rates across the topics that have any opportunity (others 0: the learner's typical). */
function signalScores(byTopic: ReadonlyMap<string, Tally>, topicIds: readonly string[], pseudo: number): Map<string, number> {
  const present = topicIds.filter((t) => (byTopic.get(t)?.opportunities ?? 0) > 0 || (byTopic.get(t)?.events ?? 0) > 0);
  const scores = new Map<string, number>();
  if (present.length < 2) return scores;
  let events = 0;
  let opportunities = 0;
  for (const t of present) {
    events += byTopic.get(t)!.events;
    opportunities += byTopic.get(t)!.opportunities;
  }
  const pooled = opportunities > 0 ? events / opportunities : 0;
  const rates = present.map((t) => {
    const tally = byTopic.get(t)!;
    return (tally.events + pseudo * pooled) / (tally.opportunities + pseudo);
  });
  const m = rates.reduce((a, b) => a + b, 0) / rates.length;
  const sd = Math.sqrt(rates.reduce((a, r) => a + (r - m) ** 2, 0) / rates.length);
  if (!(sd > 1e-12)) return scores;
  present.forEach((t, i) => scores.set(t, (rates[i]! - m) / sd));
  return scores;
}

export interface ModelTopicWeakness {
  topicId: string;
  /**
   * σ(−a_T), a_T the topic's ability in the ranking fit (`WeaknessModelResult.rankingFit`, γ = 1: θ_T = a_T): 0.5 =
   * the learner's typical topic, higher = weaker; what orders the weakest topics. null when nothing of T is studied.
   */
  weakness: number | null;
  /** θ_T of the recall fit (`WeaknessModelResult.fit`, logit units, γ·a_T with the learner's γ): what predicted recall adds for T. */
  effect: number | null;
  /** γ·μ_T, the prior the signals (and prerequisites) gave the recall fit's θ_T. */
  prior: number | null;
  /** Each signal's z-score for T (positive = more trouble than the learner's other topics); absent: no evidence. */
  signals: Partial<Record<WeaknessSignal, number>>;
  /** The studied prerequisite with the lowest ability (ranking fit), when it is below T's own: a weak prerequisite explains T. */
  explainedBy: string | null;
  cardinality: { studiedItems: number; totalItems: number; reviews: number; submits: number };
}

export interface WeaknessModelInput {
  items: readonly TopicItem[];
  cards: readonly SrsCardState[];
  logs: readonly SrsReviewLogEntry[];
  signals?: LearnerSignalsInput;
  /** Reviews after this instant are ignored (default: all). */
  until?: Date;
  /** The learner's scheduler settings (SrsSettings): the recall feature uses their parameters (default: FSRS's). */
  settings?: RecallSettings;
  options?: WeaknessModelOptionsInput;
}

/**
 * One model, two fits of it that differ only in γ, each for one question:
 *   fit         the recall fit, γ the learner's own (`topicScales`, by the evidence): predicted recall (`predictRecall`),
 *               the topics' `effect` and `prior`; what log loss measures
 *   rankingFit  the ranking fit, γ = `rankingTopicScale` (1): the topics' `weakness` and `explainedBy`; what recall@3
 *               measures
 */
export interface WeaknessModelResult {
  topics: ModelTopicWeakness[];
  fit: RecallModelFit;
  rankingFit: RecallModelFit;
}

/** The averaged difficulty replays with FSRS's defaults whatever the learner's settings (core.ts `yardstick`). */
const difficultySettings = parseSchedulerSettings({ timezone: "UTC" });

const prerequisitesOf = new Map<string, readonly string[]>(topicMap.map((t) => [t.id, t.prerequisites]));

/** The model for one learner: every topic that has at least one item, in first-seen topic order of `items`. */
export function weaknessModel(input: WeaknessModelInput): WeaknessModelResult {
  const options = weaknessModelOptionsSchema.parse(input.options ?? {});
  const signals = learnerSignalsSchema.parse(input.signals ?? {});
  const until = input.until?.getTime() ?? Infinity;
  const logs = input.logs.filter((l) => l.review.getTime() <= until);
  const attempts = signals.attempts.filter((a) => a.at.getTime() <= until);
  const topicIds = [...new Set(input.items.flatMap((i) => i.topics))];
  // Studied: reviewed by `until` (or, without it, a card past New).
  const studiedKeys = new Set(logs.filter((l) => !l.undone).map(itemKey));
  if (input.until === undefined) for (const c of input.cards) if (c.state !== CardState.New) studiedKeys.add(itemKey(c));
  const studiedTopics = new Set(input.items.filter((i) => studiedKeys.has(itemKey(i))).flatMap((i) => i.topics));
  const enabled = new Set(options.signals);

  const tallies = signalTallies(input.items, studiedKeys, logs, { attempts, activeMisconceptions: signals.activeMisconceptions });
  // The history-averaged difficulty is already a per-topic figure: a tally of one per topic with that value.
  const now = new Date(Math.min(until, logs.reduce((latest, l) => Math.max(latest, l.review.getTime()), 0)));
  const difficulty = new Map<string, Tally>();
  for (const t of topicWeakness({ items: input.items, cards: input.until === undefined ? input.cards : [], logs, now, settings: difficultySettings })) {
    if (t.averageDifficulty !== null && t.studiedItems > 0 && input.until === undefined) difficulty.set(t.topicId, { events: t.averageDifficulty, opportunities: 1 });
  }
  tallies.set("difficulty", input.until === undefined ? difficulty : new Map());
  const scores = new Map(weaknessSignals.map((s) => [s, signalScores(tallies.get(s)!, topicIds, s === "difficulty" ? 0 : options.pseudoObservations)]));
  const used = weaknessSignals.filter((s) => enabled.has(s));
  const weightOf = (s: WeaknessSignal): number => options.signalWeights[s] ?? 1;
  const weightSum = used.reduce((a, s) => a + weightOf(s), 0);
  const signalPrior = new Map(
    topicIds.map((t) => {
      const z = used.reduce((a, s) => a + weightOf(s) * (scores.get(s)!.get(t) ?? 0), 0);
      return [t, weightSum > 0 ? (-options.signalScale * z) / weightSum : 0];
    }),
  );

  const observations = recallObservations(input.items, logs, input.settings);
  // The topic effect in recall is γ times the topic's ability on the signals' scale: FSRS's per-item difficulty has
  // already absorbed most of a weak topic, so what is left in the reviews is a fraction of it. γ scales the prior's
  // mean and spread together (the topics' order under the prior alone does not change); each learner's γ is the one
  // of `topicScales` under which their reviews are most probable (Laplace's evidence of the fit with the signals'
  // prior), so a learner whose recall FSRS already predicts gets small topic effects in the predicted recall.
  const useReviews = enabled.has("reviews");
  const fitAt = (scale: number, prior: ReadonlyMap<string, number>): RecallModelFit => {
    const fit = fitRecallModel(observations, topicIds, new Map([...prior].map(([t, m]) => [t, scale * m])), { thetaSd: scale * options.thetaSd, betaSd: options.betaSd, useReviews });
    fit.topicScale = scale;
    return fit;
  };
  // With prerequisites, a second fit whose prior adds ρ times the first fit's prerequisite abilities (θ / γ, on the
  // signals' scale as the prior is).
  const withPrerequisites = (first: RecallModelFit): { fit: RecallModelFit; prior: ReadonlyMap<string, number> } => {
    if (!enabled.has("prerequisites") || options.prerequisiteWeight === 0) return { fit: first, prior: signalPrior };
    const prior = new Map(
      topicIds.map((t) => {
        const abilities = (prerequisitesOf.get(t) ?? []).filter((p) => studiedTopics.has(p) && first.theta.has(p)).map((p) => first.theta.get(p)! / first.topicScale);
        const borrowed = abilities.length ? (options.prerequisiteWeight * abilities.reduce((a, b) => a + b, 0)) / abilities.length : 0;
        return [t, signalPrior.get(t)! + borrowed];
      }),
    );
    return { fit: fitAt(first.topicScale, prior), prior };
  };
  const byScale = new Map(options.topicScales.map((scale) => [scale, fitAt(scale, signalPrior)]));
  // The recall fit: each learner's γ is the candidate under which their reviews are most probable.
  let chosen = byScale.get(options.topicScales[0]!)!;
  for (const candidate of byScale.values()) if (candidate.logEvidence > chosen.logEvidence) chosen = candidate;
  const recall = withPrerequisites(chosen);
  // The ranking fit: γ = `rankingTopicScale` (1) for every learner. With a small γ the reviews weigh γ² as much
  // against the signals' prior on a topic's ability (θ / γ): that predicts recall better but ranked the weakest
  // topics worse (held-out recall@3 0.873 mean with γ = 1, 0.852 with the chosen γ): each question gets the fit
  // that answers it. A learner whose chosen γ is that scale has one fit for both.
  const rankingFirst = byScale.get(options.rankingTopicScale) ?? fitAt(options.rankingTopicScale, signalPrior);
  const ranking = rankingFirst === chosen ? recall : withPrerequisites(rankingFirst);
  const fit = recall.fit;
  const rankingFit = ranking.fit;
  const abilityOf = (t: string): number => rankingFit.theta.get(t)! / rankingFit.topicScale;

  const reviewsByTopic = new Map<string, number>();
  for (const o of observations) for (const t of o.topics) reviewsByTopic.set(t, (reviewsByTopic.get(t) ?? 0) + 1);
  const submitsByTopic = tallies.get("hints")!;
  const topics = topicIds.map((topicId): ModelTopicWeakness => {
    const topicItems = input.items.filter((i) => i.topics.includes(topicId));
    const studiedItems = topicItems.filter((i) => studiedKeys.has(itemKey(i))).length;
    const cardinality = { studiedItems, totalItems: topicItems.length, reviews: reviewsByTopic.get(topicId) ?? 0, submits: submitsByTopic.get(topicId)?.opportunities ?? 0 };
    const signalsOfTopic = Object.fromEntries(weaknessSignals.flatMap((s) => (scores.get(s)!.has(topicId) ? [[s, scores.get(s)!.get(topicId)!]] : [])));
    if (studiedItems === 0) return { topicId, weakness: null, effect: null, prior: null, signals: signalsOfTopic, explainedBy: null, cardinality };
    const effect = fit.theta.get(topicId)!;
    const ability = abilityOf(topicId);
    const weakerPrerequisites = (prerequisitesOf.get(topicId) ?? []).filter((p) => studiedTopics.has(p) && rankingFit.theta.has(p) && abilityOf(p) < ability);
    const explainedBy = weakerPrerequisites.sort((a, b) => abilityOf(a) - abilityOf(b))[0] ?? null;
    return { topicId, weakness: sigmoid(-ability), effect, prior: fit.topicScale * recall.prior.get(topicId)!, signals: signalsOfTopic, explainedBy, cardinality };
  });
  return { topics, fit, rankingFit };
}
