/**
 * Cases for denseForward. Inputs sit on a 1/8 grid. Every layer has n_in ≥ units, and the sigmoid case's W is
 * square, where reading W's rows as the units' weight vectors gives wrong numbers of the right shape. The relu
 * cases hold negative z's (so a forgotten activation shows) and b ≠ 0 everywhere (so a bias added after the
 * activation shows).
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

type Activation = "sigmoid" | "relu" | "linear";

interface Layer {
  A: number[][];
  W: number[][];
  b: number[];
}

function layer(rng: Rng, m: number, nIn: number, units: number, scale = 1): Layer {
  return {
    A: rng.matrix(m, nIn, () => onGrid(rng.normal(0, 1.5))),
    W: rng.matrix(nIn, units, () => onGrid(rng.normal(0, scale)) || 0.25),
    b: rng.vector(units, () => onGrid(rng.normal(0, 1)) || -0.5),
  };
}

function z(l: Layer, i: number, j: number): number {
  return l.A[i]!.reduce((s, a, k) => s + a * l.W[k]![j]!, l.b[j]!);
}

/** Makes example 0's unit 0 strictly negative by lowering that unit's bias. */
function withNegativeZ(l: Layer): Layer {
  const value = z(l, 0, 0);
  if (value >= 0) l.b[0] = l.b[0]! - value - 0.5;
  return l;
}

function toCase(name: Localized, visible: boolean, l: Layer, activation: Activation, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [l.A, l.W, l.b, activation], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(
      toCase({ en: "relu, three inputs to two units", zh: "ReLU，三个输入到两个单元" }, true, withNegativeZ(layer(r, r.int(2, 4), 3, 2)), "relu", {
        zh: "ReLU：$g(z)=\\max(0,z)$，负的 $z$ 输出 0。",
        en: "ReLU: $g(z)=\\max(0,z)$; a negative $z$ outputs 0.",
      }),
    );
  }
  {
    const r = rng(1);
    const n = r.int(2, 3);
    cases.push(
      toCase({ en: "sigmoid, square W", zh: "sigmoid，W 为方阵" }, true, layer(r, r.int(2, 3), n, n), "sigmoid", {
        zh: "$W$ 是方阵时，把行当成 $\\mathbf w_j$ 不会报错，但结果是错的：第 $j$ 个单元的权重是第 $j$ **列**。",
        en: "With a square $W$, reading rows as $\\mathbf w_j$ raises no error but gives wrong numbers: unit $j$'s weights are column $j$.",
      }),
    );
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "linear output unit (regression)", zh: "线性输出单元（回归）" }, true, layer(r, r.int(3, 5), r.int(2, 4), 1), "linear", {
        zh: "笔记的表：输出有正有负的回归问题，输出层用线性激活 $g(z)=z$。",
        en: "The notes' table: for regression with outputs of either sign, the output layer uses the linear activation $g(z)=z$.",
      }),
    );
  }
  {
    const r = rng(3);
    cases.push(
      toCase({ en: "sigmoid output unit (binary classification)", zh: "sigmoid 输出单元（二分类）" }, true, layer(r, r.int(3, 5), r.int(2, 4), 1), "sigmoid", {
        zh: "二元分类的输出层用 sigmoid，输出 $y=1$ 的概率。",
        en: "Binary classification's output layer uses the sigmoid and outputs the probability that $y=1$.",
      }),
    );
  }
  {
    const r = rng(4);
    const l = layer(r, r.int(2, 4), r.int(2, 3), 2);
    l.b = l.b.map((_, j) => -Math.abs(l.W.reduce((s, row) => s + Math.abs(row[j]!), 0)) * 5 - 1);
    cases.push(
      toCase({ en: "relu with every z negative", zh: "ReLU，z 全为负" }, false, l, "relu", {
        zh: "所有 $z<0$：ReLU 全输出 0（“死”单元）。",
        en: "Every $z<0$: ReLU outputs 0 everywhere (dead units).",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "a batch of many examples", zh: "包含大量样本的批量" }, false, layer(r, r.int(12, 25), r.int(4, 6), r.int(2, 4)), "relu"));
  }
  {
    const r = rng(6);
    cases.push(toCase({ en: "one input feature, one unit", zh: "一个输入特征，一个单元" }, false, layer(r, r.int(2, 5), 1, 1), r.pick(["relu", "linear", "sigmoid"] as const)));
  }
  {
    const r = rng(7);
    cases.push(
      toCase({ en: "sigmoid saturated (large |z|)", zh: "sigmoid 饱和（|z| 很大）" }, false, layer(r, r.int(2, 4), r.int(2, 3), 2, 12), "sigmoid", {
        zh: "$|z|$ 很大时 sigmoid 输出接近 0 或 1。",
        en: "For large $|z|$ the sigmoid outputs nearly 0 or 1.",
      }),
    );
  }
  return cases;
};

export default generate;
