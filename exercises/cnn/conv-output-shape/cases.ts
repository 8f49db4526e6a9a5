/**
 * Cases for convStackShapes. Every visible case is built so that one mistake shows on every seed: a 'same'
 * layer with stride 2 on an odd side (⌈n/s⌉ ≠ n), a 'valid' layer whose (n − f) is not a multiple of s (the
 * floor matters), convolutions with c_in > 1 (the c_in in f·f·c_in), and pooling layers (no parameters).
 * Heights and widths differ, so a swapped axis shows too.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";
import type { LayerSpec } from "./reference";

const conv = (f: number, s: number, padding: "valid" | "same", filters: number): LayerSpec => ({ kind: "conv", f, s, padding, filters });
const pool = (kind: "maxpool" | "avgpool", f: number, s: number, padding: "valid" | "same"): LayerSpec => ({ kind, f, s, padding });

/** An odd integer in [low, high]. */
const odd = (rng: Rng, low: number, high: number): number => 2 * rng.int(Math.ceil((low - 1) / 2), Math.floor((high - 1) / 2)) + 1;

function toCase(name: Localized, visible: boolean, inputShape: number[], layers: LayerSpec[], note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [inputShape, layers], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    // n − 4 even, so both 2×2 pools divide exactly; the image is not square.
    const h = 2 * r.int(14, 18);
    const w = h + 4;
    const c = r.pick([1, 3]);
    cases.push(
      toCase({ en: "a LeNet-5-style stack", zh: "LeNet-5 式的层堆叠" }, true, [h, w, c], [conv(5, 1, "valid", r.int(4, 8)), pool("maxpool", 2, 2, "valid"), conv(5, 1, "valid", r.int(12, 16)), pool("avgpool", 2, 2, "valid")], {
        zh: "卷积、池化、卷积、池化（LeNet-5 的骨架）。池化层只取最大值或平均值，没有要学习的参数；第二个卷积层的每个滤波器都是 $5\\times5\\times c_{in}$，$c_{in}$ 是上一层的通道数。",
        en: "Convolution, pooling, convolution, pooling (LeNet-5's skeleton). A pooling layer only takes a max or a mean: it has nothing to learn. Each filter of the second convolution is $5\\times5\\times c_{in}$, with $c_{in}$ the previous layer's channels.",
      }),
    );
  }
  {
    const r = rng(1);
    const h = odd(r, 15, 41);
    const w = odd(r, 15, 41) + 2;
    cases.push(
      toCase({ en: "stride 2 with 'same' padding", zh: "步长 2，'same' 填充" }, true, [h, w, r.int(2, 4)], [conv(3, 2, "same", r.int(5, 12)), conv(3, 2, "same", r.int(5, 12)), pool("maxpool", 2, 2, "same")], {
        zh: "'same' 只在步长 $s=1$ 时保持尺寸；一般输出边长是 $\\lceil n/s\\rceil$。奇数边长 $n$ 配 $s=2$ 时向上取整：$n=15$ 得 $8$。",
        en: "'same' keeps the size only for stride $s=1$; in general the output side is $\\lceil n/s\\rceil$. An odd side with $s=2$ rounds up: $n=15$ gives $8$.",
      }),
    );
  }
  {
    const r = rng(2);
    // (n − 3) odd for both sides: ⌊(n − 3)/2⌋ drops half a step.
    const h = 2 * r.int(8, 20);
    const w = 2 * r.int(8, 20) + 2;
    cases.push(
      toCase({ en: "'valid' padding with a remainder: the floor", zh: "'valid' 填充除不尽：向下取整" }, true, [h, w, r.int(2, 3)], [conv(3, 2, "valid", r.int(6, 16)), pool("maxpool", 3, 2, "valid")], {
        zh: "$(n-f)$ 不是 $s$ 的倍数时，最后半步放不下整个卷积核，就不再计算：$\\lfloor (n-f)/s\\rfloor+1$，例如 $n=16,f=3,s=2$ 得 $7$。$3\\times3$、步长 2 的最大池化窗口彼此重叠（AlexNet 的做法），公式不变。",
        en: "When $(n-f)$ is not a multiple of $s$, the last half step cannot hold the whole filter and is dropped: $\\lfloor (n-f)/s\\rfloor+1$, e.g. $n=16, f=3, s=2$ gives $7$. A $3\\times3$ max pool with stride 2 has overlapping windows (AlexNet's choice); the formula is the same.",
      }),
    );
  }
  {
    const r = rng(3);
    const n = r.int(8, 28);
    cases.push(
      toCase({ en: "a 1×1 convolution", zh: "1×1 卷积" }, true, [n, n + r.int(1, 4), 16 * r.int(4, 12)], [conv(1, 1, "same", 8 * r.int(2, 4)), conv(1, 1, "valid", 8 * r.int(5, 8))], {
        zh: "$1\\times1$ 卷积不改变高和宽，只把通道数从 $c_{in}$ 变成滤波器个数；每个滤波器是 $1\\times1\\times c_{in}$，参数 $(c_{in}+1)\\,c_{out}$。这正是笔记里 bottleneck 的降维。",
        en: "A $1\\times1$ convolution leaves height and width alone and turns $c_{in}$ channels into as many as it has filters; each filter is $1\\times1\\times c_{in}$, so $(c_{in}+1)\\,c_{out}$ parameters. This is the notes' bottleneck.",
      }),
    );
  }
  {
    const r = rng(4);
    const h = r.int(5, 9);
    const w = h + r.int(1, 3);
    cases.push(
      toCase({ en: "a fully connected layer as a convolution", zh: "把全连接层写成卷积" }, true, [h, w, r.int(8, 32)], [conv(3, 1, "valid", r.int(4, 10)), conv(h - 2, 1, "valid", r.int(10, 40)), conv(1, 1, "valid", r.int(2, 6))], {
        zh: "笔记“把全连接层变成卷积层”：卷积核和输入一样大时，每个滤波器只有一个位置，输出高为 1，它就是一个全连接单元。这里宽比高大，所以宽方向上还剩几个位置——这就是滑窗的卷积实现。",
        en: "The notes' “turn the fully connected layers into convolutions”: a filter as tall as its input fits in one position only, so the output height is 1 and each filter acts as a fully connected unit. The width here is larger, so a few positions remain along it: the convolutional sliding window.",
      }),
    );
  }
  {
    const r = rng(5);
    const n = r.int(20, 60);
    cases.push(
      toCase({ en: "'same' with an even filter and stride 3", zh: "'same'，偶数大小的滤波器，步长 3" }, false, [n, n + r.int(1, 9), r.int(1, 3)], [conv(4, 3, "same", r.int(4, 8)), pool("avgpool", 2, 3, "same"), conv(2, 1, "same", r.int(4, 8))], {
        zh: "偶数大小的卷积核无法两侧对称填充，TensorFlow 仍让输出为 $\\lceil n/s\\rceil$，多出的一行零补在下方/右侧。",
        en: "An even filter cannot be padded symmetrically; TensorFlow still makes the output $\\lceil n/s\\rceil$ and puts the extra row of zeros at the bottom/right.",
      }),
    );
  }
  {
    const r = rng(6);
    const n = 8 * r.int(5, 8);
    cases.push(
      toCase({ en: "a small VGG-style stack", zh: "小型 VGG 式的层堆叠" }, false, [n, n, 3], [
        conv(3, 1, "same", 8), conv(3, 1, "same", 8), pool("maxpool", 2, 2, "valid"),
        conv(3, 1, "same", 16), conv(3, 1, "same", 16), pool("maxpool", 2, 2, "valid"),
        conv(3, 1, "valid", r.int(16, 32)),
      ]),
    );
  }
  {
    const r = rng(7);
    const h = r.int(9, 30);
    cases.push(toCase({ en: "a single pooling layer", zh: "只有一个池化层" }, false, [h, h + r.int(2, 6), r.int(1, 5)], [pool(r.pick(["maxpool", "avgpool"] as const), r.int(2, 4), r.int(1, 3), "valid")]));
  }
  {
    const r = rng(8);
    const layers: LayerSpec[] = [];
    let n = r.int(40, 90);
    const shape = [n, n + r.int(3, 11), r.int(1, 4)];
    for (let k = 0; k < 5; k++) {
      const f = r.int(1, 5);
      const s = r.int(1, 3);
      const padding = r.pick(["valid", "same"] as const);
      layers.push(r.next() < 0.6 ? conv(f, s, padding, r.int(2, 12)) : pool(r.pick(["maxpool", "avgpool"] as const), Math.max(f, 2), s, padding));
      n = padding === "same" ? Math.ceil(n / s) : Math.floor((n - Math.max(f, 2)) / s) + 1;
      if (n < 8) break;
    }
    cases.push(toCase({ en: "a random stack", zh: "随机的层堆叠" }, false, shape, layers));
  }
  return cases;
};

export default generate;
