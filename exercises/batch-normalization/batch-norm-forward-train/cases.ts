/**
 * Cases for batchNormForward: mini-batches of 2–10 examples and 1–4 units, values on a 1/64 grid with a different
 * mean and spread per unit (so statistics over the wrong axis never agree by accident). One visible case has a
 * nearly constant unit and a large ε, the only place where √(σ² + ε) and σ + ε differ noticeably.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 64) / 64;

interface Problem {
  Z: number[][];
  gamma: number[];
  beta: number[];
  epsilon: number;
  runningMean: number[];
  runningVar: number[];
  momentum: number;
}

function problem(rng: Rng, m: number, n: number): Problem {
  const centres = rng.vector(n, () => rng.normal(0, 2));
  const spreads = rng.vector(n, () => 0.5 + 2 * rng.next());
  return {
    Z: rng.matrix(m, n, () => 0).map((row) => row.map((_, j) => onGrid(centres[j]! + spreads[j]! * rng.normal()))),
    gamma: rng.vector(n, () => onGrid(rng.normal(1, 0.5))),
    beta: rng.vector(n, () => onGrid(rng.normal(0, 1))),
    epsilon: 1e-5,
    runningMean: rng.vector(n, () => onGrid(rng.normal(0, 1))),
    runningVar: rng.vector(n, () => onGrid(0.5 + Math.abs(rng.normal(0, 1)))),
    momentum: rng.pick([0.9, 0.99]),
  };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.Z, p.gamma, p.beta, p.epsilon, p.runningMean, p.runningVar, p.momentum], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(toCase({ en: "a mini-batch", zh: "一个小批量" }, true, problem(r, r.int(4, 8), r.int(2, 4))));
  }
  {
    const r = rng(1);
    cases.push(
      toCase({ en: "two examples (m = 2)", zh: "两个样本（m = 2）" }, true, problem(r, 2, r.int(2, 3)), {
        zh: "$m=2$ 时，除以 $m$ 的方差正好是除以 $m-1$ 的一半：批归一化用的是除以 $m$ 的（有偏）方差。",
        en: "With $m=2$ the variance divided by $m$ is exactly half the one divided by $m-1$: batch norm uses the (biased) variance divided by $m$.",
      }),
    );
  }
  {
    const r = rng(2);
    const p = problem(r, r.int(4, 8), r.int(2, 3));
    const flat = r.int(0, p.gamma.length - 1);
    p.Z.forEach((row, i) => (row[flat] = i % 2 === 0 ? 0 : 1 / 128));
    cases.push(
      toCase({ en: "a nearly constant unit and a large ε", zh: "一个几乎恒定的单元，ε 较大" }, true, { ...p, epsilon: 1e-3 }, {
        zh: "有一个单元几乎不变（$\\sigma^2\\approx 10^{-5}$），而 $\\epsilon=10^{-3}$：$\\sqrt{\\sigma^2+\\epsilon}$ 和 $\\sigma+\\epsilon$ 在这里差得很远。$\\epsilon$ 在根号里。",
        en: "One unit barely varies ($\\sigma^2\\approx 10^{-5}$) while $\\epsilon=10^{-3}$: here $\\sqrt{\\sigma^2+\\epsilon}$ and $\\sigma+\\epsilon$ are far apart. $\\epsilon$ goes inside the root.",
      }),
    );
  }
  {
    const r = rng(3);
    const p = problem(r, r.int(3, 6), r.int(1, 3));
    const m = p.Z.length;
    const mean = p.gamma.map((_, j) => p.Z.reduce((sum, row) => sum + row[j]!, 0) / m);
    const variance = p.gamma.map((_, j) => p.Z.reduce((sum, row) => sum + (row[j]! - mean[j]!) ** 2, 0) / m);
    cases.push(
      toCase({ en: "γ = √(σ² + ε) and β = μ give back z", zh: "γ = √(σ² + ε) 且 β = μ 时还原出 z" }, true, { ...p, gamma: variance.map((v) => Math.sqrt(v + p.epsilon)), beta: mean }, {
        zh: "笔记指出：当 $\\gamma=\\sqrt{\\sigma^2+\\epsilon}$、$\\beta=\\mu$ 时 $\\tilde z=z$，所以批归一化不会限制网络的表达能力。",
        en: "As the notes point out, with $\\gamma=\\sqrt{\\sigma^2+\\epsilon}$ and $\\beta=\\mu$ we get $\\tilde z=z$: batch norm never limits what the layer can represent.",
      }),
    );
  }
  {
    const r = rng(4);
    const p = problem(r, r.int(4, 8), r.int(2, 4));
    const constant = r.int(0, p.gamma.length - 1);
    const value = onGrid(r.normal(0, 2));
    p.Z.forEach((row) => (row[constant] = value));
    cases.push(
      toCase({ en: "a constant unit", zh: "一个恒定的单元" }, false, p, {
        zh: "方差为 0 的单元：$z-\\mu=0$，分母是 $\\sqrt{\\epsilon}$，输出就是 $\\beta$。",
        en: "A unit with zero variance: $z-\\mu=0$ over $\\sqrt{\\epsilon}$, so its output is $\\beta$.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "a larger mini-batch", zh: "更大的小批量" }, false, problem(r, r.int(8, 10), r.int(3, 4))));
  }
  {
    const r = rng(6);
    cases.push(toCase({ en: "one unit", zh: "一个单元" }, false, problem(r, r.int(3, 8), 1)));
  }
  {
    const r = rng(7);
    cases.push(toCase({ en: "momentum 0.5", zh: "动量 0.5" }, false, { ...problem(r, r.int(3, 6), r.int(2, 3)), momentum: 0.5 }));
  }
  return cases;
};

export default generate;
