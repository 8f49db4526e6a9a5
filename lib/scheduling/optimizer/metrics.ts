/**
 * Scoring predicted recall against what happened: the three numbers of the FSRS benchmark (srs-benchmark).
 * `predictions[i]` is the probability of recall predicted just before review i; `outcomes[i]` is 1 if recalled.
 */

/** Mean binary cross-entropy (natural log); predictions are clipped to [1e-6, 1 − 1e-6]. Lower is better. */
export function logLoss(predictions: readonly number[], outcomes: readonly number[]): number {
  let sum = 0;
  predictions.forEach((p, i) => {
    const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
    sum += outcomes[i] === 1 ? -Math.log(q) : -Math.log(1 - q);
  });
  return sum / predictions.length;
}

/**
 * Calibration RMSE over bins of predicted recall (20 equal-width bins, each weighted by its count): how far the
 * mean prediction in a bin is from the observed recall rate there. A simpler binning than srs-benchmark's
 * (which bins by interval, review count and lapses), so compare values only within one table.
 */
export function rmseBins(predictions: readonly number[], outcomes: readonly number[], bins = 20): number {
  const n = new Array<number>(bins).fill(0);
  const p = new Array<number>(bins).fill(0);
  const y = new Array<number>(bins).fill(0);
  predictions.forEach((pred, i) => {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(pred * bins)));
    n[b]! += 1;
    p[b]! += pred;
    y[b]! += outcomes[i]!;
  });
  let sum = 0;
  for (let b = 0; b < bins; b++) if (n[b]! > 0) sum += (p[b]! - y[b]!) ** 2 / n[b]!;
  return Math.sqrt(sum / predictions.length);
}

/** Area under the ROC curve (rank statistic, ties counted half): 0.5 is chance. NaN when one class is missing. */
export function auc(predictions: readonly number[], outcomes: readonly number[]): number {
  const order = predictions.map((p, i) => [p, outcomes[i]!] as const).sort((a, b) => a[0] - b[0]);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j < order.length && order[j]![0] === order[i]![0]) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (order[k]![1] === 1) {
      positives += 1;
      rankSum += averageRank;
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
