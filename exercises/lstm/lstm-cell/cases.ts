/**
 * Seeded cases for `lstm-cell`. Sizes differ between cases; the edge cases saturate gates or the memory
 * cell to show what each part of the cell does (and where a wrong formula can hide).
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Json, Localized } from "../../schema";

type Gate = "c" | "u" | "f" | "o";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  nx: (rng: Rng) => number;
  na: (rng: Rng) => number;
  weightStd: number;
  /** Added to gate biases to saturate them. */
  shifts?: Partial<Record<Gate, number>>;
  /** Magnitude range of c<t−1> (the memory cell is not bounded by 1). */
  memory?: [number, number];
  note?: Localized;
}

const specs: CaseSpec[] = [
  { name: { en: "small cell", zh: "小单元" }, visible: true, nx: (r) => r.int(2, 3), na: (r) => r.int(2, 4), weightStd: 0.8 },
  {
    name: { en: "more inputs than units", zh: "输入多于单元数" },
    visible: true,
    nx: (r) => r.int(4, 5),
    na: (r) => r.int(2, 3),
    weightStd: 0.8,
    note: {
      en: "n_x ≠ n_a: every weight matrix is n_a × (n_a + n_x) and its first n_a columns multiply a<t−1>.",
      zh: "n_x ≠ n_a：每个权重矩阵都是 n_a × (n_a + n_x)，前 n_a 列乘的是 a<t−1>。",
    },
  },
  {
    name: { en: "large memory (tanh(c<t>) saturates)", zh: "记忆值很大（tanh(c<t>) 饱和）" },
    visible: true,
    nx: (r) => r.int(1, 3),
    na: (r) => r.int(3, 4),
    weightStd: 0.8,
    shifts: { f: 3 },
    memory: [2, 4],
    note: {
      en: "Unlike a<t>, the memory cell c<t> is not bounded by 1. The output squashes it: a<t> = Γo * tanh(c<t>) stays in (−1, 1).",
      zh: "与 a<t> 不同，记忆细胞 c<t> 不受 1 的限制。输出会把它压缩回来：a<t> = Γo * tanh(c<t>) 始终在 (−1, 1) 之内。",
    },
  },
  {
    name: { en: "remember, do not update (Γf ≈ 1, Γu ≈ 0)", zh: "只记住、不更新（Γf ≈ 1，Γu ≈ 0）" },
    visible: true,
    nx: (r) => r.int(2, 4),
    na: (r) => r.int(2, 4),
    weightStd: 0.8,
    shifts: { f: 12, u: -12 },
    note: {
      en: "Γf ≈ 1 and Γu ≈ 0: the cell keeps c<t> ≈ c<t−1>. Here Γf happens to equal 1 − Γu, so the GRU-style formula would also pass: the other cases tell them apart.",
      zh: "Γf ≈ 1、Γu ≈ 0：记忆细胞保持 c<t> ≈ c<t−1>。此时 Γf 恰好等于 1 − Γu，所以 GRU 式的写法也能通过，要靠其他用例来区分。",
    },
  },
  {
    name: { en: "one unit, one input", zh: "一个单元，一个输入" },
    visible: false,
    nx: () => 1,
    na: () => 1,
    weightStd: 1,
    note: { en: "Scalars: every matrix is 1 × 2.", zh: "标量情形：每个矩阵都是 1 × 2。" },
  },
  {
    name: { en: "output gate closed (Γo ≈ 0)", zh: "输出门关闭（Γo ≈ 0）" },
    visible: false,
    nx: (r) => r.int(2, 4),
    na: (r) => r.int(2, 4),
    weightStd: 0.8,
    shifts: { o: -12 },
    note: {
      en: "With Γo ≈ 0 the cell still updates c<t> but shows nothing: a<t> ≈ 0.",
      zh: "Γo ≈ 0 时记忆细胞照样更新 c<t>，但什么也不输出：a<t> ≈ 0。",
    },
  },
  {
    name: { en: "large weights (saturated gates)", zh: "权重很大（门饱和）" },
    visible: false,
    nx: (r) => r.int(2, 5),
    na: (r) => r.int(2, 5),
    weightStd: 8,
    note: {
      en: "Large weights push σ and tanh into saturation; the result must stay finite.",
      zh: "权重很大时 σ 与 tanh 都会饱和；结果必须保持有限。",
    },
  },
  { name: { en: "wider cell", zh: "更宽的单元" }, visible: false, nx: (r) => r.int(3, 6), na: (r) => r.int(5, 7), weightStd: 0.6 },
];

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const nx = spec.nx(rng);
  const na = spec.na(rng);
  const [low, high] = spec.memory ?? [0, 1.5];
  const x = rng.vector(nx, () => rng.uniform(-1.5, 1.5));
  const aPrev = rng.vector(na, () => rng.uniform(-0.9, 0.9));
  const cPrev = rng.vector(na, () => (rng.next() < 0.5 ? -1 : 1) * rng.uniform(low, high));
  const params: Json[] = [];
  for (const gate of ["c", "u", "f", "o"] as const) {
    params.push(rng.matrix(na, na + nx, () => rng.normal(0, spec.weightStd)));
    params.push(rng.vector(na, () => rng.normal(0, 0.5) + (spec.shifts?.[gate] ?? 0)));
  }
  return { name: spec.name, visible: spec.visible, args: [x, aPrev, cPrev, ...params], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
