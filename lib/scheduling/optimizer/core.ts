/**
 * Personal FSRS parameters. The FSRS optimizer (fsrs-rs through @open-spaced-repetition/binding) fits the 21
 * weights to a learner's own review history; a fit is kept only if it predicts the learner's LATER reviews
 * better than the parameters in use:
 *
 * 1. The learner's kept reviews become FSRS items: per card, its reviews in time order with `deltaT` = whole
 *    local days since the previous review (the day starts at `dayStartsAtHour`, as in the optimizer's own CSV
 *    import); every cross-day review is one item (the card's history so far + itself), as fsrs-rs trains.
 * 2. Time split: the latest `holdoutFraction` of the cross-day reviews (deltaT ≥ 1) are held out. Items ending
 *    before the split train; held-out items are scored with their full earlier history.
 * 3. Both parameter sets predict each held-out review's recall (FSRS-6 forgetting curve after replaying the
 *    card's history with ts-fsrs); the fitted set is accepted only if its log loss is strictly lower.
 *
 * Never fakes a fit: if the binding cannot load, the result says so (`reason`) and keeps the current parameters.
 */
import { FSRSAlgorithm, type Grade } from "ts-fsrs";
import { itemKey, localDayNumber, type SrsReviewLogEntry } from "../core/core";
import { schedulerWeights, type ReviewRating, type SchedulerSettings } from "../core/schema";
import { auc, logLoss, rmseBins } from "./metrics";
import { fitOptionsSchema, type FitOptionsInput, type FitReason } from "./schema";

/** One review as the optimizer sees it. */
export interface FsrsReviewStep {
  rating: ReviewRating;
  /** Whole local days since the card's previous review; 0 for the first review and same-day reviews. */
  deltaT: number;
}

/** A card's history up to and including one review (the optimizer's FSRSItem, as plain data). */
export interface FsrsItemData {
  cardKey: string;
  /** When the last review of `reviews` happened. */
  reviewedAt: Date;
  reviews: FsrsReviewStep[];
}

/**
 * Per card, the kept reviews in time order with their day deltas; a card that was reset has one history per
 * start ("<item key>", then "<item key>#1", …).
 */
export function cardHistories(logs: readonly SrsReviewLogEntry[], settings: Pick<SchedulerSettings, "timezone" | "dayStartsAtHour">): Map<string, { at: Date; step: FsrsReviewStep }[]> {
  const byCard = new Map<string, SrsReviewLogEntry[]>();
  for (const log of logs) {
    if (log.undone) continue;
    const key = itemKey(log);
    const list = byCard.get(key) ?? [];
    list.push(log);
    byCard.set(key, list);
  }
  const histories = new Map<string, { at: Date; step: FsrsReviewStep }[]>();
  for (const [key, list] of byCard) {
    list.sort((a, b) => a.review.getTime() - b.review.getTime() || (a.reps ?? 0) - (b.reps ?? 0));
    let previousDay: number | null = null;
    let history: { at: Date; step: FsrsReviewStep }[] = [];
    let resets = 0;
    for (const log of list) {
      // A reset starts the card over: what follows is a new card's history (the optimizer's own reading).
      if (log.reset && history.length > 0) {
        histories.set(resets === 0 ? key : `${key}#${resets}`, history);
        resets += 1;
        history = [];
        previousDay = null;
      }
      const day = localDayNumber(log.review, settings.timezone, settings.dayStartsAtHour);
      history.push({ at: log.review, step: { rating: log.rating, deltaT: previousDay === null ? 0 : day - previousDay } });
      previousDay = day;
    }
    histories.set(resets === 0 ? key : `${key}#${resets}`, history);
  }
  return histories;
}

/**
 * The optimizer's training items for a learner's logs: one per cross-day review (deltaT ≥ 1), carrying the
 * card's whole earlier history including same-day steps. This is exactly what the binding's own CSV import
 * (`convertCsvToFsrsItems`) produces; a test checks the two agree.
 */
export function toFsrsItems(logs: readonly SrsReviewLogEntry[], settings: Pick<SchedulerSettings, "timezone" | "dayStartsAtHour">): FsrsItemData[] {
  const items: FsrsItemData[] = [];
  for (const [cardKey, history] of cardHistories(logs, settings)) {
    for (let i = 1; i < history.length; i++) {
      if (history[i]!.step.deltaT < 1) continue;
      items.push({ cardKey, reviewedAt: history[i]!.at, reviews: history.slice(0, i + 1).map((h) => h.step) });
    }
  }
  return items;
}

/**
 * Predicted recall before each review of one card history (index i ≥ 1 predicts review i; index 0 is NaN:
 * nothing to recall before the first review). Replays the memory state with ts-fsrs's FSRS-6 formulas.
 */
export function predictHistory(steps: readonly FsrsReviewStep[], parameters: readonly number[]): number[] {
  const algorithm = algorithmFor(parameters);
  let memory: { stability: number; difficulty: number } | null = null;
  return steps.map((step) => {
    const predicted = memory === null ? Number.NaN : algorithm.forgetting_curve(step.deltaT, memory.stability);
    memory = algorithm.next_state(memory, step.deltaT, step.rating as number as Grade);
    return predicted;
  });
}

const algorithms = new Map<string, FSRSAlgorithm>();
function algorithmFor(parameters: readonly number[]): FSRSAlgorithm {
  const key = parameters.join(",");
  let a = algorithms.get(key);
  if (!a) {
    a = new FSRSAlgorithm({ w: [...parameters], enable_short_term: true });
    if (algorithms.size > 256) algorithms.clear();
    algorithms.set(key, a);
  }
  return a;
}

export interface Evaluation {
  reviews: number;
  logLoss: number;
  rmseBins: number;
  auc: number;
}

/** Log loss, RMSE(bins) and AUC of the parameters' predictions for the given (cross-day) items' last reviews. */
export function evaluateParameters(items: readonly FsrsItemData[], parameters: readonly number[]): Evaluation {
  const predictions: number[] = [];
  const outcomes: number[] = [];
  for (const item of items) {
    const last = item.reviews[item.reviews.length - 1]!;
    if (item.reviews.length < 2 || last.deltaT < 1) continue;
    predictions.push(predictHistory(item.reviews, parameters)[item.reviews.length - 1]!);
    outcomes.push(last.rating === 1 ? 0 : 1);
  }
  return { reviews: predictions.length, logLoss: logLoss(predictions, outcomes), rmseBins: rmseBins(predictions, outcomes), auc: auc(predictions, outcomes) };
}

export interface TimeSplit {
  /** Held-out items are those whose last review is at or after this instant. */
  splitAt: Date;
  train: FsrsItemData[];
  test: FsrsItemData[];
}

/** Split items by time so that the latest `holdoutFraction` of cross-day reviews are held out. */
export function splitByTime(items: readonly FsrsItemData[], holdoutFraction: number): TimeSplit | null {
  const crossDay = items.filter((i) => i.reviews[i.reviews.length - 1]!.deltaT >= 1).map((i) => i.reviewedAt.getTime()).sort((a, b) => a - b);
  if (crossDay.length < 2) return null;
  const index = Math.min(crossDay.length - 1, Math.max(1, Math.floor(crossDay.length * (1 - holdoutFraction))));
  const splitAt = crossDay[index]!;
  return {
    splitAt: new Date(splitAt),
    train: items.filter((i) => i.reviewedAt.getTime() < splitAt),
    test: items.filter((i) => i.reviewedAt.getTime() >= splitAt && i.reviews[i.reviews.length - 1]!.deltaT >= 1),
  };
}

type Binding = typeof import("@open-spaced-repetition/binding");
let bindingPromise: Promise<{ binding: Binding } | { error: string }> | null = null;

/** Load the native optimizer once; the error text, not an exception, if it cannot load on this machine. */
export function loadOptimizerBinding(): Promise<{ binding: Binding } | { error: string }> {
  bindingPromise ??= import("@open-spaced-repetition/binding").then(
    (binding) => ({ binding }),
    (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
  );
  return bindingPromise;
}

/** Run the FSRS optimizer (fsrs-rs) on training items. Throws if the binding cannot load. */
export async function computeFsrsParameters(items: readonly FsrsItemData[], settings: Pick<SchedulerSettings, "relearningSteps">): Promise<number[]> {
  const loaded = await loadOptimizerBinding();
  if ("error" in loaded) throw new Error(`the FSRS optimizer binding cannot load: ${loaded.error}`);
  const { FSRSBindingItem, FSRSBindingReview, computeParameters } = loaded.binding;
  // fsrs-rs panics (and the panic aborts the whole Node process) on an item without a cross-day review, so
  // such items (pure same-day learning steps) must never reach it.
  const trainSet = items.filter((item) => item.reviews.some((r) => r.deltaT > 0)).map((item) => new FSRSBindingItem(item.reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
  // No `timeout`: in binding 0.5.0 it makes the call wait out the whole timeout (a 0.7 s fit took 60 s with 60000).
  return computeParameters(trainSet, { enableShortTerm: true, numRelearningSteps: settings.relearningSteps.length });
}

export interface FitResult {
  /** Whether the fitted parameters replace the current ones. */
  accepted: boolean;
  /** The parameters to use from now on (the fitted ones if accepted, else the current ones). */
  parameters: number[];
  /** What the optimizer produced, null if it did not run. */
  fitted: number[] | null;
  current: Evaluation | null;
  candidate: Evaluation | null;
  trainItems: number;
  heldOutReviews: number;
  splitAt: Date | null;
  /** Why the result is what it is, as data (lib/review/fit.ts `fitReasonText` says it in zh or en). */
  reason: FitReason;
}

/**
 * Fit personal parameters and keep them only if they lower log loss on the learner's held-out later reviews.
 * Maps onto SrsSettings: `parameters` ← result.parameters; if accepted, `parametersFittedAt` ← now and
 * `parametersLogLoss` ← result.candidate.logLoss.
 */
export async function fitPersonalParameters(logs: readonly SrsReviewLogEntry[], settings: SchedulerSettings, options: FitOptionsInput = {}): Promise<FitResult> {
  const o = fitOptionsSchema.parse(options);
  const current = [...settings.parameters];
  const keep = (reason: FitReason, extra: Partial<FitResult> = {}): FitResult => ({
    accepted: false, parameters: current, fitted: null, current: null, candidate: null, trainItems: 0, heldOutReviews: 0, splitAt: null, reason, ...extra,
  });
  const split = splitByTime(toFsrsItems(logs, settings), o.holdoutFraction);
  if (!split) return keep({ code: "fewCrossDayReviews" });
  const sizes = { trainItems: split.train.length, heldOutReviews: split.test.length, splitAt: split.splitAt };
  if (split.test.length < o.minHeldOutReviews) return keep({ code: "fewHeldOut", heldOut: split.test.length, needed: o.minHeldOutReviews }, sizes);
  if (split.train.length < o.minTrainingItems) return keep({ code: "fewTraining", training: split.train.length, needed: o.minTrainingItems }, sizes);
  const loaded = await loadOptimizerBinding();
  if ("error" in loaded) return keep({ code: "optimizerUnavailable", error: loaded.error }, sizes);
  // Judged and returned as the scheduler would use them (clamped to FSRS's ranges).
  const fitted = schedulerWeights(await computeFsrsParameters(split.train, settings), settings.relearningSteps);
  const currentEval = evaluateParameters(split.test, current);
  const candidateEval = evaluateParameters(split.test, fitted);
  const accepted = candidateEval.logLoss < currentEval.logLoss;
  return {
    accepted,
    parameters: accepted ? fitted : current,
    fitted,
    current: currentEval,
    candidate: candidateEval,
    ...sizes,
    reason: { code: accepted ? "better" : "notBetter", heldOut: split.test.length, currentLogLoss: currentEval.logLoss, candidateLogLoss: candidateEval.logLoss },
  };
}
