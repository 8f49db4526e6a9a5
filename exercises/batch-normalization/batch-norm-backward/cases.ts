/**
 * Cases for batchNormBackward: batches of 1–8 examples and 1–4 units, values on a 1/64 grid with a different mean
 * and spread per unit. Two visible cases teach the invariances that make the full gradient differ from the
 * "μ, σ² are constants" one: a uniform upstream gradient gives dZ = 0, and so does a batch of one.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 64) / 64;

interface Problem {
  dZ_tilde: number[][];
  Z: number[][];
  gamma: number[];
  epsilon: number;
}

function problem(rng: Rng, m: number, n: number): Problem {
  const centres = rng.vector(n, () => rng.normal(0, 1.5));
  const spreads = rng.vector(n, () => 0.5 + 1.5 * rng.next());
  return {
    dZ_tilde: rng.matrix(m, n, () => onGrid(rng.normal(0, 1))),
    Z: rng.matrix(m, n, () => 0).map((row) => row.map((_, j) => onGrid(centres[j]! + spreads[j]! * rng.normal()))),
    gamma: rng.vector(n, () => onGrid(0.5 + Math.abs(rng.normal(1, 0.5)))),
    epsilon: 1e-5,
  };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.dZ_tilde, p.Z, p.gamma, p.epsilon], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(toCase({ en: "a mini-batch", zh: "一个小批量" }, true, problem(r, r.int(4, 6), r.int(2, 3))));
  }
  {
    const r = rng(1);
    cases.push(toCase({ en: "three examples, one unit", zh: "三个样本，一个单元" }, true, problem(r, 3, 1)));
  }
  {
    const r = rng(2);
    const p = problem(r, r.int(3, 6), r.int(2, 3));
    const push = p.gamma.map(() => onGrid(r.normal(0, 1)) || 0.5);
    cases.push(
      toCase({ en: "the same upstream gradient for every example", zh: "每个样本的上游梯度都相同" }, true, { ...p, dZ_tilde: p.dZ_tilde.map((row) => row.map((_, j) => push[j]!)) }, {
        zh: "每个样本的 $d\\tilde z$ 都相同时 $dZ=0$：把一个单元的所有 $z$ 同时加上一个常数，$\\hat z$ 不变，所以这个方向上的梯度为 0。只有把 $\\mu$ 的依赖也求导，才能得到这个 0。",
        en: "When every example has the same $d\\tilde z$, $dZ=0$: adding one constant to all of a unit's $z$ leaves $\\hat z$ unchanged, so the gradient along that direction is 0. Only differentiating through $\\mu$ gives this 0.",
      }),
    );
  }
  {
    const r = rng(3);
    cases.push(
      toCase({ en: "a batch of one example", zh: "批量只有一个样本" }, true, problem(r, 1, r.int(2, 4)), {
        zh: "$m=1$ 时 $z=\\mu$，$\\hat z=0$，无论 $z$ 取什么 $\\tilde z=\\beta$：$dZ=0$，$d\\gamma=0$，$d\\beta=d\\tilde z$。",
        en: "With $m=1$, $z=\\mu$ and $\\hat z=0$, so $\\tilde z=\\beta$ whatever $z$ is: $dZ=0$, $d\\gamma=0$ and $d\\beta=d\\tilde z$.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(toCase({ en: "a larger mini-batch", zh: "更大的小批量" }, false, problem(r, r.int(6, 8), r.int(3, 4))));
  }
  {
    const r = rng(5);
    const p = problem(r, r.int(3, 6), r.int(2, 3));
    cases.push(
      toCase({ en: "γ = 1", zh: "取 γ = 1" }, false, { ...p, gamma: p.gamma.map(() => 1) }),
    );
  }
  {
    const r = rng(6);
    cases.push(toCase({ en: "two examples", zh: "两个样本" }, false, problem(r, 2, r.int(2, 4))));
  }
  {
    const r = rng(7);
    cases.push(toCase({ en: "four units", zh: "四个单元" }, false, problem(r, r.int(3, 5), 4)));
  }
  return cases;
};

export default generate;
