/**
 * Cases for activationDerivatives. Pre-activations sit on a 1/8 grid (exact in float32 and float64) and the
 * leaky slope α is a power of two, so αz is exact too. A visible case always holds z = 0 (the kink, where the
 * stated convention decides ReLU' and leaky ReLU'), every visible case holds negative z (leaky ReLU's slope α)
 * and |z| > 1 (where z(1 − z) and 1 − z² are far from a(1 − a) and 1 − a²). Saturated |z| ≥ 10 show vanishing
 * sigmoid and tanh derivatives; float32 rounds σ(z) and tanh z to 1 there, so the reference's derivatives are
 * good to about 6e-8 absolute, which the absolute tolerance 1e-5 absorbs with room to spare.
 */
import { caseSeed, createRng, shuffled, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

const alphas = [1 / 128, 1 / 64, 1 / 32, 1 / 16, 1 / 8, 1 / 4] as const;

/** Values with both signs and magnitude above 1 among them. */
function mixed(rng: Rng, m: number, std = 2.5): number[] {
  const z = rng.vector(m, () => onGrid(rng.normal(0, std)));
  z[0] = -onGrid(1.25 + Math.abs(rng.normal(0, 1)));
  z[1] = onGrid(1.25 + Math.abs(rng.normal(0, 1)));
  return shuffled(rng, z);
}

function toCase(name: Localized, visible: boolean, z: number[], alpha: number, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [z, alpha], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(toCase({ en: "values of both signs", zh: "正负值都有" }, true, mixed(r, r.int(5, 8)), r.pick(alphas)));
  }
  {
    const r = rng(1);
    const z = shuffled(r, [0, 0.125, -0.125, ...mixed(r, r.int(2, 4), 1)]);
    cases.push(
      toCase({ en: "at the kink z = 0", zh: "在折点 z = 0 处" }, true, z, r.pick(alphas), {
        zh: "ReLU 在 $z=0$ 处不可导。题目沿用 TensorFlow 的约定，用 $z>0$ 判断：$\\text{ReLU}'(0)=0$，$\\text{LeakyReLU}'(0)=\\alpha$。sigmoid 和 tanh 在 0 处的导数分别是最大值 $\\tfrac14$ 和 1。",
        en: "ReLU has no derivative at $z=0$. The statement follows TensorFlow and tests $z>0$: $\\text{ReLU}'(0)=0$ and $\\text{LeakyReLU}'(0)=\\alpha$. Sigmoid's and tanh's derivatives at 0 are their maxima, $\\tfrac14$ and 1.",
      }),
    );
  }
  {
    const r = rng(2);
    const m = r.int(3, 6);
    const z = shuffled(r, Array.from({ length: m }, (_, i) => (i % 2 === 0 ? 1 : -1) * onGrid(r.uniform(10, 30))));
    cases.push(
      toCase({ en: "saturated: |z| ≥ 10", zh: "饱和：|z| ≥ 10" }, true, z, r.pick(alphas), {
        zh: "sigmoid 和 tanh 在这里饱和：导数小于 $10^{-4}$，几乎为 0，这就是梯度消失。ReLU 在正半轴的导数仍然是 1,Leaky ReLU 在负半轴仍是 $\\alpha$。",
        en: "Sigmoid and tanh saturate here: their derivatives are below $10^{-4}$, practically 0, which is the vanishing gradient. ReLU's derivative is still 1 on the positive side, leaky ReLU's still $\\alpha$ on the negative side.",
      }),
    );
  }
  {
    const r = rng(3);
    const z = r.vector(r.int(3, 5), () => -onGrid(0.125 + Math.abs(r.normal(0, 3))));
    cases.push(
      toCase({ en: "negative values only", zh: "只有负值" }, true, z, r.pick(alphas), {
        zh: "$z<0$ 时 ReLU 输出 0、导数 0（这个神经元不再学习）；Leaky ReLU 输出 $\\alpha z$、导数 $\\alpha$。",
        en: "For $z<0$ ReLU outputs 0 with derivative 0 (the unit stops learning); leaky ReLU outputs $\\alpha z$ with derivative $\\alpha$.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(toCase({ en: "many values", zh: "大量的值" }, false, mixed(r, r.int(15, 30), 3), r.pick(alphas)));
  }
  {
    const r = rng(5);
    cases.push(
      toCase({ en: "every value 0", zh: "全部为 0" }, false, new Array<number>(r.int(2, 4)).fill(0), r.pick(alphas), {
        zh: "全是 0:$\\sigma=\\tfrac12$,$\\sigma'=\\tfrac14$,$\\tanh=0$,$\\tanh'=1$,ReLU 和 Leaky ReLU 都是 0，导数分别是 0 和 $\\alpha$。",
        en: "All zeros: $\\sigma=\\tfrac12$, $\\sigma'=\\tfrac14$, $\\tanh=0$, $\\tanh'=1$; ReLU and leaky ReLU are 0 with derivatives 0 and $\\alpha$.",
      }),
    );
  }
  {
    const r = rng(6);
    const z = shuffled(r, [1000, -1000, ...mixed(r, r.int(2, 3))]);
    cases.push(
      toCase({ en: "z = ±1000", zh: "z 取 ±1000" }, false, z, r.pick(alphas), {
        zh: "$e^{1000}$ 会溢出：用 $(e^z-e^{-z})/(e^z+e^{-z})$ 自己算 tanh 会得到 $\\infty/\\infty$。`Math.tanh` 和 $1/(1+e^{-z})$ 都给出正确的 $\\pm1$、0、1。",
        en: "$e^{1000}$ overflows: tanh computed by hand as $(e^z-e^{-z})/(e^z+e^{-z})$ gives $\\infty/\\infty$. `Math.tanh` and $1/(1+e^{-z})$ give the right $\\pm1$, 0 and 1.",
      }),
    );
  }
  {
    const r = rng(7);
    const z = r.vector(r.int(4, 7), () => onGrid(0.125 + Math.abs(r.normal(0, 2))));
    cases.push(toCase({ en: "positive values only", zh: "只有正值" }, false, z, r.pick(alphas)));
  }
  return cases;
};

export default generate;
