/**
 * Cases for updateParametersWithRMSprop: networks of one to three layers, values on a 1/64 grid. Most cases use
 * a moderate ε (1e−8 would hide where ε sits); one case with tiny gradients and S = 0 makes √S + ε and √(S + ε)
 * far apart.
 */
import { filledLike, layerSizes, mapSet, randomSet, type ParameterSet } from "../../lib/parameter-sets";
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface Problem {
  parameters: ParameterSet;
  grads: ParameterSet;
  s: ParameterSet;
  beta: number;
  alpha: number;
  epsilon: number;
}

function problem(rng: Rng, layers: number): Problem {
  const sizes = layerSizes(rng, layers);
  return {
    parameters: randomSet(rng, sizes, "", () => rng.normal(0, 1)),
    grads: randomSet(rng, sizes, "d", () => rng.normal(0, 1)),
    s: randomSet(rng, sizes, "d", () => 0.25 + Math.abs(rng.normal(0, 1))),
    beta: rng.pick([0.8, 0.9, 0.95]),
    alpha: rng.pick([0.01, 0.05, 0.1]),
    epsilon: rng.pick([1e-8, 1e-6]),
  };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.parameters, p.grads, p.s, p.beta, p.alpha, p.epsilon], ...(note ? { note } : {}) };
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
    const p = problem(r, 2);
    cases.push(
      toCase({ en: "the first step (S = 0)", zh: "第一步（S = 0）" }, true, { ...p, s: filledLike(p.s, 0) }, {
        zh: "从 $S=0$ 出发，$S_{dW}=(1-\\beta)dW^2$，每个参数的步长约为 $\\frac{\\alpha}{\\sqrt{1-\\beta}}$，与梯度的大小无关：RMSprop 只保留梯度的方向。",
        en: "From $S=0$, $S_{dW}=(1-\\beta)dW^2$ and every parameter moves by about $\\frac{\\alpha}{\\sqrt{1-\\beta}}$ whatever the gradient's size: RMSprop keeps only its direction.",
      }),
    );
  }
  {
    const r = rng(3);
    const p = problem(r, 1);
    cases.push(
      toCase({ en: "tiny gradients: where ε sits matters", zh: "梯度极小：ε 加在哪里很重要" }, true, { ...p, grads: mapSet(p.grads, (g) => (g >= 0 ? 1 : -1) / 64), s: filledLike(p.s, 0), epsilon: 0.001 }, {
        zh: "梯度很小且 $S=0$ 时，$\\sqrt{S}$ 与 $\\epsilon$ 同一量级：$\\sqrt{S}+\\epsilon$ 和 $\\sqrt{S+\\epsilon}$ 差得很远。本课把 $\\epsilon$ 加在根号外。",
        en: "With tiny gradients and $S=0$, $\\sqrt{S}$ is on the scale of $\\epsilon$, so $\\sqrt{S}+\\epsilon$ and $\\sqrt{S+\\epsilon}$ are far apart. The course adds $\\epsilon$ outside the root.",
      }),
    );
  }
  {
    const r = rng(4);
    const p = problem(r, 2);
    cases.push(
      toCase({ en: "a zero gradient with S = 0", zh: "梯度为 0 且 S = 0" }, false, { ...p, grads: filledLike(p.grads, 0), s: filledLike(p.s, 0) }, {
        zh: "$dW=0$、$S=0$ 时更新是 $\\frac{0}{0+\\epsilon}=0$：$\\epsilon$ 避免了 $0/0$。",
        en: "With $dW=0$ and $S=0$ the step is $\\frac{0}{0+\\epsilon}=0$: $\\epsilon$ prevents $0/0$.",
      }),
    );
  }
  {
    const r = rng(5);
    const p = problem(r, 1);
    cases.push(
      toCase({ en: "large and small gradients get similar steps", zh: "大梯度和小梯度得到相近的步长" }, false, { ...p, grads: mapSet(p.grads, (g, _key, i) => (i % 2 === 0 ? 16 * g : g / 16)), beta: 0.5 }, {
        zh: "梯度相差几百倍的参数，除以各自的 $\\sqrt{S}$ 后步长相近：陡峭方向被抑制，平缓方向被放大。",
        en: "Parameters whose gradients differ a hundredfold take similar steps once each is divided by its own $\\sqrt{S}$: steep directions are damped and flat ones sped up.",
      }),
    );
  }
  {
    const r = rng(6);
    cases.push(toCase({ en: "three layers", zh: "三层" }, false, problem(r, 3)));
  }
  {
    const r = rng(7);
    cases.push(toCase({ en: "β close to 1", zh: "β 接近 1" }, false, { ...problem(r, 2), beta: 0.999 }));
  }
  return cases;
};

export default generate;
