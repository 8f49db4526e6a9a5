/**
 * Cases for zeroPad. Pixel values are non-zero multiples of 1/8 (exact in float32, and a misplaced zero always
 * shows). Heights, widths and channels differ within each visible case, so padding the wrong axis or one side
 * only changes the output's shape.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

function value(rng: Rng): number {
  const magnitude = Math.round((0.125 + Math.abs(rng.normal(0, 1.5))) * 8) / 8;
  return rng.next() < 0.5 ? -magnitude : magnitude;
}

const batch = (rng: Rng, m: number, nH: number, nW: number, nC: number): number[][][][] =>
  Array.from({ length: m }, () => Array.from({ length: nH }, () => rng.matrix(nW, nC, () => value(rng))));

function toCase(name: Localized, visible: boolean, X: number[][][][], pad: number, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [X, pad], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const nH = r.int(2, 4);
    cases.push(
      toCase({ en: "one image, pad 1", zh: "一张图像，填充 1" }, true, batch(r, 1, nH, nH + 1, 2), 1, {
        zh: "一圈 0：高和宽各加 $2p=2$，原来的像素 $(h,w)$ 移到 $(h+1,w+1)$。",
        en: "One ring of zeros: height and width each grow by $2p=2$, and pixel $(h,w)$ moves to $(h+1,w+1)$.",
      }),
    );
  }
  {
    const r = rng(1);
    const nH = r.int(3, 5);
    cases.push(
      toCase({ en: "a batch of RGB images, pad 2", zh: "一批 RGB 图像，填充 2" }, true, batch(r, r.int(2, 3), nH, nH + r.int(1, 2), 3), 2, {
        zh: "NHWC 批量：只有 H、W 两个轴要填充，批维度 $m$ 和通道 $n_C=3$ 不变。",
        en: "An NHWC batch: only the H and W axes are padded; the batch size $m$ and the $n_C=3$ channels stay.",
      }),
    );
  }
  {
    const r = rng(2);
    const nW = r.int(2, 4);
    cases.push(toCase({ en: "a tall image, pad 1", zh: "高大于宽的图像，填充 1" }, true, batch(r, 2, nW + r.int(2, 4), nW, r.int(1, 4)), 1));
  }
  {
    const r = rng(3);
    cases.push(
      toCase({ en: "a single pixel", zh: "只有一个像素" }, true, batch(r, r.int(1, 2), 1, 1, r.int(2, 4)), r.int(1, 2), {
        zh: "$1\\times1$ 的图像填充后是 $(1+2p)\\times(1+2p)$，原像素正好在中心。",
        en: "A $1\\times1$ image becomes $(1+2p)\\times(1+2p)$ with its pixel exactly in the centre.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "pad 0 changes nothing", zh: "填充 0：什么都不变" }, false, batch(r, 2, r.int(2, 4), r.int(2, 4), r.int(1, 3)), 0, {
        zh: "$p=0$（'valid' 卷积）时输出就是输入本身。",
        en: "With $p=0$ (a 'valid' convolution) the output is the input itself.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(
      toCase({ en: "padding wider than the image", zh: "填充比图像还宽" }, false, batch(r, 1, 2, r.int(2, 3), 1), r.int(3, 4), {
        zh: "$p$ 可以比图像本身还大，零仍然只补在四周。",
        en: "$p$ may exceed the image itself; the zeros still only go around it.",
      }),
    );
  }
  {
    const r = rng(6);
    const nH = r.int(4, 7);
    cases.push(toCase({ en: "a larger batch, pad 3", zh: "更大的一批，填充 3" }, false, batch(r, r.int(3, 5), nH, nH + r.int(-2, 2), r.int(2, 4)), 3));
  }
  {
    const r = rng(7);
    cases.push(toCase({ en: "one row, one channel", zh: "一行，一个通道" }, false, batch(r, 2, 1, r.int(3, 6), 1), r.int(1, 2)));
  }
  return cases;
};

export default generate;
