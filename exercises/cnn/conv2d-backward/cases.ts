/**
 * Cases for conv2dBackward. Inputs, filters, biases and upstream gradients are non-zero multiples of 1/8 below 8 in
 * size, so every product is a multiple of 1/64 and every gradient sum here (at most a few hundred terms) stays far
 * below 2^18: float32 holds each one exactly, whatever the order of summation, and the float64 solution equals the
 * tf.grads reference. dZ gets the shape of the forward output, which the conv2d-forward reference gives.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";
import conv2dForwardReference from "../conv2d-forward/reference";

/** A non-zero multiple of 1/8 with magnitude below 8, about `scale` in size, either sign. */
export function gridValue(rng: Rng, scale: number): number {
  const magnitude = Math.min(Math.round((0.125 + Math.abs(rng.normal(0, scale))) * 8) / 8, 7.875);
  return rng.next() < 0.5 ? -magnitude : magnitude;
}

export type NestedNumbers = number | NestedNumbers[];

/** A row-major nested array of the given shape filled with `gridValue`s. */
export function gridTensor<T extends NestedNumbers[]>(rng: Rng, shape: readonly number[], scale: number): T {
  const build = (axis: number): NestedNumbers => (axis === shape.length ? gridValue(rng, scale) : Array.from({ length: shape[axis]! }, () => build(axis + 1)));
  return build(0) as T;
}

const shapeOf = (value: unknown): number[] => (Array.isArray(value) ? [value.length, ...shapeOf(value[0])] : []);

interface Shape {
  m: number;
  nH: number;
  nW: number;
  cIn: number;
  fh: number;
  fw: number;
  cOut: number;
}

type Tensor4 = number[][][][];

function toCase(
  name: Localized,
  visible: boolean,
  r: Rng,
  s: Shape,
  stride: number,
  padding: "valid" | "same",
  note?: ExerciseCase["note"],
  upstream?: (shape: number[]) => Tensor4,
): ExerciseCase {
  const A_prev = gridTensor<Tensor4>(r, [s.m, s.nH, s.nW, s.cIn], 1.5);
  const W = gridTensor<Tensor4>(r, [s.fh, s.fw, s.cIn, s.cOut], 1);
  const b = gridTensor<number[]>(r, [s.cOut], 1);
  const zShape = shapeOf(conv2dForwardReference(A_prev, W, b, stride, padding));
  const dZ = upstream ? upstream(zShape) : gridTensor<Tensor4>(r, zShape, 1);
  return { name, visible, args: [dZ, A_prev, W, b, stride, padding], ...(note ? { note } : {}) };
}

/** dZ that is zero everywhere except one position and channel of the first example. */
function oneHotUpstream(r: Rng): (shape: number[]) => Tensor4 {
  return ([m, oh, ow, k]) => {
    const [h, w, c] = [r.int(0, oh! - 1), r.int(0, ow! - 1), r.int(0, k! - 1)];
    const g = gridValue(r, 1);
    return Array.from({ length: m! }, (_, i) =>
      Array.from({ length: oh! }, (_, y) => Array.from({ length: ow! }, (_, x) => Array.from({ length: k! }, (_, z) => (i === 0 && y === h && x === w && z === c ? g : 0)))),
    );
  };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const nH = r.int(4, 5);
    cases.push(
      toCase({ en: "one channel, 'valid', stride 1", zh: "单通道，'valid'，步长 1" }, true, r, { m: 1, nH, nW: nH + 1, cIn: 1, fh: 3, fw: 3, cOut: 2 }, 1, "valid", {
        zh: "最基本的情形：每个输出位置把 $dZ$ 送回它读过的那个窗口。$dW$ 是“窗口乘 $dZ$”在所有位置上的和，$dA$ 是“滤波器乘 $dZ$”叠加回窗口所在的位置（不翻转）。",
        en: "The basic case: each output position sends its dZ back to the window it read. $dW$ is the sum over positions of window times $dZ$; $dA$ adds filter times $dZ$ back onto the window's place (no flip).",
      }),
    );
  }
  {
    const r = rng(1);
    // n − f odd along the height: the last row is read by no window, so its gradient is 0.
    const nH = 2 * r.int(3, 4);
    const nW = 2 * r.int(3, 4) + 1;
    cases.push(
      toCase({ en: "a batch, RGB, 'valid', stride 2", zh: "一批 RGB 图像，'valid'，步长 2" }, true, r, { m: r.int(2, 3), nH, nW, cIn: 3, fh: 3, fw: 2, cOut: r.int(2, 3) }, 2, "valid", {
        zh: "$dW$ 和 $db$ 要对整批 $m$ 个样本、所有输出位置累加；$dZ$ 已经是 $\\partial J/\\partial Z$，不再除以 $m$。步长 2 时第 $h$ 个窗口从第 $h\\cdot s$ 行开始；$(n-f)$ 为奇数的方向上最后一行（列）没有窗口读到，它的梯度是 0。",
        en: "$dW$ and $db$ accumulate over all $m$ examples and every output position; $dZ$ is already $\\partial J/\\partial Z$, so there is no further $1/m$. With stride 2 window $h$ starts at row $h\\cdot s$; where $(n-f)$ is odd the last row (column) is read by no window and its gradient is 0.",
      }),
    );
  }
  {
    const r = rng(2);
    const nH = r.int(4, 5);
    cases.push(
      toCase({ en: "'same', stride 1, 3×3", zh: "'same'，步长 1，3×3" }, true, r, { m: 2, nH, nW: nH + r.int(1, 2), cIn: 2, fh: 3, fw: 3, cOut: 2 }, 1, "same", {
        zh: "'same' 时四周各补了一圈 0。落到这圈 0 上的梯度不属于任何输入，要丢掉：$dA_{prev}$ 和 $A_{prev}$ 形状相同，而不是补零后的形状。",
        en: "'same' adds a ring of zeros all round. The gradient that lands on that ring belongs to no input and is dropped: $dA_{prev}$ has the shape of $A_{prev}$, not of the padded input.",
      }),
    );
  }
  {
    const r = rng(3);
    const nH = 2 * r.int(2, 4);
    cases.push(
      toCase({ en: "'same', stride 2, odd total padding", zh: "'same'，步长 2，总填充为奇数" }, true, r, { m: r.int(1, 2), nH, nW: nH + 2, cIn: r.int(1, 3), fh: 3, fw: 3, cOut: 2 }, 2, "same", {
        zh: "边长为偶数、$f=3$、$s=2$：总填充 $P=1$，TensorFlow 把它全部补在下方/右侧，上方/左侧不补。所以第 $h$ 个窗口从输入的第 $2h$ 行开始，落在最下面那行 0 上的梯度被丢掉。",
        en: "Even side, $f=3$, $s=2$: the total padding is $P=1$, all of it at the bottom/right and none at the top/left. So window $h$ starts at input row $2h$, and the gradient landing on the bottom row of zeros is dropped.",
      }),
    );
  }
  {
    const r = rng(4);
    const nH = r.int(5, 6);
    cases.push(
      toCase(
        { en: "one non-zero upstream gradient", zh: "上游梯度只有一个非零值" },
        true,
        r,
        { m: 2, nH, nW: nH + 1, cIn: 2, fh: 2, fw: 3, cOut: 2 },
        2,
        "valid",
        {
          zh: "$dZ$ 只有一个位置、一个通道非零（第一个样本）：$dA_{prev}$ 恰好是那个滤波器乘 $dZ$，放在那个窗口上，其余处处为 0；$dW$ 恰好是那个窗口乘 $dZ$；第二个样本的梯度全为 0。",
          en: "dZ is non-zero at one position and one channel only (of the first example): $dA_{prev}$ is exactly that filter times dZ, placed on that window, and 0 elsewhere; $dW$ is exactly that window times dZ; the second example's gradient is all 0.",
        },
        oneHotUpstream(r),
      ),
    );
  }
  {
    const r = rng(5);
    const nH = 2 * r.int(2, 4);
    cases.push(
      toCase({ en: "1×1 filters, 'same', stride 2", zh: "1×1 滤波器，'same'，步长 2" }, false, r, { m: 2, nH, nW: nH + 2, cIn: r.int(3, 5), fh: 1, fw: 1, cOut: r.int(2, 3) }, 2, "same", {
        zh: "$1\\times1$ 滤波器、步长 2、不需要填充：只有偶数行、偶数列的像素被读过，其余像素的梯度都是 0。",
        en: "$1\\times1$ filters with stride 2 need no padding: only pixels in even rows and even columns are read, and every other pixel's gradient is 0.",
      }),
    );
  }
  {
    const r = rng(6);
    const nH = r.int(3, 4);
    const nW = r.int(3, 4);
    cases.push(
      toCase({ en: "a filter as large as the image", zh: "滤波器和图像一样大" }, false, r, { m: r.int(2, 3), nH, nW, cIn: 2, fh: nH, fw: nW, cOut: r.int(2, 3) }, 1, "valid", {
        zh: "滤波器和图像一样大、输出 $1\\times1$：这就是全连接层，$dW=\\sum_i A^{(i)}\\,dZ^{(i)}$，$dA^{(i)}=W\\,dZ^{(i)}$。",
        en: "A filter as large as the image with a $1\\times1$ output is a dense layer: $dW=\\sum_i A^{(i)}\\,dZ^{(i)}$ and $dA^{(i)}=W\\,dZ^{(i)}$.",
      }),
    );
  }
  {
    const r = rng(7);
    const nH = r.int(3, 5);
    cases.push(
      toCase({ en: "'same' with a 2×2 filter", zh: "'same'，2×2 滤波器" }, false, r, { m: 1, nH, nW: nH + 1, cIn: r.int(1, 3), fh: 2, fw: 2, cOut: 2 }, 1, "same", {
        zh: "偶数大小的滤波器：$P=1$，全部在下方/右侧，裁掉的是最后一行和最后一列。",
        en: "An even filter: $P=1$, all at the bottom/right, so the last row and column are what gets cropped.",
      }),
    );
  }
  {
    const r = rng(8);
    const nH = r.int(7, 9);
    cases.push(toCase({ en: "stride 3, 'same', 4×3 filters", zh: "步长 3，'same'，4×3 滤波器" }, false, r, { m: 2, nH, nW: nH + r.int(1, 3), cIn: 2, fh: 4, fw: 3, cOut: 3 }, 3, "same"));
  }
  {
    const r = rng(9);
    cases.push(
      toCase({ en: "a one-row image: a 1D convolution", zh: "只有一行的图像：一维卷积" }, false, r, { m: 2, nH: 1, nW: r.int(6, 9), cIn: r.int(1, 3), fh: 1, fw: 3, cOut: 2 }, 2, "same", {
        zh: "只有一行的图像配 $1\\times3$ 滤波器，就是沿宽度方向的一维卷积，反向传播也一样：高度方向不补零，宽度方向按 'same' 的规则补。",
        en: "A one-row image with a $1\\times3$ filter is a one-dimensional convolution along the width, backward as well as forward: no padding along the height, 'same''s rule along the width.",
      }),
    );
  }
  return cases;
};

export default generate;
