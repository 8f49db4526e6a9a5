/**
 * Cases for multiLabelLoss. Logits sit on a 1/8 grid (exact in float32 and float64). Every visible case has
 * K ≥ 2 labels and m ≥ 2 examples (so summing or averaging over the wrong axis shows), labels of both values
 * (absent labels carry the −(1 − y)·log(1 − σ(z)) term), and an example with several labels on (a softmax over
 * the labels cannot give two of them probability near 1).
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

type Label = 0 | 1;

interface Problem {
  Z: number[][];
  Y: Label[][];
}

/** Logits leaning towards their labels (a trained model), with noise so some guesses are wrong. */
function problem(rng: Rng, m: number, K: number, lean = 1.5, std = 2): Problem {
  const Y = Array.from({ length: m }, () => Array.from({ length: K }, (): Label => (rng.next() < 0.5 ? 0 : 1)));
  Y[0]![0] = 1;
  Y[0]![K - 1] = 1;
  if (m > 1) Y[m - 1]![0] = 0;
  const Z = Y.map((row) => row.map((y) => onGrid((y === 1 ? lean : -lean) + rng.normal(0, std))));
  return { Z, Y };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.Z, p.Y], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(
      toCase({ en: "three labels per example", zh: "每个样本三个标签" }, true, problem(r, r.int(3, 5), 3), {
        zh: "例如一张照片里是否有汽车、公交车、行人：三个互不排斥的是/否问题，每个标签一个 sigmoid。",
        en: "Say whether a photo shows a car, a bus, a pedestrian: three yes/no questions that do not exclude each other, one sigmoid per label.",
      }),
    );
  }
  {
    const r = rng(1);
    const K = r.int(3, 5);
    const p = problem(r, r.int(2, 3), K);
    p.Y[0] = new Array<Label>(K).fill(1);
    p.Z[0] = p.Z[0]!.map((z) => onGrid(Math.abs(z) + 2));
    cases.push(
      toCase({ en: "an example with every label on", zh: "一个样本的标签全部为 1" }, true, p, {
        zh: "第一个样本的所有标签都是 1，模型也都很有把握：每个 $\\sigma(z)$ 都接近 1。softmax 的输出加起来必须等于 1，表达不了这种情况。",
        en: "The first example has every label on and the model is confident about all of them: each $\\sigma(z)$ is close to 1. Softmax outputs must sum to 1 and cannot express this.",
      }),
    );
  }
  {
    const r = rng(2);
    const K = r.int(2, 4);
    const p = problem(r, r.int(2, 4), K);
    const last = p.Y.length - 1;
    p.Y[last] = new Array<Label>(K).fill(0);
    cases.push(
      toCase({ en: "an example with no label", zh: "一个样本没有任何标签" }, true, p, {
        zh: "最后一个样本一个标签都没有（例如照片里什么都没有）。它的损失全部来自 $-\\log(1-\\sigma(z_k))$ 这些项。",
        en: "The last example has no label at all (a photo showing none of the things). Its whole loss comes from the $-\\log(1-\\sigma(z_k))$ terms.",
      }),
    );
  }
  {
    const r = rng(3);
    const p = problem(r, r.int(2, 3), r.int(2, 3));
    p.Z[0]![0] = 1000;
    p.Y[0]![0] = 0;
    p.Z[0]![1] = -1000;
    p.Y[0]![1] = 1;
    cases.push(
      toCase({ en: "logits of ±1000", zh: "logit 为 ±1000" }, true, p, {
        zh: "两个标签以 $|z|=1000$ 猜错，各贡献 1000 的损失。像笔记“改进实现”那样直接从 logits 计算，$\\max(z,0)-zy+\\log(1+e^{-|z|})$ 不会溢出。",
        en: "Two labels are wrong with $|z|=1000$ and add 1000 each. Computed from the logits as in the notes' \"improved implementation\", $\\max(z,0)-zy+\\log(1+e^{-|z|})$ does not overflow.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "a single label (K = 1)", zh: "只有一个标签（K = 1）" }, false, problem(r, r.int(3, 6), 1), {
        zh: "$K=1$ 时多标签损失就是普通的二元交叉熵。",
        en: "With $K=1$ the multi-label loss is the ordinary binary cross-entropy.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "one example (m = 1)", zh: "一个样本（m = 1）" }, false, problem(r, 1, r.int(3, 6))));
  }
  {
    const r = rng(6);
    cases.push(toCase({ en: "many examples and labels", zh: "大量样本和标签" }, false, problem(r, r.int(10, 20), r.int(5, 8), 2, 3)));
  }
  {
    const r = rng(7);
    const p = problem(r, r.int(3, 5), r.int(2, 4), 0, 0);
    cases.push(
      toCase({ en: "every logit 0", zh: "logit 全为 0" }, false, p, {
        zh: "$z=0$ 时每个标签的概率都是 $\\tfrac12$，每个样本的损失是 $K\\log 2$。",
        en: "At $z=0$ every label has probability $\\tfrac12$ and each example's loss is $K\\log 2$.",
      }),
    );
  }
  return cases;
};

export default generate;
