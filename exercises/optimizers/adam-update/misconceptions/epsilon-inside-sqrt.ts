/** Misconception "epsilon-inside-sqrt": divides by √(ŝ + ε) instead of √ŝ + ε. */
export function updateParametersWithAdam(
  parameters: Record<string, number[][]>,
  grads: Record<string, number[][]>,
  v: Record<string, number[][]>,
  s: Record<string, number[][]>,
  t: number,
  alpha: number,
  beta1: number,
  beta2: number,
  epsilon: number,
): { parameters: Record<string, number[][]>; v: Record<string, number[][]>; s: Record<string, number[][]> } {
  const newParameters: Record<string, number[][]> = {};
  const newV: Record<string, number[][]> = {};
  const newS: Record<string, number[][]> = {};
  const correction1 = 1 - beta1 ** t;
  const correction2 = 1 - beta2 ** t;
  for (const name of Object.keys(parameters)) {
    const key = "d" + name;
    const gradient = grads[key]!;
    const first = v[key]!.map((row, i) => row.map((vij, j) => beta1 * vij + (1 - beta1) * gradient[i]![j]!));
    const second = s[key]!.map((row, i) => row.map((sij, j) => beta2 * sij + (1 - beta2) * gradient[i]![j]! ** 2));
    newParameters[name] = parameters[name]!.map((row, i) =>
      row.map((p, j) => {
        const vHat = first[i]![j]! / correction1;
        const sHat = second[i]![j]! / correction2;
        return p - (alpha * vHat) / (Math.sqrt(sHat + epsilon));
      }),
    );
    newV[key] = first;
    newS[key] = second;
  }
  return { parameters: newParameters, v: newV, s: newS };
}
