/**
 * Cases for poolForward. Values are non-zero multiples of 1/8 (sums exact in float32; an average is rounded once),
 * and every visible case has at least two channels, so pooling across channels always shows. The 'same' average
 * case has windows that cross the padding, so dividing by f·f always shows; the 'same' max case has only negative
 * values, so padding with zeros always shows.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

function value(rng: Rng): number {
  const magnitude = Math.round((0.125 + Math.abs(rng.normal(0, 2))) * 8) / 8;
  return rng.next() < 0.5 ? -magnitude : magnitude;
}

const batch = (rng: Rng, m: number, nH: number, nW: number, nC: number, draw = () => value(rng)): number[][][][] =>
  Array.from({ length: m }, () => Array.from({ length: nH }, () => rng.matrix(nW, nC, draw)));

function toCase(
  name: Localized,
  visible: boolean,
  A_prev: number[][][][],
  f: number,
  stride: number,
  mode: "max" | "average",
  padding: "valid" | "same",
  note?: ExerciseCase["note"],
): ExerciseCase {
  return { name, visible, args: [A_prev, f, stride, mode, padding], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const nH = 2 * r.int(2, 3);
    cases.push(
      toCase({ en: "2×2 max pool, stride 2", zh: "2×2 最大池化，步长 2" }, true, batch(r, 1, nH, nH + 2, 2), 2, 2, "max", "valid", {
        zh: "最常见的池化：$2\\times2$ 窗口、步长 2，高和宽减半；每个通道单独取最大值，通道数不变。",
        en: "The most common pooling: a $2\\times2$ window with stride 2 halves height and width; each channel takes its own maximum, so the channel count stays.",
      }),
    );
  }
  {
    const r = rng(1);
    const nH = r.int(3, 5);
    cases.push(
      toCase({ en: "3×3 average pool, stride 1, 'same'", zh: "3×3 平均池化，步长 1，'same'" }, true, batch(r, r.int(1, 2), nH, nH + 1, r.int(2, 3)), 3, 1, "average", "same", {
        zh: "边缘的窗口有一部分落在填充区。TensorFlow 的平均池化只对真实的输入值求平均：角上的窗口只覆盖 4 个值，就除以 4，而不是 9。",
        en: "Windows at the border reach into the padding. TensorFlow's average pool averages only real input values: a corner window covers 4 of them and divides by 4, not 9.",
      }),
    );
  }
  {
    const r = rng(2);
    const nH = 2 * r.int(2, 3) + 1;
    const negative = (): number => -Math.round((0.125 + Math.abs(r.normal(0, 2))) * 8) / 8;
    cases.push(
      toCase({ en: "3×3 max pool over negative values, stride 2, 'same'", zh: "对负值做 3×3 最大池化，步长 2，'same'" }, true, batch(r, 1, nH, nH + 2, 2, negative), 3, 2, "max", "same", {
        zh: "输入全是负数（比如 tanh 之后）。填充位置不是 0，而是“没有值”：若用 0 填充，边缘窗口的最大值会错成 0。",
        en: "Every input is negative (after a tanh, say). Padded positions are not zeros but “no value”: padding with zeros would make the border windows' maximum 0.",
      }),
    );
  }
  {
    const r = rng(3);
    const nH = 2 * r.int(3, 4) + 1;
    cases.push(
      toCase({ en: "overlapping 3×3 average pool, stride 2", zh: "窗口重叠的 3×3 平均池化，步长 2" }, true, batch(r, 2, nH, nH - 1, 3), 3, 2, "average", "valid", {
        zh: "$f=3>s=2$：相邻窗口重叠一行（列）。输出边长仍是 $\\lfloor (n-f)/s\\rfloor+1$；宽度方向 $(n-f)$ 是奇数，最后半步放不下窗口，舍去。",
        en: "$f=3>s=2$: neighbouring windows overlap by one row/column. The output side is still $\\lfloor (n-f)/s\\rfloor+1$; along the width $(n-f)$ is odd, so the last half step cannot hold a window and is dropped.",
      }),
    );
  }
  {
    const r = rng(4);
    const n = r.int(3, 5);
    cases.push(
      toCase({ en: "global average pooling", zh: "全局平均池化" }, false, batch(r, r.int(2, 3), n, n, r.int(2, 4)), n, 1, "average", "valid", {
        zh: "窗口和特征图一样大：每个通道只剩一个数，就是这个通道的平均值（全局平均池化）。",
        en: "A window as large as the feature map: each channel becomes one number, its mean (global average pooling).",
      }),
    );
  }
  {
    const r = rng(5);
    const nH = 2 * r.int(2, 3) + 1;
    cases.push(
      toCase({ en: "2×2 max pool, stride 2, 'same', odd sides", zh: "2×2 最大池化，步长 2，'same'，边长为奇数" }, false, batch(r, 2, nH, nH + 2, 2), 2, 2, "max", "same", {
        zh: "奇数边长：$P=1$，多出的一行（列）填充在下方/右侧，最后一个窗口只覆盖一行（列）真实值。",
        en: "Odd sides: $P=1$ goes at the bottom/right, and the last window covers only one real row/column.",
      }),
    );
  }
  {
    const r = rng(6);
    const nH = r.int(7, 10);
    cases.push(toCase({ en: "3×3 average pool, stride 3, 'same'", zh: "3×3 平均池化，步长 3，'same'" }, false, batch(r, 3, nH, nH + r.int(1, 2), 2), 3, 3, "average", "same"));
  }
  {
    const r = rng(7);
    const nH = 2 * r.int(2, 3) + 1;
    cases.push(
      toCase({ en: "a 1×1 window with stride 2: subsampling", zh: "1×1 窗口、步长 2：下采样" }, false, batch(r, 1, nH, nH + 2, 3), 1, 2, r.pick(["max", "average"] as const), "same", {
        zh: "$1\\times1$ 窗口、步长 2：池化退化为每隔一个像素取一个。",
        en: "A $1\\times1$ window with stride 2: pooling becomes keeping every other pixel.",
      }),
    );
  }
  {
    const r = rng(8);
    cases.push(toCase({ en: "a one-row feature map, 'same'", zh: "只有一行的特征图，'same'" }, false, batch(r, 2, 1, r.int(4, 7), 2), 2, 2, r.pick(["max", "average"] as const), "same"));
  }
  return cases;
};

export default generate;
