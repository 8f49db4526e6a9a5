/** Misconception "no-hidden-activation": applies no activation in the hidden layers (linear), only at the output. */
export function mlpForward(
  X: number[][],
  layers: { W: number[][]; b: number[] }[],
  hiddenActivation: string,
  task: string,
): number[][] {
  const activation = (name: string): ((z: number) => number) => {
    if (name === "relu") return (z) => Math.max(0, z);
    if (name === "sigmoid") return (z) => 1 / (1 + Math.exp(-z));
    if (name === "tanh") return (z) => Math.tanh(z);
    return (z) => z;
  };
  const outputName = task === "binary" ? "sigmoid" : task === "regression" ? "linear" : "relu";
  let A = X;
  layers.forEach(({ W, b }, l) => {
    const isOutput = l === layers.length - 1;
    const g = activation(isOutput ? outputName : "linear");
    void hiddenActivation;
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
