/**
 * Cases for sigmoid. Inputs are multiples of 1/8. Every |z| is either ≤ 80 or ≥ 750 (see reference.ts: between
 * them float32 cannot represent g(z) for negative z). The visible cases hold z = 0 (exactly 0.5), ±1000 (where
 * e^{1000} overflows) and 30 ≤ |z| ≤ 80 of both signs, where 1 − g(z) computed by subtraction loses every digit.
 * The comparison is relative only (atol 0): a tiny probability must be right to its own scale, because the
 * cross-entropy takes its logarithm.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

function shuffled(rng: Rng, items: number[]): number[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function moderate(rng: Rng, count: number, std = 3): number[] {
  return Array.from({ length: count }, () => Math.max(-80, Math.min(80, onGrid(rng.normal(0, std)))));
}

function toCase(name: Localized, visible: boolean, z: number[], note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [z], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(
      toCase({ en: "moderate values and z = 0", zh: "适中的值和 z = 0" }, true, shuffled(r, [0, ...moderate(r, r.int(3, 6))]), {
        zh: "$g(0)=\\frac{1}{1+e^0}=0.5$，要求精确等于 0.5；$g(-z)=1-g(z)$。",
        en: "$g(0)=\\frac{1}{1+e^0}=0.5$, exactly; and $g(-z)=1-g(z)$.",
      }),
    );
  }
  {
    const r = rng(1);
    const big = r.pick([750, 800, 1000]);
    cases.push(
      toCase({ en: "large |z|: ±1000", zh: "|z| 很大：±1000" }, true, shuffled(r, [1000, -1000, big, -big, ...moderate(r, r.int(0, 2))]), {
        zh: "$e^{1000}$ 溢出成 `Infinity`。$\\frac{e^z}{1+e^z}$ 在 $z=1000$ 时是 $\\infty/\\infty=$ `NaN`；让指数总是 $-|z|\\le 0$ 就不会溢出。$g(1000)=1$，$g(-1000)=0$（真实值 $e^{-1000}$ 在双精度下也是 0）。",
        en: "$e^{1000}$ overflows to `Infinity`. $\\frac{e^z}{1+e^z}$ at $z=1000$ is $\\infty/\\infty=$ `NaN`; keeping the exponent at $-|z|\\le 0$ never overflows. $g(1000)=1$ and $g(-1000)=0$ (the true $e^{-1000}$ is 0 in double precision too).",
      }),
    );
  }
  {
    const r = rng(2);
    const tail = Array.from({ length: r.int(2, 4) }, () => onGrid(r.uniform(30, 80)));
    cases.push(
      toCase({ en: "tiny probabilities: 30 ≤ |z| ≤ 80", zh: "极小的概率：30 ≤ |z| ≤ 80" }, true, shuffled(r, [...tail, ...tail.map((v) => -v), onGrid(r.uniform(-80, -30))]), {
        zh: "$g(-40)\\approx4.2\\times10^{-18}$。$1-g(40)$ 用减法算会得到 0：$g(40)$ 与 1 的差小于双精度的舍入误差。要直接算 $\\frac{e^{-|z|}}{1+e^{-|z|}}$。",
        en: "$g(-40)\\approx4.2\\times10^{-18}$. $1-g(40)$ computed by subtraction gives 0: $g(40)$ differs from 1 by less than double precision's rounding. Compute $\\frac{e^{-|z|}}{1+e^{-|z|}}$ directly.",
      }),
    );
  }
  {
    const r = rng(3);
    cases.push(toCase({ en: "a single value", zh: "只有一个值" }, true, [onGrid(r.uniform(-8, 8)) || 0.125]));
  }
  {
    const r = rng(4);
    cases.push(toCase({ en: "zeros", zh: "全为 0" }, false, new Array<number>(r.int(2, 4)).fill(0)));
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "a long vector", zh: "一个很长的向量" }, false, moderate(r, r.int(40, 60), 15)));
  }
  {
    const r = rng(6);
    const values = Array.from({ length: r.int(3, 5) }, () => onGrid(r.uniform(35, 40)));
    cases.push(
      toCase({ en: "where 1 − g(z) cancels to 0", zh: "1 − g(z) 相消为 0 的地方" }, false, shuffled(r, [...values, ...values.map((v) => -v)]), {
        zh: "$z\\approx37$ 起 $g(z)$ 在双精度下就等于 1。",
        en: "From $z\\approx37$ on, $g(z)$ equals 1 in double precision.",
      }),
    );
  }
  {
    const r = rng(7);
    cases.push(toCase({ en: "beyond overflow: |z| ≥ 750", zh: "超出溢出界限：|z| ≥ 750" }, false, Array.from({ length: r.int(2, 5) }, () => onGrid(r.uniform(750, 5000)) * (r.next() < 0.5 ? -1 : 1))));
  }
  return cases;
};

export default generate;
