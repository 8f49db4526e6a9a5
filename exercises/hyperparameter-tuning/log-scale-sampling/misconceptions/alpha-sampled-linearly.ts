/** Misconception "alpha-sampled-linearly": α uniform between its bounds, so almost every draw is near alphaMax. */
export function sampleHyperparameters(
  uAlpha: number[],
  alphaMin: number,
  alphaMax: number,
  uBeta: number[],
  betaMin: number,
  betaMax: number,
): { alpha: number[]; beta: number[] } {
  return {
    alpha: uAlpha.map((u) => alphaMin + u * (alphaMax - alphaMin)),
    beta: uBeta.map((u) => 1 - 10 ** (Math.log10(1 - betaMin) + u * (Math.log10(1 - betaMax) - Math.log10(1 - betaMin)))),
  };
}
