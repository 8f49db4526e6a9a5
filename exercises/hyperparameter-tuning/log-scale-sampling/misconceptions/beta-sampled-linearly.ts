/** Misconception "beta-sampled-linearly": β uniform between its bounds. */
export function sampleHyperparameters(
  uAlpha: number[],
  alphaMin: number,
  alphaMax: number,
  uBeta: number[],
  betaMin: number,
  betaMax: number,
): { alpha: number[]; beta: number[] } {
  return {
    alpha: uAlpha.map((u) => 10 ** (Math.log10(alphaMin) + u * (Math.log10(alphaMax) - Math.log10(alphaMin)))),
    beta: uBeta.map((u) => betaMin + u * (betaMax - betaMin)),
  };
}
