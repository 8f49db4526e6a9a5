/**
 * Cases for bottleneckCost. The first is the course's Inception example (28×28×192 → 28×28×32 with 5×5 filters,
 * a bottleneck of 16), the same on every seed. The other visible ones vary the shape: a non-square volume with
 * many channels, an RGB-sized input whose "bottleneck" is wider than the input (it costs more), and a large filter
 * on a small volume (where a 'valid' output would shrink a lot). The list of candidate widths c_b has 1 to 4
 * entries. Every visible case has f > 1, n_C > 1 and every c_b ≠ n_C, so each misconception shows on every seed.
 * All counts are integers compared exactly.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

function toCase(name: Localized, visible: boolean, inputShape: number[], f: number, cOut: number, bottlenecks: number[], note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [inputShape, f, cOut, bottlenecks], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [
    toCase({ en: "the course's Inception example", zh: "课程中的 Inception 例子" }, true, [28, 28, 192], 5, 32, [16], {
      zh: "课程里的例子：直接用 32 个 $5\\times5\\times192$ 的滤波器，输出 $28\\cdot28\\cdot32$ 个值，每个值 $5\\cdot5\\cdot192$ 次乘法，约 1.2 亿次；先用 16 个 $1\\times1\\times192$ 的滤波器降维，再做 $5\\times5\\times16$ 的卷积，约 1240 万次，约为十分之一。",
      en: "The course's example: 32 filters of $5\\times5\\times192$ give $28\\cdot28\\cdot32$ output values at $5\\cdot5\\cdot192$ multiplications each, about 120 million; 16 filters of $1\\times1\\times192$ first, then the $5\\times5\\times16$ convolution, cost about 12.4 million, roughly a tenth.",
    }),
  ];
  {
    const r = rng(1);
    const nH = r.int(8, 32);
    const nC = 16 * r.int(6, 16);
    cases.push(toCase({ en: "a non-square volume with many channels", zh: "通道很多、高宽不等的输入" }, true, [nH, nH + r.int(2, 12), nC], 3, 8 * r.int(4, 16), [8 * r.int(1, 2), 8 * r.int(3, 4)]));
  }
  {
    const r = rng(2);
    const n = r.int(16, 64);
    cases.push(
      toCase({ en: "a bottleneck wider than the input", zh: "比输入还宽的“瓶颈”" }, true, [n, n + r.int(1, 8), 3], r.pick([3, 5]), 8 * r.int(2, 8), [r.int(4, 8), 4 * r.int(3, 6)], {
        zh: "输入只有 3 个通道（RGB），“瓶颈”却有 $c_b>n_C$ 个通道：$1\\times1$ 卷积此时是升维，两步加起来比直接卷积更贵。瓶颈层只在 $c_b$ 远小于 $n_C$ 时才省计算。",
        en: "The input has only 3 channels (RGB) while the “bottleneck” has $c_b>n_C$: the $1\\times1$ convolution widens instead of squeezing, and the two steps cost more than the direct convolution. A bottleneck only saves work when $c_b$ is much smaller than $n_C$.",
      }),
    );
  }
  {
    const r = rng(3);
    const nH = r.int(7, 10);
    cases.push(
      toCase({ en: "a 7×7 filter on a small volume", zh: "小输入上的 7×7 滤波器" }, true, [nH, nH + r.int(1, 4), 32 * r.int(2, 8)], 7, 8 * r.int(2, 6), [8, 16, 8 * r.int(3, 6)], {
        zh: "'same' 卷积（步长 1）的输出与输入一样大，每个输出位置都要完整的 $f\\cdot f\\cdot c_{in}$ 次乘法，落在填充 0 上的也算。按 'valid' 的 $n-f+1$ 计算，这里会少掉大半。",
        en: "A 'same' convolution (stride 1) has as many output positions as the input, each with the full $f\\cdot f\\cdot c_{in}$ multiplications, those on padded zeros included. Counting 'valid' positions, $n-f+1$, would miss most of them here.",
      }),
    );
  }
  {
    const r = rng(4);
    const n = 7 * r.int(2, 8);
    cases.push(
      toCase({ en: "a 1×1 main convolution", zh: "主卷积本身是 1×1" }, false, [n, n, 64 * r.int(2, 8)], 1, 16 * r.int(2, 8), [8 * r.int(2, 4)], {
        zh: "$f=1$ 时主卷积本身就是 $1\\times1$ 卷积：两条路径都只有 $1\\times1$ 卷积，瓶颈只是把一次矩阵乘法拆成了两次更窄的。",
        en: "With $f=1$ the main convolution is itself $1\\times1$: both paths are $1\\times1$ convolutions, and the bottleneck just splits one matrix product into two narrower ones.",
      }),
    );
  }
  {
    const r = rng(5);
    const n = r.pick([28, 56]);
    cases.push(toCase({ en: "a ResNet-style 3×3 bottleneck", zh: "ResNet 式的 3×3 瓶颈" }, false, [n, n, 256], 3, 64, [32, 64]));
  }
  {
    const r = rng(6);
    const n = r.int(5, 20);
    cases.push(
      toCase({ en: "a one-channel bottleneck", zh: "只保留 1 个通道的瓶颈" }, false, [n, n + r.int(1, 5), 16 * r.int(2, 6)], r.pick([3, 5]), r.int(2, 12), [1, r.int(2, 16)], {
        zh: "极端的瓶颈：只保留 1 个通道。计算量最小，但也丢掉了大部分信息；本题只数乘法。",
        en: "An extreme bottleneck keeping a single channel: the cheapest path, though it throws most of the information away; this exercise only counts multiplications.",
      }),
    );
  }
  {
    const r = rng(7);
    const nH = r.int(10, 40);
    cases.push(toCase({ en: "random sizes", zh: "随机大小" }, false, [nH, r.int(10, 40), r.int(2, 300)], r.pick([3, 5, 7]), r.int(2, 128), Array.from({ length: r.int(1, 4) }, () => r.int(2, 64))));
  }
  return cases;
};

export default generate;
