/**
 * Cases for normalEquation. Inputs sit on a 1/8 grid. The full-rank cases are redrawn until A = [1 | X] is well
 * conditioned (every Cholesky pivot of AᵀA above 1e-3 of the largest diagonal entry), so a float64 learner and
 * the refined reference agree to ~1e-12 and any sensible singularity threshold works; the singular cases are
 * exactly rank-deficient. Targets scatter around a random line with non-zero residuals, except in the exact-fit
 * case. Visible: a regular fit with b ≠ 0, a single feature, a constant feature (singular: it is a multiple of the
 * column of ones that carries b) and an exact fit through m = n + 1 points.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

/** Smallest Cholesky pivot of AᵀA (A = [1 | X]) relative to its largest diagonal entry; 0 when not positive definite. */
function conditioning(X: number[][]): number {
  const A = X.map((row) => [1, ...row]);
  const p = A[0]!.length;
  const G = Array.from({ length: p }, (_, r) => Array.from({ length: p }, (_, c) => A.reduce((s, row) => s + row[r]! * row[c]!, 0)));
  const largest = Math.max(...G.map((row, k) => row[k]!));
  let smallest = Infinity;
  for (let k = 0; k < p; k++) {
    const pivot = G[k]![k]!;
    if (!(pivot > 0)) return 0;
    smallest = Math.min(smallest, pivot);
    for (let r = k + 1; r < p; r++) {
      const factor = G[r]![k]! / pivot;
      for (let c = k; c < p; c++) G[r]![c] = G[r]![c]! - factor * G[k]![c]!;
    }
  }
  return smallest / largest;
}

interface Problem {
  X: number[][];
  y: number[];
}

function features(rng: Rng, m: number, n: number, scales?: number[]): number[][] {
  for (;;) {
    const X = rng.matrix(m, n, () => 0).map((row) => row.map((_, j) => onGrid(rng.normal(0, 2) * (scales?.[j] ?? 1))));
    if (m < n + 1 || conditioning(X) > 1e-3) return X;
  }
}

function targets(rng: Rng, X: number[][], exact = false): number[] {
  const n = X[0]!.length;
  const w = rng.vector(n, () => onGrid(rng.normal(0, 2)));
  const b = onGrid(1 + Math.abs(rng.normal(0, 3))) * (rng.next() < 0.5 ? -1 : 1);
  return X.map((row) => row.reduce((s, x, j) => s + w[j]! * x, b) + (exact ? 0 : onGrid(rng.normal(0, 1.5))));
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.X, p.y], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const X = features(r, r.int(5, 8), 2);
    cases.push(toCase({ en: "two features", zh: "两个特征" }, true, { X, y: targets(r, X) }));
  }
  {
    const r = rng(1);
    const X = features(r, r.int(3, 6), 1);
    cases.push(
      toCase({ en: "one feature: the best straight line", zh: "一个特征：最佳直线" }, true, { X, y: targets(r, X) }, {
        zh: "$n=1$ 时解出的就是最小二乘直线：$w=\\frac{\\sum(x-\\bar x)(y-\\bar y)}{\\sum(x-\\bar x)^2}$，$b=\\bar y-w\\bar x$。",
        en: "With $n=1$ this is the least-squares line: $w=\\frac{\\sum(x-\\bar x)(y-\\bar y)}{\\sum(x-\\bar x)^2}$, $b=\\bar y-w\\bar x$.",
      }),
    );
  }
  {
    const r = rng(2);
    const m = r.int(4, 7);
    const n = r.int(2, 3);
    const X = features(r, m, n);
    const value = onGrid(r.uniform(1, 6));
    // Last, so that its zero pivot is the last one elimination meets: skipping that check shows.
    for (const row of X) row[n - 1] = value;
    cases.push(
      toCase({ en: "a constant feature: AᵀA is singular", zh: "常数特征：AᵀA 奇异" }, true, { X, y: targets(r, X) }, {
        zh: "常数特征这一列是全 1 列（承载 $b$ 的那一列）的倍数，$A$ 的列线性相关，$A^\\top A$ 奇异：$b$ 和这个 $w_k$ 可以此消彼长，最优解不唯一，返回 `singular: true`。",
        en: "The constant feature's column is a multiple of the column of ones that carries $b$, so the columns of $A$ are dependent and $A^\\top A$ is singular: $b$ and this $w_k$ can trade off against each other, there is no unique best fit, so return `singular: true`.",
      }),
    );
  }
  {
    const r = rng(3);
    const n = r.int(1, 2);
    const X = features(r, n + 1, n);
    cases.push(
      toCase({ en: "as many examples as parameters: an exact fit", zh: "样本数等于参数个数：恰好拟合" }, true, { X, y: targets(r, X, true) }, {
        zh: "$m=n+1$ 个点刚好确定 $n+1$ 个参数：模型穿过每一个点，代价为 0。",
        en: "$m=n+1$ points pin down the $n+1$ parameters exactly: the model passes through every point and the cost is 0.",
      }),
    );
  }
  {
    const r = rng(4);
    const n = r.int(2, 4);
    const X = features(r, r.int(6, 9), n);
    const [from, to] = [r.int(0, n - 2), n - 1];
    const factor = r.pick([2, -1, 0.5]);
    for (const row of X) row[to] = row[from]! * factor;
    cases.push(
      toCase({ en: "a feature that is a multiple of another", zh: "一个特征是另一个特征的倍数" }, false, { X, y: targets(r, X) }, {
        zh: "两个特征成比例（例如同一个长度分别以米和半米计），$A^\\top A$ 奇异，返回 `singular: true`。",
        en: "Two features are proportional (one length in two units, say), so $A^\\top A$ is singular: return `singular: true`.",
      }),
    );
  }
  {
    const r = rng(5);
    const X = features(r, 1, r.int(1, 3));
    cases.push(
      toCase({ en: "a single example: fewer examples than parameters", zh: "只有一个样本：样本数少于参数个数" }, false, { X, y: targets(r, X) }, {
        zh: "$m<n+1$ 时 $A^\\top A$ 的秩至多为 $m$，必然奇异：无数条直线（超平面）都穿过所有点。这里 $m=1$。",
        en: "With $m<n+1$ the rank of $A^\\top A$ is at most $m$, so it is singular: infinitely many hyperplanes pass through every point. Here $m=1$.",
      }),
    );
  }
  {
    const r = rng(6);
    const X = features(r, r.int(15, 30), r.int(3, 4));
    cases.push(toCase({ en: "many examples, several features", zh: "大量样本，多个特征" }, false, { X, y: targets(r, X) }));
  }
  {
    const r = rng(7);
    const n = r.int(2, 3);
    const scales = Array.from({ length: n }, (_, j) => (j === 0 ? 8 : 0.5));
    const X = features(r, r.int(8, 12), n, scales);
    cases.push(
      toCase({ en: "features on different scales", zh: "特征的尺度各不相同" }, false, { X, y: targets(r, X) }, {
        zh: "正规方程一步求出精确解，不需要特征缩放，也没有学习率。",
        en: "The normal equation gives the exact solution in one step: no feature scaling needed, no learning rate.",
      }),
    );
  }
  return cases;
};

export default generate;
