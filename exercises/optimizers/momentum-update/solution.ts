/** One momentum step: each velocity first absorbs its gradient, then its parameter moves along the new velocity. */
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
    const velocity = v[key]!.map((row, i) => row.map((vij, j) => beta * vij + (1 - beta) * grads[key]![i]![j]!));
    newV[key] = velocity;
    newParameters[name] = parameters[name]!.map((row, i) => row.map((p, j) => p - alpha * velocity[i]![j]!));
  }
  return { parameters: newParameters, v: newV };
}
