/**
 * Misconception `heads-split-by-rows`: Q, K and V (n × d_model, row-major) reshaped straight to [h, n, d_k]
 * without the transpose, so head i takes the i-th block of n·d_k consecutive numbers — whole rows (tokens) —
 * instead of columns [i·d_k, (i+1)·d_k) of every row.
 */
function matMul(A: number[][], B: number[][]): number[][] {
  return A.map((row) => B[0]!.map((_, c) => row.reduce((sum, v, k) => sum + v * B[k]![c]!, 0)));
}

function columns(M: number[][], from: number, width: number): number[][] {
  return M.map((row) => row.slice(from, from + width));
}

function softmaxRow(scores: number[]): number[] {
  const largest = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - largest));
  const total = exps.reduce((sum, v) => sum + v, 0);
  return exps.map((v) => v / total);
}

function attend(Qh: number[][], Kh: number[][], scale: number): number[][] {
  return Qh.map((q) => softmaxRow(Kh.map((k) => q.reduce((sum, v, c) => sum + v * k[c]!, 0) / scale)));
}

/** The row-major numbers of M read as h blocks of n rows × d_k columns. */
function reshapeToHeads(M: number[][], h: number, dk: number): number[][][] {
  const flat = M.flat();
  const n = M.length;
  return Array.from({ length: h }, (_, head) => Array.from({ length: n }, (_, i) => flat.slice((head * n + i) * dk, (head * n + i + 1) * dk)));
}

export function multiHeadSelfAttention(
  X: number[][],
  WQ: number[][],
  WK: number[][],
  WV: number[][],
  WO: number[][],
  h: number,
): { weights: number[][][]; output: number[][] } {
  const dModel = WQ.length;
  const dk = dModel / h;
  const Q = matMul(X, WQ);
  const K = matMul(X, WK);
  const V = matMul(X, WV);
  const [Qs, Ks, Vs] = [Q, K, V].map((M) => reshapeToHeads(M, h, dk));
  const weights: number[][][] = [];
  const heads: number[][][] = [];
  for (let head = 0; head < h; head++) {
    const A = attend(Qs![head]!, Ks![head]!, Math.sqrt(dk));
    weights.push(A);
    heads.push(matMul(A, Vs![head]!));
  }
  const concat = X.map((_, i) => heads.flatMap((H) => H[i]!));
  return { weights, output: matMul(concat, WO) };
}
