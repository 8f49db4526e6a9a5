/**
 * Cases for conv3dForward: small batches of volumes (a few CT slices, a few video frames), at most 6 voxels along
 * an axis so that the cases stay quick. Inputs, filters and biases are non-zero multiples of 1/8 below 8 in size, so
 * every product is a multiple of 1/64 and every sum here (at most 54 terms) stays below 2^12: float32 holds it
 * exactly and the float64 solution equals the tf.conv3d reference. Filters are random, so a flipped filter always
 * shows; biases are non-zero, so a missing bias always shows.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";
import { gridTensor } from "../conv2d-backward/cases";

type Tensor5 = number[][][][][];

interface Shape {
  m: number;
  /** Depth, height, width of the input. */
  n: [number, number, number];
  cIn: number;
  /** Depth, height, width of the filter. */
  f: [number, number, number];
  cOut: number;
}

function toCase(name: Localized, visible: boolean, r: Rng, s: Shape, stride: number, padding: "valid" | "same", note?: ExerciseCase["note"]): ExerciseCase {
  const A_prev = gridTensor<Tensor5>(r, [s.m, ...s.n, s.cIn], 1.5);
  const W = gridTensor<Tensor5>(r, [...s.f, s.cIn, s.cOut], 1);
  const b = gridTensor<number[]>(r, [s.cOut], 1);
  return { name, visible, args: [A_prev, W, b, stride, padding], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(
      toCase({ en: "one channel, 'valid', stride 1, 2×2×2 filters", zh: "单通道，'valid'，步长 1，2×2×2 滤波器" }, true, r, { m: 1, n: [r.int(3, 4), 3, r.int(3, 4)], cIn: 1, f: [2, 2, 2], cOut: 2 }, 1, "valid", {
        zh: "最基本的情形：$2\\times2\\times2$ 的滤波器在体数据里沿深度、高度、宽度三个方向滑动，每个位置逐元素相乘再求和（不翻转），加上偏置；每个方向输出 $n-f+1$。",
        en: "The basic case: a $2\\times2\\times2$ filter slides through the volume along depth, height and width; at each position multiply element-wise, sum (no flip) and add the bias. Each axis gives $n-f+1$.",
      }),
    );
  }
  {
    const r = rng(1);
    cases.push(
      toCase({ en: "a batch, two channels, 'valid', stride 2", zh: "一批样本，两个通道，'valid'，步长 2" }, true, r, { m: 2, n: [r.int(5, 6), r.int(5, 6), 5], cIn: 2, f: [3, 3, 3], cOut: 2 }, 2, "valid", {
        zh: "步长作用在三个方向上，深度也不例外：第 $d$ 个输出切片从第 $d\\cdot s$ 个输入切片开始。",
        en: "The stride applies along all three axes, depth included: output slice $d$ starts at input slice $d\\cdot s$.",
      }),
    );
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "'same', stride 1, 3×3×3", zh: "'same'，步长 1，3×3×3" }, true, r, { m: r.int(1, 2), n: [r.int(3, 4), r.int(3, 4), 4], cIn: 2, f: [3, 3, 3], cOut: 2 }, 1, "same", {
        zh: "'same'、步长 1：深度方向也要补零（前后各一片 0），输出和输入一样大，包括深度。",
        en: "'same' with stride 1: the depth is padded too (one slice of zeros at the front and one at the back), so the output is as large as the input, depth included.",
      }),
    );
  }
  {
    const r = rng(3);
    cases.push(
      toCase({ en: "'same', stride 2, odd total padding", zh: "'same'，步长 2，总填充为奇数" }, true, r, { m: 1, n: [4, 2 * r.int(2, 3), 4], cIn: r.int(1, 2), f: [3, 3, 3], cOut: 2 }, 2, "same", {
        zh: "每个方向边长都是偶数、$f=3$、$s=2$：总填充 $P=1$ 是奇数，TensorFlow 把它补在后面（后方/下方/右侧），前面不补。",
        en: "Even sides, $f=3$, $s=2$: the total padding $P=1$ is odd along every axis, and TensorFlow puts it after (back/bottom/right), none before.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "a single slice: depth 1", zh: "只有一层切片：深度为 1" }, true, r, { m: 2, n: [1, 5, r.int(4, 6)], cIn: 2, f: [1, 3, 3], cOut: 2 }, 2, "same", {
        zh: "深度为 1 的体数据配 $f_d=1$ 的滤波器：三维卷积退化成二维卷积（`conv2d-forward`），深度方向不补零。高度为 5、$f_h=3$、$s=2$ 时 $P=2$，上下各补 1 行。",
        en: "A volume one slice deep with $f_d=1$ filters: the 3D convolution is a 2D one (`conv2d-forward`), with no padding along the depth. Height 5 with $f_h=3$ and $s=2$ gives $P=2$, one row above and one below.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(
      toCase({ en: "1×1×1 filters, 'same', stride 2", zh: "1×1×1 滤波器，'same'，步长 2" }, false, r, { m: 2, n: [r.int(3, 4), 4, r.int(3, 5)], cIn: r.int(2, 3), f: [1, 1, 1], cOut: 2 }, 2, "same", {
        zh: "$1\\times1\\times1$ 的滤波器、步长 2：不需要填充，只是每隔一个体素取一次各通道的线性组合。",
        en: "$1\\times1\\times1$ filters with stride 2 need no padding: a linear combination of the channels at every other voxel.",
      }),
    );
  }
  {
    const r = rng(6);
    const nD = r.int(2, 3);
    cases.push(
      toCase({ en: "a filter as deep as the volume", zh: "滤波器和体数据一样深" }, false, r, { m: 2, n: [nD, 4, r.int(3, 4)], cIn: 1, f: [nD, 2, 2], cOut: 2 }, 1, "valid", {
        zh: "滤波器和体数据一样深时，输出深度为 1：所有切片被一起看进去。",
        en: "A filter as deep as the volume gives an output one slice deep: it looks at all slices at once.",
      }),
    );
  }
  {
    const r = rng(7);
    cases.push(
      toCase({ en: "'same' with a 2×3×2 filter", zh: "'same'，2×3×2 滤波器" }, false, r, { m: 1, n: [r.int(3, 4), r.int(3, 4), r.int(3, 4)], cIn: 2, f: [2, 3, 2], cOut: 2 }, 1, "same", {
        zh: "偶数大小的方向上 $P=1$，全部补在后面；奇数大小的方向上两侧对称。",
        en: "Along the even axes $P=1$, all of it after; along the odd axis the padding is symmetric.",
      }),
    );
  }
  {
    const r = rng(8);
    cases.push(toCase({ en: "stride 3, 'same', 3×2×3 filters", zh: "步长 3，'same'，3×2×3 滤波器" }, false, r, { m: 2, n: [r.int(4, 6), r.int(4, 6), r.int(4, 6)], cIn: 1, f: [3, 2, 3], cOut: 3 }, 3, "same"));
  }
  return cases;
};

export default generate;
