/**
 * When a bench's warm-up may stop: V8 keeps optimising a server's hot paths for thousands of requests after it
 * starts (bench:web's CPU per submission fell from 17.6 to ~9.5 ms over its first ~4,500 submissions, then stayed
 * there), so a fixed few seconds measure a server still tiering up. The warm-up instead runs in windows and stops
 * once the CPU per submission no longer falls: the mean of the last `compare` windows is at least `settledRatio` of
 * the mean of the `compare` windows before them. Noise on a shared machine moves single windows by ±10 %, hence
 * means of two windows, not a single window.
 */
export interface WarmUpRule {
  /** Windows averaged on each side of the comparison. */
  compare: number;
  /** Settled when recent mean ≥ this × the earlier mean (0.93: it fell by less than 7 %). */
  settledRatio: number;
  /** Never stop before this many windows. */
  minWindows: number;
}

export const DEFAULT_WARM_UP_RULE: WarmUpRule = { compare: 2, settledRatio: 0.93, minWindows: 4 };

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Whether a warm-up whose windows cost `cpuPerSubmission` (ms, oldest first; one value per window) has settled.
 * Throws on a rule that cannot compare (compare < 1, or minWindows below the 2 × compare windows it needs).
 */
export function warmUpSettled(cpuPerSubmission: readonly number[], rule: WarmUpRule = DEFAULT_WARM_UP_RULE): boolean {
  if (rule.compare < 1 || rule.minWindows < 2 * rule.compare) throw new Error(`warm-up rule cannot compare: ${JSON.stringify(rule)}`);
  if (cpuPerSubmission.length < rule.minWindows) return false;
  const recent = cpuPerSubmission.slice(-rule.compare);
  const earlier = cpuPerSubmission.slice(-2 * rule.compare, -rule.compare);
  return mean(recent) >= rule.settledRatio * mean(earlier);
}
