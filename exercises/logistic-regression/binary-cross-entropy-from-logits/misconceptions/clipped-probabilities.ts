/** Misconception "clipped-probabilities": σ(z) clipped to [1e-7, 1 − 1e-7] (Keras's epsilon) before the log. */
export function binaryCrossEntropyFromLogits(z: number[], y: number[]): number {
  const epsilon = 1e-7;
  const m = z.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const a = Math.min(Math.max(1 / (1 + Math.exp(-z[i]!)), epsilon), 1 - epsilon);
    total += -y[i]! * Math.log(a) - (1 - y[i]!) * Math.log(1 - a);
  }
  return total / m;
}
