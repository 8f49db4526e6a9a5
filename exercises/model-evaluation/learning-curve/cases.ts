/**
 * Cases for learningCurve. Data come from a linear model with noise, on a 1/8 grid (exact in float32). With
 * λ = 0 the sizes start at n + 1 and the first n + 1 training examples are in general position (the design
 * [X | 1] of those rows is well conditioned), so every fit is unique; at k = n + 1 the fit interpolates and
 * J_train is exactly 0. Visible cases hold λ = 0 and λ > 0 (a penalty left in the errors, or a penalised b,
 * shows only there), sizes growing from the smallest possible, and b far from 0.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

interface Problem {
  X_train: number[][];
  y_train: number[];
  X_cv: number[][];
  y_cv: number[];
  lambda: number;
  sizes: number[];
}

/** Smallest pivot ratio of Gaussian elimination on [rows | 1]: near 0 when the rows are nearly dependent. */
function conditioning(rows: number[][]): number {
  const a = rows.map((row) => [...row, 1]);
  const size = a.length;
  let worst = Infinity;
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const scale = Math.max(...a.slice(col).map((row) => Math.abs(row[col]!)), 1e-300);
    worst = Math.min(worst, Math.abs(a[col]![col]!) / Math.max(1, scale));
    if (a[col]![col] === 0) return 0;
    for (let r = col + 1; r < size; r++) {
      const factor = a[r]![col]! / a[col]![col]!;
      for (let c = col; c < size; c++) a[r]![c] = a[r]![c]! - factor * a[col]![c]!;
    }
  }
  return worst;
}

interface Options {
  n: number;
  mTrain: number;
  mCv: number;
  lambda: number;
  noise?: number;
  sizes?: (mTrain: number, n: number) => number[];
}

function problem(rng: Rng, { n, mTrain, mCv, lambda, noise = 1, sizes }: Options): Problem {
  const w = rng.vector(n, () => onGrid(rng.normal(0, 2)));
  const b = onGrid((rng.next() < 0.5 ? -1 : 1) * rng.uniform(2, 5));
  const row = (): number[] => rng.vector(n, () => onGrid(rng.normal(0, 2)));
  // Noise-free targets stay exact (products of 1/8-grid numbers lie on a 1/64 grid, still exact in float32).
  const target = (x: number[]): number => {
    const exact = x.reduce((s, v, j) => s + v * w[j]!, b);
    return noise === 0 ? exact : onGrid(exact + rng.normal(0, noise));
  };
  let X_train = Array.from({ length: mTrain }, row);
  // The first n + 1 rows decide whether the smallest λ = 0 fit is unique: redraw them until well conditioned.
  while (lambda === 0 && conditioning(X_train.slice(0, n + 1)) < 0.2) X_train = [...Array.from({ length: n + 1 }, row), ...X_train.slice(n + 1)];
  const X_cv = Array.from({ length: mCv }, row);
  const first = lambda > 0 ? 1 : n + 1;
  return {
    X_train,
    y_train: X_train.map(target),
    X_cv,
    y_cv: X_cv.map(target),
    lambda,
    sizes: sizes ? sizes(mTrain, n) : Array.from({ length: mTrain - first + 1 }, (_, i) => first + i),
  };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.X_train, p.y_train, p.X_cv, p.y_cv, p.lambda, p.sizes], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(
      toCase({ en: "one feature, λ = 0", zh: "一个特征，λ = 0" }, true, problem(r, { n: 1, mTrain: r.int(8, 12), mCv: r.int(5, 8), lambda: 0 }), {
        zh: "$k=2$ 时直线正好穿过两个点，$J_{train}=0$；随着 $k$ 增大，一条直线再也拟合不了所有点，$J_{train}$ 上升，而 $J_{cv}$ 下降：这就是笔记里的学习曲线。",
        en: "At $k=2$ the line passes through both points and $J_{train}=0$; as $k$ grows one line can no longer fit every point, so $J_{train}$ rises while $J_{cv}$ falls: the notes' learning curve.",
      }),
    );
  }
  {
    const r = rng(1);
    const lambda = r.pick([0.5, 1, 2]);
    cases.push(
      toCase({ en: "regularised, from a single example", zh: "带正则化，从单个样本开始" }, true, problem(r, { n: r.int(2, 3), mTrain: r.int(6, 9), mCv: r.int(5, 8), lambda }), {
        zh: "$\\lambda>0$ 时从 $k=1$ 起拟合就是唯一的：只有一个样本时 $\\mathbf w=\\mathbf 0$、$b=y^{(1)}$，$J_{train}=0$。$b$ 不加正则项。",
        en: "With $\\lambda>0$ the fit is unique from $k=1$ on: for a single example $\\mathbf w=\\mathbf 0$ and $b=y^{(1)}$, so $J_{train}=0$. $b$ is not regularised.",
      }),
    );
  }
  {
    const r = rng(2);
    const lambda = r.pick([0.25, 1, 4]);
    cases.push(
      toCase({ en: "several features, chosen sizes", zh: "多个特征，指定训练集大小" }, true, problem(r, {
        n: r.int(2, 3),
        mTrain: r.int(14, 20),
        mCv: r.int(6, 10),
        lambda,
        sizes: (m) => [2, 4, 8, m],
      })),
    );
  }
  {
    const r = rng(3);
    const n = r.int(3, 4);
    cases.push(
      toCase({ en: "many features, λ = 0: high variance at first", zh: "很多特征，λ = 0：起初高方差" }, true, problem(r, { n, mTrain: r.int(10, 14), mCv: r.int(8, 12), lambda: 0, noise: 1.5 }), {
        zh: "特征多、样本少时模型过拟合：$J_{train}$ 很小，$J_{cv}$ 很大。笔记：高方差时增加数据可能有帮助，曲线上两者逐渐靠近。",
        en: "With many features and few examples the model overfits: $J_{train}$ is small and $J_{cv}$ large. The notes: with high variance more data may help, and the two curves draw together.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "a large λ: high bias", zh: "λ 很大：高偏差" }, false, problem(r, { n: r.int(2, 3), mTrain: r.int(8, 12), mCv: r.int(6, 9), lambda: 256 }), {
        zh: "$\\lambda$ 很大时 $\\mathbf w$ 几乎为 0，模型欠拟合：两条曲线很快变平且都很高。笔记：高偏差时一味增加数据是徒劳的。",
        en: "A large $\\lambda$ keeps $\\mathbf w$ near 0 and the model underfits: both curves flatten quickly at a high level. The notes: with high bias more data alone does not help.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(
      toCase({ en: "noise-free data", zh: "无噪声数据" }, false, problem(r, { n: r.int(1, 3), mTrain: r.int(6, 10), mCv: r.int(4, 6), lambda: 0, noise: 0 }), {
        zh: "数据正好落在一个线性模型上：从 $k=n+1$ 起拟合就找到了它，$J_{train}$ 和 $J_{cv}$ 都是 0。",
        en: "The data lie exactly on a linear model: from $k=n+1$ on the fit finds it, and both $J_{train}$ and $J_{cv}$ are 0.",
      }),
    );
  }
  {
    const r = rng(6);
    const n = r.int(2, 4);
    const mTrain = r.int(25, 35);
    // Every fourth size keeps the reference's QR factorisations few (each is a dozen TensorFlow.js ops).
    const sizes = (m: number): number[] => [...Array.from({ length: Math.floor((m - n - 2) / 4) + 1 }, (_, i) => n + 1 + 4 * i).filter((k) => k < m), m];
    cases.push(toCase({ en: "many examples", zh: "大量样本" }, false, problem(r, { n, mTrain, mCv: r.int(10, 15), lambda: r.pick([0, 0.5]), sizes })));
  }
  {
    const r = rng(7);
    cases.push(
      toCase({ en: "a single training example", zh: "只有一个训练样本" }, false, problem(r, { n: r.int(1, 3), mTrain: 1, mCv: r.int(4, 8), lambda: 1 }), {
        zh: "只有一个训练样本且 $\\lambda>0$：$\\mathbf w=\\mathbf 0$，$b=y^{(1)}$，$J_{train}=0$，$J_{cv}$ 就是用常数 $y^{(1)}$ 去预测的误差。",
        en: "A single training example with $\\lambda>0$: $\\mathbf w=\\mathbf 0$, $b=y^{(1)}$, $J_{train}=0$, and $J_{cv}$ is the error of predicting the constant $y^{(1)}$.",
      }),
    );
  }
  return cases;
};

export default generate;
