/**
 * Cases for batchNormInference: 1–6 examples and 1–4 units, values on a 1/64 grid. The running statistics are far
 * from the statistics of the examples given, so normalising with the batch's own statistics never passes; a batch
 * of one example is the notes' point that test-time examples arrive one at a time.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 64) / 64;

interface Problem {
  Z: number[][];
  gamma: number[];
  beta: number[];
  runningMean: number[];
  runningVar: number[];
  epsilon: number;
}

function problem(rng: Rng, m: number, n: number): Problem {
  const runningMean = rng.vector(n, () => onGrid(rng.normal(0, 2)));
  const runningVar = rng.vector(n, () => onGrid(0.25 + 3 * rng.next()));
  return {
    // The examples scatter around a shifted centre, so their own mean differs from the running mean.
    Z: rng.matrix(m, n, () => 0).map((row) => row.map((_, j) => onGrid(runningMean[j]! + 1 + Math.sqrt(runningVar[j]!) * rng.normal()))),
    gamma: rng.vector(n, () => onGrid(1.25 + Math.abs(rng.normal(0, 0.5)))),
    beta: rng.vector(n, () => onGrid(rng.normal(0, 1))),
    runningMean,
    runningVar,
    epsilon: 1e-3,
  };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.Z, p.gamma, p.beta, p.runningMean, p.runningVar, p.epsilon], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(
      toCase({ en: "one test example", zh: "一个测试样本" }, true, problem(r, 1, r.int(2, 4)), {
        zh: "笔记：测试时样本是一个一个处理的，没有“批”。只有一个样本时它自己的方差是 0，必须用训练时估计的均值和方差。",
        en: "As the notes say, test examples are processed one at a time: there is no batch. A single example has zero variance of its own, so the running estimates from training must be used.",
      }),
    );
  }
  {
    const r = rng(1);
    cases.push(toCase({ en: "a few test examples", zh: "几个测试样本" }, true, problem(r, r.int(3, 6), r.int(2, 4))));
  }
  {
    const r = rng(2);
    cases.push(toCase({ en: "one unit", zh: "一个单元" }, true, problem(r, r.int(2, 4), 1)));
  }
  {
    const r = rng(3);
    const p = problem(r, r.int(2, 5), r.int(2, 3));
    cases.push(
      toCase({ en: "an example exactly at the running mean", zh: "一个样本恰好等于滑动均值" }, true, { ...p, Z: [p.runningMean.slice(), ...p.Z.slice(1)] }, {
        zh: "恰好等于滑动均值的样本归一化后为 0，输出就是 $\\beta$。",
        en: "An example exactly at the running mean normalises to 0, so its output is $\\beta$.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(toCase({ en: "more examples", zh: "更多样本" }, false, problem(r, r.int(6, 10), r.int(3, 4))));
  }
  {
    const r = rng(5);
    const p = problem(r, r.int(2, 4), r.int(2, 3));
    cases.push(
      toCase({ en: "a unit with zero running variance", zh: "一个滑动方差为 0 的单元" }, false, { ...p, runningVar: p.runningVar.map((v, j) => (j === 0 ? 0 : v)) }, {
        zh: "滑动方差为 0 时分母是 $\\sqrt{\\epsilon}$：$\\epsilon$ 避免了除以 0。",
        en: "With a zero running variance the denominator is $\\sqrt{\\epsilon}$: $\\epsilon$ prevents a division by 0.",
      }),
    );
  }
  {
    const r = rng(6);
    const p = problem(r, r.int(2, 5), r.int(2, 4));
    cases.push(toCase({ en: "γ = 1, β = 0: just the normalisation", zh: "γ = 1，β = 0：只做归一化" }, false, { ...p, gamma: p.gamma.map(() => 1), beta: p.beta.map(() => 0) }));
  }
  return cases;
};

export default generate;
