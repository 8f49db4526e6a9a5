/**
 * Seeded cases for `gradientCheck`. The gradient handed in is the true one (float64, from the closed form) or
 * the true one with planted errors far above the noise, and every problem has ‖∇J‖ ≥ 0.1 with |z| < 6, so a
 * correct gradient's relative difference stays near 1e−8 and a planted one far above 2e−7: no case sits near
 * the threshold. The visible ε = 1e−3 case makes O(ε) mistakes (one-sided differences, a perturbation left in
 * place) show; at ε = 1e−7 they hide in the noise.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface Problem {
  X: number[][];
  y: number[];
  w: number[];
  b: number;
  /** The true gradient [∂J/∂w_1, …, ∂J/∂w_n, ∂J/∂b]. */
  gradient: number[];
}

function trueGradient(X: number[][], y: number[], w: number[], b: number): number[] {
  const m = X.length;
  const g = new Array<number>(w.length + 1).fill(0);
  X.forEach((row, i) => {
    const z = row.reduce((sum, x, j) => sum + w[j]! * x, b);
    const error = 1 / (1 + Math.exp(-z)) - y[i]!;
    row.forEach((x, j) => (g[j] = g[j]! + (error * x) / m));
    g[w.length] = g[w.length]! + error / m;
  });
  return g;
}

function problem(rng: Rng, m: number, n: number): Problem {
  for (;;) {
    const X = rng.matrix(m, n, () => rng.normal(0, 1.5));
    const y = rng.vector(m, () => (rng.next() < 0.5 ? 0 : 1));
    const w = rng.vector(n, () => rng.normal(0, 0.7));
    const b = rng.normal(0, 0.5);
    const largestLogit = Math.max(...X.map((row) => Math.abs(row.reduce((sum, x, j) => sum + w[j]! * x, b))));
    const gradient = trueGradient(X, y, w, b);
    if (largestLogit < 6 && Math.hypot(...gradient) >= 0.1) return { X, y, w, b, gradient };
  }
}

function toCase(name: Localized, visible: boolean, p: Problem, grad: number[], epsilon: number, note?: Localized): ExerciseCase {
  return { name, visible, args: [p.X, p.y, p.w, p.b, grad, epsilon], ...(note ? { note } : {}) };
}

/** An error of about half the gradient's size, never near 0. */
function plantedError(rng: Rng, p: Problem): number {
  const size = 0.5 * Math.max(0.1, Math.hypot(...p.gradient) / Math.sqrt(p.gradient.length)) * rng.uniform(1, 2);
  return rng.next() < 0.5 ? -size : size;
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const p = problem(r, r.int(5, 10), r.int(2, 3));
    cases.push(
      toCase({ en: "a correct gradient", zh: "正确的梯度" }, true, p, p.gradient, 1e-7, {
        en: "The gradient is right: the relative difference is about $10^{-8}$, far below $2\\times10^{-7}$, so `wrong` is $-1$.",
        zh: "梯度是对的：相对差约为 $10^{-8}$，远小于 $2\\times10^{-7}$，所以 `wrong` 为 $-1$。",
      }),
    );
  }
  {
    const r = rng(1);
    const n = r.int(3, 4);
    const p = problem(r, r.int(6, 12), n);
    const grad = [...p.gradient];
    const k = r.int(0, n - 1);
    grad[k] = grad[k]! + plantedError(r, p);
    cases.push(toCase({ en: "one weight's gradient is wrong", zh: "一个权重的梯度有误" }, true, p, grad, 1e-7));
  }
  {
    const r = rng(2);
    const m = r.int(4, 8);
    const p = problem(r, m, r.int(2, 3));
    const grad = [...p.gradient];
    grad[grad.length - 1] = grad[grad.length - 1]! * m + (grad[grad.length - 1]! >= 0 ? 0.25 : -0.25);
    cases.push(
      toCase({ en: "ε = 1e−3, and ∂J/∂b is wrong", zh: "ε = 1e−3，且 ∂J/∂b 有误" }, true, p, grad, 1e-3, {
        en: "With $\\varepsilon = 10^{-3}$ the two-sided difference is still accurate to about $\\varepsilon^2 = 10^{-6}$, while a one-sided $\\frac{J(\\theta+\\varepsilon)-J(\\theta)}{\\varepsilon}$ is off by about $\\frac{\\varepsilon}{2}J''$. The bad component is $\\theta_{n+1} = b$, so `wrong` is $n$.",
        zh: "$\\varepsilon = 10^{-3}$ 时，双边差分的误差仍只有约 $\\varepsilon^2 = 10^{-6}$，而单边的 $\\frac{J(\\theta+\\varepsilon)-J(\\theta)}{\\varepsilon}$ 误差约为 $\\frac{\\varepsilon}{2}J''$。出错的是 $\\theta_{n+1} = b$，所以 `wrong` 是 $n$。",
      }),
    );
  }
  {
    const r = rng(3);
    const n = r.int(2, 4);
    const p = problem(r, r.int(5, 9), n);
    const grad = [...p.gradient];
    const k = grad.slice(0, n).reduce((best, g, j) => (Math.abs(g) > Math.abs(grad[best]!) ? j : best), 0);
    grad[k] = -grad[k]!;
    cases.push(
      toCase({ en: "one sign flipped", zh: "一个符号反了" }, true, p, grad, 1e-7, {
        en: "The largest weight gradient has the wrong sign, a typical slip (y − f instead of f − y in one place): it is exactly that component whose gap $|g_k - g^{\\text{approx}}_k|$ is largest.",
        zh: "最大的那个权重梯度符号反了，这是常见的笔误（某处用了 y − f 而不是 f − y）：正是这个分量的差 $|g_k - g^{\\text{approx}}_k|$ 最大。",
      }),
    );
  }
  {
    const r = rng(4);
    const p = problem(r, 1, r.int(2, 4));
    cases.push(
      toCase({ en: "a correct gradient, m = 1", zh: "正确的梯度，m = 1" }, false, p, p.gradient, 1e-7, {
        en: "A single example: still a correct gradient, `wrong` is $-1$.",
        zh: "只有一个样本：梯度仍然正确，`wrong` 为 $-1$。",
      }),
    );
  }
  {
    const r = rng(5);
    const n = r.int(2, 4);
    const p = problem(r, r.int(5, 10), n);
    const grad = [...p.gradient];
    const k = r.int(0, n);
    grad[k] = grad[k]! + (r.next() < 0.5 ? -1e-3 : 1e-3);
    cases.push(
      toCase({ en: "a small error still shows", zh: "小误差也能被发现" }, false, p, grad, 1e-7, {
        en: "An error of only $10^{-3}$ in one component gives a relative difference near $10^{-2}$, thousands of times the threshold: gradient checking finds small bugs too.",
        zh: "某个分量只错了 $10^{-3}$，相对差就在 $10^{-2}$ 左右，是阈值的几千倍：梯度检验连很小的错误也能发现。",
      }),
    );
  }
  {
    const r = rng(6);
    const p = problem(r, r.int(30, 50), 4);
    cases.push(toCase({ en: "a correct gradient, many examples", zh: "正确的梯度，大量样本" }, false, p, p.gradient, 1e-7));
  }
  {
    const r = rng(7);
    const n = r.int(3, 4);
    const p = problem(r, r.int(6, 12), n);
    const grad = [...p.gradient];
    const [small, large] = [0, n];
    grad[small] = grad[small]! + 0.05;
    grad[large] = grad[large]! - 0.4;
    cases.push(
      toCase({ en: "two components wrong", zh: "两个分量有误" }, false, p, grad, 1e-7, {
        en: "Two components are wrong; `wrong` names the one with the larger gap, $b$ here. Fix it, check again, and the next one shows.",
        zh: "有两个分量错了；`wrong` 报告差距更大的那个，这里是 $b$。改正它以后再检验一次，下一个就会出现。",
      }),
    );
  }
  return cases;
};

export default generate;
