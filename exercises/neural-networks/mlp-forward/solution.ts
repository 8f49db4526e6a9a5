/**
 * Layer by layer, Z[l] = W[l]·A[l−1] + b[l] (one example per column), A[l] = g(Z[l]). Hidden layers use the
 * given activation; the output layer's g follows the notes' table: sigmoid for binary classification, linear
 * for regression, ReLU for a regression whose outputs cannot be negative.
 */
export function mlpForward(
  X: number[][],
  layers: { W: number[][]; b: number[] }[],
  hiddenActivation: string,
  task: string,
): number[][] {
  const activation = (name: string): ((z: number) => number) => {
    switch (name) {
      case "relu":
        return (z) => Math.max(0, z);
      case "sigmoid":
        return (z) => 1 / (1 + Math.exp(-z));
      case "tanh":
        return (z) => Math.tanh(z);
      case "linear":
        return (z) => z;
      default:
        throw new Error(`unknown activation "${name}"`);
    }
  };
  const outputActivation: Record<string, string> = { binary: "sigmoid", regression: "linear", "non-negative": "relu" };
  const outputName = outputActivation[task];
  if (outputName === undefined) throw new Error(`unknown task "${task}"`);
  let A = X;
  layers.forEach(({ W, b }, l) => {
    const g = activation(l === layers.length - 1 ? outputName : hiddenActivation);
    const m = A[0]!.length;
    A = W.map((w, j) =>
      Array.from({ length: m }, (_, i) => {
        let z = b[j]!;
        for (let k = 0; k < w.length; k++) z += w[k]! * A[k]![i]!;
        return g(z);
      }),
    );
  });
  return A;
}
