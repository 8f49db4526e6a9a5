/** Misconception "stale-velocity": moves W with the velocity from before this step, then updates the velocity. */
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
    const old = v[key]!;
    newParameters[name] = parameters[name]!.map((row, i) => row.map((p, j) => p - alpha * old[i]![j]!));
    newV[key] = old.map((row, i) => row.map((vij, j) => beta * vij + (1 - beta) * grads[key]![i]![j]!));
  }
  return { parameters: newParameters, v: newV };
}
