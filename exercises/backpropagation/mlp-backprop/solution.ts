/** Model solution for `mlp-backprop` (plain TypeScript, float64). Matrices are arrays of rows. */
type Matrix = number[][];

function matMul(A: Matrix, B: Matrix): Matrix {
  const inner = B.length;
  const cols = B[0]?.length ?? 0; // mutant-equivalent(0 → 1): every matrix here has a row, so the ?? never applies
  return A.map((row) => Array.from({ length: cols }, (_, j) => {
    let sum = 0;
    for (let k = 0; k < inner; k++) sum += row[k]! * B[k]![j]!;
    return sum;
  }));
}

function transpose(A: Matrix): Matrix {
  // mutant-equivalent(0 → 1): every matrix here has a row, so the ?? never applies
  return Array.from({ length: A[0]?.length ?? 0 }, (_, j) => A.map((row) => row[j]!));
}

/** Adds the column vector b (n × 1) to every column of Z. */
function addColumn(Z: Matrix, b: Matrix): Matrix {
  return Z.map((row, i) => row.map((v) => v + b[i]![0]!));
}

function map2(A: Matrix, B: Matrix, f: (a: number, b: number) => number): Matrix {
  return A.map((row, i) => row.map((v, j) => f(v, B[i]![j]!)));
}

function scale(A: Matrix, s: number): Matrix {
  return A.map((row) => row.map((v) => v * s));
}

/** Σ over the examples (the columns), keeping an n × 1 column. */
function sumOverExamples(A: Matrix): Matrix {
  return A.map((row) => [row.reduce((sum, v) => sum + v, 0)]);
}

export function mlpBackprop(
  X: number[][],
  Y: number[][],
  W1: number[][],
  b1: number[][],
  W2: number[][],
  b2: number[][],
): { dW1: number[][]; db1: number[][]; dW2: number[][]; db2: number[][] } {
  const m = X[0]!.length;
  const A1 = addColumn(matMul(W1, X), b1).map((row) => row.map(Math.tanh));
  const A2 = addColumn(matMul(W2, A1), b2).map((row) => row.map((z) => 1 / (1 + Math.exp(-z))));

  // Sigmoid with cross-entropy: dJ/dZ[2] per example is simply A[2] − Y.
  const dZ2 = map2(A2, Y, (a, y) => a - y);
  const dW2 = scale(matMul(dZ2, transpose(A1)), 1 / m);
  const db2 = scale(sumOverExamples(dZ2), 1 / m);
  // tanh'(Z[1]) = 1 − A[1]², applied element-wise to W[2]ᵀ dZ[2].
  const dZ1 = map2(matMul(transpose(W2), dZ2), A1, (g, a) => g * (1 - a * a));
  const dW1 = scale(matMul(dZ1, transpose(X)), 1 / m);
  const db1 = scale(sumOverExamples(dZ1), 1 / m);
  return { dW1, db1, dW2, db2 };
}
