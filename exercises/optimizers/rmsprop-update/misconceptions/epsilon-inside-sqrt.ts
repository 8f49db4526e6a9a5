/** Misconception "epsilon-inside-sqrt": divides by √(S + ε), TensorFlow's placement, instead of √S + ε. */
export function updateParametersWithRMSprop(
  parameters: Record<string, number[][]>,
  grads: Record<string, number[][]>,
  s: Record<string, number[][]>,
  beta: number,
  alpha: number,
  epsilon: number,
): { parameters: Record<string, number[][]>; s: Record<string, number[][]> } {
  const newParameters: Record<string, number[][]> = {};
  const newS: Record<string, number[][]> = {};
  for (const name of Object.keys(parameters)) {
    const key = "d" + name;
    const gradient = grads[key]!;
    const old = s[key]!;
    const S = old.map((row, i) => row.map((sij, j) => beta * sij + (1 - beta) * gradient[i]![j]! ** 2));
    newS[key] = S;
    newParameters[name] = parameters[name]!.map((row, i) => row.map((p, j) => p - alpha * gradient[i]![j]! / Math.sqrt(S[i]![j]! + epsilon)));
  }
  return { parameters: newParameters, s: newS };
}
