/**
 * The oracle for `attention-decoder-step`: Ty steps of the attention decoder of Andrew Ng's attention model,
 * with TensorFlow.js ops. Each step is one attention step of `attention-weights` (its reference: a
 * Dense(n_e, tanh) → Dense(1, relu) network scores every [s<t−1>, a<t'>], softmax over t', context
 * Σ_t' α<t,t'> a<t'>), followed by the basic tanh RNN cell of `rnn-cell-forward` with the context as its input:
 * s<t> = tanh(W_ss s<t−1> + W_sc c<t> + b_s).
 *
 * As in `attention-weights`, adding b2, the ReLU and the shift by the largest energy run in float64 beside
 * TensorFlow.js, so energies near 1000 do not cost float32 the tolerance.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference, Json } from "../../schema";
import attentionStep from "../attention-weights/reference";
import { rnnActivation } from "../../rnn/rnn-cell-forward/reference";

const vector = z.array(z.number()).min(1);
const matrix = z.array(vector).min(1);
export const decoderArgsSchema = z.tuple([matrix, vector, z.number().int().min(1), matrix, vector, vector, z.number(), matrix, matrix, vector]);

export interface DecoderOutput {
  alphas: number[][];
  contexts: number[][];
  states: number[][];
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
): DecoderOutput {
  const out: DecoderOutput = { alphas: [], contexts: [], states: [] };
  let s = s0;
  for (let t = 0; t < Ty; t++) {
    const { alphas, context } = attentionStep(s, a, W1, b1, w2, b2) as { alphas: number[]; context: number[] };
    s = tf.tidy(() => (rnnActivation(tf.tensor2d([context]), tf.tensor2d([s]), Wss, Wsc, bs).arraySync() as number[][])[0]!);
    out.alphas.push(alphas);
    out.contexts.push(context);
    out.states.push(s);
  }
  return out;
}

const reference: ExerciseReference = (...args: Json[]): Json => {
  const [a, s0, Ty, W1, b1, w2, b2, Wss, Wsc, bs] = decoderArgsSchema.parse(args);
  return { ...attentionDecoder(a, s0, Ty, W1, b1, w2, b2, Wss, Wsc, bs) };
};

export default reference;
