/**
 * Cases for conv1dForward: batches of short multichannel signals (an ECG with a few leads, a sentence of
 * embeddings). Inputs, filters and biases are non-zero multiples of 1/8 below 8 in size, so every product is a
 * multiple of 1/64 and every sum here (at most 20 terms) stays below 2^11: float32 holds it exactly and the float64
 * solution equals the tf.conv1d reference. Filters are random, so a flipped filter always shows; biases are
 * non-zero, so a missing bias always shows.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";
import { gridTensor } from "../conv2d-backward/cases";

interface Shape {
  m: number;
  n: number;
  cIn: number;
  f: number;
  cOut: number;
}

function toCase(name: Localized, visible: boolean, r: Rng, s: Shape, stride: number, padding: "valid" | "same", note?: ExerciseCase["note"]): ExerciseCase {
  const A_prev = gridTensor<number[][][]>(r, [s.m, s.n, s.cIn], 1.5);
  const W = gridTensor<number[][][]>(r, [s.f, s.cIn, s.cOut], 1);
  const b = gridTensor<number[]>(r, [s.cOut], 1);
  return { name, visible, args: [A_prev, W, b, stride, padding], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(
      toCase({ en: "one channel, 'valid', stride 1", zh: "单通道，'valid'，步长 1" }, true, r, { m: 1, n: r.int(6, 8), cIn: 1, f: 3, cOut: 2 }, 1, "valid", {
        zh: "最基本的情形：长度为 3 的滤波器沿序列滑动，每个位置逐元素相乘再求和（不翻转），加上偏置；输出长度 $n-f+1$。",
        en: "The basic case: a filter of length 3 slides along the sequence; at each position multiply element-wise, sum (no flip) and add the bias. Output length $n-f+1$.",
      }),
    );
  }
  {
    const r = rng(1);
    // n − f odd: the last half step cannot hold the filter and is dropped (⌊·⌋).
    cases.push(
      toCase({ en: "three channels, a batch, 'valid', stride 2", zh: "三个通道，一批样本，'valid'，步长 2" }, true, r, { m: 2, n: 2 * r.int(3, 5), cIn: 3, f: 3, cOut: r.int(2, 3) }, 2, "valid", {
        zh: "每个滤波器是 $f\\times c_{in}$，对所有输入通道一起求和；步长 2 时第 $t$ 个窗口从位置 $t\\cdot s$ 开始。这里 $n-f$ 是奇数，最后半步放不下整个滤波器，舍去。",
        en: "Each filter is $f\\times c_{in}$ and sums over all input channels at once; with stride 2 window $t$ starts at position $t\\cdot s$. Here $n-f$ is odd, so the last half step cannot hold the filter and is dropped.",
      }),
    );
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "'same', stride 2, odd total padding", zh: "'same'，步长 2，总填充为奇数" }, true, r, { m: r.int(1, 2), n: 2 * r.int(3, 5), cIn: 2, f: 3, cOut: 2 }, 2, "same", {
        zh: "长度为偶数、$f=3$、$s=2$：$n_{out}=n/2$，总填充 $P=1$ 是奇数。TensorFlow 在开头补 $\\lfloor P/2\\rfloor=0$ 个 0，多出的那个补在末尾。",
        en: "Even length, $f=3$, $s=2$: $n_{out}=n/2$ and the total padding $P=1$ is odd. TensorFlow puts $\\lfloor P/2\\rfloor=0$ zeros at the start and the extra one at the end.",
      }),
    );
  }
  {
    const r = rng(3);
    cases.push(
      toCase({ en: "'same', stride 3, length not a multiple of 3", zh: "'same'，步长 3，长度不是 3 的倍数" }, true, r, { m: 2, n: 3 * r.int(2, 3) + r.int(1, 2), cIn: 2, f: 4, cOut: 2 }, 3, "same", {
        zh: "'same' 的输出长度是 $\\lceil n/s\\rceil$，不是 $\\lfloor n/s\\rfloor$：最后一个窗口只有一部分落在序列上，其余是补的 0，它照样算一个输出。",
        en: "'same' gives $\\lceil n/s\\rceil$ outputs, not $\\lfloor n/s\\rfloor$: the last window lies only partly on the sequence, the rest on padded zeros, and it still counts as an output.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "'same', stride 1, a filter of length 5", zh: "'same'，步长 1，长度为 5 的滤波器" }, false, r, { m: 2, n: r.int(5, 8), cIn: r.int(1, 3), f: 5, cOut: 2 }, 1, "same", {
        zh: "步长 1、奇数长度的滤波器：$P=f-1=4$，两端各补 2 个 0，输出和输入一样长。",
        en: "Stride 1 and an odd filter: $P=f-1=4$, two zeros at each end, and the output is as long as the input.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(
      toCase({ en: "length-1 filters, 'same', stride 2", zh: "长度为 1 的滤波器，'same'，步长 2" }, false, r, { m: 2, n: r.int(5, 8), cIn: r.int(3, 4), f: 1, cOut: r.int(2, 3) }, 2, "same", {
        zh: "长度为 1 的滤波器、步长 2：不需要填充，只是每隔一个位置取一次各通道的线性组合。",
        en: "Length-1 filters with stride 2 need no padding: a linear combination of the channels at every other position.",
      }),
    );
  }
  {
    const r = rng(6);
    const n = r.int(3, 5);
    cases.push(
      toCase({ en: "a filter as long as the sequence", zh: "滤波器和序列一样长" }, false, r, { m: r.int(2, 3), n, cIn: 2, f: n, cOut: r.int(2, 3) }, 1, "valid", {
        zh: "滤波器和序列一样长时，每个样本只有一个输出：相当于把整段序列接到一个全连接层上。",
        en: "A filter as long as the sequence gives one output per example: a dense layer over the whole sequence.",
      }),
    );
  }
  {
    const r = rng(7);
    cases.push(
      toCase({ en: "'same' with a filter of length 2", zh: "'same'，长度为 2 的滤波器" }, false, r, { m: 1, n: r.int(4, 7), cIn: 2, f: 2, cOut: 2 }, 1, "same", {
        zh: "偶数长度的滤波器：$P=1$，全部补在末尾。",
        en: "An even filter: $P=1$, all of it at the end.",
      }),
    );
  }
  {
    const r = rng(8);
    cases.push(toCase({ en: "a longer signal, 'valid', stride 2, length-5 filters", zh: "较长的信号，'valid'，步长 2，长度为 5 的滤波器" }, false, r, { m: 2, n: r.int(11, 14), cIn: 4, f: 5, cOut: 3 }, 2, "valid"));
  }
  return cases;
};

export default generate;
