/**
 * Cases for computeGradientRegularized. Inputs sit on a 1/8 grid; λ and α are short binary fractions. The visible
 * cases keep m ≥ 3, b ≠ 0, λ > 0 and α < 1 (except the λ = 0 case), so regularising b, λ/(2m) or λ instead of
 * λ/m, and a decay factor without α all change the numbers. The float32 reference sums at most 40 examples of
 * moderate size, well inside the tolerance.
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
  alpha: number;
}

interface Options {
  lambda?: number;
  perfectFit?: boolean;
  zeroWeights?: boolean;
  constantColumn?: number;
}

function problem(rng: Rng, m: number, n: number, options: Options = {}): Problem {
  const X = rng.matrix(m, n, () => onGrid(rng.normal(0, 2)));
  if (options.constantColumn !== undefined) for (const row of X) row[options.constantColumn] = 2.5;
  const w = options.zeroWeights ? new Array<number>(n).fill(0) : rng.vector(n, () => nonZero(rng, 1.5));
  const b = nonZero(rng, 2);
  const y = X.map((row, i) => {
    const prediction = row.reduce((s, x, j) => s + w[j]! * x, b);
    if (options.perfectFit) return prediction;
    const offset = onGrid(0.25 + Math.abs(rng.normal(0, 1.5)));
    return prediction + (i % 2 === 0 ? offset : -offset);
  });
  const lambda = options.lambda ?? rng.pick([0.5, 1, 2, 4]);
  const alpha = rng.pick([0.25, 0.125, 0.0625]);
  return { X, y, w, b, lambda, alpha };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.X, p.y, p.w, p.b, p.lambda, p.alpha], ...(note ? { note } : {}) };
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
      toCase({ en: "at a perfect fit only the penalty pulls", zh: "完美拟合时只有惩罚项在起作用" }, true, problem(r, r.int(4, 7), r.int(1, 3), { perfectFit: true }), {
        zh: "数据完全拟合时误差项为 0，$\\frac{\\partial J}{\\partial w_j}=\\frac{\\lambda}{m}w_j$，$\\frac{\\partial J}{\\partial b}=0$：这一步只把每个 $w_j$ 乘上 $1-\\alpha\\frac{\\lambda}{m}$（权重衰减），$b$ 不动。",
        en: "At a perfect fit the errors vanish, so $\\frac{\\partial J}{\\partial w_j}=\\frac{\\lambda}{m}w_j$ and $\\frac{\\partial J}{\\partial b}=0$: the step only multiplies each $w_j$ by $1-\\alpha\\frac{\\lambda}{m}$ (weight decay) and leaves $b$ alone.",
      }),
    );
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "λ = 0: the unregularised gradient", zh: "λ = 0：不带正则化的梯度" }, true, problem(r, r.int(3, 6), r.int(2, 3), { lambda: 0 }), {
        zh: "$\\lambda=0$ 时正则项消失，结果与不带正则化的梯度和更新完全相同。",
        en: "With $\\lambda=0$ the penalty vanishes and everything equals the unregularised gradient and step.",
      }),
    );
  }
  {
    const r = rng(3);
    cases.push(toCase({ en: "three features, stronger λ", zh: "三个特征，更强的 λ" }, true, problem(r, r.int(5, 8), 3, { lambda: r.pick([4, 8]) })));
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "a single example (m = 1)", zh: "只有一个样本（m = 1）" }, false, problem(r, 1, r.int(2, 4)), {
        zh: "$m=1$ 时衰减系数是 $1-\\alpha\\lambda$。",
        en: "With $m=1$ the decay factor is $1-\\alpha\\lambda$.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "many examples, several features", zh: "大量样本，多个特征" }, false, problem(r, r.int(20, 40), r.int(3, 5))));
  }
  {
    const r = rng(6);
    const n = r.int(2, 4);
    cases.push(
      toCase({ en: "all weights zero", zh: "权重全为 0" }, false, problem(r, r.int(4, 8), n, { zeroWeights: true }), {
        zh: "$\\mathbf w=\\mathbf 0$ 时正则项的梯度为 0。",
        en: "With $\\mathbf w=\\mathbf 0$ the penalty's gradient is 0.",
      }),
    );
  }
  {
    const r = rng(7);
    const n = r.int(2, 4);
    cases.push(toCase({ en: "a constant feature", zh: "一个常数特征" }, false, problem(r, r.int(5, 9), n, { constantColumn: r.int(0, n - 1) })));
  }
  return cases;
};

export default generate;
