/**
 * Cases for iou. Corners are multiples of 1/8, so float32 reads them exactly; the reference's only rounding is in
 * the areas and the division (a few 1e-7 relative). Each visible case holds one kind of pair, so each mistake shows
 * on every seed: overlapping pairs, disjoint pairs (apart along x only and along both axes), pairs that share an
 * edge or a corner, and one box inside another.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

type Box = [number, number, number, number];
const grid = (v: number): number => Math.round(v * 8) / 8;

function box(r: Rng, scale = 1): Box {
  const x1 = grid(r.uniform(0, 8 * scale));
  const y1 = grid(r.uniform(0, 8 * scale));
  return [x1, y1, x1 + grid(r.uniform(1, 5 * scale)), y1 + grid(r.uniform(1, 5 * scale))];
}

/** A start for a segment of length `len` overlapping [lo, hi] by a positive length. */
const overlappingStart = (r: Rng, lo: number, hi: number, len: number): number => grid(r.uniform(lo - len + 0.25, hi - 0.25));

function overlapping(r: Rng, scale = 1): [Box, Box] {
  const a = box(r, scale);
  const w = grid(r.uniform(1, 5 * scale));
  const h = grid(r.uniform(1, 5 * scale));
  const x1 = overlappingStart(r, a[0], a[2], w);
  const y1 = overlappingStart(r, a[1], a[3], h);
  return [a, [x1, y1, x1 + w, y1 + h]];
}

/** Apart along x; along y they overlap (`bothAxes` false) or are apart too. */
function disjoint(r: Rng, bothAxes: boolean): [Box, Box] {
  const a = box(r);
  const w = grid(r.uniform(1, 4));
  const h = grid(r.uniform(1, 4));
  const x1 = a[2] + grid(r.uniform(0.25, 3));
  const y1 = bothAxes ? a[3] + grid(r.uniform(0.25, 3)) : overlappingStart(r, a[1], a[3], h);
  const b: Box = [x1, y1, x1 + w, y1 + h];
  return r.next() < 0.5 ? [a, b] : [b, a];
}

/** b starts where a ends along x (a shared edge when y overlaps, a shared corner when y touches too). */
function touching(r: Rng, corner: boolean): [Box, Box] {
  const a = box(r);
  const w = grid(r.uniform(1, 4));
  const h = grid(r.uniform(1, 4));
  const y1 = corner ? a[3] : overlappingStart(r, a[1], a[3], h);
  return [a, [a[2], y1, a[2] + w, y1 + h]];
}

function nested(r: Rng): [Box, Box] {
  const outer = box(r);
  const w = outer[2] - outer[0];
  const h = outer[3] - outer[1];
  const x1 = outer[0] + grid(r.uniform(0, w / 3));
  const y1 = outer[1] + grid(r.uniform(0, h / 3));
  const inner: Box = [x1, y1, x1 + grid(r.uniform(0.25, w / 2)), y1 + grid(r.uniform(0.25, h / 2))];
  return r.next() < 0.5 ? [outer, inner] : [inner, outer];
}

function toCase(name: Localized, visible: boolean, pairs: [Box, Box][], note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [pairs.map((p) => p[0]), pairs.map((p) => p[1])], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(toCase({ en: "overlapping boxes", zh: "相互重叠的框" }, true, Array.from({ length: r.int(2, 4) }, () => overlapping(r))));
  }
  {
    const r = rng(1);
    cases.push(
      toCase({ en: "boxes that do not overlap", zh: "不重叠的框" }, true, [disjoint(r, false), disjoint(r, true)], {
        zh: "两个框在 x 方向上分开时交集为空，IoU 为 0。交集的宽 $\\min(x_2)-\\max(x_1)$ 此时是负数，必须截断为 0；两个方向都分开时，两个负数相乘还会得到一个正的“面积”。",
        en: "Boxes apart along x have an empty intersection: IoU 0. The intersection's width $\\min(x_2)-\\max(x_1)$ is then negative and must be clipped at 0; when they are apart along both axes, two negative sides would even multiply to a positive “area”.",
      }),
    );
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "boxes that share an edge or a corner", zh: "共用一条边或一个角的框" }, true, [touching(r, false), touching(r, true)], {
        zh: "只共享一条边（或一个角）的两个框：交集的宽为 0,IoU 为 0。坐标是连续的，宽就是 $x_2-x_1$，不要像旧的像素坐标代码那样加 1。",
        en: "Two boxes that only share an edge (or a corner): the intersection has width 0, so IoU 0. Coordinates are continuous, so a width is $x_2-x_1$, without the +1 of old pixel-index code.",
      }),
    );
  }
  {
    const r = rng(3);
    cases.push(
      toCase({ en: "one box inside the other", zh: "一个框在另一个框里面" }, true, Array.from({ length: r.int(1, 3) }, () => nested(r)), {
        zh: "小框完全在大框里面：交集就是小框，并集就是大框，IoU = 小框面积 / 大框面积。",
        en: "A small box entirely inside a large one: the intersection is the small box and the union the large one, so IoU = small area / large area.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "identical boxes", zh: "完全相同的框" }, false, Array.from({ length: r.int(1, 3) }, (): [Box, Box] => {
        const a = box(r);
        return [a, [...a]];
      }), {
        zh: "完全重合的两个框 IoU 为 1。",
        en: "Two identical boxes have IoU 1.",
      }),
    );
  }
  {
    const r = rng(5);
    const makers = [() => overlapping(r), () => disjoint(r, r.next() < 0.5), () => touching(r, r.next() < 0.5), () => nested(r)];
    cases.push(toCase({ en: "a mix of pairs", zh: "各种框对混在一起" }, false, Array.from({ length: r.int(6, 10) }, () => r.pick(makers)())));
  }
  {
    const r = rng(6);
    cases.push(
      toCase({ en: "pixel-sized coordinates", zh: "以像素为单位的坐标" }, false, Array.from({ length: r.int(2, 4) }, () => overlapping(r, 60)), {
        zh: "坐标在几百像素的量级：IoU 只和相对大小有关，与单位无关。",
        en: "Coordinates of hundreds of pixels: IoU depends only on relative sizes, not on the unit.",
      }),
    );
  }
  {
    const r = rng(7);
    cases.push(
      toCase({ en: "thin boxes", zh: "细长的框" }, false, Array.from({ length: r.int(2, 3) }, (): [Box, Box] => {
        const x1 = grid(r.uniform(0, 4));
        const y1 = grid(r.uniform(0, 4));
        const a: Box = [x1, y1, x1 + 0.25, y1 + grid(r.uniform(2, 5))];
        const b: Box = [x1 + 0.125, y1 + 0.5, x1 + 0.375, y1 + grid(r.uniform(3, 6))];
        return [a, b];
      })),
    );
  }
  return cases;
};

export default generate;
