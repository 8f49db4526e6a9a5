/**
 * Cases for nonMaxSuppression. Corners are multiples of 1/8 and scores multiples of 1/64, so float32 reads them
 * exactly. Every pair of boxes has an IoU at least 1/32 away from the threshold, except the pair built to sit on
 * it exactly (its intersection and union are small multiples of 1/8, so both float32 and float64 give the
 * threshold itself); no rounding can move a box across the threshold. Groups of boxes are placed 20 units apart
 * along x, so boxes of different groups never overlap. The highest score is never at index 0, so processing the
 * boxes in index order always shows in the output's order.
 */
import { caseSeed, createRng, shuffled, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

type Box = [number, number, number, number];
interface Item {
  box: Box;
  score: number;
}

const grid = (v: number): number => Math.round(v * 8) / 8;
const margin = 1 / 32;
const groupSpacing = 20;

function iou(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const area = (c: Box): number => (c[2] - c[0]) * (c[3] - c[1]);
  return (w * h) / (area(a) + area(b) - w * h);
}

const clearOf = (t: number, box: Box, others: Box[]): boolean => others.every((o) => Math.abs(iou(box, o) - t) >= margin);

const shift = (b: Box, dx: number, dy = 0): Box => [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy];

function baseBox(r: Rng, group: number, scale = 1): Box {
  const x1 = group * groupSpacing * scale + grid(r.uniform(0, 4 * scale));
  const y1 = grid(r.uniform(0, 8 * scale));
  return [x1, y1, x1 + grid(r.uniform(4, 10) * scale), y1 + grid(r.uniform(3, 8) * scale)];
}

/** A base box and `size − 1` boxes around it, each overlapping it by IoU ≥ threshold + 1/32. */
function cluster(r: Rng, group: number, size: number, t: number, scale = 1): Box[] {
  const base = baseBox(r, group, scale);
  const boxes: Box[] = [base];
  const w = base[2] - base[0];
  const h = base[3] - base[1];
  for (let attempt = 0; boxes.length < size && attempt < 1000; attempt++) {
    const jitter = (len: number): number => grid(r.uniform(-0.15, 0.15) * len);
    const b: Box = [base[0] + jitter(w), base[1] + jitter(h), base[2] + jitter(w), base[3] + jitter(h)];
    if (iou(b, base) >= t + margin && clearOf(t, b, boxes)) boxes.push(b);
  }
  return boxes;
}

/** n multiples of 1/64 in [lo, hi], all different, in random order. */
function distinctScores(r: Rng, n: number, lo = 1 / 64, hi = 63 / 64): number[] {
  const all = Array.from({ length: Math.round((hi - lo) * 64) + 1 }, (_, k) => lo + k / 64);
  return shuffled(r, all).slice(0, n);
}

/** Shuffles the items into index order, moving the best score off index 0. */
function assemble(r: Rng, items: Item[]): { boxes: Box[]; scores: number[] } {
  const order = shuffled(r, items);
  const best = Math.max(...order.map((i) => i.score));
  if (order[0]!.score === best) order.push(order.shift()!);
  return { boxes: order.map((i) => i.box), scores: order.map((i) => i.score) };
}

function toCase(
  name: Localized,
  visible: boolean,
  items: { boxes: Box[]; scores: number[] },
  maxOutputSize: number,
  iouThreshold: number,
  scoreThreshold: number,
  note?: ExerciseCase["note"],
): ExerciseCase {
  return { name, visible, args: [items.boxes, items.scores, maxOutputSize, iouThreshold, scoreThreshold], ...(note ? { note } : {}) };
}

const withScores = (boxes: Box[], scores: number[]): Item[] => boxes.map((box, i) => ({ box, score: scores[i]! }));

/** How many boxes greedy NMS keeps without a count limit (for choosing maxOutputSize). */
function survivors(items: Item[], t: number, scoreThreshold = 0): number {
  const order = items.filter((i) => i.score > scoreThreshold).sort((a, b) => b.score - a.score);
  const kept: Box[] = [];
  for (const item of order) if (kept.every((k) => iou(item.box, k) < t)) kept.push(item.box);
  return kept.length;
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const t = r.pick([0.375, 0.5, 0.625]);
    const boxes = Array.from({ length: r.int(2, 3) }, (_, g) => cluster(r, g, r.int(2, 4), t)).flat();
    const items = withScores(boxes, distinctScores(r, boxes.length));
    cases.push(
      toCase({ en: "overlapping clusters", zh: "几簇相互重叠的框" }, true, assemble(r, items), boxes.length, t, 0, {
        zh: "每一簇框都框住同一个物体：只留下簇里分数最高的那个，其余与它的 IoU 都不小于阈值，被抑制。输出按分数从高到低排列，而不是按下标。",
        en: "Each cluster of boxes frames the same object: only the cluster's highest-scoring box stays, the others overlap it by IoU at or above the threshold and are suppressed. The output is ordered by score, not by index.",
      }),
    );
  }
  {
    const r = rng(1);
    const t = r.pick([0.375, 0.5]);
    const w = grid(r.uniform(1, 2.5)) * 4;
    const a = baseBox(r, 0);
    const A: Box = [a[0], a[1], a[0] + w, a[3]];
    const [sA, sB, sC, ...others] = distinctScores(r, 5).sort((x, y) => y - x) as [number, number, number, ...number[]];
    const lone = Array.from({ length: r.int(1, 2) }, (_, g) => baseBox(r, g + 1));
    const items = [
      { box: A, score: sA },
      { box: shift(A, w / 4), score: sB },
      { box: shift(A, w / 2), score: sC },
      ...lone.map((box, k) => ({ box, score: others[k]! })),
    ];
    cases.push(
      toCase({ en: "a chain: A overlaps B, B overlaps C, A and C barely", zh: "一条链：A 与 B 重叠，B 与 C 重叠，A 与 C 几乎不重叠" }, true, assemble(r, items), items.length, t, 0, {
        zh: "三个框依次右移 $w/4$：$\\text{IoU}(A,B)=\\text{IoU}(B,C)=0.6$，$\\text{IoU}(A,C)=1/3$。A 保留，B 被 A 抑制；C 只需与**已保留**的框比较，A 与它的 IoU 低于阈值，所以 C 保留。已被抑制的 B 不能再去抑制别的框。",
        en: "Three boxes, each shifted right by $w/4$: $\\text{IoU}(A,B)=\\text{IoU}(B,C)=0.6$ and $\\text{IoU}(A,C)=1/3$. A stays and suppresses B; C is compared only with the boxes **kept** so far, and A overlaps it below the threshold, so C stays. B, already suppressed, suppresses nothing.",
      }),
    );
  }
  {
    const r = rng(2);
    const [t, wUnits, sUnits] = r.pick([[0.25, 5, 3], [0.5, 3, 1], [0.75, 7, 1]] as const);
    const u = r.pick([0.5, 0.75, 1]);
    const p = baseBox(r, 0);
    const P: Box = [p[0], p[1], p[0] + wUnits * u, p[3]];
    const Q = shift(P, sUnits * u);
    const rBox = baseBox(r, 1);
    const S: Box = [rBox[2], rBox[1] + grid(r.uniform(-1, 1)), rBox[2] + grid(r.uniform(2, 5)), rBox[3] + grid(r.uniform(-1, 1))];
    const scores = distinctScores(r, 4);
    const items = withScores([P, Q, rBox, S], [Math.max(scores[0]!, scores[1]!), Math.min(scores[0]!, scores[1]!), scores[2]!, scores[3]!]);
    cases.push(
      toCase({ en: "IoU exactly at the threshold, and a shared edge", zh: "IoU 恰好等于阈值，以及共用一条边" }, true, assemble(r, items), items.length, t, 0, {
        zh: "P、Q 高度相同，Q 沿 x 平移，两者的 IoU 恰好等于阈值：IoU $\\ge$ 阈值就抑制（与 TensorFlow 相同），所以 Q 被丢掉。另外两个框只共享一条边，交集宽为 0，IoU 为 0，都保留。",
        en: "P and Q have the same height and Q is shifted along x so that their IoU equals the threshold exactly: IoU $\\ge$ threshold suppresses (as in TensorFlow), so Q is dropped. The other two boxes only share an edge: the intersection has width 0, IoU 0, and both stay.",
      }),
    );
  }
  {
    const r = rng(3);
    const t = r.pick([0.375, 0.5, 0.625]);
    const [pair0, pair1] = cluster(r, 0, 2, t) as [Box, Box];
    const [tie, other, extra] = distinctScores(r, 3) as [number, number, number];
    const items: Item[] = [
      { box: pair0, score: tie },
      { box: pair1, score: tie },
      { box: baseBox(r, 1), score: other },
      { box: baseBox(r, 2), score: other },
      ...(r.next() < 0.5 ? [{ box: baseBox(r, 3), score: extra }] : []),
    ];
    cases.push(
      toCase({ en: "equal scores", zh: "分数相同" }, true, assemble(r, items), items.length, t, 0, {
        zh: "分数相同时，下标小的排在前面（按分数降序的稳定排序，TensorFlow 也这样）。所以重叠的两个同分框里留下下标小的那个；两个互不重叠的同分框都保留，下标小的先输出。",
        en: "Equal scores put the smaller index first (a stable sort by descending score, as TensorFlow does). So of two overlapping boxes with the same score the one with the smaller index stays, and two separate boxes with the same score both stay, the smaller index first.",
      }),
    );
  }
  {
    const r = rng(4);
    const t = r.pick([0.375, 0.5, 0.625]);
    const boxes = Array.from({ length: r.int(4, 5) }, (_, g) => cluster(r, g, r.int(1, 2), t)).flat();
    const items = withScores(boxes, distinctScores(r, boxes.length));
    const kept = survivors(items, t);
    cases.push(
      toCase({ en: "more survivors than maxOutputSize", zh: "留下的框比 maxOutputSize 多" }, true, assemble(r, items), r.int(2, kept - 1), t, 0, {
        zh: "抑制之后剩下的框比 `maxOutputSize` 多：只输出分数最高的 `maxOutputSize` 个，够数就停。",
        en: "More boxes survive the suppression than `maxOutputSize`: output only the `maxOutputSize` best ones and stop once there are that many.",
      }),
    );
  }
  {
    const r = rng(5);
    const t = r.pick([0.375, 0.5]);
    const scoreThreshold = r.pick([0.25, 0.5]);
    const groups = r.int(2, 3);
    const boxes = Array.from({ length: groups }, (_, g) => cluster(r, g, r.int(1, 3), t)).flat();
    // A lone box scored exactly at the threshold: dropped, though nothing else could suppress it.
    boxes.push(baseBox(r, groups));
    const scores = [...distinctScores(r, boxes.length - 1), scoreThreshold];
    const items = withScores(boxes, scores);
    cases.push(
      toCase({ en: "a score threshold", zh: "分数阈值" }, false, assemble(r, items), boxes.length, t, scoreThreshold, {
        zh: "分数不超过 `scoreThreshold` 的框先被丢掉（严格大于才保留，与 TensorFlow 相同），恰好等于阈值的框也丢掉。",
        en: "Boxes whose score does not exceed `scoreThreshold` are dropped first (only strictly greater scores stay, as in TensorFlow), so a score exactly at the threshold is dropped too.",
      }),
    );
  }
  {
    const r = rng(6);
    const t = r.pick([0.25, 0.375, 0.5, 0.625, 0.75]);
    const n = r.int(12, 18);
    const boxes: Box[] = [];
    for (let attempt = 0; boxes.length < n && attempt < 5000; attempt++) {
      const x1 = grid(r.uniform(0, 12));
      const y1 = grid(r.uniform(0, 12));
      const b: Box = [x1, y1, x1 + grid(r.uniform(2, 8)), y1 + grid(r.uniform(2, 8))];
      if (clearOf(t, b, boxes)) boxes.push(b);
    }
    const items = withScores(boxes, distinctScores(r, boxes.length));
    cases.push(toCase({ en: "many boxes", zh: "很多框" }, false, assemble(r, items), r.int(2, boxes.length), t, 0));
  }
  {
    const r = rng(7);
    const t = r.pick([0.375, 0.5, 0.625]);
    const boxes = Array.from({ length: r.int(2, 3) }, (_, g) => cluster(r, g, r.int(2, 3), t, 40)).flat();
    const items = withScores(boxes, distinctScores(r, boxes.length));
    cases.push(toCase({ en: "pixel coordinates", zh: "像素坐标" }, false, assemble(r, items), boxes.length, t, 0, {
      zh: "坐标在几百像素的量级：IoU 与单位无关，选中的框也一样。",
      en: "Coordinates of hundreds of pixels: IoU does not depend on the unit, and neither does the selection.",
    }));
  }
  {
    const r = rng(8);
    const boxes = Array.from({ length: r.int(3, 6) }, (_, g) => baseBox(r, g));
    const items = withScores(boxes, distinctScores(r, boxes.length));
    cases.push(toCase({ en: "no overlaps", zh: "没有重叠" }, false, assemble(r, items), boxes.length + r.int(0, 2), 0.5, 0, {
      zh: "没有任何两个框重叠：全部保留，按分数从高到低输出；`maxOutputSize` 比框数还大也没关系。",
      en: "No two boxes overlap: all stay, output from the highest score down; a `maxOutputSize` above the number of boxes is fine.",
    }));
  }
  {
    const r = rng(9);
    const t = r.pick([0.375, 0.5, 0.625]);
    const outer = baseBox(r, 0);
    const ow = outer[2] - outer[0];
    const oh = outer[3] - outer[1];
    // Small and near the outer box's top-left corner: kept, as its IoU (its share of the outer area) is below t.
    let inner: Box = outer;
    for (let attempt = 0; attempt < 1000 && !(iou(inner, outer) <= t - margin); attempt++) {
      const x1 = outer[0] + grid(r.uniform(0.125, ow / 4));
      const y1 = outer[1] + grid(r.uniform(0.125, oh / 4));
      inner = [x1, y1, x1 + grid(r.uniform(0.5, ow / 2)), y1 + grid(r.uniform(0.5, oh / 2))];
    }
    const sliver = (g: number, vertical: boolean): Box[] => {
      const b = baseBox(r, g);
      const half = r.pick([0.5, 0.75]);
      if (vertical) return [[b[0], b[1], b[0] + half, b[3]], [b[0] + half, b[1], b[0] + 2 * half, b[3]]];
      return [[b[0], b[1], b[2], b[1] + half], [b[0], b[1] + half, b[2], b[1] + 2 * half]];
    };
    const [sOuter, sInner, ...rest] = distinctScores(r, 6).sort((x, y) => y - x) as [number, number, ...number[]];
    const items = [{ box: outer, score: sOuter }, { box: inner, score: sInner }, ...withScores([...sliver(1, true), ...sliver(2, false)], rest)];
    cases.push(
      toCase({ en: "a box inside another, and thin slivers", zh: "一个框在另一个框里面，以及细条状的框" }, false, assemble(r, items), items.length, t, 0, {
        zh: "小框完全在大框里面时，IoU 等于小框面积占大框面积的比例；比例低于阈值时两个框都保留。宽或高不到 1 的细条只共享一条边时 IoU 仍是 0。",
        en: "For a small box inside a large one the IoU is the small box's share of the large box's area; below the threshold both stay. Slivers less than 1 wide that only share an edge still have IoU 0.",
      }),
    );
  }
  return cases;
};

export default generate;
