/**
 * Seeded cases for `gradient-clipping`. n_x, n_a and n_y vary between cases; entries are on the 1/8 grid and
 * thresholds on the 1/8 grid, so float32 reads them exactly. The norm-mode thresholds are placed relative to the
 * gradients' own norms (above the global norm, below it, or between the largest per-tensor norm and the global
 * norm), so each visible case decides one question.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Json, Localized } from "../../schema";

interface Gradients {
  dWaa: number[][];
  dWax: number[][];
  dWya: number[][];
  dba: number[];
  dby: number[];
}

interface Norms {
  /** The norm of each of the five gradients. */
  tensors: number[];
  /** √(Σ of g² over all of them). */
  global: number;
  largestEntry: number;
}

type Threshold = (rng: Rng, norms: Norms) => number;

interface CaseSpec {
  name: Localized;
  visible: boolean;
  mode: "value" | "norm";
  nx: (rng: Rng) => number;
  na: (rng: Rng) => number;
  ny: (rng: Rng) => number;
  /** Standard deviation of the entries. */
  scale: number;
  threshold: Threshold;
  /** Rewrites the drawn gradients (to make one tensor dominate, or to hit a norm exactly). */
  adjust?: (rng: Rng, g: Gradients) => void;
  /** Draw again until this holds (the threshold must fall where the case needs it). */
  accept?: (threshold: number, norms: Norms) => boolean;
  note?: Localized;
}

const onGrid = (v: number): number => Math.round(v * 8) / 8;
/** The smallest grid value strictly above v (thresholds must not sit exactly on a norm by accident). */
const gridAbove = (v: number): number => Math.floor(v * 8 + 1) / 8;
const gridBelow = (v: number): number => Math.max(1 / 8, Math.ceil(v * 8 - 1) / 8);

const specs: CaseSpec[] = [
  {
    name: { en: "value clipping, both sides", zh: "按值裁剪，两侧都有超出" },
    visible: true,
    mode: "value",
    nx: (r) => r.int(2, 3),
    na: (r) => r.int(2, 3),
    ny: (r) => r.int(2, 3),
    scale: 8,
    threshold: () => 5,
    adjust: (rng, g) => {
      // At least one entry above c and one below −c.
      g.dWya[0]![0] = onGrid(rng.uniform(6, 12));
      g.dWaa[0]![0] = -onGrid(rng.uniform(6, 12));
    },
    note: {
      en: "c = 5 as in Ng's clip(gradients, maxValue): entries above 5 become 5, entries below −5 become −5, the rest stay.",
      zh: "c = 5，与吴恩达作业中 clip 函数的 maxValue 相同：大于 5 的分量变成 5，小于 −5 的变成 −5，其余不变。",
    },
  },
  {
    name: { en: "global norm above c, one gradient dominating", zh: "全局范数大于 c，一个梯度占主导" },
    visible: true,
    mode: "norm",
    nx: (r) => r.int(2, 4),
    na: (r) => r.int(2, 3),
    ny: (r) => r.int(2, 4),
    scale: 1,
    threshold: (rng, n) => gridBelow(n.global * rng.uniform(0.3, 0.5)),
    adjust: (rng, g) => {
      g.dWya = g.dWya.map((row) => row.map((v) => onGrid(v * rng.uniform(4, 6))));
    },
    note: {
      en: "‖g‖ > c: every gradient is multiplied by the same factor c/‖g‖, the small ones as well as dWya, which makes most of the norm. The direction of the whole update is kept.",
      zh: "‖g‖ > c：每个梯度都乘以同一个因子 c/‖g‖，数值小的梯度也一样，而不只是占了大部分范数的 dWya。整个更新的方向保持不变。",
    },
  },
  {
    name: { en: "global norm below c", zh: "全局范数小于 c" },
    visible: true,
    mode: "norm",
    nx: (r) => r.int(2, 3),
    na: (r) => r.int(2, 4),
    ny: (r) => r.int(2, 3),
    scale: 1,
    threshold: (rng, n) => gridAbove(n.global * rng.uniform(1.5, 3)),
    note: {
      en: "‖g‖ < c: the factor is c / max(‖g‖, c) = 1 and the gradients come back unchanged. Clipping caps the norm; it never stretches a small gradient up to c.",
      zh: "‖g‖ < c：因子 c / max(‖g‖, c) = 1，梯度原样返回。裁剪只给范数设上限，不会把小梯度放大到 c。",
    },
  },
  {
    name: { en: "each gradient within c, all of them together above", zh: "每个梯度都不超过 c，合起来却超过" },
    visible: true,
    mode: "norm",
    nx: (r) => r.int(2, 3),
    na: (r) => r.int(2, 3),
    ny: (r) => r.int(2, 3),
    scale: 1,
    threshold: (_rng, n) => onGrid((Math.max(...n.tensors) + n.global) / 2),
    accept: (c, n) => Math.max(...n.tensors) < c - 1 / 16 && c < n.global - 1 / 16,
    note: {
      en: "Every gradient's own norm is below c, but the global norm √(Σ_k ‖g_k‖²) is above it: global clipping scales everything, clipping each tensor by its own norm would change nothing.",
      zh: "每个梯度自己的范数都小于 c，但五个梯度合起来的全局范数 √Σ_k ‖g_k‖² 大于 c：按全局范数裁剪会缩放所有梯度，而按各自的范数裁剪则什么也不会变。",
    },
  },
  {
    name: { en: "value clipping, nothing out of range", zh: "按值裁剪，没有超出范围的值" },
    visible: false,
    mode: "value",
    nx: (r) => r.int(1, 3),
    na: (r) => r.int(2, 4),
    ny: (r) => r.int(1, 3),
    scale: 1,
    threshold: (_rng, n) => gridAbove(n.largestEntry),
    note: { en: "Every entry is already within [−c, c]: nothing changes.", zh: "每个分量都已在 [−c, c] 之内：什么都不变。" },
  },
  {
    name: { en: "exploding gradients", zh: "梯度爆炸" },
    visible: false,
    mode: "norm",
    nx: (r) => r.int(2, 4),
    na: (r) => r.int(3, 5),
    ny: (r) => r.int(2, 4),
    scale: 2000,
    threshold: () => 10,
    note: {
      en: "Entries in the thousands, as when gradients explode through many time steps: clipping by the global norm brings the whole update back to length c = 10.",
      zh: "分量达到几千，就像梯度在许多时间步中爆炸时那样：按全局范数裁剪把整个更新的长度拉回到 c = 10。",
    },
  },
  {
    name: { en: "value clipping at a small threshold", zh: "按值裁剪，阈值很小" },
    visible: false,
    mode: "value",
    nx: (r) => r.int(3, 5),
    na: (r) => r.int(1, 2),
    ny: (r) => r.int(3, 5),
    scale: 1,
    threshold: () => 0.5,
    adjust: (_rng, g) => {
      g.dba[0] = 0.5;
      g.dby[0] = -0.5;
    },
    note: {
      en: "c = 0.5, with entries exactly at ±c: they stay as they are (the interval is closed).",
      zh: "c = 0.5，有的分量恰好等于 ±c：它们保持不变（区间是闭区间）。",
    },
  },
  {
    name: { en: "global norm exactly c", zh: "全局范数恰好等于 c" },
    visible: false,
    mode: "norm",
    nx: (r) => r.int(1, 2),
    na: (r) => r.int(1, 2),
    ny: (r) => r.int(1, 2),
    scale: 0,
    threshold: () => 5,
    adjust: (rng, g) => {
      // A 3-4-5 triangle: ‖g‖ = 5 exactly.
      g.dWax[0]![0] = rng.next() < 0.5 ? 3 : -3;
      g.dby[0] = rng.next() < 0.5 ? 4 : -4;
    },
    note: {
      en: "‖g‖ = 5 = c (3 and 4, everything else 0): c / max(‖g‖, c) = 1, nothing changes.",
      zh: "‖g‖ = 5 = c（一个 3、一个 4，其余为 0）：c / max(‖g‖, c) = 1，什么都不变。",
    },
  },
];

function norms(g: Gradients): Norms {
  const parts = [g.dWaa.flat(), g.dWax.flat(), g.dWya.flat(), g.dba, g.dby];
  const squares = parts.map((p) => p.reduce((s, v) => s + v * v, 0));
  return {
    tensors: squares.map(Math.sqrt),
    global: Math.sqrt(squares.reduce((s, v) => s + v, 0)),
    largestEntry: Math.max(...parts.flat().map(Math.abs)),
  };
}

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const nx = spec.nx(rng);
  const na = spec.na(rng);
  const ny = spec.ny(rng);
  const draw = () => onGrid(rng.normal(0, spec.scale)) + 0; // + 0 turns −0 into 0
  for (;;) {
    const g: Gradients = {
      dWaa: rng.matrix(na, na, draw),
      dWax: rng.matrix(na, nx, draw),
      dWya: rng.matrix(ny, na, draw),
      dba: rng.vector(na, draw),
      dby: rng.vector(ny, draw),
    };
    spec.adjust?.(rng, g);
    const measured = norms(g);
    const threshold = spec.threshold(rng, measured);
    if (!spec.accept || spec.accept(threshold, measured)) {
      return { name: spec.name, visible: spec.visible, args: [g as unknown as Json, spec.mode, threshold], note: spec.note };
    }
  }
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
