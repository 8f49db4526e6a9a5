/**
 * Cases for regularizationPenalties. Weights are multiples of 1/8; λ's are 0.01 (the notes' L2(0.01)) or short
 * binary fractions. The first visible case always holds exact zeros and negative weights, so sign(0) and a
 * missing |·| show; every visible case has λ₂ > 0 and weights ≠ 0, so a missing factor 2 or a square root shows.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

function kernel(rng: Rng, rows: number, cols: number, std = 1): number[][] {
  return rng.matrix(rows, cols, () => onGrid(rng.normal(0, std)));
}

function toCase(name: Localized, visible: boolean, W: number[][], lambda1: number, lambda2: number, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [W, lambda1, lambda2], ...(note ? { note } : {}) };
}

const strength = (rng: Rng): number => rng.pick([0.125, 0.25, 0.5, 1]);

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const rows = r.int(3, 4);
    const cols = r.int(2, 3);
    const W = kernel(r, rows, cols).map((row) => row.map((w) => (w === 0 ? 0.5 : w)));
    W[0]![0] = 0;
    W[rows - 1]![r.int(0, cols - 1)] = 0;
    W[1]![cols - 1] = -Math.abs(W[1]![cols - 1]!) || -0.75;
    cases.push(
      toCase({ en: "a kernel with zero weights", zh: "含零权重的权重矩阵" }, true, W, strength(r), strength(r), {
        zh: "$|w|$ 在 0 处不可导，这里取次梯度 $\\operatorname{sign}(0)=0$：已经为 0 的权重不再被推动。",
        en: "$|w|$ has no derivative at 0; the subgradient used here is $\\operatorname{sign}(0)=0$, so a weight already at 0 is not pushed any further.",
      }),
    );
  }
  {
    const r = rng(1);
    cases.push(toCase({ en: "one unit: a column of weights", zh: "一个单元：一列权重" }, true, kernel(r, r.int(3, 6), 1).map((row) => row.map((w) => w || -0.25)), strength(r), strength(r)));
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "λ = 0.01, as in the notes' L2(0.01)", zh: "λ = 0.01，同笔记里的 L2(0.01)" }, true, kernel(r, r.int(2, 4), r.int(2, 4), 2).map((row) => row.map((w) => w || 1.5)), 0.01, 0.01, {
        zh: "笔记里的 `kernel_regularizer=L2(0.01)` 给代价加上 $0.01\\sum w^2$。",
        en: "The notes' `kernel_regularizer=L2(0.01)` adds $0.01\\sum w^2$ to the cost.",
      }),
    );
  }
  {
    const r = rng(3);
    const cols = r.int(2, 3);
    const W = [Array.from({ length: cols }, () => (r.next() < 0.5 ? -0.125 : 0.125)), Array.from({ length: cols }, () => (r.next() < 0.5 ? -4 : 4))];
    cases.push(
      toCase({ en: "small and large weights", zh: "有小权重也有大权重" }, true, W, strength(r), strength(r), {
        zh: "L1 的梯度对 $\\pm0.125$ 和 $\\pm4$ 一样大($\\lambda_1$)，会把小权重一路推到 0;L2 的梯度 $2\\lambda_2w$ 随 $w$ 变小而消失，小权重只会越缩越小。这就是 L1 产生稀疏权重的原因。",
        en: "L1's gradient is as large for $\\pm0.125$ as for $\\pm4$ ($\\lambda_1$), pushing small weights all the way to 0; L2's gradient $2\\lambda_2w$ fades as $w$ shrinks, so small weights only get smaller. That is why L1 makes weights sparse.",
      }),
    );
  }
  {
    const r = rng(4);
    const rows = r.int(2, 4);
    const cols = r.int(2, 3);
    cases.push(
      toCase({ en: "all weights zero", zh: "权重全为 0" }, false, Array.from({ length: rows }, () => new Array<number>(cols).fill(0)), strength(r), strength(r), {
        zh: "两个惩罚项和两个梯度都为 0。",
        en: "Both penalties and both gradients are 0.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "λ₁ = 0: L2 only", zh: "λ₁ = 0：只有 L2" }, false, kernel(r, r.int(2, 5), r.int(1, 3)), 0, strength(r)));
  }
  {
    const r = rng(6);
    cases.push(toCase({ en: "a larger kernel", zh: "更大的权重矩阵" }, false, kernel(r, r.int(6, 9), r.int(4, 6)), strength(r), 0.01));
  }
  {
    const r = rng(7);
    cases.push(toCase({ en: "negative weights only", zh: "只有负权重" }, false, kernel(r, r.int(2, 4), r.int(2, 4)).map((row) => row.map((w) => -Math.abs(w) || -0.5)), strength(r), strength(r)));
  }
  return cases;
};

export default generate;
