/**
 * Cases for precisionRecallF1. Each case is built from the confusion matrix it should have: predicted
 * positives get outputs in [threshold, 1], predicted negatives outputs in [0, threshold). Outputs are
 * multiples of 1/64 and thresholds multiples of 1/16, so float32 and float64 compare them identically. The
 * first visible case puts a positive example exactly at the threshold (≥ versus >) and has FP ≠ FN with TP > 0
 * (so P ≠ R: swapping them, or averaging them arithmetically, shows); two visible cases hit the 0/0 conventions.
 */
import { caseSeed, createRng, shuffled, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const step = 1 / 64;

/** An output on the 1/64 grid in [low, high) (or exactly `low` when the range is a single point). */
function output(rng: Rng, low: number, high: number): number {
  const first = Math.ceil(low / step);
  const last = Math.ceil(high / step) - 1;
  return rng.int(first, Math.max(first, last)) * step;
}

/** Examples with the given confusion matrix; `tieAtThreshold` makes one true positive sit exactly on it. */
function build(rng: Rng, counts: Counts, threshold: number, tieAtThreshold = false): [number[], number[]] {
  const examples: [number, number][] = [];
  for (let i = 0; i < counts.tp; i++) examples.push([tieAtThreshold && i === 0 ? threshold : output(rng, threshold, 1 + step), 1]);
  for (let i = 0; i < counts.fp; i++) examples.push([output(rng, threshold, 1 + step), 0]);
  for (let i = 0; i < counts.fn; i++) examples.push([output(rng, 0, threshold), 1]);
  for (let i = 0; i < counts.tn; i++) examples.push([output(rng, 0, threshold), 0]);
  const mixed = shuffled(rng, examples);
  return [mixed.map(([p]) => p), mixed.map(([, y]) => y)];
}

function toCase(name: Localized, visible: boolean, data: [number[], number[]], threshold: number, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [data[0], data[1], threshold], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const fp = r.int(1, 3);
    const fn = fp + r.int(1, 2);
    const threshold = r.pick([0.375, 0.5, 0.625]);
    cases.push(
      toCase({ en: "a rare positive class, one output exactly at the threshold", zh: "正类稀少，一个输出恰好等于阈值" }, true, build(r, { tp: r.int(2, 4), fp, fn, tn: r.int(8, 14) }, threshold, true), threshold, {
        zh: "有一个正样本的输出正好等于阈值：按约定 $f\\ge$ 阈值就预测为 1，它算作真正例。",
        en: "One positive example's output equals the threshold exactly: by the convention $f\\ge$ threshold it is predicted 1 and counts as a true positive.",
      }),
    );
  }
  {
    const r = rng(1);
    const positives = r.int(1, 3);
    cases.push(
      toCase({ en: "nothing predicted positive", zh: "没有预测为正类的样本" }, true, build(r, { tp: 0, fp: 0, fn: positives, tn: r.int(8, 15) }, 0.875), 0.875, {
        zh: "阈值高于所有输出，模型对每个样本都预测 $y=0$：准确率很高，但一个正例都没找到。$TP+FP=0$，按约定精确率为 0；召回率 $0/(0+FN)=0$；F1 为 0。这正是倾斜数据集上只看准确率的陷阱。",
        en: "The threshold is above every output, so the model predicts $y=0$ for everything: high accuracy, yet not one positive found. $TP+FP=0$, so precision is 0 by convention; recall is $0/(0+FN)=0$; F1 is 0. This is the trap of judging a skewed data set by accuracy.",
      }),
    );
  }
  {
    const r = rng(2);
    const threshold = 0.75;
    cases.push(
      toCase({ en: "a high threshold", zh: "较高的阈值" }, true, build(r, { tp: r.int(1, 3), fp: r.int(0, 1), fn: r.int(3, 5), tn: r.int(6, 12) }, threshold), threshold, {
        zh: "阈值提高到 0.75：只在很有把握时才预测 1，精确率高、召回率低。",
        en: "A threshold of 0.75: predict 1 only when confident, so precision is high and recall low.",
      }),
    );
  }
  {
    const r = rng(3);
    const threshold = r.pick([0.25, 0.5]);
    cases.push(
      toCase({ en: "no positive example", zh: "没有正样本" }, true, build(r, { tp: 0, fp: r.int(1, 3), fn: 0, tn: r.int(4, 9) }, threshold), threshold, {
        zh: "数据里没有正例：$TP+FN=0$，按约定召回率为 0；精确率是 $0/FP=0$；F1 为 0。",
        en: "The data holds no positive example: $TP+FN=0$, so recall is 0 by convention; precision is $0/FP=0$; F1 is 0.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "a perfect classifier", zh: "完美的分类器" }, false, build(r, { tp: r.int(2, 5), fp: 0, fn: 0, tn: r.int(5, 10) }, 0.5), 0.5, {
        zh: "没有 FP 也没有 FN：$P=R=F_1=1$。",
        en: "No FP and no FN: $P=R=F_1=1$.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(
      toCase({ en: "threshold 0: everything predicted positive", zh: "阈值 0：全部预测为正类" }, false, build(r, { tp: r.int(1, 4), fp: r.int(5, 12), fn: 0, tn: 0 }, 0), 0, {
        zh: "阈值为 0 时每个样本都预测为 1：召回率为 1，精确率等于正例所占的比例。",
        en: "With threshold 0 every example is predicted 1: recall is 1 and precision is the share of positives.",
      }),
    );
  }
  {
    const r = rng(6);
    const threshold = r.pick([0.3125, 0.4375, 0.5625]);
    cases.push(toCase({ en: "many examples", zh: "大量样本" }, false, build(r, { tp: r.int(3, 9), fp: r.int(2, 8), fn: r.int(2, 8), tn: r.int(30, 60) }, threshold), threshold));
  }
  {
    const r = rng(7);
    cases.push(
      toCase({ en: "every positive call wrong", zh: "预测为正类的全都错了" }, false, build(r, { tp: 0, fp: r.int(1, 4), fn: r.int(1, 4), tn: r.int(3, 8) }, 0.5), 0.5, {
        zh: "$TP=0$ 而 $FP$、$FN$ 都不为 0:$P=R=0$,F1 的 $\\frac{2PR}{P+R}$ 是 $0/0$，按约定为 0。",
        en: "$TP=0$ while $FP$ and $FN$ are not: $P=R=0$, and F1's $\\frac{2PR}{P+R}$ is $0/0$, which is 0 by convention.",
      }),
    );
  }
  return cases;
};

export default generate;
