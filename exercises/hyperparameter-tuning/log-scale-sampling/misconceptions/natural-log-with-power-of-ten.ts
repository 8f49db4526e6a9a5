/** Misconception "natural-log-with-power-of-ten": exponent from Math.log (ln), power of 10. */
export function sampleHyperparameters(
  uAlpha: number[],
  alphaMin: number,
  alphaMax: number,
  uBeta: number[],
  betaMin: number,
  betaMax: number,
): { alpha: number[]; beta: number[] } {
  return {
    alpha: uAlpha.map((u) => 10 ** (Math.log(alphaMin) + u * (Math.log(alphaMax) - Math.log(alphaMin)))),
    beta: uBeta.map((u) => 1 - 10 ** (Math.log(1 - betaMin) + u * (Math.log(1 - betaMax) - Math.log(1 - betaMin)))),
  };
}
