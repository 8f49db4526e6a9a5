/** Misconception "no-max-subtraction": e^z straight away, which overflows (or whose sum overflows) for large logits. */
export function softmax(Z: number[][], axis: number): number[][] {
  const rows = Z.length;
  const cols = Z[0]!.length;
  const out: number[][] = Z.map((row) => row.map((z) => Math.exp(z)));
  if (axis === 1) {
    for (let i = 0; i < rows; i++) {
      const sum = out[i]!.reduce((s, e) => s + e, 0);
      out[i] = out[i]!.map((e) => e / sum);
    }
  } else {
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let i = 0; i < rows; i++) sum += out[i]![j]!;
      for (let i = 0; i < rows; i++) out[i]![j] = out[i]![j]! / sum;
    }
  }
  return out;
}
