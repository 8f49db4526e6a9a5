/**
 * Cases for computeGradientLogisticReg. Inputs sit on a 1/8 grid, λ is a short binary fraction. The visible cases
 * have m ≥ 3, b ≠ 0, both labels, and λ > 0 except the λ = 0 case, so regularising b, λ/(2m), the notes'
 * 1/(2m) on the data term, a flipped error and a missing sigmoid all change the numbers.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

function nonZero(rng: Rng, scale: number): number {
  const magnitude = onGrid(0.5 + Math.abs(rng.normal(0, scale)));
  return rng.next() < 0.5 ? -magnitude : magnitude;
}

interface Problem {
  X: number[][];
  y: number[];
  w: number[];
  b: number;
  lambda: number;
}

interface Options {
  lambda?: number;
  zeroWeights?: boolean;
  allPositive?: boolean;
  scale?: number;
}

function problem(rng: Rng, m: number, n: number, options: Options = {}): Problem {
  const X = rng.matrix(m, n, () => onGrid(rng.normal(0, options.scale ?? 1.5)));
  const w = options.zeroWeights ? new Array<number>(n).fill(0) : rng.vector(n, () => nonZero(rng, 1));
  const b = nonZero(rng, 1);
  const y = X.map((_, i) => (options.allPositive ? 1 : i === 0 ? 1 : i === 1 ? 0 : rng.next() < 0.5 ? 1 : 0));
  return { X, y, w, b, lambda: options.lambda ?? rng.pick([0.5, 1, 2, 4]) };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.X, p.y, p.w, p.b, p.lambda], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(toCase({ en: "two features", zh: "两个特征" }, true, problem(r, r.int(3, 6), 2)));
  }
  {
    const r = rng(1);
    cases.push(
      toCase({ en: "one feature", zh: "一个特征" }, true, problem(r, r.int(4, 7), 1), {
        zh: "形式和线性回归的梯度一模一样，只是 $f=g(wx+b)$。",
        en: "The same form as linear regression's gradient, only with $f=g(wx+b)$.",
      }),
    );
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "λ = 0: the unregularised gradient", zh: "λ = 0：不带正则化的梯度" }, true, problem(r, r.int(3, 6), r.int(2, 3), { lambda: 0 }), {
        zh: "$\\lambda=0$ 时就是不带正则的逻辑回归梯度。",
        en: "With $\\lambda=0$ this is the unregularised logistic-regression gradient.",
      }),
    );
  }
  {
    const r = rng(3);
    cases.push(toCase({ en: "three features, stronger λ", zh: "三个特征，更强的 λ" }, true, problem(r, r.int(5, 8), 3, { lambda: r.pick([4, 8]) })));
  }
  {
    const r = rng(4);
    cases.push(toCase({ en: "a single example (m = 1)", zh: "只有一个样本（m = 1）" }, false, problem(r, 1, r.int(2, 4))));
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "many examples, several features", zh: "大量样本，多个特征" }, false, problem(r, r.int(20, 40), r.int(3, 5))));
  }
  {
    const r = rng(6);
    cases.push(
      toCase({ en: "all weights zero", zh: "权重全为 0" }, false, problem(r, r.int(4, 8), r.int(2, 4), { zeroWeights: true }), {
        zh: "$\\mathbf w=\\mathbf 0$ 时每个样本的 $f=g(b)$，正则项的梯度为 0。",
        en: "With $\\mathbf w=\\mathbf 0$ every example has $f=g(b)$ and the penalty's gradient is 0.",
      }),
    );
  }
  {
    const r = rng(7);
    cases.push(
      toCase({ en: "confident predictions, every label 1", zh: "自信的预测，标签全为 1" }, false, problem(r, r.int(3, 6), r.int(2, 3), { allPositive: true, scale: 6 }), {
        zh: "$|z|$ 较大时误差 $f-y$ 接近 0 或 $\\pm1$。",
        en: "For large $|z|$ the errors $f-y$ are close to 0 or $\\pm1$.",
      }),
    );
  }
  return cases;
};

export default generate;
