/**
 * Seeded cases for `lstm-forward`. m, T_x, n_x and n_a vary between cases; every visible case has m ≥ 2 and
 * T_x ≥ 3, so a memory cell that is not carried, the notes' missing tanh or a GRU-style 1 − Γu all change
 * visible numbers. The edge cases saturate gates: a memory that builds up beyond ±1, an output gate that
 * hides it, a forget gate that wipes it. Inputs are on the 1/64 grid so float32 reads them exactly.
 */
import { onGrid } from "../../lib/parameter-sets";
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

type Gate = "c" | "u" | "f" | "o";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  m: (rng: Rng) => number;
  steps: (rng: Rng) => number;
  nx: (rng: Rng) => number;
  na: (rng: Rng) => number;
  weightStd: number;
  /** Added to a gate's bias to saturate it; for "c", entries of this size with a random sign per unit. */
  shift?: Partial<Record<Gate, number>>;
  note?: Localized;
}

const specs: CaseSpec[] = [
  { name: { en: "two short sequences", zh: "两个短序列" }, visible: true, m: () => 2, steps: (r) => r.int(3, 4), nx: (r) => r.int(2, 3), na: (r) => r.int(2, 4), weightStd: 0.8 },
  {
    name: { en: "three sequences, more inputs than units", zh: "三个序列，输入多于单元数" },
    visible: true,
    m: () => 3,
    steps: (r) => r.int(4, 5),
    nx: (r) => r.int(4, 5),
    na: (r) => r.int(2, 3),
    weightStd: 0.8,
    note: {
      en: "Each sequence starts from a<0> = 0 and c<0> = 0; every W is n_a × (n_a + n_x) with its first n_a columns on a<t−1>.",
      zh: "每个序列都从 a<0> = 0、c<0> = 0 开始；每个 W 都是 n_a × (n_a + n_x)，前 n_a 列乘 a<t−1>。",
    },
  },
  {
    name: { en: "memory builds up (Γu ≈ Γf ≈ 1)", zh: "记忆不断累积（Γu ≈ Γf ≈ 1）" },
    visible: true,
    m: () => 2,
    steps: (r) => r.int(5, 6),
    nx: (r) => r.int(1, 3),
    na: (r) => r.int(2, 3),
    weightStd: 0.5,
    shift: { u: 12, f: 12, c: 2 },
    note: {
      en: "With both gates open, c<t> ≈ c<t−1> + c̃<t>: candidates of one sign add up and the memory grows well beyond ±1. Only tanh(c<t>) keeps a<t> inside (−1, 1).",
      zh: "两个门都打开时 c<t> ≈ c<t−1> + c̃<t>：同号的候选值不断累加，记忆远远超出 ±1。只有 tanh(c<t>) 能让 a<t> 留在 (−1, 1) 之内。",
    },
  },
  {
    name: { en: "output gate closed (Γo ≈ 0)", zh: "输出门关闭（Γo ≈ 0）" },
    visible: true,
    m: () => 2,
    steps: (r) => r.int(3, 5),
    nx: (r) => r.int(2, 4),
    na: (r) => r.int(2, 4),
    weightStd: 0.8,
    shift: { o: -12 },
    note: {
      en: "With Γo ≈ 0 every a<t> is near 0, yet the memory cell still remembers: c<T_x> is far from 0. The two states of an LSTM are different things.",
      zh: "Γo ≈ 0 时每个 a<t> 都接近 0，但记忆细胞仍然记着东西：c<T_x> 离 0 很远。LSTM 的两个状态是两回事。",
    },
  },
  {
    name: { en: "a single time step", zh: "只有一个时间步" },
    visible: false,
    m: (r) => r.int(1, 2),
    steps: () => 1,
    nx: (r) => r.int(1, 3),
    na: (r) => r.int(1, 3),
    weightStd: 0.8,
    note: {
      en: "T_x = 1: since c<0> = 0, the forget gate has nothing to keep: c<1> = Γu * c̃<1> and a<1> = Γo * tanh(c<1>).",
      zh: "T_x = 1：由于 c<0> = 0，遗忘门没有可保留的东西：c<1> = Γu * c̃<1>，a<1> = Γo * tanh(c<1>)。",
    },
  },
  {
    name: { en: "forget gate closed (Γf ≈ 0)", zh: "遗忘门关闭（Γf ≈ 0）" },
    visible: false,
    m: () => 2,
    steps: (r) => r.int(3, 4),
    nx: (r) => r.int(2, 3),
    na: (r) => r.int(2, 3),
    weightStd: 0.8,
    shift: { f: -12 },
    note: {
      en: "With Γf ≈ 0 the memory is wiped at every step: c<t> ≈ Γu * c̃<t>, and only a<t−1> links one step to the next.",
      zh: "Γf ≈ 0 时每一步都会清空记忆：c<t> ≈ Γu * c̃<t>，步与步之间只剩 a<t−1> 这一条联系。",
    },
  },
  {
    name: { en: "one sequence, one unit", zh: "一个序列，一个单元" },
    visible: false,
    m: () => 1,
    steps: (r) => r.int(3, 4),
    nx: () => 1,
    na: () => 1,
    weightStd: 1,
    note: { en: "m = 1, n_x = n_a = 1: every W is 1 × 2; a is 1 × T_x × 1 and cLast is 1 × 1.", zh: "m = 1，n_x = n_a = 1：每个 W 都是 1 × 2；a 是 1 × T_x × 1，cLast 是 1 × 1。" },
  },
  { name: { en: "a long sequence", zh: "长序列" }, visible: false, m: () => 2, steps: (r) => r.int(9, 10), nx: (r) => r.int(2, 3), na: (r) => r.int(3, 5), weightStd: 0.6 },
  {
    name: { en: "large weights (saturated gates)", zh: "权重很大（门饱和）" },
    visible: false,
    m: (r) => r.int(2, 3),
    steps: (r) => r.int(3, 4),
    nx: (r) => r.int(2, 4),
    na: (r) => r.int(2, 4),
    weightStd: 6,
    note: {
      en: "Large weights push every σ and tanh into saturation; a<t> stays finite and inside [−1, 1] even where c<t> does not.",
      zh: "权重很大时每个 σ 与 tanh 都会饱和；即使 c<t> 超出 [−1, 1]，a<t> 也保持有限并落在其中。",
    },
  },
];

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const m = spec.m(rng);
  const steps = spec.steps(rng);
  const nx = spec.nx(rng);
  const na = spec.na(rng);
  const weights = () => rng.matrix(na, na + nx, () => onGrid(rng.normal(0, spec.weightStd)));
  const biases = (gate: Gate) =>
    rng.vector(na, () => {
      const shift = spec.shift?.[gate] ?? 0;
      const signed = gate === "c" && rng.next() < 0.5 ? -shift : shift;
      return onGrid(rng.normal(0, 0.5)) + signed;
    });
  const x = Array.from({ length: m }, () => rng.matrix(steps, nx, () => onGrid(rng.uniform(-1.5, 1.5))));
  const Wc = weights();
  const bc = biases("c");
  const Wu = weights();
  const bu = biases("u");
  const Wf = weights();
  const bf = biases("f");
  const Wo = weights();
  const bo = biases("o");
  return { name: spec.name, visible: spec.visible, args: [x, Wc, bc, Wu, bu, Wf, bf, Wo, bo], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
