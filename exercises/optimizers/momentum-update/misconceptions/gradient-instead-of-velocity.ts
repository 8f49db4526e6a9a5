/** Misconception "gradient-instead-of-velocity": updates the velocity but moves W along the raw gradient dW. */
export function updateParametersWithMomentum(
  parameters: Record<string, number[][]>,
  grads: Record<string, number[][]>,
  v: Record<string, number[][]>,
  beta: number,
  alpha: number,
): { parameters: Record<string, number[][]>; v: Record<string, number[][]> } {
  const newParameters: Record<string, number[][]> = {};
  const newV: Record<string, number[][]> = {};
  for (const name of Object.keys(parameters)) {
    const key = "d" + name;
    const gradient = grads[key]!;
    newV[key] = v[key]!.map((row, i) => row.map((vij, j) => beta * vij + (1 - beta) * gradient[i]![j]!));
    newParameters[name] = parameters[name]!.map((row, i) => row.map((p, j) => p - alpha * gradient[i]![j]!));
  }
  return { parameters: newParameters, v: newV };
}
