/** Misconception "logits-as-probabilities": puts z itself where σ(z) belongs. */
export function binaryCrossEntropyFromLogits(z: number[], y: number[]): number {
  const m = z.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    total += -y[i]! * Math.log(z[i]!) - (1 - y[i]!) * Math.log(1 - z[i]!);
  }
  return total / m;
}
