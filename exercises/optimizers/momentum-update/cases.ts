/**
 * Cases for updateParametersWithMomentum: networks of one to three layers, values on a 1/64 grid, β never ½
 * in a visible case (there "(1 − β)·v + β·dW" would agree with the right update) and α, β varying by seed.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import { filledLike, layerSizes, mapSet, onGrid, randomSet, type ParameterSet } from "../../lib/parameter-sets";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface Problem {
  parameters: ParameterSet;
  grads: ParameterSet;
  v: ParameterSet;
  beta: number;
  alpha: number;
}

function problem(rng: Rng, layers: number, velocity: "random" | "zero" = "random"): Problem {
  const sizes = layerSizes(rng, layers);
  const parameters = randomSet(rng, sizes, "", () => rng.normal(0, 1));
  const grads = randomSet(rng, sizes, "d", () => rng.normal(0, 1));
  const v = velocity === "zero" ? filledLike(grads, 0) : randomSet(rng, sizes, "d", () => rng.normal(0, 0.5));
  return { parameters, grads, v, beta: rng.pick([0.8, 0.875, 0.9, 0.95]), alpha: rng.pick([0.01, 0.05, 0.1, 0.25]) };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.parameters, p.grads, p.v, p.beta, p.alpha], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(toCase({ en: "one layer", zh: "一层" }, true, problem(r, 1)));
  }
  {
    const r = rng(1);
    cases.push(toCase({ en: "two layers", zh: "两层" }, true, problem(r, 2)));
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "the first step (v = 0)", zh: "第一步（v = 0）" }, true, problem(r, 2, "zero"), {
        zh: "从 $v=0$ 出发，第一步的速度只有 $(1-\\beta)\\,dW$，参数只移动 $\\alpha(1-\\beta)\\,dW$：动量一开始很慢，这正是偏差修正要解决的问题。",
        en: "Starting from $v=0$, the first velocity is only $(1-\\beta)\\,dW$ and the parameters move by just $\\alpha(1-\\beta)\\,dW$: momentum starts slowly, which is what bias correction addresses.",
      }),
    );
  }
  {
    const r = rng(3);
    const p = problem(r, 1);
    cases.push(
      toCase({ en: "a zero gradient: the velocity carries on", zh: "梯度为 0：速度照样延续" }, true, { ...p, grads: filledLike(p.grads, 0) }, {
        zh: "梯度为 0 时 $v$ 衰减为 $\\beta v$，但参数仍然沿着新的 $v$ 移动 $\\alpha\\beta v$：这就是“惯性”。",
        en: "With a zero gradient $v$ decays to $\\beta v$, yet the parameters still move by $\\alpha\\beta v$ along the new velocity: that is the momentum.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "β = 0 is plain gradient descent", zh: "β = 0 就是普通梯度下降" }, false, { ...problem(r, 2), beta: 0 }, {
        zh: "$\\beta=0$ 时 $v_{dW}=dW$，更新退化为普通梯度下降 $W=W-\\alpha\\,dW$。",
        en: "With $\\beta=0$, $v_{dW}=dW$ and the update is plain gradient descent, $W=W-\\alpha\\,dW$.",
      }),
    );
  }
  {
    const r = rng(5);
    const p = problem(r, 2);
    const v = mapSet(p.grads, (g) => (g >= 0 ? 1 : -1) * Math.max(0.25, Math.abs(onGrid(g / 2))));
    cases.push(
      toCase({ en: "a gradient that keeps its direction builds up speed", zh: "方向不变的梯度让速度越积越大" }, false, { ...p, v }, {
        zh: "速度与梯度同号：每一步都在同一方向上累积，步子越来越大。",
        en: "The velocity has the gradient's sign: steps in one direction accumulate and grow.",
      }),
    );
  }
  {
    const r = rng(6);
    const p = problem(r, 1);
    const v = mapSet(p.grads, (g) => -g);
    cases.push(
      toCase({ en: "an oscillating gradient is damped", zh: "来回振荡的梯度被抑制" }, false, { ...p, v }, {
        zh: "梯度与速度方向相反（来回振荡的方向）：两者相互抵消，这个方向上的步子变小。",
        en: "The gradient opposes the velocity (a direction that oscillates): they cancel and the step in that direction shrinks.",
      }),
    );
  }
  {
    const r = rng(7);
    cases.push(toCase({ en: "three layers", zh: "三层" }, false, problem(r, 3)));
  }
  return cases;
};

export default generate;
