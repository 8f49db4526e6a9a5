/** Misconception `mask-after-softmax`: the softmax over every key, then the masked weights set to 0 (the rest no longer sum to 1). */
function softmax(scores: number[]): number[] {
  const largest = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - largest));
  const total = exps.reduce((sum, v) => sum + v, 0);
  return exps.map((v) => v / total);
}

function dot(x: number[], y: number[]): number {
  return x.reduce((sum, v, c) => sum + v * y[c]!, 0);
}

function times(weights: number[][], V: number[][]): number[][] {
  const dv = V[0]!.length;
  return weights.map((row) => Array.from({ length: dv }, (_, c) => row.reduce((sum, w, j) => sum + w * V[j]![c]!, 0)));
}

export function scaledDotProductAttention(
  Q: number[][],
  K: number[][],
  V: number[][],
  keyMask: number[],
  causal: boolean,
): { weights: number[][]; output: number[][] } {
  const scale = Math.sqrt(K[0]!.length);
  const weights = Q.map((q, i) => {
    const all = softmax(K.map((k) => dot(q, k) / scale));
    return all.map((w, j) => (keyMask[j] === 1 && (!causal || j <= i) ? w : 0));
  });
  return { weights, output: times(weights, V) };
}
