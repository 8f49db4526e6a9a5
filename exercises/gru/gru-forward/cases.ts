/**
 * Seeded cases for `gru-forward`. m, T_x, n_x and n_c vary between cases; every visible case has m ≥ 2 and
 * T_x ≥ 3, so a state carried from one sequence into the next, a missing Γr or a Γr applied after the
 * product (both invisible at t = 1, where c<0> = 0) all change visible numbers. The edge cases saturate one
 * gate at a time. Inputs are on the 1/64 grid so float32 reads them exactly.
 */
import { onGrid } from "../../lib/parameter-sets";
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  m: (rng: Rng) => number;
  steps: (rng: Rng) => number;
  nx: (rng: Rng) => number;
  nc: (rng: Rng) => number;
  weightStd: number;
  /** Added to one gate's bias to saturate it. */
  shift?: { gate: "u" | "r"; by: number };
  note?: Localized;
}

const specs: CaseSpec[] = [
  { name: { en: "two short sequences", zh: "两个短序列" }, visible: true, m: () => 2, steps: (r) => r.int(3, 4), nx: (r) => r.int(2, 3), nc: (r) => r.int(2, 4), weightStd: 0.8 },
  {
    name: { en: "three sequences, more inputs than units", zh: "三个序列，输入多于单元数" },
    visible: true,
    m: () => 3,
    steps: (r) => r.int(4, 5),
    nx: (r) => r.int(4, 5),
    nc: (r) => r.int(2, 3),
    weightStd: 0.8,
    note: {
      en: "Each of the m sequences starts again from c<0> = 0, and every W is n_c × (n_c + n_x) with its first n_c columns on c<t−1>.",
      zh: "m 个序列各自从 c<0> = 0 开始；每个 W 都是 n_c × (n_c + n_x)，前 n_c 列乘 c<t−1>。",
    },
  },
  {
    name: { en: "relevance gate closed (Γr ≈ 0)", zh: "相关门关闭（Γr ≈ 0）" },
    visible: true,
    m: () => 2,
    steps: (r) => r.int(4, 5),
    nx: (r) => r.int(1, 3),
    nc: (r) => r.int(3, 4),
    weightStd: 0.8,
    shift: { gate: "r", by: -12 },
    note: {
      en: "With Γr ≈ 0 every candidate ignores the memory: c̃<t> = tanh(Wc[0, x<t>] + bc). The memory still flows through (1 − Γu) * c<t−1>.",
      zh: "Γr ≈ 0 时每个候选值都不看记忆：c̃<t> = tanh(Wc[0, x<t>] + bc)。记忆仍然通过 (1 − Γu) * c<t−1> 传下去。",
    },
  },
  {
    name: { en: "update gate open (Γu ≈ 1)", zh: "更新门打开（Γu ≈ 1）" },
    visible: true,
    m: () => 2,
    steps: (r) => r.int(3, 5),
    nx: (r) => r.int(2, 4),
    nc: (r) => r.int(2, 4),
    weightStd: 0.8,
    shift: { gate: "u", by: 12 },
    note: {
      en: "With Γu ≈ 1 each step overwrites the memory with the candidate, c<t> ≈ c̃<t>. With Keras's convention (Γu as the share kept) the memory would stay at c<0> = 0 instead.",
      zh: "Γu ≈ 1 时每一步都用候选值覆盖记忆，c<t> ≈ c̃<t>。若按 Keras 的约定（Γu 表示保留的比例），记忆反而会一直停在 c<0> = 0。",
    },
  },
  {
    name: { en: "a single time step", zh: "只有一个时间步" },
    visible: false,
    m: (r) => r.int(1, 2),
    steps: () => 1,
    nx: (r) => r.int(1, 3),
    nc: (r) => r.int(1, 3),
    weightStd: 0.8,
    note: {
      en: "T_x = 1: since c<0> = 0, Γr has nothing to gate and c<1> = Γu * tanh(Wc[0, x<1>] + bc).",
      zh: "T_x = 1：由于 c<0> = 0，Γr 没有可以作用的对象，c<1> = Γu * tanh(Wc[0, x<1>] + bc)。",
    },
  },
  {
    name: { en: "update gate closed (Γu ≈ 0)", zh: "更新门关闭（Γu ≈ 0）" },
    visible: false,
    m: () => 2,
    steps: (r) => r.int(3, 4),
    nx: (r) => r.int(2, 3),
    nc: (r) => r.int(2, 3),
    weightStd: 0.8,
    shift: { gate: "u", by: -12 },
    note: {
      en: "With Γu ≈ 0 the memory keeps what it has, and starting from c<0> = 0 that is nothing: every c<t> stays near 0.",
      zh: "Γu ≈ 0 时记忆保持原值，而从 c<0> = 0 出发，它什么也没有：每个 c<t> 都停在 0 附近。",
    },
  },
  {
    name: { en: "one sequence, one unit", zh: "一个序列，一个单元" },
    visible: false,
    m: () => 1,
    steps: (r) => r.int(3, 4),
    nx: () => 1,
    nc: () => 1,
    weightStd: 1,
    note: { en: "m = 1, n_x = n_c = 1: every W is 1 × 2, and the result is still 1 × T_x × 1.", zh: "m = 1，n_x = n_c = 1：每个 W 都是 1 × 2，结果仍是 1 × T_x × 1。" },
  },
  { name: { en: "a long sequence", zh: "长序列" }, visible: false, m: () => 2, steps: (r) => r.int(9, 10), nx: (r) => r.int(2, 3), nc: (r) => r.int(3, 5), weightStd: 0.6 },
  {
    name: { en: "large weights (saturated gates)", zh: "权重很大（门饱和）" },
    visible: false,
    m: (r) => r.int(2, 3),
    steps: (r) => r.int(3, 4),
    nx: (r) => r.int(2, 4),
    nc: (r) => r.int(2, 4),
    weightStd: 6,
    note: {
      en: "Large weights push σ and tanh into saturation at every step; every c<t> must stay finite and within [−1, 1].",
      zh: "权重很大时每一步的 σ 与 tanh 都会饱和；每个 c<t> 都必须保持有限，并落在 [−1, 1] 内。",
    },
  },
];

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const m = spec.m(rng);
  const steps = spec.steps(rng);
  const nx = spec.nx(rng);
  const nc = spec.nc(rng);
  const weights = () => rng.matrix(nc, nc + nx, () => onGrid(rng.normal(0, spec.weightStd)));
  const biases = (gate: "c" | "u" | "r") => rng.vector(nc, () => onGrid(rng.normal(0, 0.5)) + (spec.shift?.gate === gate ? spec.shift.by : 0));
  const x = Array.from({ length: m }, () => rng.matrix(steps, nx, () => onGrid(rng.uniform(-1.5, 1.5))));
  const Wc = weights();
  const bc = biases("c");
  const Wu = weights();
  const bu = biases("u");
  const Wr = weights();
  const br = biases("r");
  return { name: spec.name, visible: spec.visible, args: [x, Wc, bc, Wu, bu, Wr, br], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
