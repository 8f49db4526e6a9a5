/** Misconception "missing-one-over-m": sums the examples' gradients without dividing by m. */
type Matrix = number[][];

function matMul(A: Matrix, B: Matrix): Matrix {
  const inner = B.length;
  const cols = B[0]!.length;
  return A.map((row) =>
    Array.from({ length: cols }, (_, j) => {
      let sum = 0;
      for (let k = 0; k < inner; k++) sum += row[k]! * B[k]![j]!;
      return sum;
    }),
  );
}

function transpose(A: Matrix): Matrix {
  return Array.from({ length: A[0]!.length }, (_, j) => A.map((row) => row[j]!));
}

export function lLayerBackprop(X: number[][], Y: number[][], W: number[][][], b: number[][][]): { dW: number[][][]; db: number[][][] } {
  const L = W.length;
  const m = X[0]!.length;
  // Forward: A[0] = X; keep every Z[l] (for ReLU's derivative) and A[l] (for dW[l+1]).
  const A: Matrix[] = [X];
  const Z: Matrix[] = [];
  for (let l = 0; l < L; l++) {
    const z = matMul(W[l]!, A[l]!).map((row, i) => row.map((v) => v + b[l]![i]![0]!));
    Z.push(z);
    A.push(l === L - 1 ? z.map((row) => row.map((v) => 1 / (1 + Math.exp(-v)))) : z.map((row) => row.map((v) => Math.max(0, v))));
  }
  const dW: Matrix[] = new Array<Matrix>(L);
  const db: Matrix[] = new Array<Matrix>(L);
  // Sigmoid with cross-entropy: dJ/dZ[L] per example is A[L] − Y.
  let dZ: Matrix = A[L]!.map((row, i) => row.map((a, j) => a - Y[i]![j]!));
  for (let l = L - 1; l >= 0; l--) {
    dW[l] = matMul(dZ, transpose(A[l]!)).map((row) => row.map((g) => g));
    db[l] = dZ.map((row) => [row.reduce((sum, g) => sum + g, 0)]);
    if (l > 0) {
      const dA = matMul(transpose(W[l]!), dZ);
      // mutant-equivalent(> → >=): the cases keep every hidden Z at least 0.01 away from 0.
      dZ = dA.map((row, i) => row.map((g, j) => (Z[l - 1]![i]![j]! > 0 ? g : 0)));
    }
  }
  return { dW, db };
}
