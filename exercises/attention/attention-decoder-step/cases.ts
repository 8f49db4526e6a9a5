/**
 * Seeded cases for `attention-decoder-step`. Tx, Ty and the sizes vary between cases; n_s = n_a in most of them,
 * as in Ng's assignment (a Bi-LSTM of 2 × 32 units feeds a decoder of 64), so a context built from the decoder
 * state or a swapped concatenation cannot hide behind a shape error. Every input is on the 1/64 grid so float32
 * reads it exactly. The edge cases are a single output step, a single input step, energies near 1000, energies
 * all clipped to 0 by the ReLU, sharply peaked attention and a saturated scorer whose energies differ by more
 * than 709 (exact in float32: every hidden value is ±1).
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  tx: (rng: Rng) => number;
  ty: (rng: Rng) => number;
  /** n_s and n_a; n_s = n_a unless `na` is given. */
  ns: (rng: Rng) => number;
  na?: (rng: Rng) => number;
  ne: (rng: Rng) => number;
  /** Spread of w2 (how different the energies are) and where b2 lies. */
  w2Std: number;
  b2: (rng: Rng) => number;
  /**
   * n_a = 1 and a<t'> = ±1, W1's a-column ±30…60 and w2 = sign-matched 150…300: every hidden value is exactly
   * ±1 (in float32 too), so the energies are exact: 0 where a<t'> = −1, above 700 where a<t'> = +1.
   */
  saturated?: boolean;
  note?: Localized;
}

const moderateBias = (r: Rng) => r.uniform(0.5, 1.5);

const specs: CaseSpec[] = [
  { name: { en: "two output steps", zh: "两个输出时间步" }, visible: true, tx: (r) => r.int(3, 4), ty: () => 2, ns: (r) => r.int(2, 3), ne: (r) => r.int(3, 4), w2Std: 1.5, b2: moderateBias },
  {
    name: { en: "three output steps, longer input", zh: "三个输出时间步，输入更长" },
    visible: true,
    tx: (r) => r.int(5, 7),
    ty: () => 3,
    ns: (r) => r.int(3, 4),
    ne: (r) => r.int(4, 6),
    w2Std: 1.5,
    b2: moderateBias,
    note: {
      en: "Every output step gets its own row of α: step t scores the inputs with s<t−1>, the state the previous step left behind, so the rows differ from step to step.",
      zh: "每个输出步都有自己的一行 α：第 t 步用上一步留下的状态 s<t−1> 给输入打分，所以各步的 α 各不相同。",
    },
  },
  {
    name: { en: "one output step (Ty = 1)", zh: "一个输出时间步（Ty = 1）" },
    visible: true,
    tx: (r) => r.int(3, 5),
    ty: () => 1,
    ns: (r) => r.int(2, 4),
    ne: (r) => r.int(2, 4),
    w2Std: 1.5,
    b2: moderateBias,
    note: {
      en: "A single step: the attention is scored with the initial state s<0>, then s<1> = tanh(W_ss s<0> + W_sc c<1> + b_s).",
      zh: "只有一步：注意力用初始状态 s<0> 打分，然后 s<1> = tanh(W_ss s<0> + W_sc c<1> + b_s)。",
    },
  },
  {
    name: { en: "large energies", zh: "能量值很大" },
    visible: true,
    tx: (r) => r.int(3, 5),
    ty: () => 2,
    ns: (r) => r.int(2, 3),
    ne: (r) => r.int(3, 4),
    w2Std: 1.5,
    b2: (r) => r.uniform(900, 1000),
    note: {
      en: "The energies are near 1000, so exp(e) overflows to Infinity and Infinity / Infinity is NaN. Subtract the largest energy before exponentiating: the softmax does not change when every e is shifted by the same amount.",
      zh: "能量接近 1000，exp(e) 会溢出为 Infinity，而 Infinity / Infinity 得 NaN。取指数之前先减去最大的能量：所有 e 同时平移同一个量时，softmax 不变。",
    },
  },
  {
    name: { en: "one input step (Tx = 1)", zh: "一个输入时间步（Tx = 1）" },
    visible: true,
    tx: () => 1,
    ty: () => 2,
    ns: (r) => r.int(2, 3),
    ne: (r) => r.int(2, 4),
    w2Std: 1.5,
    b2: moderateBias,
    note: {
      en: "With a single input step all the attention goes to it at every output step: α<t,1> = 1 and c<t> = a<1>, whatever the energy.",
      zh: "只有一个输入步时，每个输出步的注意力都全部落在它上面：α<t,1> = 1，c<t> = a<1>，与能量大小无关。",
    },
  },
  {
    name: { en: "state and annotations of different sizes", zh: "状态与注释向量大小不同" },
    visible: false,
    tx: (r) => r.int(4, 6),
    ty: () => 2,
    ns: (r) => r.int(4, 5),
    na: (r) => r.int(1, 2),
    ne: (r) => r.int(3, 5),
    w2Std: 1.5,
    b2: moderateBias,
    note: {
      en: "n_s ≠ n_a: W1 is n_e × (n_s + n_a), W_ss is n_s × n_s and W_sc is n_s × n_a; the context has the length of a<t'>, the state that of s.",
      zh: "n_s ≠ n_a：W1 是 n_e × (n_s + n_a)，W_ss 是 n_s × n_s，W_sc 是 n_s × n_a；上下文的长度与 a<t'> 相同，状态的长度与 s 相同。",
    },
  },
  {
    name: { en: "all energies clipped to 0", zh: "能量值全被截为 0" },
    visible: false,
    tx: (r) => r.int(3, 5),
    ty: () => 2,
    ns: (r) => r.int(2, 3),
    ne: (r) => r.int(2, 4),
    w2Std: 1,
    b2: (r) => r.uniform(-60, -40),
    note: {
      en: "The ReLU of the second dense layer clips every energy to 0, so the attention is uniform at every step: α<t,t'> = 1/Tx and c<t> is the mean of the a<t'>.",
      zh: "第二个全连接层的 ReLU 把所有能量都截成 0，所以每一步的注意力都是均匀的：α<t,t'> = 1/Tx，c<t> 就是各 a<t'> 的平均。",
    },
  },
  {
    name: { en: "peaked attention", zh: "注意力集中在一处" },
    visible: false,
    tx: (r) => r.int(4, 7),
    ty: () => 3,
    ns: (r) => r.int(2, 4),
    ne: (r) => r.int(3, 5),
    w2Std: 12,
    b2: (r) => r.uniform(20, 30),
    note: {
      en: "Widely spread energies: almost all the attention goes to one input step and the context is close to that a<t'>.",
      zh: "能量差距很大：几乎全部注意力都集中在一个输入步上，上下文接近那个 a<t'>。",
    },
  },
  {
    name: { en: "saturated scorer, energies 0 or above 700", zh: "打分网络饱和，能量值为 0 或大于 700" },
    visible: false,
    tx: (r) => r.int(4, 6),
    ty: () => 2,
    ns: (r) => r.int(2, 3),
    na: () => 1,
    ne: (r) => r.int(3, 5),
    w2Std: 0,
    b2: (r) => r.uniform(300, 400),
    saturated: true,
    note: {
      en: "The tanh layer saturates (every hidden value is ±1), so the energies are 0 or several hundred: the input steps with the top energy share the attention equally. The energies differ by more than 709, so exp(e − min e) would overflow as surely as exp(e): shift by the largest.",
      zh: "tanh 层饱和了（每个隐藏值都是 ±1），能量要么是 0，要么有几百：能量最大的那几个输入步平分注意力。能量相差超过 709，所以 exp(e − min e) 和 exp(e) 一样会溢出：要减去的是最大值。",
    },
  },
  { name: { en: "long input, four output steps", zh: "长输入，四个输出时间步" }, visible: false, tx: (r) => r.int(8, 10), ty: () => 4, ns: (r) => r.int(3, 5), ne: (r) => r.int(6, 8), w2Std: 1.2, b2: moderateBias },
];

const onGrid = (v: number): number => Math.round(v * 64) / 64;

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const tx = spec.tx(rng);
  const ty = spec.ty(rng);
  const ns = spec.ns(rng);
  const na = spec.na ? spec.na(rng) : ns;
  const ne = spec.ne(rng);
  const unit = () => onGrid(rng.uniform(-1, 1));
  const sign = () => (rng.next() < 0.5 ? -1 : 1);
  // A saturated case has a<1> = +1 and a<2> = −1, so both kinds of energy occur.
  const a = spec.saturated ? rng.matrix(tx, 1, sign).map((row, t) => (t < 2 ? [1 - 2 * t] : row)) : rng.matrix(tx, na, unit);
  const s0 = rng.vector(ns, unit);
  const W1 = rng.matrix(ne, ns + na, () => onGrid(rng.normal(0, 1)));
  if (spec.saturated) W1.forEach((row) => (row[ns] = sign() * onGrid(rng.uniform(30, 60))));
  const b1 = rng.vector(ne, () => onGrid(rng.normal(0, 0.3)));
  const w2 = spec.saturated ? W1.map((row) => Math.sign(row[ns]!) * onGrid(rng.uniform(150, 300))) : rng.vector(ne, () => onGrid(rng.normal(0, spec.w2Std)));
  const b2 = onGrid(spec.b2(rng));
  const Wss = rng.matrix(ns, ns, () => onGrid(rng.normal(0, 0.8)));
  const Wsc = rng.matrix(ns, na, () => onGrid(rng.normal(0, 0.8)));
  const bs = rng.vector(ns, () => onGrid(rng.normal(0, 0.3)));
  return { name: spec.name, visible: spec.visible, args: [a, s0, ty, W1, b1, w2, b2, Wss, Wsc, bs], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
