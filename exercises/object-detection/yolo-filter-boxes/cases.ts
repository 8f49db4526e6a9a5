/**
 * Cases for yoloFilterBoxes. p_c and the class probabilities are multiples of 1/64 (the probabilities of a box sum
 * to exactly 1), so every score p_c·c_k is a multiple of 1/4096 and exact in float32; thresholds are multiples of
 * 1/64 or a score itself. Box corners are multiples of 1/64 in [0, 1]. p_c is never 0 or 1, so a score always
 * differs from its class probability. The visible cases plant the boxes each slip misjudges: a confident box with
 * spread-out classes, a clear class in an unlikely box, a score exactly at the threshold.
 */
import { caseSeed, createRng, shuffled, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface Grid {
  conf: number[][][];
  boxes: number[][][][];
  probs: number[][][][];
}

const on64 = (k: number): number => k / 64;

/** C class probabilities, multiples of 1/64 summing to 1; the largest is `max` (in 64ths) when given. */
function classProbs(r: Rng, C: number, max?: number): number[] {
  if (max === undefined) {
    const raw = Array.from({ length: C }, () => Math.exp(r.normal(0, 1.2)));
    const total = raw.reduce((s, v) => s + v, 0);
    const parts = raw.map((v) => Math.round((64 * v) / total));
    const top = parts.indexOf(Math.max(...parts));
    parts[top] = 64 - parts.reduce((s, v, k) => (k === top ? s : s + v), 0);
    return parts.map(on64);
  }
  // The rest spread over the other classes, none above `max`.
  const parts = Array.from({ length: C }, () => 0);
  const at = r.int(0, C - 1);
  parts[at] = max;
  let left = 64 - max;
  for (let guard = 0; left > 0 && guard < 10000; guard++) {
    const k = r.int(0, C - 1);
    if (k !== at && parts[k]! < max) {
      parts[k]!++;
      left--;
    }
  }
  return parts.map(on64);
}

function box(r: Rng): number[] {
  const w = r.int(4, 32);
  const h = r.int(4, 32);
  const x1 = r.int(0, 64 - w);
  const y1 = r.int(0, 64 - h);
  return [x1, y1, x1 + w, y1 + h].map(on64);
}

function makeGrid(r: Rng, Sh: number, Sw: number, A: number, C: number, pc: () => number = () => on64(r.int(1, 63)), probs: () => number[] = () => classProbs(r, C)): Grid {
  const conf: number[][][] = [];
  const boxes: number[][][][] = [];
  const cp: number[][][][] = [];
  for (let i = 0; i < Sh; i++) {
    conf.push([]);
    boxes.push([]);
    cp.push([]);
    for (let j = 0; j < Sw; j++) {
      conf[i]!.push(Array.from({ length: A }, pc));
      boxes[i]!.push(Array.from({ length: A }, () => box(r)));
      cp[i]!.push(Array.from({ length: A }, probs));
    }
  }
  return { conf, boxes, probs: cp };
}

/** Sets p_c and the class probabilities of the anchor box at flat index `flat` (row-major over row, column, anchor). */
function plant(g: Grid, flat: number, pc: number, probs: number[]): void {
  const Sw = g.conf[0]!.length;
  const A = g.conf[0]![0]!.length;
  const i = Math.floor(flat / (Sw * A));
  const j = Math.floor(flat / A) % Sw;
  const a = flat % A;
  g.conf[i]![j]![a] = pc;
  g.probs[i]![j]![a] = probs;
}

/** `count` different flat indices of a grid with `size` anchor boxes. */
const spots = (r: Rng, size: number, count: number): number[] => shuffled(r, Array.from({ length: size }, (_, k) => k)).slice(0, count);

function toCase(name: Localized, visible: boolean, g: Grid, threshold: number, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [g.conf, g.boxes, g.probs, threshold], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const [Sh, Sw, A, C] = [r.int(2, 3), r.int(2, 3), 2, 3];
    const t = on64(r.pick([28, 32, 36]));
    const g = makeGrid(r, Sh, Sw, A, C);
    const [sure, spread, unlikely] = spots(r, Sh * Sw * A, 3) as [number, number, number];
    plant(g, sure, on64(r.int(58, 63)), classProbs(r, C, r.int(56, 62)));
    plant(g, spread, on64(r.int(58, 63)), classProbs(r, C, r.int(22, 26)));
    plant(g, unlikely, on64(r.int(8, 20)), classProbs(r, C, r.int(48, 60)));
    cases.push(
      toCase({ en: "a small grid", zh: "小网格" }, true, g, t, {
        zh: "一个框要留下，要求 $p_c\\cdot c_k$ 的最大值达到阈值：既要“有物体”（$p_c$ 大），又要“是某一类”（$c_k$ 大）。只看 $p_c$ 或只看 $\\max_k c_k$ 都会多留下框。",
        en: "A box stays when the largest $p_c\\cdot c_k$ reaches the threshold: it needs both an object ($p_c$ large) and a clear class ($c_k$ large). Looking at $p_c$ alone or at $\\max_k c_k$ alone keeps too many boxes.",
      }),
    );
  }
  {
    const r = rng(1);
    const [Sh, Sw, A, C] = [1, r.int(2, 4), 3, 4];
    const g = makeGrid(r, Sh, Sw, A, C);
    const [at, also] = spots(r, Sh * Sw * A, 2) as [number, number];
    const pc = on64(r.pick([40, 48, 56]));
    const probs = classProbs(r, C, r.pick([36, 40, 44]));
    plant(g, at, pc, probs);
    plant(g, also, on64(r.int(60, 63)), classProbs(r, C, r.int(60, 63)));
    cases.push(
      toCase({ en: "a score exactly at the threshold", zh: "分数恰好等于阈值" }, true, g, pc * Math.max(...probs), {
        zh: "有一个框的分数恰好等于阈值：条件是 $\\ge$，所以它留下（与课程作业的 `box_class_scores >= threshold` 相同）。",
        en: "One box scores exactly the threshold: the test is $\\ge$, so it stays (as in the course assignment's `box_class_scores >= threshold`).",
      }),
    );
  }
  {
    const r = rng(2);
    const [Sh, Sw, A, C] = [r.int(2, 3), r.int(1, 2), r.int(2, 3), r.int(4, 6)];
    const g = makeGrid(r, Sh, Sw, A, C, () => on64(r.int(56, 63)), () => classProbs(r, C, r.int(16, 22)));
    const [clear] = spots(r, Sh * Sw * A, 1) as [number];
    plant(g, clear, on64(r.int(58, 63)), classProbs(r, C, r.int(54, 62)));
    cases.push(
      toCase({ en: "an object, but no clear class", zh: "有物体，但类别不明确" }, true, g, on64(r.pick([24, 28])), {
        zh: "几乎每个框的 $p_c$ 都接近 1，但类别概率很分散：$p_c\\cdot\\max_k c_k$ 达不到阈值，这些框要丢掉。只有一个框类别明确，留下。",
        en: "Almost every box has $p_c$ close to 1, but its class probabilities are spread out: $p_c\\cdot\\max_k c_k$ stays below the threshold and the box goes. Only one box has a clear class and stays.",
      }),
    );
  }
  {
    const r = rng(3);
    const [Sh, Sw, A, C] = [r.int(1, 2), r.int(2, 3), r.int(2, 4), r.int(2, 3)];
    const g = makeGrid(r, Sh, Sw, A, C, () => on64(r.int(4, 40)), () => classProbs(r, C, r.int(52, 62)));
    const [likely] = spots(r, Sh * Sw * A, 1) as [number];
    plant(g, likely, on64(r.int(58, 63)), classProbs(r, C, r.int(56, 62)));
    cases.push(
      toCase({ en: "a clear class in an unlikely box", zh: "类别明确，但框里不太可能有物体" }, true, g, on64(r.pick([32, 40])), {
        zh: "类别概率 $c_k$ 是“如果这里有物体，它属于第 $k$ 类”的条件概率，本身都很高；但 $p_c$ 小，乘积达不到阈值，这些框要丢掉。",
        en: "A class probability $c_k$ is conditional — “if there is an object here, it is of class $k$” — and these are all high; but $p_c$ is small, so the product stays below the threshold and the boxes go.",
      }),
    );
  }
  {
    const r = rng(4);
    const [Sh, Sw, A, C] = [r.int(1, 2), r.int(2, 3), 2, 4];
    const tied = (): number[] => {
      const m = r.pick([24, 28]);
      const parts = Array.from({ length: C }, () => 0);
      const [k1, k2, k3] = shuffled(r, [0, 1, 2, 3]) as [number, number, number, number];
      parts[k1] = m;
      parts[k2] = m;
      parts[k3] = 64 - 2 * m;
      return parts.map(on64);
    };
    const g = makeGrid(r, Sh, Sw, A, C, () => on64(r.int(48, 63)), tied);
    cases.push(
      toCase({ en: "two classes tied", zh: "两个类别并列" }, false, g, on64(8), {
        zh: "两个类别的概率并列最大：取下标小的那个类别（与 `tf.argMax`、`np.argmax` 相同）。",
        en: "Two classes tie for the largest probability: take the smaller class index (as `tf.argMax` and `np.argmax` do).",
      }),
    );
  }
  {
    const r = rng(5);
    const [Sh, Sw, A, C] = [r.int(2, 3), r.int(2, 3), r.int(1, 2), r.int(3, 4)];
    const g = makeGrid(r, Sh, Sw, A, C, () => on64(r.int(1, 40)));
    cases.push(
      toCase({ en: "nothing passes", zh: "没有框通过" }, false, g, on64(r.pick([44, 48])), {
        zh: "没有一个框的分数达到阈值：返回三个空数组。",
        en: "No box reaches the threshold: return three empty arrays.",
      }),
    );
  }
  {
    const r = rng(6);
    const C = r.int(2, 5);
    const g = makeGrid(r, 1, 1, 1, C, () => on64(r.int(48, 63)), () => classProbs(r, C, r.int(48, 60)));
    cases.push(
      toCase({ en: "one cell, one anchor box", zh: "一个格子，一个锚框" }, false, g, on64(r.pick([16, 24])), {
        zh: "$1\\times1$ 的网格、一个 anchor box：结果最多一个框。",
        en: "A $1\\times1$ grid with one anchor box: at most one box comes out.",
      }),
    );
  }
  {
    const r = rng(7);
    const [Sh, Sw, A, C] = [r.int(4, 5), r.int(4, 5), 5, r.int(4, 6)];
    cases.push(toCase({ en: "a larger grid", zh: "更大的网格" }, false, makeGrid(r, Sh, Sw, A, C), on64(r.pick([20, 24, 28]))));
  }
  {
    const r = rng(8);
    const [Sh, Sw, A, C] = [r.int(1, 3), r.int(1, 3), r.int(2, 3), r.int(2, 4)];
    cases.push(
      toCase({ en: "a threshold of 0", zh: "阈值为 0" }, false, makeGrid(r, Sh, Sw, A, C), 0, {
        zh: "阈值为 0 时每个框都留下，顺序是先行、再列、再 anchor box。",
        en: "With threshold 0 every box stays, in order of row, then column, then anchor box.",
      }),
    );
  }
  return cases;
};

export default generate;
