/**
 * Seeded cases for `gru-cell`. Sizes differ between cases (and n_x ≠ n_c in most, so a swapped
 * concatenation cannot hide); the edge cases saturate one gate at a time to show what each gate does.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  nx: (rng: Rng) => number;
  nc: (rng: Rng) => number;
  weightStd: number;
  /** Added to one gate's bias to saturate it. */
  shift?: { gate: "u" | "r"; by: number };
  note?: Localized;
}

const specs: CaseSpec[] = [
  { name: { en: "small cell", zh: "小单元" }, visible: true, nx: (r) => r.int(2, 3), nc: (r) => r.int(2, 4), weightStd: 0.8 },
  {
    name: { en: "more inputs than units", zh: "输入多于单元数" },
    visible: true,
    nx: (r) => r.int(4, 5),
    nc: (r) => r.int(2, 3),
    weightStd: 0.8,
    note: {
      en: "n_x ≠ n_c: every weight matrix is n_c × (n_c + n_x) and its first n_c columns multiply c<t−1>.",
      zh: "n_x ≠ n_c：每个权重矩阵都是 n_c × (n_c + n_x)，前 n_c 列乘的是 c<t−1>。",
    },
  },
  {
    name: { en: "update gate closed (Γu ≈ 0)", zh: "更新门关闭（Γu ≈ 0）" },
    visible: true,
    nx: (r) => r.int(2, 4),
    nc: (r) => r.int(2, 4),
    weightStd: 0.8,
    shift: { gate: "u", by: -12 },
    note: {
      en: "With Γu ≈ 0 the cell keeps its memory: c<t> ≈ c<t−1>. This is how a GRU carries information across many steps.",
      zh: "Γu ≈ 0 时记忆细胞保持不变：c<t> ≈ c<t−1>。GRU 正是这样把信息带过很多个时间步的。",
    },
  },
  {
    name: { en: "relevance gate closed (Γr ≈ 0)", zh: "相关门关闭（Γr ≈ 0）" },
    visible: true,
    nx: (r) => r.int(1, 3),
    nc: (r) => r.int(3, 4),
    weightStd: 0.8,
    shift: { gate: "r", by: -12 },
    note: {
      en: "With Γr ≈ 0 the candidate c̃<t> ignores c<t−1> and depends on x<t> only: tanh(Wc[0, x<t>] + bc).",
      zh: "Γr ≈ 0 时候选值 c̃<t> 不再看 c<t−1>，只取决于 x<t>:tanh(Wc[0, x<t>] + bc)。",
    },
  },
  {
    name: { en: "one unit, one input", zh: "一个单元，一个输入" },
    visible: false,
    nx: () => 1,
    nc: () => 1,
    weightStd: 1,
    note: { en: "Scalars: every matrix is 1 × 2.", zh: "标量情形：每个矩阵都是 1 × 2。" },
  },
  {
    name: { en: "update gate open (Γu ≈ 1)", zh: "更新门打开（Γu ≈ 1）" },
    visible: false,
    nx: (r) => r.int(2, 4),
    nc: (r) => r.int(2, 4),
    weightStd: 0.8,
    shift: { gate: "u", by: 12 },
    note: {
      en: "With Γu ≈ 1 the cell is overwritten by the candidate: c<t> ≈ c̃<t>.",
      zh: "Γu ≈ 1 时记忆细胞被候选值覆盖：c<t> ≈ c̃<t>。",
    },
  },
  {
    name: { en: "large weights (saturated gates)", zh: "权重很大（门饱和）" },
    visible: false,
    nx: (r) => r.int(2, 5),
    nc: (r) => r.int(2, 5),
    weightStd: 8,
    note: {
      en: "Large weights push σ and tanh into saturation; the result must stay finite and within [−1, 1].",
      zh: "权重很大时 σ 与 tanh 都会饱和；结果必须保持有限，并落在 [−1, 1] 内。",
    },
  },
  { name: { en: "wider cell", zh: "更宽的单元" }, visible: false, nx: (r) => r.int(3, 6), nc: (r) => r.int(5, 7), weightStd: 0.6 },
];

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const nx = spec.nx(rng);
  const nc = spec.nc(rng);
  const weights = () => rng.matrix(nc, nc + nx, () => rng.normal(0, spec.weightStd));
  const biases = (gate: "c" | "u" | "r") =>
    rng.vector(nc, () => rng.normal(0, 0.5) + (spec.shift?.gate === gate ? spec.shift.by : 0));
  const x = rng.vector(nx, () => rng.uniform(-1.5, 1.5));
  const cPrev = rng.vector(nc, () => rng.uniform(-1, 1));
  const Wc = weights();
  const bc = biases("c");
  const Wu = weights();
  const bu = biases("u");
  const Wr = weights();
  const br = biases("r");
  return { name: spec.name, visible: spec.visible, args: [x, cPrev, Wc, bc, Wu, bu, Wr, br], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
