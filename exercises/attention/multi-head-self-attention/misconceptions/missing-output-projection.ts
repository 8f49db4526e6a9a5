/** Misconception `missing-output-projection`: the concatenated heads returned as they are, never multiplied by W_O. */
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
    const A = attend(columns(Q, head * dk, dk), columns(K, head * dk, dk), Math.sqrt(dk));
    weights.push(A);
    heads.push(matMul(A, columns(V, head * dk, dk)));
  }
  return { weights, output: X.map((_, i) => heads.flatMap((H) => H[i]!)) };
}
