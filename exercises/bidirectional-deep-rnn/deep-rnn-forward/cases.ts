/**
 * Seeded cases for `deep-rnn-forward`. m, T_x, the depth L and the widths n_x, n_a[1], … vary between cases.
 * Three visible cases keep n_x = n_a[l] for every layer: there feeding x to every layer, or starting a layer
 * from the last state of the layer below, runs without a shape error and gives plausible wrong numbers — the
 * way the mistake hides in practice. One visible case has different widths, where W_a[l] is
 * n_a[l] × (n_a[l] + n_a[l−1]). Every visible case has L ≥ 2 and T_x ≥ 3. Inputs are on the 1/64 grid so
 * float32 reads them exactly.
 */
import { onGrid } from "../../lib/parameter-sets";
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  m: (rng: Rng) => number;
  steps: (rng: Rng) => number;
  /** [n_x, n_a[1], …, n_a[L]]. */
  widths: (rng: Rng) => number[];
  weightStd: number;
  /** b_a entries of size 4 to 6 (random sign): tanh saturated by the bias. */
  saturatingBias?: boolean;
  note?: Localized;
}

const uniform = (layers: number, low: number, high: number) => (rng: Rng) => new Array<number>(layers + 1).fill(rng.int(low, high));

const specs: CaseSpec[] = [
  { name: { en: "two layers, equal widths", zh: "两层，宽度相同" }, visible: true, m: () => 2, steps: (r) => r.int(3, 4), widths: uniform(2, 2, 3), weightStd: 0.8 },
  {
    name: { en: "three layers, equal widths", zh: "三层，宽度相同" },
    visible: true,
    m: () => 2,
    steps: () => 4,
    widths: uniform(3, 2, 3),
    weightStd: 0.8,
    note: {
      en: "n_x = n_a[l] everywhere, so wrong wiring (x fed to every layer, one state shared by the stack) runs without a shape error: only the numbers show it.",
      zh: "处处 n_x = n_a[l]，所以接错了（每层都喂 x、整个堆叠共用一个状态）也不会报形状错误：只有数值能暴露它。",
    },
  },
  {
    name: { en: "layers of different widths", zh: "各层宽度不同" },
    visible: true,
    m: () => 2,
    steps: (r) => r.int(3, 4),
    widths: (r) => {
      const nx = r.int(1, 2);
      return [nx, nx + r.int(2, 3), nx + 1];
    },
    weightStd: 0.8,
    note: {
      en: "n_x, n_a[1] and n_a[2] all differ: W_a[1] is n_a[1] × (n_a[1] + n_x) and W_a[2] is n_a[2] × (n_a[2] + n_a[1]).",
      zh: "n_x、n_a[1]、n_a[2] 各不相同：W_a[1] 是 n_a[1] × (n_a[1] + n_x)，W_a[2] 是 n_a[2] × (n_a[2] + n_a[1])。",
    },
  },
  {
    name: { en: "strong recurrence", zh: "强循环" },
    visible: true,
    m: () => 3,
    steps: (r) => r.int(4, 5),
    widths: uniform(2, 1, 2),
    weightStd: 1.2,
    note: {
      en: "Large weights: each layer's state depends strongly on its own previous state and on the layer below at the same step.",
      zh: "权重较大：每层的状态强烈依赖它自己上一步的状态，以及同一步下面那一层的状态。",
    },
  },
  {
    name: { en: "a single time step", zh: "只有一个时间步" },
    visible: false,
    m: (r) => r.int(1, 2),
    steps: () => 1,
    widths: (r) => [r.int(1, 3), r.int(1, 3), r.int(1, 3)],
    weightStd: 0.8,
    note: {
      en: "T_x = 1: every a[l]<0> = 0, so the stack is a plain feed-forward network: a[l]<1> = tanh(W_a[l] [0; a[l−1]<1>] + b_a[l]).",
      zh: "T_x = 1：每个 a[l]<0> = 0，整个堆叠就是一个普通的前馈网络：a[l]<1> = tanh(W_a[l] [0; a[l−1]<1>] + b_a[l])。",
    },
  },
  {
    name: { en: "one layer", zh: "只有一层" },
    visible: false,
    m: () => 2,
    steps: (r) => r.int(3, 4),
    widths: (r) => [r.int(1, 3), r.int(2, 3)],
    weightStd: 0.8,
    note: {
      en: "L = 1: a single basic RNN, a<t> = tanh(W_a [a<t−1>; x<t>] + b_a) — W_a is [W_aa | W_ax] side by side.",
      zh: "L = 1：就是一个基本 RNN，a<t> = tanh(W_a [a<t−1>; x<t>] + b_a)——W_a 就是并排放的 [W_aa | W_ax]。",
    },
  },
  {
    name: { en: "one sequence, one unit per layer", zh: "一个序列，每层一个单元" },
    visible: false,
    m: () => 1,
    steps: (r) => r.int(3, 4),
    widths: (r) => new Array<number>(r.int(2, 3) + 1).fill(1),
    weightStd: 1,
    note: { en: "m = 1 and every width 1: every W_a[l] is 1 × 2.", zh: "m = 1，每层宽度都是 1：每个 W_a[l] 都是 1 × 2。" },
  },
  {
    name: { en: "four layers, a longer sequence", zh: "四层，较长的序列" },
    visible: false,
    m: () => 2,
    steps: (r) => r.int(6, 8),
    widths: (r) => Array.from({ length: 5 }, () => r.int(1, 3)),
    weightStd: 0.7,
  },
  {
    name: { en: "saturated tanh", zh: "tanh 饱和" },
    visible: false,
    m: (r) => r.int(2, 3),
    steps: (r) => r.int(3, 4),
    widths: (r) => Array.from({ length: 3 }, () => r.int(2, 3)),
    weightStd: 0.7,
    saturatingBias: true,
    note: {
      en: "Large biases saturate tanh near ±1 in every layer: the activations stay bounded however deep the stack.",
      zh: "偏置很大时每一层的 tanh 都饱和到 ±1 附近：无论堆叠多深，激活值都有界。",
    },
  },
];

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const m = spec.m(rng);
  const steps = spec.steps(rng);
  const widths = spec.widths(rng);
  const weight = () => onGrid(rng.normal(0, spec.weightStd));
  const bias = () => onGrid(spec.saturatingBias ? (rng.next() < 0.5 ? -1 : 1) * rng.uniform(4, 6) : rng.normal(0, 0.5));
  const x = Array.from({ length: m }, () => rng.matrix(steps, widths[0]!, () => onGrid(rng.uniform(-1.5, 1.5))));
  const Wa = widths.slice(1).map((units, l) => rng.matrix(units, units + widths[l]!, weight));
  const ba = widths.slice(1).map((units) => rng.vector(units, bias));
  return { name: spec.name, visible: spec.visible, args: [x, Wa, ba], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
