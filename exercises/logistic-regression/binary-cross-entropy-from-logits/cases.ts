/**
 * Cases for binaryCrossEntropyFromLogits. Logits sit on a 1/8 grid, exact in float32 and float64. The visible
 * cases hold |z| = 1000 on both sides of both labels (σ(z) is exactly 0 or 1 in double precision, so a loss
 * computed from σ(z) is Infinity, and a clipped one is capped near 16), z = 35 with y = 0 (1 − σ(z) keeps only a
 * few bits: finite and wrong by 0.055), logits inside (0, 1) (where treating z as a probability is finite but
 * wrong) and m > 1 everywhere but in the m = 1 case.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

interface Problem {
  z: number[];
  y: (0 | 1)[];
}

const label = (rng: Rng): 0 | 1 => (rng.next() < 0.5 ? 0 : 1);

function random(rng: Rng, m: number, std = 3): Problem {
  return { z: rng.vector(m, () => onGrid(rng.normal(0, std))), y: Array.from({ length: m }, () => label(rng)) };
}

/** Appends fixed (z, y) pairs to a random problem and shuffles the examples together. */
function withExamples(rng: Rng, base: Problem, pairs: [number, 0 | 1][]): Problem {
  const all: [number, 0 | 1][] = [...base.z.map((z, i): [number, 0 | 1] => [z, base.y[i]!]), ...pairs];
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return { z: all.map(([z]) => z), y: all.map(([, y]) => y) };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.z, p.y], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(toCase({ en: "ordinary logits", zh: "普通的 logit" }, true, random(r, r.int(4, 7))));
  }
  {
    const r = rng(1);
    cases.push(
      toCase({ en: "logits of ±1000", zh: "logit 为 ±1000" }, true, withExamples(r, random(r, r.int(0, 2)), [[1000, 1], [-1000, 0], [1000, 0], [-1000, 1]]), {
        zh: "在双精度里 $\\sigma(1000)$ 正好是 1，$\\sigma(-1000)$ 正好是 0。猜对的两个样本损失是 0，猜错的两个是 1000；先算 $\\sigma(z)$ 再取 log 会得到 $\\log 0$。",
        en: "In double precision $\\sigma(1000)$ is exactly 1 and $\\sigma(-1000)$ exactly 0. The two right guesses cost 0, the two wrong ones 1000; taking the log of $\\sigma(z)$ gives $\\log 0$.",
      }),
    );
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "z = ±35: a probability rounded near 1", zh: "z = ±35：概率在 1 附近被舍入" }, true, withExamples(r, random(r, r.int(1, 3), 1), [[35, 0], [-35, 1]]), {
        zh: "$1-\\sigma(35)\\approx 6.3\\times10^{-16}$，比 1 附近相邻两个双精度数的间隔大不了几倍，所以 $\\log(1-\\sigma(z))$ 只有两三位是对的。直接用 $z$ 计算则没有这个问题：$L = 35+\\log(1+e^{-35})$。",
        en: "$1-\\sigma(35)\\approx 6.3\\times10^{-16}$ is only a few times the gap between neighbouring doubles near 1, so $\\log(1-\\sigma(z))$ has just two or three correct digits. Working from $z$ avoids it: $L = 35+\\log(1+e^{-35})$.",
      }),
    );
  }
  {
    const r = rng(3);
    const m = r.int(3, 5);
    const z = Array.from({ length: m }, () => r.int(1, 7) / 8);
    cases.push(
      toCase({ en: "small positive logits (0 < z < 1)", zh: "较小的正 logit（0 < z < 1）" }, true, { z, y: Array.from({ length: m }, () => label(r)) }, {
        zh: "logit 在 0 和 1 之间时很容易把它误当成概率；但 $z=0.5$ 对应的概率是 $\\sigma(0.5)\\approx0.62$，不是 0.5。",
        en: "Logits between 0 and 1 are easily mistaken for probabilities; but $z=0.5$ means a probability of $\\sigma(0.5)\\approx0.62$, not 0.5.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "a single example (m = 1)", zh: "只有一个样本（m = 1）" }, false, random(r, 1, 4), {
        zh: "$m=1$ 时代价就是这个样本的损失。",
        en: "With $m=1$ the cost is that example's loss.",
      }),
    );
  }
  {
    const r = rng(5);
    const m = r.int(2, 5);
    cases.push(
      toCase({ en: "every logit 0", zh: "logit 全为 0" }, false, { z: new Array<number>(m).fill(0), y: Array.from({ length: m }, () => label(r)) }, {
        zh: "$z=0$ 时 $\\sigma(z)=\\tfrac12$，不论标签是什么，损失都是 $\\log 2\\approx0.693$。",
        en: "At $z=0$, $\\sigma(z)=\\tfrac12$ and the loss is $\\log 2\\approx0.693$ whatever the label.",
      }),
    );
  }
  {
    const r = rng(6);
    const m = r.int(3, 6);
    const p = random(r, m);
    const z = p.z.map((zi, i) => (p.y[i] === 1 ? 1 : -1) * (25 + Math.abs(zi)));
    cases.push(
      toCase({ en: "confident and correct", zh: "自信且正确" }, false, { z, y: p.y }, {
        zh: "每个样本都以 $|z|\\ge 25$ 猜对，损失约为 $e^{-|z|}$，非常接近 0，但不是 0。",
        en: "Every example is right with $|z|\\ge 25$: its loss is about $e^{-|z|}$, very close to 0 but not 0.",
      }),
    );
  }
  {
    const r = rng(7);
    cases.push(toCase({ en: "many examples", zh: "大量样本" }, false, random(r, r.int(15, 30), 6)));
  }
  {
    const r = rng(8);
    const m = r.int(2, 4);
    const y = Array.from({ length: m }, () => label(r));
    const z = y.map((yi) => (yi === 1 ? -1 : 1) * onGrid(800 + r.uniform(0, 200)));
    cases.push(
      toCase({ en: "confident and wrong, |z| ≥ 800", zh: "自信却错误，|z| ≥ 800" }, false, { z, y }, {
        zh: "每个样本都以很大的 $|z|$ 猜错，损失约等于 $|z|$，它随 $|z|$ 线性增长，而不是在某个值上封顶。",
        en: "Every example is wrong with a large $|z|$: the loss is about $|z|$, growing linearly with it rather than capped at some value.",
      }),
    );
  }
  return cases;
};

export default generate;
