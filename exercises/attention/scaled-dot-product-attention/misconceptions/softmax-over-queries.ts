/** Misconception `softmax-over-queries`: the softmax normalises each column (over the queries) instead of each row (over the keys). */
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
  const scores = Q.map((q, i) => K.map((k, j) => (keyMask[j] === 1 && (!causal || j <= i) ? dot(q, k) / scale : -Infinity)));
  const columns = K.map((_, j) => softmax(scores.map((row) => row[j]!)));
  const weights = Q.map((_, i) => K.map((_, j) => columns[j]![i]!));
  return { weights, output: times(weights, V) };
}
