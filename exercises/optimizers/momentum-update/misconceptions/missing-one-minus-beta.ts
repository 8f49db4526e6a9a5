/** Misconception "missing-one-minus-beta": the PyTorch/TensorFlow accumulation v = β·v + dW, without (1 − β). */
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
    const velocity = v[key]!.map((row, i) => row.map((vij, j) => beta * vij + grads[key]![i]![j]!));
    newV[key] = velocity;
    newParameters[name] = parameters[name]!.map((row, i) => row.map((p, j) => p - alpha * velocity[i]![j]!));
  }
  return { parameters: newParameters, v: newV };
}
