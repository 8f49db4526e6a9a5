/**
 * Misconception `softmax-over-wrong-axis`: the energies kept as a Tx × 1 column and the softmax taken over its
 * last axis (Keras's default), so each energy is normalised on its own and every α<t,t'> = 1.
 */
function energy(sPrev: number[], at: number[], W1: number[][], b1: number[], w2: number[], b2: number): number {
  const concat = [...sPrev, ...at];
  const hidden = W1.map((row, k) => Math.tanh(row.reduce((sum, w, j) => sum + w * concat[j]!, b1[k]!)));
  return Math.max(0, hidden.reduce((sum, h, k) => sum + w2[k]! * h, b2));
}

function softmax(energies: number[]): number[] {
  const largest = Math.max(...energies);
  const exps = energies.map((e) => Math.exp(e - largest));
  const total = exps.reduce((sum, v) => sum + v, 0);
  return exps.map((v) => v / total);
}

/** s<t> = tanh(W_ss s<t−1> + W_sc c<t> + b_s). */
function rnnCell(sPrev: number[], context: number[], Wss: number[][], Wsc: number[][], bs: number[]): number[] {
  return Wss.map((row, i) => {
    const recurrent = row.reduce((sum, w, j) => sum + w * sPrev[j]!, bs[i]!);
    return Math.tanh(Wsc[i]!.reduce((sum, w, j) => sum + w * context[j]!, recurrent));
  });
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
    const column = a.map((at) => [energy(s, at, W1, b1, w2, b2)]);
    const alpha = column.map((row) => softmax(row)[0]!);
    const context = a[0]!.map((_, j) => a.reduce((sum, at, k) => sum + alpha[k]! * at[j]!, 0));
    s = rnnCell(s, context, Wss, Wsc, bs);
    alphas.push(alpha);
    contexts.push(context);
    states.push(s);
  }
  return { alphas, contexts, states };
}
