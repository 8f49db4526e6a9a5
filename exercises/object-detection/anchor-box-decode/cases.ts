/**
 * Cases for decodeAnchorBoxes. Every t and every anchor size is a multiple of 1/64; the outputs are O(1) fractions
 * of the image, so float32's sigmoid and exp (a few 1e−7 relative) stay far inside the tolerance. Every visible
 * case has t_w ≠ t_h somewhere, except the t = 0 case, and a grid with cells off the diagonal (row ≠ column).
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const on64 = (v: number): number => Math.round(v * 64) / 64;

/** YOLOv2's VOC anchors (p_w, p_h) in grid cells, rounded to 1/64. */
const yoloV2Anchors: number[][] = [
  [1.3221, 1.73145],
  [3.19275, 4.00944],
  [5.05587, 8.09892],
  [9.47112, 4.84053],
  [11.2364, 10.0071],
].map((a) => a.map(on64));

function anchorSet(r: Rng, A: number, lo = 0.5, hi = 3): number[][] {
  return Array.from({ length: A }, () => [on64(r.uniform(lo, hi)), on64(r.uniform(lo, hi))]);
}

type Draw = () => number;

function outputs(r: Rng, Sh: number, Sw: number, A: number, xy: Draw, wh: Draw): number[][][][] {
  return Array.from({ length: Sh }, () => Array.from({ length: Sw }, () => Array.from({ length: A }, () => [xy(), xy(), wh(), wh()])));
}

function toCase(name: Localized, visible: boolean, t: number[][][][], anchors: number[][], note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [t, anchors], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  const normal = (r: Rng, std: number): Draw => () => on64(r.normal(0, std));
  {
    const r = rng(0);
    const S = r.int(2, 3);
    const A = 2;
    cases.push(toCase({ en: "a small grid", zh: "小网格" }, true, outputs(r, S, S, A, normal(r, 1.5), normal(r, 0.5)), anchorSet(r, A)));
  }
  {
    const r = rng(1);
    const [Sh, Sw, A] = [r.int(2, 3), 3, r.int(1, 2)];
    cases.push(
      toCase({ en: "t = 0 everywhere", zh: "处处 t = 0" }, true, outputs(r, Sh, Sw, A, () => 0, () => 0), anchorSet(r, A), {
        zh: "$t=0$ 时 $\\sigma(0)=0.5$：每个框的中心正好在自己网格的中心，大小正好等于 anchor box（$e^0=1$）。",
        en: "With $t=0$, $\\sigma(0)=0.5$: every box is centred in its own cell and has exactly its anchor box's size ($e^0=1$).",
      }),
    );
  }
  {
    const r = rng(2);
    const S = r.int(2, 3);
    const A = r.int(1, 2);
    const saturated: Draw = () => on64((r.next() < 0.5 ? -1 : 1) * r.uniform(6, 10));
    cases.push(
      toCase({ en: "saturated offsets", zh: "饱和的偏移量" }, true, outputs(r, S, S + 1, A, saturated, normal(r, 0.5)), anchorSet(r, A), {
        zh: "$t_x, t_y$ 的绝对值很大：sigmoid 饱和在 0 或 1，中心停在自己网格的边上，不会跑到别的网格去——这正是 YOLOv2 用 $\\sigma$ 的原因。",
        en: "Large $|t_x|, |t_y|$: the sigmoid saturates at 0 or 1 and the centre stops at its own cell's edge instead of wandering into other cells — which is why YOLOv2 uses $\\sigma$.",
      }),
    );
  }
  {
    const r = rng(3);
    const Sh = r.int(2, 3);
    const Sw = Sh + r.int(2, 3);
    const A = r.int(2, 3);
    cases.push(
      toCase({ en: "a grid wider than tall", zh: "宽大于高的网格" }, true, outputs(r, Sh, Sw, A, normal(r, 1.5), normal(r, 0.5)), anchorSet(r, A), {
        zh: "$S_w\\ne S_h$：$x$ 方向的量（$c_x$ 是列号）除以 $S_w$，$y$ 方向的量（$c_y$ 是行号）除以 $S_h$。",
        en: "$S_w\\ne S_h$: quantities along $x$ ($c_x$ is the column) are divided by $S_w$, those along $y$ ($c_y$ is the row) by $S_h$.",
      }),
    );
  }
  {
    const r = rng(4);
    const A = r.int(1, 3);
    cases.push(
      toCase({ en: "a 1×1 grid", zh: "1×1 网格" }, false, outputs(r, 1, 1, A, normal(r, 1.5), normal(r, 0.5)), anchorSet(r, A), {
        zh: "只有一个网格：$c_x=c_y=0$，anchor box 的大小就是相对整幅图像的大小。",
        en: "A single cell: $c_x=c_y=0$, and the anchor sizes are relative to the whole image.",
      }),
    );
  }
  {
    const r = rng(5);
    const S = r.int(3, 4);
    cases.push(
      toCase({ en: "YOLOv2's five anchor boxes", zh: "YOLOv2 的五个锚框" }, false, outputs(r, S, S, 5, normal(r, 1.5), normal(r, 0.5)), yoloV2Anchors, {
        zh: "YOLOv2 在 VOC 上用的 5 个 anchor box（以网格为单位，最大的接近 $13\\times13$ 网格的整幅图像）。",
        en: "The five anchor boxes YOLOv2 uses on VOC (in grid cells; the largest nearly covers a $13\\times13$ grid's whole image).",
      }),
    );
  }
  {
    const r = rng(6);
    const [Sh, Sw, A] = [r.int(2, 3), r.int(2, 3), r.int(1, 2)];
    const large: Draw = () => on64(r.uniform(1, 2.5));
    cases.push(
      toCase({ en: "boxes larger than the image", zh: "比图像还大的框" }, false, outputs(r, Sh, Sw, A, normal(r, 1), large), anchorSet(r, A, 1, 3), {
        zh: "$t_w, t_h$ 较大：框比整幅图像还大，角点落在 $[0,1]$ 之外。解码不做截断（截断是之后单独的一步）。",
        en: "Large $t_w, t_h$: the boxes are larger than the image and their corners fall outside $[0,1]$. Decoding does not clip (clipping is a separate later step).",
      }),
    );
  }
  {
    const r = rng(7);
    const [Sh, Sw, A] = [r.int(3, 4), r.int(2, 4), r.int(2, 3)];
    const small: Draw = () => on64(-r.uniform(0.5, 2.5));
    cases.push(toCase({ en: "boxes smaller than their anchors", zh: "比锚框小的框" }, false, outputs(r, Sh, Sw, A, normal(r, 1.5), small), anchorSet(r, A)));
  }
  return cases;
};

export default generate;
