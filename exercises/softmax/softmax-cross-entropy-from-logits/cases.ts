/**
 * Cases for softmaxCrossEntropy. Logits sit on a 1/8 grid (float64 and float32 read the same numbers, and
 * subtracting the row maximum is exact in both). The visible cases include logits of ±1000, where a softmax
 * without the max shift turns into NaN/Infinity, a true class that is not the most probable one, and m > 2,
 * so each misconception shows up and no two coincide.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

interface Problem {
  Z: number[][];
  y: number[];
}

function logits(rng: Rng, m: number, classes: number, std = 2): number[][] {
  return rng.matrix(m, classes, () => onGrid(rng.normal(0, std)));
}

function randomLabels(rng: Rng, m: number, classes: number): number[] {
  return Array.from({ length: m }, () => rng.int(0, classes - 1));
}

const argmax = (row: number[]): number => row.indexOf(Math.max(...row));

/** Makes example i's true class the least likely one, strictly below the row's maximum. */
function labelNotPredicted(problem: Problem, i: number): void {
  const row = problem.Z[i]!;
  const min = Math.min(...row);
  if (min === Math.max(...row)) row[0] = row[0]! + 1;
  problem.y[i] = row.indexOf(Math.min(...row));
}

function shuffled<T>(rng: Rng, items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.Z, p.y], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const m = r.int(3, 5);
    const p = { Z: logits(r, m, 3), y: randomLabels(r, m, 3) };
    labelNotPredicted(p, 0);
    cases.push(
      toCase({ en: "three classes", zh: "三个类别" }, true, p, {
        zh: "第一个样本的真实类别不是概率最大的那一类，所以它的损失比较大。",
        en: "The first example's true class is not the most probable one, so its loss is large.",
      }),
    );
  }
  {
    const r = rng(1);
    const classes = r.int(3, 4);
    const filler = (): number => onGrid(r.normal(0, 2));
    const padded = (values: number[]): number[] => shuffled(r, [...values, ...Array.from({ length: classes - values.length }, filler)]);
    const confident = padded([1000, -1000]);
    const tied = new Array<number>(classes).fill(-1000);
    const close = padded([1000, 999, -1000]);
    const p = {
      Z: [confident, tied, close],
      // The confident example's true class is always its −1000 one (loss 2000): a probability computed first
      // underflows to 0 there, so −log of it is Infinity on every seed, not only when a random label lands there.
      y: [confident.indexOf(-1000), r.int(0, classes - 1), close.indexOf(999)],
    };
    cases.push(
      toCase({ en: "large logits (±1000)", zh: "很大的 logit（±1000）" }, true, p, {
        zh: "$e^{1000}$ 溢出为 `Infinity`、$e^{-1000}$ 下溢为 0，不减最大值的 softmax 会得到 `NaN`。减去每行的最大值后结果完全正常：例如全为 $-1000$ 的那一行损失是 $\\log N$。第一个样本的真实类别是 logit 为 $-1000$ 的那一类，损失是 2000：它的概率 $e^{-2000}$ 下溢为 0，先算概率再取 log 会得到 `Infinity`，要用 log-softmax。",
        en: "$e^{1000}$ overflows to `Infinity` and $e^{-1000}$ underflows to 0, so a softmax without the max shift gives `NaN`. After subtracting each row's maximum everything is ordinary: the all-$(-1000)$ row, for instance, has loss $\\log N$. The first example's true class is its $-1000$ one, with loss 2000: its probability $e^{-2000}$ underflows to 0, so taking the log of the probability gives `Infinity`; use log-softmax.",
      }),
    );
  }
  {
    const r = rng(2);
    const classes = r.int(4, 6);
    cases.push(
      toCase({ en: "a single example (m = 1)", zh: "只有一个样本（m = 1）" }, true, { Z: logits(r, 1, classes), y: randomLabels(r, 1, classes) }, {
        zh: "$m=1$ 时代价就是这一个样本的 $-\\log a_y$。",
        en: "With $m=1$ the cost is that one example's $-\\log a_y$.",
      }),
    );
  }
  {
    const r = rng(3);
    const m = r.int(4, 6);
    cases.push(
      toCase({ en: "two classes", zh: "两个类别" }, true, { Z: logits(r, m, 2), y: randomLabels(r, m, 2) }, {
        zh: "$N=2$ 时 $a_1=\\frac{1}{1+e^{-(z_1-z_0)}}$：softmax 回归退化成以 $z_1-z_0$ 为输入的逻辑回归，这就是笔记说 softmax 是逻辑回归的推广。",
        en: "With $N=2$, $a_1=\\frac{1}{1+e^{-(z_1-z_0)}}$: softmax regression reduces to logistic regression on $z_1-z_0$, which is why the notes call softmax its generalisation.",
      }),
    );
  }
  {
    const r = rng(4);
    const m = r.int(10, 20);
    const classes = r.int(8, 10);
    cases.push(toCase({ en: "many classes", zh: "很多类别" }, false, { Z: logits(r, m, classes, 3), y: randomLabels(r, m, classes) }));
  }
  {
    const r = rng(5);
    const m = r.int(2, 4);
    const classes = r.int(3, 6);
    const Z = Array.from({ length: m }, () => new Array<number>(classes).fill(onGrid(r.normal(0, 3))));
    cases.push(
      toCase({ en: "all logits equal within each example", zh: "每个样本内的 logit 都相等" }, false, { Z, y: randomLabels(r, m, classes) }, {
        zh: "一行 logits 全相等时每一类概率都是 $\\frac1N$，损失是 $\\log N$，和 logit 的具体值无关。",
        en: "When a row's logits are all equal every class has probability $\\frac1N$ and the loss is $\\log N$, whatever the logit value.",
      }),
    );
  }
  {
    const r = rng(6);
    const m = r.int(2, 5);
    const classes = r.int(3, 5);
    const Z = logits(r, m, classes).map((row) => row.map((z) => z - 1000));
    cases.push(
      toCase({ en: "every logit near −1000", zh: "logit 全在 −1000 附近" }, false, { Z, y: randomLabels(r, m, classes) }, {
        zh: "每个 $e^{z}$ 都下溢为 0，不减最大值就是 $0/0$；减去最大值后与不减 1000 的 logits 结果相同。",
        en: "Every $e^{z}$ underflows to 0, so without the max shift this is $0/0$; with it the loss equals that of the same logits without the −1000.",
      }),
    );
  }
  {
    const r = rng(7);
    const m = r.int(3, 6);
    const classes = r.int(3, 5);
    const Z = logits(r, m, classes);
    const y = Z.map((row) => {
      const best = argmax(row);
      row[best] = row[best]! + 20;
      return best;
    });
    cases.push(
      toCase({ en: "confident and correct", zh: "自信且正确" }, false, { Z, y }, {
        zh: "真实类别的 logit 比其他类大 20 以上，概率接近 1，损失接近 0。",
        en: "The true class's logit beats the others by more than 20: its probability is close to 1 and the loss close to 0.",
      }),
    );
  }
  return cases;
};

export default generate;
