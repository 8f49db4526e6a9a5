/**
 * Cases for `dropoutBackward`. Upstream gradients sit on a 1/8 grid and are never 0, so every dropped or
 * rescaled entry shows; masks come from uniform draws with the forward rule u < keep_prob. The visible cases
 * use keep_prob < 1 and include a mask that keeps a single unit; the hidden ones add keep_prob = 1, a fully
 * dropped example and a single-unit layer.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

function gradient(rng: Rng, n: number, m: number): number[][] {
  return rng.matrix(n, m, () => {
    const magnitude = onGrid(0.125 + Math.abs(rng.normal(0, 1)));
    return rng.next() < 0.5 ? -magnitude : magnitude;
  });
}

function mask(rng: Rng, n: number, m: number, keepProb: number): number[][] {
  return rng.matrix(n, m, () => (rng.next() < keepProb ? 1 : 0));
}

function toCase(name: Localized, visible: boolean, dA: number[][], D: number[][], keepProb: number, note?: Localized): ExerciseCase {
  return { name, visible, args: [dA, D, keepProb], ...(note ? { note } : {}) };
}

/** Makes sure the mask keeps and drops at least one unit each, so both kinds of mistake show. */
function mixed(D: number[][]): number[][] {
  D[0]![0] = 1;
  D[D.length - 1]![D[0]!.length - 1] = 0;
  return D;
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const n = r.int(3, 5);
    const m = r.int(3, 6);
    cases.push(toCase({ en: "keep_prob = 0.8", zh: "保留概率 keep_prob = 0.8" }, true, gradient(r, n, m), mixed(mask(r, n, m, 0.8)), 0.8));
  }
  {
    const r = rng(1);
    const n = r.int(2, 4);
    const m = r.int(4, 7);
    const keepProb = r.pick([0.6, 0.7, 0.75]);
    cases.push(toCase({ en: "a lower keep_prob", zh: "较低的 keep_prob" }, true, gradient(r, n, m), mixed(mask(r, n, m, keepProb)), keepProb));
  }
  {
    const r = rng(2);
    const n = r.int(3, 5);
    const m = r.int(2, 4);
    const D = Array.from({ length: n }, () => new Array<number>(m).fill(0));
    D[r.int(0, n - 1)]![r.int(0, m - 1)] = 1;
    cases.push(
      toCase({ en: "only one unit was kept", zh: "只保留了一个单元" }, true, gradient(r, n, m), D, 0.5, {
        en: "The forward pass kept a single activation, so only that one receives a gradient (doubled, $1/0.5$); every dropped unit had no effect on $J$ and gets exactly 0.",
        zh: "前向传播只保留了一个激活值，所以只有它得到梯度（放大一倍，$1/0.5$）；被丢弃的单元对 $J$ 没有影响，梯度正好为 0。",
      }),
    );
  }
  {
    const r = rng(3);
    const m = r.int(5, 9);
    cases.push(
      toCase({ en: "a single-unit layer", zh: "只有一个单元的层" }, true, gradient(r, 1, m), mixed(mask(r, 1, m, 0.9)), 0.9, {
        en: "Shape $1\\times m$: the same rule, one example per column.",
        zh: "形状为 $1\\times m$：规则不变，每列一个样本。",
      }),
    );
  }
  {
    const r = rng(4);
    const n = r.int(2, 4);
    const m = r.int(2, 5);
    cases.push(
      toCase({ en: "keep_prob = 1", zh: "保留概率 keep_prob = 1" }, false, gradient(r, n, m), mask(r, n, m, 1), 1, {
        en: "keep_prob = 1 keeps every unit and divides by 1: the gradient passes through unchanged.",
        zh: "keep_prob = 1 时所有单元都保留、除以 1：梯度原样通过。",
      }),
    );
  }
  {
    const r = rng(5);
    const n = r.int(3, 4);
    const m = r.int(3, 5);
    const D = mask(r, n, m, 0.8);
    const column = r.int(0, m - 1);
    for (const row of D) row[column] = 0;
    cases.push(
      toCase({ en: "an example with every unit dropped", zh: "一个样本的单元全被丢弃" }, false, gradient(r, n, m), D, 0.8, {
        en: "One example lost all its units in the forward pass, so its whole column of the gradient is 0.",
        zh: "某个样本在前向传播中失去了全部单元，所以梯度的这一整列都是 0。",
      }),
    );
  }
  {
    const r = rng(6);
    const n = r.int(8, 12);
    const m = r.int(6, 10);
    cases.push(toCase({ en: "a wide layer", zh: "很宽的层" }, false, gradient(r, n, m), mixed(mask(r, n, m, 0.875)), 0.875));
  }
  {
    const r = rng(7);
    const n = r.int(2, 3);
    const m = r.int(2, 3);
    cases.push(toCase({ en: "keep_prob = 0.5", zh: "保留概率 keep_prob = 0.5" }, false, gradient(r, n, m), mixed(mask(r, n, m, 0.5)), 0.5));
  }
  return cases;
};

export default generate;
