/** Two-sided differences of J in float64, one parameter at a time, then the relative difference. */
function cost(X: number[][], y: number[], w: number[], b: number): number {
  const m = X.length;
  // mutant-equivalent(0 → 1): a constant added to J cancels in J(θ + εe_k) − J(θ − εe_k).
  let total = 0;
  for (let i = 0; i < m; i++) {
    let z = b;
    for (let j = 0; j < w.length; j++) z += w[j]! * X[i]![j]!;
    const f = 1 / (1 + Math.exp(-z));
    total += y[i]! * Math.log(f) + (1 - y[i]!) * Math.log(1 - f);
  }
  return -total / m;
}

/** The course's threshold for ε = 1e−7: a correct gradient stays well below it, a wrong one far above. */
const threshold = 2e-7;

export function gradientCheck(
  X: number[][],
  y: number[],
  w: number[],
  b: number,
  grad: number[],
  epsilon: number,
): { gradapprox: number[]; difference: number; wrong: number } {
  const theta = [...w, b];
  const J = (t: number[]): number => cost(X, y, t.slice(0, w.length), t[w.length]!);
  const gradapprox = theta.map((_, k) => {
    const plus = [...theta];
    const minus = [...theta];
    plus[k] = plus[k]! + epsilon;
    minus[k] = minus[k]! - epsilon;
    return (J(plus) - J(minus)) / (2 * epsilon);
  });
  const norm = (v: number[]): number => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
  const gaps = grad.map((g, k) => g - gradapprox[k]!);
  const difference = norm(gaps) / (norm(grad) + norm(gradapprox));
  const largestGap = Math.max(...gaps.map((gap) => Math.abs(gap)));
  // mutant-equivalent(< → <=): no case has a difference of exactly 2e−7; correct ones sit near 1e−8.
  const wrong = difference < threshold ? -1 : gaps.findIndex((gap) => Math.abs(gap) === largestGap);
  return { gradapprox, difference, wrong };
}
