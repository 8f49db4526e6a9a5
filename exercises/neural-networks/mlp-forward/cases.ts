/**
 * Cases for mlpForward. Inputs, weights and biases sit on a 1/8 grid; weights are scaled by 1/√n[l−1] so
 * activations stay of order 1 and float32 holds the outputs to about 1e-7. Every layer is non-square, every
 * bias is non-zero (so a bias added after the activation shows), and the visible cases cover the three rows
 * of the notes' output table (sigmoid, linear, ReLU) with three different hidden activations, plus a network
 * without hidden layers.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

function nonZero(rng: Rng, scale: number): number {
  const magnitude = onGrid(0.25 + Math.abs(rng.normal(0, scale)));
  return rng.next() < 0.5 ? -magnitude : magnitude;
}

interface Layer {
  W: number[][];
  b: number[];
}

/** Layers for the sizes [n0, n1, …, nL]; `outputScale` widens the output layer's bias. */
function network(rng: Rng, sizes: number[], outputScale = 1): Layer[] {
  return sizes.slice(1).map((units, l) => {
    const inputs = sizes[l]!;
    const isOutput = l === sizes.length - 2;
    return {
      W: rng.matrix(units, inputs, () => onGrid(rng.normal(0, 1.5 / Math.sqrt(inputs)))),
      b: rng.vector(units, () => nonZero(rng, isOutput ? outputScale : 0.5)),
    };
  });
}

const inputs = (rng: Rng, n: number, m: number): number[][] => rng.matrix(n, m, () => onGrid(rng.normal(0, 1.5)));

function toCase(
  name: Localized,
  visible: boolean,
  X: number[][],
  layers: Layer[],
  hiddenActivation: string,
  task: string,
  note?: ExerciseCase["note"],
): ExerciseCase {
  return { name, visible, args: [X, layers.map((l) => ({ W: l.W, b: l.b })), hiddenActivation, task], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const n0 = r.int(2, 3);
    cases.push(
      toCase({ en: "binary classification, ReLU hidden layer", zh: "二分类，ReLU 隐藏层" }, true, inputs(r, n0, r.int(3, 5)), network(r, [n0, n0 + r.int(1, 2), 1]), "relu", "binary", {
        zh: "二元分类：输出层用 sigmoid，输出的是 $y=1$ 的概率；隐藏层用 ReLU。",
        en: "Binary classification: the output layer uses a sigmoid and outputs the probability that $y=1$; the hidden layer uses ReLU.",
      }),
    );
  }
  {
    const r = rng(1);
    const n0 = r.int(2, 4);
    cases.push(
      toCase({ en: "regression, two tanh hidden layers", zh: "回归，两个 tanh 隐藏层" }, true, inputs(r, n0, r.int(3, 6)), network(r, [n0, r.int(3, 5), r.int(2, 3), 1], 3), "tanh", "regression", {
        zh: "回归（输出有正有负）：输出层用线性激活 $g(z)=z$，也就是不做激活。",
        en: "Regression with outputs of either sign: the output layer is linear, $g(z)=z$, i.e. no activation at all.",
      }),
    );
  }
  {
    const r = rng(2);
    const n0 = r.int(2, 3);
    cases.push(
      toCase({ en: "non-negative regression, sigmoid hidden layer", zh: "非负回归，sigmoid 隐藏层" }, true, inputs(r, n0, r.int(4, 6)), network(r, [n0, r.int(3, 4), r.int(2, 3)], 1), "sigmoid", "non-negative", {
        zh: "只能取非负值的回归（例如房价）：输出层用 ReLU，负的 $z$ 输出 0。",
        en: "A regression whose outputs cannot be negative (house prices, say): the output layer uses ReLU, and a negative $z$ outputs 0.",
      }),
    );
  }
  {
    const r = rng(3);
    const n0 = r.int(3, 5);
    cases.push(
      toCase({ en: "one example, no hidden layer", zh: "一个样本，没有隐藏层" }, true, inputs(r, n0, 1), network(r, [n0, 1]), "relu", "binary", {
        zh: "没有隐藏层、输出层用 sigmoid 的网络就是逻辑回归：$a=\\sigma(\\vec w\\cdot\\vec x+b)$。`hiddenActivation` 在这里用不到。",
        en: "A network with no hidden layer and a sigmoid output is logistic regression: $a=\\sigma(\\vec w\\cdot\\vec x+b)$. `hiddenActivation` is not used here.",
      }),
    );
  }
  {
    const r = rng(4);
    const n0 = r.int(3, 5);
    cases.push(
      toCase({ en: "deep regression network, ReLU hidden layers", zh: "深层回归网络，ReLU 隐藏层" }, false, inputs(r, n0, r.int(5, 9)), network(r, [n0, r.int(4, 6), r.int(3, 5), r.int(2, 4), 1], 2), "relu", "regression"),
    );
  }
  {
    const r = rng(5);
    const n0 = r.int(2, 4);
    cases.push(
      toCase({ en: "several non-negative outputs, tanh hidden layer", zh: "多个非负输出，tanh 隐藏层" }, false, inputs(r, n0, r.int(3, 6)), network(r, [n0, r.int(4, 6), r.int(3, 4)], 1), "tanh", "non-negative"),
    );
  }
  {
    const r = rng(6);
    cases.push(
      toCase({ en: "one input feature, linear hidden layers", zh: "一个输入特征，线性隐藏层" }, false, inputs(r, 1, r.int(3, 5)), network(r, [1, r.int(3, 5), r.int(2, 4), 1], 2), "linear", "regression", {
        zh: "只有一个特征 $x$，而且全部是线性激活：整个网络只是一条直线 $wx+b$，笔记“为什么需要激活函数”说的就是这个。",
        en: "A single feature $x$ and linear activations everywhere: the whole network is just a line $wx+b$, the notes' \"why activation functions are needed\".",
      }),
    );
  }
  {
    const r = rng(7);
    const n0 = r.int(4, 6);
    cases.push(
      toCase({ en: "many examples, sigmoid hidden layer", zh: "大量样本，sigmoid 隐藏层" }, false, inputs(r, n0, r.int(12, 20)), network(r, [n0, r.int(5, 8), 1]), "sigmoid", "binary"),
    );
  }
  return cases;
};

export default generate;
