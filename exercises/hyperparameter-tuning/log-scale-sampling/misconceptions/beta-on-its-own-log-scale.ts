/** Misconception "beta-on-its-own-log-scale": β itself on a log scale, which near 1 is nearly linear. */
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
    beta: uBeta.map((u) => 10 ** (Math.log10(betaMin) + u * (Math.log10(betaMax) - Math.log10(betaMin)))),
  };
}
