/** Misconception "one-sided-difference": uses the one-sided difference (J(θ + ε e_k) − J(θ)) / ε, whose error is O(ε) instead of O(ε²). */
function cost(X: number[][], y: number[], w: number[], b: number): number {
  const m = X.length;
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
    plus[k] = plus[k]! + epsilon;
    return (J(plus) - J(theta)) / epsilon;
  });
  const norm = (v: number[]): number => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
  const gaps = grad.map((g, k) => g - gradapprox[k]!);
  const difference = norm(gaps) / (norm(grad) + norm(gradapprox));
  const largestGap = Math.max(...gaps.map((gap) => Math.abs(gap)));
  const wrong = difference < threshold ? -1 : gaps.findIndex((gap) => Math.abs(gap) === largestGap);
  return { gradapprox, difference, wrong };
}
