/**
 * Cases for computeCost. Values sit on a 1/8 grid, so float64 (the learner) and float32 (the TensorFlow.js
 * reference) read exactly the same inputs. The visible cases are built so that every misconception fails one
 * of them and no two misconceptions agree on all of them: b ≠ 0, residuals of both signs, m ≠ n, m/n ≠ 2.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

/** A non-zero grid value of magnitude at least 0.5, either sign. */
function nonZero(rng: Rng, scale: number): number {
  const magnitude = onGrid(0.5 + Math.abs(rng.normal(0, scale)));
  return rng.next() < 0.5 ? -magnitude : magnitude;
}

interface Problem {
  X: number[][];
  y: number[];
  w: number[];
  b: number;
}

/**
 * A data set whose targets scatter around the model's own predictions with alternating signs, so the
 * residuals f − y are non-zero and of both signs whenever m ≥ 2.
 */
function problem(rng: Rng, m: number, n: number, options: { constantColumn?: number; perfectFit?: boolean } = {}): Problem {
  const X = rng.matrix(m, n, () => onGrid(rng.normal(0, 2)));
  if (options.constantColumn !== undefined) {
    const value = onGrid(rng.uniform(1, 4));
    for (const row of X) row[options.constantColumn] = value;
  }
  const w = rng.vector(n, () => onGrid(rng.normal(0, 1.5)));
  const b = nonZero(rng, 2);
  const y = X.map((row, i) => {
    const prediction = row.reduce((sum, x, j) => sum + w[j]! * x, b);
    if (options.perfectFit) return prediction;
    const offset = onGrid(0.25 + Math.abs(rng.normal(0, 1.5)));
    return prediction + (i % 2 === 0 ? offset : -offset);
  });
  return { X, y, w, b };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.X, p.y, p.w, p.b], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(toCase({ en: "two features", zh: "两个特征" }, true, problem(r, r.pick([3, 5]), 2)));
  }
  {
    const r = rng(1);
    cases.push(
      toCase({ en: "one feature: f = wx + b", zh: "一个特征：f = wx + b" }, true, problem(r, r.int(4, 6), 1), {
        zh: "只有一个特征时就是笔记里的一元模型 $f_{w,b}(x)=wx+b$。",
        en: "With a single feature this is the notes' one-variable model $f_{w,b}(x)=wx+b$.",
      }),
    );
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "a single example (m = 1)", zh: "只有一个样本（m = 1）" }, true, problem(r, 1, 3), {
        zh: "$m=1$ 时代价就是这一个样本平方误差的一半；注意分母用的是样本数 $m$，不是特征数 $n$。",
        en: "With $m=1$ the cost is half of that one example's squared error; the denominator counts examples ($m$), not features ($n$).",
      }),
    );
  }
  {
    const r = rng(3);
    const n = r.int(3, 4);
    cases.push(
      toCase({ en: "a constant feature", zh: "一个常数特征" }, true, problem(r, r.int(5, 7), n, { constantColumn: r.int(0, n - 1) }), {
        zh: "有一列特征在所有样本上取同一个值（方差为 0）。它和 $b$ 的作用一样，代价照常计算。",
        en: "One feature has the same value in every example (zero variance). It acts like a second bias; the cost is computed as usual.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(toCase({ en: "more examples", zh: "更多样本" }, false, problem(r, r.int(8, 14), r.int(2, 4))));
  }
  {
    const r = rng(5);
    cases.push(
      toCase({ en: "a perfect fit", zh: "完美拟合" }, false, problem(r, r.int(3, 6), r.int(1, 3), { perfectFit: true }), {
        zh: "每个预测都等于目标值时，$J(\\mathbf w,b)=0$。",
        en: "When every prediction equals its target, $J(\\mathbf w,b)=0$.",
      }),
    );
  }
  {
    const r = rng(6);
    cases.push(toCase({ en: "many examples, several features", zh: "大量样本，多个特征" }, false, problem(r, r.int(20, 40), r.int(3, 5))));
  }
  {
    const r = rng(7);
    const p = problem(r, r.int(4, 8), r.int(2, 3));
    cases.push(
      toCase({ en: "all weights zero", zh: "权重全为 0" }, false, { ...p, w: p.w.map(() => 0) }, {
        zh: "$\\mathbf w=\\mathbf 0$ 时模型对每个样本都预测 $b$。",
        en: "With $\\mathbf w=\\mathbf 0$ the model predicts $b$ for every example.",
      }),
    );
  }
  return cases;
};

export default generate;
