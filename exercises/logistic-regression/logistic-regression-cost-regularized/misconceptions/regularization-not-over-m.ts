/** Misconception "regularization-not-over-m": scales the penalty by λ/2, forgetting the 1/m. */
function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function computeCostLogisticReg(X: number[][], y: number[], w: number[], b: number, lambda: number): number {
  const m = X.length;
  let lossSum = 0;
  for (let i = 0; i < m; i++) {
    const row = X[i]!;
    let z = b;
    for (let j = 0; j < w.length; j++) z += w[j]! * row[j]!;
    const f = sigmoid(z);
    const label = y[i]!;
    lossSum += -label * Math.log(f) - (1 - label) * Math.log(1 - f);
  }
  let squaredWeights = 0;
  for (const wj of w) squaredWeights += wj * wj;
  return lossSum / m + (lambda / 2) * squaredWeights;
}
