/** Misconception `below-from-previous-step`: one time step at a time, layers updated from the top down, so layer l reads a[l−1]<t−1> (still the old value) instead of a[l−1]<t>. */
function affine(W: number[][], v: number[], b: number[]): number[] {
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * v[j]!, b[i]!));
}

export function deepRnnForward(x: number[][][], Wa: number[][][], ba: number[][]): { a: number[][][][] } {
  const a: number[][][][] = Wa.map(() => []);
  for (const sequence of x) {
    const states = ba.map((b) => b.map(() => 0));
    const outputs: number[][][] = Wa.map(() => []);
    for (const xt of sequence) {
      for (let l = Wa.length - 1; l >= 0; l--) {
        const input = l === 0 ? xt : states[l - 1]!;
        states[l] = affine(Wa[l]!, [...states[l]!, ...input], ba[l]!).map(Math.tanh);
        outputs[l]!.push(states[l]!);
      }
    }
    outputs.forEach((layer, l) => a[l]!.push(layer));
  }
  return { a };
}
