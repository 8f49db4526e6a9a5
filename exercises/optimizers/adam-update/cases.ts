/**
 * Cases for updateParametersWithAdam: networks of one to three layers, moments and gradients on a 1/64 grid.
 * Visible cases sit early (t ≤ 3), where bias correction changes the step a lot, with ε large enough in one case
 * to show where it sits; a hidden case at t = 1000 shows the correction fading.
 */
import { filledLike, layerSizes, mapSet, randomSet, type ParameterSet } from "../../lib/parameter-sets";
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface Problem {
  parameters: ParameterSet;
  grads: ParameterSet;
  v: ParameterSet;
  s: ParameterSet;
  t: number;
  alpha: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

function problem(rng: Rng, layers: number, t: number): Problem {
  const sizes = layerSizes(rng, layers);
  return {
    parameters: randomSet(rng, sizes, "", () => rng.normal(0, 1)),
    grads: randomSet(rng, sizes, "d", () => rng.normal(0, 1)),
    v: randomSet(rng, sizes, "d", () => rng.normal(0, 0.25)),
    s: randomSet(rng, sizes, "d", () => 0.03125 + Math.abs(rng.normal(0, 0.25))),
    t,
    alpha: rng.pick([0.001, 0.01, 0.05]),
    beta1: 0.9,
    beta2: rng.pick([0.99, 0.999]),
    epsilon: 1e-8,
  };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.parameters, p.grads, p.v, p.s, p.t, p.alpha, p.beta1, p.beta2, p.epsilon], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const p = problem(r, 1, 1);
    cases.push(
      toCase({ en: "the first step (t = 1, v = s = 0)", zh: "第一步（t = 1，v = s = 0）" }, true, { ...p, v: filledLike(p.v, 0), s: filledLike(p.s, 0) }, {
        zh: "$t=1$ 时 $\\hat v=dW$，$\\hat s=dW^2$，每个参数都移动约 $\\alpha$（方向与梯度相反）。没有偏差修正，第一步会被 $\\frac{1-\\beta_1}{\\sqrt{1-\\beta_2}}$ 缩放。",
        en: "At $t=1$, $\\hat v=dW$ and $\\hat s=dW^2$, so every parameter moves by about $\\alpha$ against its gradient. Without bias correction the first step would be scaled by $\\frac{1-\\beta_1}{\\sqrt{1-\\beta_2}}$.",
      }),
    );
  }
  {
    const r = rng(1);
    cases.push(toCase({ en: "two layers at t = 2", zh: "两层，t = 2" }, true, problem(r, 2, 2)));
  }
  {
    const r = rng(2);
    cases.push(toCase({ en: "one layer at t = 3", zh: "一层，t = 3" }, true, problem(r, 1, 3)));
  }
  {
    const r = rng(3);
    const p = problem(r, 1, 2);
    cases.push(
      toCase({ en: "tiny second moments: where ε sits matters", zh: "二阶矩极小：ε 加在哪里很重要" }, true, { ...p, grads: mapSet(p.grads, (g) => (g >= 0 ? 1 : -1) / 64), s: filledLike(p.s, 0), epsilon: 0.001 }, {
        zh: "$\\hat s$ 很小时，$\\sqrt{\\hat s}+\\epsilon$ 和 $\\sqrt{\\hat s+\\epsilon}$ 差得很远。Adam 论文、本课和 `tf.train.adam` 都把 $\\epsilon$ 加在根号外。",
        en: "With a tiny $\\hat s$, $\\sqrt{\\hat s}+\\epsilon$ and $\\sqrt{\\hat s+\\epsilon}$ are far apart. The Adam paper, the course and `tf.train.adam` all add $\\epsilon$ outside the root.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "late in training (t = 1000)", zh: "训练后期（t = 1000）" }, false, problem(r, 2, 1000), {
        zh: "$t$ 很大时 $\\beta^t\\approx0$，偏差修正几乎不起作用。",
        en: "For large $t$, $\\beta^t\\approx0$ and bias correction barely changes anything.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "three layers at t = 10", zh: "三层，t = 10" }, false, problem(r, 3, 10)));
  }
  {
    const r = rng(6);
    const p = problem(r, 2, 5);
    cases.push(toCase({ en: "a zero gradient", zh: "梯度为 0" }, false, { ...p, grads: filledLike(p.grads, 0) }));
  }
  {
    const r = rng(7);
    cases.push(toCase({ en: "two layers at t = 50", zh: "两层，t = 50" }, false, problem(r, 2, 50)));
  }
  return cases;
};

export default generate;
