/**
 * Cases for conv2dForward. Inputs, filters and biases are non-zero multiples of 1/8 below 8 in size, so every
 * product is a multiple of 1/64 and every sum here (at most 75 terms) stays below 2^13: float32 holds it exactly,
 * and the float64 solution equals the tf.conv2d reference. Filters are random, so a flipped filter always shows;
 * biases are non-zero, so a missing bias always shows.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

function value(rng: Rng, scale: number): number {
  const magnitude = Math.min(Math.round((0.125 + Math.abs(rng.normal(0, scale))) * 8) / 8, 7.875);
  return rng.next() < 0.5 ? -magnitude : magnitude;
}

const tensor4 = (rng: Rng, [a, b, c, d]: number[], scale: number): number[][][][] =>
  Array.from({ length: a! }, () => Array.from({ length: b! }, () => rng.matrix(c!, d!, () => value(rng, scale))));

interface Shape {
  m: number;
  nH: number;
  nW: number;
  cIn: number;
  fh: number;
  fw: number;
  cOut: number;
}

function toCase(name: Localized, visible: boolean, r: Rng, s: Shape, stride: number, padding: "valid" | "same", note?: ExerciseCase["note"]): ExerciseCase {
  const A_prev = tensor4(r, [s.m, s.nH, s.nW, s.cIn], 1.5);
  const W = tensor4(r, [s.fh, s.fw, s.cIn, s.cOut], 1);
  const b = r.vector(s.cOut, () => value(r, 1));
  return { name, visible, args: [A_prev, W, b, stride, padding], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const nH = r.int(4, 6);
    cases.push(
      toCase({ en: "one channel, 'valid', stride 1", zh: "单通道，'valid'，步长 1" }, true, r, { m: 1, nH, nW: nH + 1, cIn: 1, fh: 3, fw: 3, cOut: 2 }, 1, "valid", {
        zh: "最基本的情形：$3\\times3$ 滤波器在单通道图像上滑动，每个位置做逐元素相乘再求和（不翻转滤波器），加上偏置；输出边长 $n-f+1$。",
        en: "The basic case: a $3\\times3$ filter slides over a one-channel image; at each position multiply element-wise, sum (the filter is not flipped) and add the bias. Output side $n-f+1$.",
      }),
    );
  }
  {
    const r = rng(1);
    // n − f odd along both axes: the last half step is dropped (⌊·⌋).
    const nH = 2 * r.int(3, 4);
    const nW = 2 * r.int(3, 5) + 1;
    cases.push(
      toCase({ en: "RGB batch, 3×2 filters, 'valid', stride 2", zh: "一批 RGB 图像，3×2 滤波器，'valid'，步长 2" }, true, r, { m: 2, nH, nW, cIn: 3, fh: 3, fw: 2, cOut: r.int(2, 3) }, 2, "valid", {
        zh: "每个滤波器是 $f_h\\times f_w\\times c_{in}$，对所有输入通道一起求和；步长 2 时第 $h$ 个输出窗口从第 $h\\cdot s$ 行开始。这里 $(n-f)$ 不是 2 的倍数，最后半步放不下整个滤波器，舍去。",
        en: "Each filter is $f_h\\times f_w\\times c_{in}$ and sums over all input channels at once; with stride 2 output window $h$ starts at row $h\\cdot s$. Here $(n-f)$ is not a multiple of 2, so the last half step cannot hold the filter and is dropped.",
      }),
    );
  }
  {
    const r = rng(2);
    const nH = r.int(4, 6);
    cases.push(
      toCase({ en: "'same', stride 1, 3×3", zh: "'same'，步长 1，3×3" }, true, r, { m: r.int(1, 2), nH, nW: nH + r.int(1, 2), cIn: 2, fh: 3, fw: 3, cOut: 2 }, 1, "same", {
        zh: "'same'、步长 1、$3\\times3$ 滤波器：四周各补一圈 0（$P=2$，上下各 1），输出和输入一样大。",
        en: "'same', stride 1, $3\\times3$ filter: one ring of zeros all round ($P=2$, one on each side), so the output is as large as the input.",
      }),
    );
  }
  {
    const r = rng(3);
    const nH = 2 * r.int(2, 4);
    cases.push(
      toCase({ en: "'same', stride 2, odd total padding", zh: "'same'，步长 2，总填充为奇数" }, true, r, { m: 1, nH, nW: nH + 2, cIn: r.int(1, 3), fh: 3, fw: 3, cOut: 2 }, 2, "same", {
        zh: "边长为偶数、$f=3$、$s=2$ 时，$n_{out}=n/2$，总填充 $P=(n_{out}-1)\\cdot2+3-n=1$ 是奇数。TensorFlow 把 $\\lfloor P/2\\rfloor=0$ 个 0 放在上方/左侧，多出的那一个放在下方/右侧。",
        en: "With an even side, $f=3$ and $s=2$: $n_{out}=n/2$ and the total padding $P=(n_{out}-1)\\cdot2+3-n=1$ is odd. TensorFlow puts $\\lfloor P/2\\rfloor=0$ zeros at the top/left and the extra one at the bottom/right.",
      }),
    );
  }
  {
    const r = rng(4);
    const nH = 2 * r.int(2, 4);
    cases.push(
      toCase({ en: "1×1 filters, 'same', stride 2", zh: "1×1 滤波器，'same'，步长 2" }, false, r, { m: 2, nH, nW: nH + 2, cIn: r.int(3, 6), fh: 1, fw: 1, cOut: r.int(2, 4) }, 2, "same", {
        zh: "$1\\times1$ 滤波器、步长 2:'same' 不需要任何填充（$(n_{out}-1)s+f-n<0$，取 0），只是每隔一个像素取一次通道的线性组合。",
        en: "$1\\times1$ filters with stride 2: 'same' needs no padding at all ($(n_{out}-1)s+f-n<0$, so 0); it just takes a linear combination of the channels at every other pixel.",
      }),
    );
  }
  {
    const r = rng(5);
    const nH = r.int(3, 4);
    const nW = r.int(3, 4);
    cases.push(
      toCase({ en: "a filter as large as the image", zh: "滤波器和图像一样大" }, false, r, { m: r.int(2, 3), nH, nW, cIn: 2, fh: nH, fw: nW, cOut: r.int(2, 4) }, 1, "valid", {
        zh: "滤波器和图像一样大时输出是 $1\\times1$：这就是笔记里“把全连接层变成卷积层”。",
        en: "A filter as large as the image gives a $1\\times1$ output: the notes' fully connected layer as a convolution.",
      }),
    );
  }
  {
    const r = rng(6);
    const nH = r.int(3, 5);
    cases.push(
      toCase({ en: "'same' with a 2×2 filter", zh: "'same'，2×2 滤波器" }, false, r, { m: 1, nH, nW: nH + 1, cIn: r.int(1, 3), fh: 2, fw: 2, cOut: 2 }, 1, "same", {
        zh: "偶数大小的滤波器：$P=1$，全部补在下方/右侧。",
        en: "An even filter: $P=1$, all of it at the bottom/right.",
      }),
    );
  }
  {
    const r = rng(7);
    const nH = r.int(7, 10);
    cases.push(toCase({ en: "stride 3, 'same', 4×3 filters", zh: "步长 3，'same'，4×3 滤波器" }, false, r, { m: 2, nH, nW: nH + r.int(1, 3), cIn: 2, fh: 4, fw: 3, cOut: 3 }, 3, "same"));
  }
  {
    const r = rng(8);
    cases.push(
      toCase({ en: "a one-row image: a 1D convolution", zh: "只有一行的图像：一维卷积" }, false, r, { m: 2, nH: 1, nW: r.int(5, 8), cIn: r.int(1, 3), fh: 1, fw: 3, cOut: 2 }, 1, "valid", {
        zh: "只有一行的图像配 $1\\times3$ 滤波器：就是沿宽度方向的一维卷积。",
        en: "A one-row image with a $1\\times3$ filter: a one-dimensional convolution along the width.",
      }),
    );
  }
  return cases;
};

export default generate;
