/**
 * Cases for computeCostLogisticReg. Inputs sit on a 1/8 grid (float64 and float32 read the same numbers);
 * features lie in [−2, 2] and |w_j| ≤ 1, so |z| ≤ 2n + |b| stays moderate and a direct sigmoid is accurate.
 * Visible cases keep λ > 0 (except the one that isolates the logistic part), b ≠ 0, b² ≠ Σ w_j² and m ≠ 2,
 * so each misconception shows up and no two coincide.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

interface Problem {
  X: number[][];
  y: number[];
  w: number[];
  b: number;
  lambda: number;
}

const lambdas = [0.5, 0.7, 1, 1.5, 2, 3];

/** Labels drawn from the model's own probabilities, so the data look like real classification data. */
function problem(rng: Rng, m: number, n: number, lambda = rng.pick(lambdas)): Problem {
  const X = rng.matrix(m, n, () => onGrid(rng.uniform(-2, 2)));
  const w = rng.vector(n, () => onGrid(rng.uniform(-1, 1)));
  let b = onGrid(rng.uniform(-1.5, 1.5));
  const squaredWeights = w.reduce((s, wj) => s + wj * wj, 0);
  // b must not vanish nor match the weights' penalty, or "regularised b" hides behind another mistake.
  while (b === 0 || b * b === squaredWeights) b += 0.375;
  const y = X.map((row) => (rng.next() < sigmoid(row.reduce((s, x, j) => s + w[j]! * x, b)) ? 1 : 0));
  return { X, y, w, b, lambda };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.X, p.y, p.w, p.b, p.lambda], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(toCase({ en: "two features, λ = 1", zh: "两个特征，λ = 1" }, true, problem(r, r.int(3, 6), 2, 1)));
  }
  {
    const r = rng(1);
    cases.push(toCase({ en: "one feature", zh: "一个特征" }, true, problem(r, r.int(5, 8), 1)));
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "a single example (m = 1)", zh: "只有一个样本（m = 1）" }, true, problem(r, 1, 3), {
        zh: "$m=1$ 时正则项是 $\\frac{\\lambda}{2}\\sum_j w_j^2$，损失就是这一个样本的对数损失。",
        en: "With $m=1$ the penalty is $\\frac{\\lambda}{2}\\sum_j w_j^2$ and the loss is that one example's log loss.",
      }),
    );
  }
  {
    const r = rng(3);
    cases.push(
      toCase({ en: "λ = 0: no regularisation", zh: "λ = 0：不做正则化" }, true, problem(r, r.int(4, 7), r.int(2, 3), 0), {
        zh: "$\\lambda=0$ 时正则项消失，只剩平均逻辑损失。这个用例能单独检查你的损失部分。",
        en: "With $\\lambda=0$ the penalty vanishes and only the mean logistic loss remains: this case checks the loss part on its own.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(toCase({ en: "more examples and features", zh: "更多样本和特征" }, false, problem(r, r.int(10, 30), r.int(3, 4))));
  }
  {
    const r = rng(5);
    cases.push(
      toCase({ en: "strong regularisation (λ = 10)", zh: "强正则化（λ = 10）" }, false, problem(r, r.int(4, 8), r.int(2, 4), 10), {
        zh: "$\\lambda$ 很大时正则项占主导，代价主要在惩罚大的权重。",
        en: "With a large $\\lambda$ the penalty dominates: the cost mostly punishes large weights.",
      }),
    );
  }
  {
    const r = rng(6);
    const p = problem(r, r.int(3, 8), r.int(1, 3));
    cases.push(
      toCase({ en: "w = 0 and b = 0", zh: "w = 0 且 b = 0" }, false, { ...p, w: p.w.map(() => 0), b: 0 }, {
        zh: "$\\mathbf w=\\mathbf 0, b=0$ 时每个预测都是 $g(0)=0.5$，代价是 $\\ln 2\\approx 0.693$，与标签无关。",
        en: "With $\\mathbf w=\\mathbf 0, b=0$ every prediction is $g(0)=0.5$ and the cost is $\\ln 2\\approx 0.693$ whatever the labels.",
      }),
    );
  }
  {
    const r = rng(7);
    const n = r.int(2, 3);
    const p = problem(r, r.int(5, 9), n);
    cases.push(
      toCase({ en: "only one class present", zh: "只出现一个类别" }, false, { ...p, y: p.y.map(() => 1) }, {
        zh: "所有标签都是 1 时只有 $-\\log f$ 这一项起作用。",
        en: "With every label 1, only the $-\\log f$ term contributes.",
      }),
    );
  }
  return cases;
};

export default generate;
