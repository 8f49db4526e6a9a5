/**
 * Random search on the right scale (the course's hyperparameter tuning): from given uniform draws u in [0, 1),
 *   α = 10^r,      r uniform between log10(alphaMin) and log10(alphaMax)
 *   β = 1 − 10^r,  r uniform between log10(1 − betaMin) and log10(1 − betaMax)
 * r = low + u·(high − low) with low/high in the order written above, so u = 0 gives alphaMin and betaMin and
 * larger u gives larger values.
 *
 * @param uAlpha uniform draws in [0, 1), one per α sample
 * @param alphaMin smallest learning rate, > 0 (e.g. 1e-4)
 * @param alphaMax largest learning rate, > alphaMin (e.g. 1)
 * @param uBeta uniform draws in [0, 1), one per β sample
 * @param betaMin smallest β, in [0, 1) (e.g. 0.9)
 * @param betaMax largest β, in (betaMin, 1) (e.g. 0.999)
 * @returns alpha (one per uAlpha) and beta (one per uBeta)
 */
export function sampleHyperparameters(
  uAlpha: number[],
  alphaMin: number,
  alphaMax: number,
  uBeta: number[],
  betaMin: number,
  betaMax: number,
): { alpha: number[]; beta: number[] } {
  // Replace these placeholders with your implementation.
  return { alpha: uAlpha.map(() => alphaMin), beta: uBeta.map(() => betaMin) };
}
