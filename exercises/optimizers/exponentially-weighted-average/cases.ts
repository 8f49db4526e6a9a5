/**
 * Cases for `exponentiallyWeightedAverage`. Sequences sit on a 1/8 grid around a level far from 0 (like the
 * notes' daily temperatures), so the uncorrected average's pull towards v_0 = 0 shows early on. The visible
 * cases include β = 0.999 over the first few values, where bias correction changes everything, and every
 * visible sequence has T ≥ 4 and θ_1 ≠ 0.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

function series(rng: Rng, T: number, level: number, spread: number): number[] {
  return Array.from({ length: T }, () => onGrid(level + rng.normal(0, spread)) || 0.125);
}

function toCase(name: Localized, visible: boolean, theta: number[], beta: number, note?: Localized): ExerciseCase {
  return { name, visible, args: [theta, beta], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(
      toCase({ en: "β = 0.9", zh: "取 β = 0.9" }, true, series(r, r.int(10, 15), r.uniform(10, 25), 4), 0.9, {
        en: "$\\beta = 0.9$ averages over roughly the last $\\frac{1}{1-\\beta} = 10$ values.",
        zh: "$\\beta = 0.9$ 大约是对最近 $\\frac{1}{1-\\beta} = 10$ 个值取平均。",
      }),
    );
  }
  {
    const r = rng(1);
    cases.push(
      toCase({ en: "β = 0.999, early in the sequence", zh: "β = 0.999，序列的开头" }, true, series(r, r.int(4, 6), r.uniform(10, 25), 3), 0.999, {
        en: "Early on, $v_t$ is still mostly the starting value $v_0 = 0$: $v_1 = 0.001\\,\\theta_1$. Dividing by $1-\\beta^t$ (here $0.001$, $0.001999$, …) gives back an average on the scale of the data.",
        zh: "开始时 $v_t$ 主要还是初值 $v_0 = 0$：$v_1 = 0.001\\,\\theta_1$。除以 $1-\\beta^t$（这里是 $0.001$、$0.001999$……）才得到与数据同一量级的平均值。",
      }),
    );
  }
  {
    const r = rng(2);
    cases.push(toCase({ en: "β = 0.5", zh: "取 β = 0.5" }, true, series(r, r.int(5, 8), r.uniform(-10, 10), 5), 0.5));
  }
  {
    const r = rng(3);
    cases.push(toCase({ en: "β = 0.98, a longer sequence", zh: "β = 0.98，更长的序列" }, true, series(r, r.int(20, 30), r.uniform(5, 30), 4), 0.98));
  }
  {
    const r = rng(4);
    const value = onGrid(r.uniform(5, 20));
    cases.push(
      toCase({ en: "a constant sequence", zh: "常数序列" }, false, new Array<number>(r.int(5, 10)).fill(value), r.pick([0.9, 0.98]), {
        en: "For a constant $\\theta$, $v_t = (1-\\beta^t)\\,\\theta$ exactly, so the corrected $\\hat v_t = \\theta$ at every step: the correction removes exactly the bias from $v_0 = 0$.",
        zh: "$\\theta$ 为常数时恰好 $v_t = (1-\\beta^t)\\,\\theta$，修正后的 $\\hat v_t$ 每一步都等于 $\\theta$：偏差修正正好去掉了初值 $v_0 = 0$ 带来的偏差。",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(
      toCase({ en: "a single value (T = 1)", zh: "只有一个值（T = 1）" }, false, series(r, 1, r.uniform(5, 20), 2), 0.9, {
        en: "$v_1 = (1-\\beta)\\theta_1$ and $\\hat v_1 = \\theta_1$.",
        zh: "$v_1 = (1-\\beta)\\theta_1$，$\\hat v_1 = \\theta_1$。",
      }),
    );
  }
  {
    const r = rng(6);
    cases.push(
      toCase({ en: "β = 0 (no memory)", zh: "β = 0（没有记忆）" }, false, series(r, r.int(4, 7), r.uniform(-5, 5), 3), 0, {
        en: "With $\\beta = 0$ the average is just the latest value, $v_t = \\theta_t$, and there is nothing to correct.",
        zh: "$\\beta = 0$ 时平均值就是最新的值 $v_t = \\theta_t$，没有什么需要修正。",
      }),
    );
  }
  {
    const r = rng(7);
    const T = r.int(16, 24);
    const jump = r.int(5, 10);
    const low = series(r, jump, 5, 1);
    const high = series(r, T - jump, 25, 1);
    cases.push(
      toCase({ en: "a step in the data", zh: "数据中有一个阶跃" }, false, [...low, ...high], 0.9, {
        en: "After a jump the average follows with a lag of about $\\frac{1}{1-\\beta}$ steps.",
        zh: "数据跳变之后，平均值大约滞后 $\\frac{1}{1-\\beta}$ 步才跟上。",
      }),
    );
  }
  return cases;
};

export default generate;
