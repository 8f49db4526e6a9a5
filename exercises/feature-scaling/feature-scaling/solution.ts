/**
 * Column statistics first (mean, population standard deviation, min, max, decimal exponent j), then the chosen
 * formula applied element by element. A zero range or zero σ is replaced by 1, so a constant feature maps to
 * 0 (mean, z-score) or to newMin (min-max) instead of 0/0.
 */
export function scaleFeatures(
  X: number[][],
  method: string,
  newMin: number,
  newMax: number,
): { scaled: number[][]; mu: number[]; sigma: number[]; min: number[]; max: number[]; j: number[] } {
  const m = X.length;
  const n = X[0]!.length;
  const mu: number[] = [];
  const sigma: number[] = [];
  const min: number[] = [];
  const max: number[] = [];
  const j: number[] = [];
  for (let k = 0; k < n; k++) {
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    let largest = 0;
    for (let i = 0; i < m; i++) {
      const x = X[i]![k]!;
      sum += x;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      largest = Math.max(largest, Math.abs(x));
    }
    const mean = sum / m;
    let squares = 0;
    for (let i = 0; i < m; i++) squares += (X[i]![k]! - mean) ** 2;
    let exponent = 0;
    while (largest >= 10 ** exponent) exponent++;
    mu.push(mean);
    sigma.push(Math.sqrt(squares / m));
    min.push(lo);
    max.push(hi);
    j.push(exponent);
  }
  const nonZero = (d: number): number => (d === 0 ? 1 : d);
  const scaled = X.map((row) =>
    row.map((x, k) => {
      const range = nonZero(max[k]! - min[k]!);
      switch (method) {
        case "mean":
          return (x - mu[k]!) / range;
        case "z-score":
          return (x - mu[k]!) / nonZero(sigma[k]!);
        case "min-max":
          return ((x - min[k]!) / range) * (newMax - newMin) + newMin;
        case "decimal":
          return x / 10 ** j[k]!;
        default:
          throw new Error(`unknown method "${method}"`);
      }
    }),
  );
  return { scaled, mu, sigma, min, max, j };
}
