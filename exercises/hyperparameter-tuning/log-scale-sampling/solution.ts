/** α uniform in log10 α; β uniform in log10(1 − β), so every decade of the averaging window gets equal draws. */
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
    beta: uBeta.map((u) => 1 - 10 ** (Math.log10(1 - betaMin) + u * (Math.log10(1 - betaMax) - Math.log10(1 - betaMin)))),
  };
}
