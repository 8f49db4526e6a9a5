/** Model solution for `multi-head-self-attention` (plain TypeScript, float64). */
function matMul(A: number[][], B: number[][]): number[][] {
  return A.map((row) => B[0]!.map((_, c) => row.reduce((sum, v, k) => sum + v * B[k]![c]!, 0)));
}

/** Columns [from, from + width) of M. */
function columns(M: number[][], from: number, width: number): number[][] {
  return M.map((row) => row.slice(from, from + width));
}

function softmaxRow(scores: number[]): number[] {
  const largest = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - largest));
  const total = exps.reduce((sum, v) => sum + v, 0);
  return exps.map((v) => v / total);
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
  const weights: number[][][] = [];
  const heads: number[][][] = [];
  for (let head = 0; head < h; head++) {
    // Head `head` owns d_k consecutive COLUMNS of Q, K and V (every token keeps its row).
    const Qh = columns(Q, head * dk, dk);
    const Kh = columns(K, head * dk, dk);
    const Vh = columns(V, head * dk, dk);
    // mutant-equivalent(0 → 1): adds 1/√d_k to every score of a row, and a softmax ignores a common shift
    const A = Qh.map((q) => softmaxRow(Kh.map((k) => q.reduce((sum, v, c) => sum + v * k[c]!, 0) / Math.sqrt(dk))));
    weights.push(A);
    heads.push(matMul(A, Vh));
  }
  // Concatenate the heads along the columns, head 1 first, then project with W_O.
  const concat = X.map((_, i) => heads.flatMap((H) => H[i]!));
  return { weights, output: matMul(concat, WO) };
}
