/**
 * Cases for `dropoutForward`. Activations sit on a 1/8 grid and the uniform draws on a 1/16 grid, so a draw can
 * equal keep_prob exactly (the visible case that pins down "u < keep_prob keeps"). Three of the four visible
 * cases use keep_prob ≠ 0.5 (where 1/keep_prob = 1/(1 − keep_prob)), all of them < 1 (where no scaling shows); the hidden ones add
 * keep_prob = 1, negative (tanh) activations and a whole example dropped.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number, steps = 8): number => Math.round(value * steps) / steps;
/** A uniform draw on the 1/16 grid of [0, 1). */
const draw = (rng: Rng): number => rng.int(0, 15) / 16;

interface Problem {
  A: number[][];
  U: number[][];
  keepProb: number;
}

/** ReLU-like activations (≥ 0, never exactly 0, so every dropped unit shows) or tanh-like ones in (−1, 1). */
function activations(rng: Rng, n: number, m: number, kind: "relu" | "tanh" = "relu"): number[][] {
  return rng.matrix(n, m, () => (kind === "relu" ? onGrid(0.125 + Math.abs(rng.normal(0, 1.5))) : onGrid(rng.uniform(-0.875, 0.875)) || 0.125));
}

function problem(rng: Rng, n: number, m: number, keepProb: number, kind: "relu" | "tanh" = "relu"): Problem {
  return { A: activations(rng, n, m, kind), U: rng.matrix(n, m, () => draw(rng)), keepProb };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: Localized): ExerciseCase {
  return { name, visible, args: [p.A, p.U, p.keepProb], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(toCase({ en: "keep_prob = 0.8", zh: "保留概率 keep_prob = 0.8" }, true, problem(r, r.int(3, 5), r.int(3, 6), 0.8)));
  }
  {
    const r = rng(1);
    const p = problem(r, r.int(3, 4), r.int(4, 6), 0.75);
    p.U[0]![0] = 0.75;
    p.U[p.U.length - 1]![1] = 0.75;
    cases.push(
      toCase({ en: "draws equal to keep_prob", zh: "抽样值等于 keep_prob" }, true, p, {
        en: "Some draws equal keep_prob = 0.75 exactly. The rule is $u < \\text{keep\\_prob}$ (as `np.random.rand(...) < keep_prob`), so those units are dropped and exactly a keep_prob share of $[0, 1)$ keeps a unit.",
        zh: "有些抽样正好等于 keep_prob = 0.75。规则是 $u < \\text{keep\\_prob}$（与 `np.random.rand(...) < keep_prob` 一致），所以这些单元被丢弃；$[0, 1)$ 中恰好有 keep_prob 那么大的比例保留单元。",
      }),
    );
  }
  {
    const r = rng(2);
    const keepProb = r.pick([0.6, 0.625, 0.7]);
    cases.push(toCase({ en: "a lower keep_prob", zh: "较低的 keep_prob" }, true, problem(r, r.int(2, 4), r.int(5, 8), keepProb)));
  }
  {
    const r = rng(3);
    const n = r.int(3, 5);
    const m = r.int(2, 4);
    const p = problem(r, n, m, 0.5);
    p.U = p.U.map((row) => row.map(() => onGrid(r.uniform(0.5, 0.9375), 16)));
    p.U[r.int(0, n - 1)]![r.int(0, m - 1)] = onGrid(r.uniform(0, 0.4375), 16);
    cases.push(
      toCase({ en: "only one unit survives", zh: "只有一个单元保留下来" }, true, p, {
        en: "Every draw but one is ≥ keep_prob: a single activation is kept, and it is doubled ($1/0.5$), the way inverted dropout keeps the layer's expected output.",
        zh: "除一个以外所有抽样都 ≥ keep_prob：只保留一个激活值，并且它被放大一倍（$1/0.5$），反向 dropout 就是这样保持这一层输出的期望值。",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "keep_prob = 1 keeps everything", zh: "keep_prob = 1 时全部保留" }, false, problem(r, r.int(2, 4), r.int(2, 5), 1), {
        en: "With keep_prob = 1 every $u < 1$ keeps its unit and dividing by 1 changes nothing: dropout is switched off.",
        zh: "keep_prob = 1 时每个 $u < 1$ 都保留单元，除以 1 也不改变任何值：dropout 相当于关闭。",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(
      toCase({ en: "tanh activations (negative values)", zh: "tanh 激活值（有负值）" }, false, problem(r, r.int(3, 5), r.int(3, 5), 0.8, "tanh"), {
        en: "Negative activations are dropped and rescaled the same way: the mask multiplies, it does not clip.",
        zh: "负的激活值也一样被丢弃和放大：掩码是相乘，不是截断。",
      }),
    );
  }
  {
    const r = rng(6);
    const p = problem(r, r.int(3, 4), r.int(3, 5), 0.875);
    const column = r.int(0, p.U[0]!.length - 1);
    for (const row of p.U) row[column] = 0.9375;
    cases.push(
      toCase({ en: "one example loses every unit", zh: "一个样本丢掉了所有单元" }, false, p, {
        en: "Each activation has its own draw, so one example (a column) can lose all its units while the others keep theirs.",
        zh: "每个激活值各有一个抽样，所以某个样本（一列）可能失去全部单元，而其他样本不受影响。",
      }),
    );
  }
  {
    const r = rng(7);
    cases.push(toCase({ en: "a wide layer", zh: "很宽的层" }, false, problem(r, r.int(8, 12), r.int(6, 10), r.pick([0.8, 0.9]))));
  }
  return cases;
};

export default generate;
