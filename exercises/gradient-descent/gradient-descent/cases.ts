/**
 * Cases for gradientDescent. Inputs sit on a 1/8 grid (float64 and float32 read the same numbers). Features
 * have non-zero means, like unscaled real data, so updating b with the new w (the non-simultaneous update)
 * visibly changes b. The learning rate is picked from the data: below 1/trace(H) for steady descent, where
 * H = (1/m)·AᵀA with A = [X 1] is the cost's Hessian, and above 2/λ_max(H) for the case meant to diverge.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

interface Data {
  X: number[][];
  y: number[];
}

/** Features with non-zero means; targets from a hidden linear model plus grid noise (or none). */
function data(rng: Rng, m: number, n: number, options: { constantColumn?: number; noise?: boolean } = {}): Data & { w: number[]; b: number } {
  const means = rng.vector(n, () => onGrid(rng.uniform(1, 3)));
  const X = Array.from({ length: m }, () => means.map((mu) => onGrid(mu + rng.normal(0, 1))));
  if (options.constantColumn !== undefined) {
    const value = onGrid(rng.uniform(1, 3));
    for (const row of X) row[options.constantColumn] = value;
  }
  const w = rng.vector(n, () => onGrid(rng.normal(0, 1.5)));
  const b = onGrid(rng.normal(0, 2));
  const noise = options.noise ?? true;
  const y = X.map((row) => row.reduce((sum, x, j) => sum + w[j]! * x, b) + (noise ? onGrid(rng.normal(0, 0.5)) : 0));
  return { X, y, w, b };
}

/** trace(H) = (1/m) Σ_i (‖x⁽ⁱ⁾‖² + 1) bounds the Hessian's largest eigenvalue from above. */
function hessianTrace(X: number[][]): number {
  return X.reduce((sum, row) => sum + row.reduce((s, x) => s + x * x, 1), 0) / X.length;
}

const niceRates = [0.3, 0.2, 0.1, 0.05, 0.03, 0.02, 0.01, 0.005, 0.003, 0.002, 0.001];

/** The largest "round" learning rate at most 1/trace(H): every mode of the error shrinks each step. */
function stableRate(X: number[][]): number {
  const limit = 1 / hessianTrace(X);
  return niceRates.find((rate) => rate <= limit) ?? limit;
}

/** For one feature, H = [[mean x², mean x], [mean x, 1]]; its largest eigenvalue in closed form. */
function largestEigenvalueOneFeature(X: number[][]): number {
  const m = X.length;
  const a = X.reduce((s, row) => s + row[0]! ** 2, 0) / m;
  const c = X.reduce((s, row) => s + row[0]!, 0) / m;
  const d = 1;
  return (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + c * c);
}

function toCase(name: Localized, visible: boolean, d: Data, w_in: number[], b_in: number, alpha: number, iterations: number, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [d.X, d.y, w_in, b_in, alpha, iterations], ...(note ? { note } : {}) };
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const d = data(r, r.int(4, 6), 1);
    cases.push(
      toCase({ en: "one feature, from w = 0, b = 0", zh: "一个特征，从 w = 0、b = 0 开始" }, true, d, [0], 0, stableRate(d.X), r.int(8, 12), {
        zh: "笔记里的一元模型 $f_{w,b}(x)=wx+b$，从 $w=0,b=0$ 开始；学习曲线应该单调下降。",
        en: "The notes' one-variable model $f_{w,b}(x)=wx+b$ started at $w=0,b=0$; the learning curve should fall on every step.",
      }),
    );
  }
  {
    const r = rng(1);
    const d = data(r, r.int(5, 8), 2);
    const w_in = r.vector(2, () => onGrid(r.normal(0, 1)));
    cases.push(toCase({ en: "two features, from a random start", zh: "两个特征，从随机起点开始" }, true, d, w_in, onGrid(r.normal(0, 1)), stableRate(d.X), r.int(6, 10)));
  }
  {
    const r = rng(2);
    const d = data(r, r.int(4, 6), 1);
    const alpha = Number((2.6 / largestEigenvalueOneFeature(d.X)).toPrecision(2));
    cases.push(
      toCase({ en: "a learning rate that is too large", zh: "学习率过大" }, true, d, [0], 0, alpha, r.int(5, 7), {
        zh: "$\\alpha$ 大于 $2/\\lambda_{\\max}$ 时，每一步都越过了谷底，$J(\\mathbf w,b)$ 越来越大（发散）——正是笔记里说的“学习率设定过大”。",
        en: "With $\\alpha$ above $2/\\lambda_{\\max}$ every step overshoots the valley and $J(\\mathbf w,b)$ grows (divergence): the notes' \"learning rate set too large\".",
      }),
    );
  }
  {
    const r = rng(3);
    const d = data(r, 1, 2);
    cases.push(
      toCase({ en: "a single example (m = 1)", zh: "只有一个样本（m = 1）" }, true, d, zeros(2), 0, stableRate(d.X), r.int(5, 8), {
        zh: "只有一个样本时，批量梯度下降的每一步只看这一个样本，代价会趋向 0。",
        en: "With one example each batch step sees only that example, and the cost heads towards 0.",
      }),
    );
  }
  {
    const r = rng(4);
    const n = r.int(2, 4);
    const d = data(r, r.int(10, 20), n);
    cases.push(toCase({ en: "more examples, more iterations", zh: "更多样本，更多迭代" }, false, d, zeros(n), 0, stableRate(d.X), r.int(30, 50)));
  }
  {
    const r = rng(5);
    const n = r.int(2, 3);
    const d = data(r, r.int(5, 9), n, { constantColumn: r.int(0, n - 1) });
    cases.push(
      toCase({ en: "a constant feature", zh: "一个常数特征" }, false, d, zeros(n), onGrid(r.normal(0, 1)), stableRate(d.X), r.int(10, 20), {
        zh: "有一列特征恒为常数（方差为 0），它和 $b$ 共线；梯度下降照样可以运行，代价照样下降。",
        en: "One feature is constant (zero variance) and so collinear with $b$; gradient descent still runs and the cost still falls.",
      }),
    );
  }
  {
    const r = rng(6);
    const n = r.int(1, 3);
    const d = data(r, r.int(3, 6), n, { noise: false });
    cases.push(
      toCase({ en: "starting at the minimum", zh: "从最小值处出发" }, false, d, d.w, d.b, stableRate(d.X), r.int(3, 6), {
        zh: "从完全拟合的参数出发，梯度为 $\\mathbf 0$，参数不动，每次记录的代价都是 0。",
        en: "Starting from parameters that fit perfectly, the gradient is $\\mathbf 0$: nothing moves and every recorded cost is 0.",
      }),
    );
  }
  {
    const r = rng(7);
    const n = r.int(1, 3);
    const d = data(r, r.int(3, 6), n);
    cases.push(
      toCase({ en: "zero iterations", zh: "迭代 0 次" }, false, d, r.vector(n, () => onGrid(r.normal(0, 1))), onGrid(r.normal(0, 1)), stableRate(d.X), 0, {
        zh: "`iterations = 0`：原样返回 `w_in`、`b_in`，`costHistory` 为空数组。",
        en: "`iterations = 0`: return `w_in` and `b_in` unchanged and an empty `costHistory`.",
      }),
    );
  }
  return cases;
};

export default generate;
