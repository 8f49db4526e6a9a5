/**
 * Seeded cases for `attention-weights`. Sequence lengths and sizes differ between cases; the edge cases are a
 * one-step input (α = [1]), energies large enough to overflow exp (the softmax must subtract the maximum),
 * energies all clipped to 0 by the ReLU (uniform attention) and sharply peaked attention.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  tx: (rng: Rng) => number;
  ns: (rng: Rng) => number;
  na: (rng: Rng) => number;
  ne: (rng: Rng) => number;
  /** Spread of w2 (how different the energies are) and where b2 lies. */
  w2Std: number;
  b2: (rng: Rng) => number;
  note?: Localized;
}

const moderateBias = (r: Rng) => r.uniform(0.5, 1.5);

const specs: CaseSpec[] = [
  { name: { en: "short sequence", zh: "短序列" }, visible: true, tx: (r) => r.int(3, 4), ns: (r) => r.int(2, 3), na: (r) => r.int(2, 4), ne: (r) => r.int(3, 5), w2Std: 1, b2: moderateBias },
  { name: { en: "longer sequence", zh: "较长的序列" }, visible: true, tx: (r) => r.int(6, 8), ns: (r) => r.int(3, 4), na: (r) => r.int(2, 3), ne: (r) => r.int(4, 6), w2Std: 1, b2: moderateBias },
  {
    name: { en: "one input step (Tx = 1)", zh: "一个输入时间步（Tx = 1）" },
    visible: true,
    tx: () => 1,
    ns: (r) => r.int(2, 3),
    na: (r) => r.int(2, 4),
    ne: (r) => r.int(2, 4),
    w2Std: 1,
    b2: moderateBias,
    note: {
      en: "With a single input step all the attention goes to it: α = [1] and the context is a<1> itself, whatever the energy.",
      zh: "只有一个输入步时，全部注意力都落在它上面：α = [1]，上下文就是 a<1> 本身，与能量大小无关。",
    },
  },
  {
    name: { en: "large energies", zh: "能量值很大" },
    visible: true,
    tx: (r) => r.int(3, 5),
    ns: (r) => r.int(2, 3),
    na: (r) => r.int(2, 3),
    ne: (r) => r.int(3, 4),
    w2Std: 1,
    b2: (r) => r.uniform(900, 1000),
    note: {
      en: "The energies are near 1000, so exp(e) overflows to Infinity and Infinity / Infinity is NaN. Subtract the largest energy before exponentiating: softmax does not change when every e is shifted by the same amount.",
      zh: "能量接近 1000,exp(e) 会溢出为 Infinity，而 Infinity / Infinity 得 NaN。取指数之前先减去最大的能量：所有 e 同时平移同一个量时，softmax 不变。",
    },
  },
  {
    name: { en: "state and annotations of different sizes", zh: "状态与注释向量大小不同" },
    visible: false,
    tx: (r) => r.int(4, 6),
    ns: (r) => r.int(4, 6),
    na: (r) => r.int(1, 2),
    ne: (r) => r.int(3, 6),
    w2Std: 1,
    b2: moderateBias,
  },
  {
    name: { en: "all energies clipped to 0", zh: "能量值全被截为 0" },
    visible: false,
    tx: (r) => r.int(3, 5),
    ns: (r) => r.int(2, 3),
    na: (r) => r.int(2, 4),
    ne: (r) => r.int(2, 4),
    w2Std: 1,
    b2: (r) => r.uniform(-60, -40),
    note: {
      en: "The final ReLU clips every energy to 0, so the attention is uniform: α<t,t'> = 1/Tx and the context is the mean of the a<t'>.",
      zh: "最后的 ReLU 把所有能量都截成 0，注意力因此是均匀的：α<t,t'> = 1/Tx，上下文就是各 a<t'> 的平均。",
    },
  },
  {
    name: { en: "peaked attention", zh: "注意力集中在一处" },
    visible: false,
    tx: (r) => r.int(4, 7),
    ns: (r) => r.int(2, 4),
    na: (r) => r.int(2, 4),
    ne: (r) => r.int(3, 5),
    w2Std: 12,
    b2: (r) => r.uniform(20, 30),
    note: {
      en: "Widely spread energies: almost all the attention goes to one step and the context is close to that a<t'>.",
      zh: "能量差距很大：几乎全部注意力都集中在一个时间步，上下文接近那个 a<t'>。",
    },
  },
  { name: { en: "longer sequence, wider network", zh: "较长的序列，更宽的网络" }, visible: false, tx: (r) => r.int(8, 10), ns: (r) => r.int(3, 5), na: (r) => r.int(3, 5), ne: (r) => r.int(6, 8), w2Std: 0.8, b2: moderateBias },
];

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const tx = spec.tx(rng);
  const ns = spec.ns(rng);
  const na = spec.na(rng);
  const ne = spec.ne(rng);
  const sPrev = rng.vector(ns, () => rng.uniform(-1, 1));
  const a = rng.matrix(tx, na, () => rng.uniform(-1, 1));
  const W1 = rng.matrix(ne, ns + na, () => rng.normal(0, 1));
  const b1 = rng.vector(ne, () => rng.normal(0, 0.3));
  const w2 = rng.vector(ne, () => rng.normal(0, spec.w2Std));
  const b2 = spec.b2(rng);
  return { name: spec.name, visible: spec.visible, args: [sPrev, a, W1, b1, w2, b2], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
