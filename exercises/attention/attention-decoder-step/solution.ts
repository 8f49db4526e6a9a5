/** Model solution for `attention-decoder-step` (plain TypeScript, float64). */
function energy(sPrev: number[], at: number[], W1: number[][], b1: number[], w2: number[], b2: number): number {
  const concat = [...sPrev, ...at];
  const hidden = W1.map((row, k) => Math.tanh(row.reduce((sum, w, j) => sum + w * concat[j]!, b1[k]!)));
  return Math.max(0, hidden.reduce((sum, h, k) => sum + w2[k]! * h, b2));
}

/** α<t,·> (softmax over the Tx input steps, shifted by the largest energy) and c<t> = Σ_t' α<t,t'> a<t'>. */
function attend(sPrev: number[], a: number[][], W1: number[][], b1: number[], w2: number[], b2: number): { alphas: number[]; context: number[] } {
  const energies = a.map((at) => energy(sPrev, at, W1, b1, w2, b2));
  const largest = Math.max(...energies);
  const exps = energies.map((e) => Math.exp(e - largest));
  const total = exps.reduce((sum, v) => sum + v, 0);
  const alphas = exps.map((v) => v / total);
  const context = a[0]!.map((_, j) => a.reduce((sum, at, t) => sum + alphas[t]! * at[j]!, 0));
  return { alphas, context };
}

export function attentionDecoder(
  a: number[][],
  s0: number[],
  Ty: number,
  W1: number[][],
  b1: number[],
  w2: number[],
  b2: number,
  Wss: number[][],
  Wsc: number[][],
  bs: number[],
): { alphas: number[][]; contexts: number[][]; states: number[][] } {
  const alphas: number[][] = [];
  const contexts: number[][] = [];
  const states: number[][] = [];
  let s = s0;
  for (let t = 0; t < Ty; t++) {
    // Step t scores the inputs with the state BEFORE this step, s<t−1>; only then is s<t> computed.
    const step = attend(s, a, W1, b1, w2, b2);
    s = Wss.map((row, i) => {
      const recurrent = row.reduce((sum, w, j) => sum + w * s[j]!, bs[i]!);
      return Math.tanh(Wsc[i]!.reduce((sum, w, j) => sum + w * step.context[j]!, recurrent));
    });
    alphas.push(step.alphas);
    contexts.push(step.context);
    states.push(s);
  }
  return { alphas, contexts, states };
}
