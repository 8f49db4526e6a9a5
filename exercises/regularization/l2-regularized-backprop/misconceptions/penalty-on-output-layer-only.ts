/** Misconception "penalty-on-output-layer-only": adds (λ/m)·W[2] to dW[2] but leaves dW[1] without its penalty. */
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

/** Z + b with the column b (n × 1) added to every column. */
function addColumn(Z: Matrix, b: Matrix): Matrix {
  return Z.map((row, i) => row.map((v) => v + b[i]![0]!));
}

function sumOverExamples(A: Matrix): Matrix {
  return A.map((row) => [row.reduce((sum, v) => sum + v, 0)]);
}

export function l2RegularizedBackprop(
  X: number[][],
  Y: number[][],
  W1: number[][],
  b1: number[][],
  W2: number[][],
  b2: number[][],
  lambda: number,
): { dW1: number[][]; db1: number[][]; dW2: number[][]; db2: number[][] } {
  const m = X[0]!.length;
  const Z1 = addColumn(matMul(W1, X), b1);
  const A1 = Z1.map((row) => row.map((z) => Math.max(0, z)));
  const A2 = addColumn(matMul(W2, A1), b2).map((row) => row.map((z) => 1 / (1 + Math.exp(-z))));

  const dZ2 = A2.map((row, i) => row.map((a, j) => a - Y[i]![j]!));
  const dW2 = matMul(dZ2, transpose(A1)).map((row, i) => row.map((g, j) => g / m + (lambda / m) * W2[i]![j]!));
  const db2 = sumOverExamples(dZ2).map((row) => row.map((g) => g / m));
  const dA1 = matMul(transpose(W2), dZ2);
  const dZ1 = dA1.map((row, i) => row.map((g, j) => (Z1[i]![j]! > 0 ? g : 0)));
  const dW1 = matMul(dZ1, transpose(X)).map((row, i) => row.map((g, j) => g / m));
  const db1 = sumOverExamples(dZ1).map((row) => row.map((g) => g / m));
  return { dW1, db1, dW2, db2 };
}
