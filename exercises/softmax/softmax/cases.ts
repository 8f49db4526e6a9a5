/**
 * Cases for softmax. Logits sit on a 1/8 grid, so float64 (the learner) and float32 (the TensorFlow.js
 * reference) read the same numbers and subtracting a group's maximum is exact in both. Every matrix is
 * non-square or uses axis 0 against a layout where rows and columns differ, so a softmax over the wrong axis
 * shows. The visible large-logit case holds a group at ±1000 (e^{1000} overflows), a group whose exponentials
 * are finite but sum past 1.8e308 (a softmax without the shift returns finite zeros), and a group 740 below
 * the batch's largest logit (shifted by the batch maximum its exponentials are subnormal: finite and wrong).
 */
import { caseSeed, createRng, shuffled, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

function logits(rng: Rng, rows: number, cols: number, std = 2): number[][] {
  return rng.matrix(rows, cols, () => onGrid(rng.normal(0, std)));
}

const transpose = (M: number[][]): number[][] => M[0]!.map((_, j) => M.map((row) => row[j]!));

/**
 * Groups of N logits that test stability: ±1000 (at the first and the last position), a sum that overflows,
 * a group far below the batch maximum, a group of −1000s.
 */
function largeGroups(rng: Rng, classes: number): number[][] {
  const filler = (around: number) => (): number => onGrid(around + rng.normal(0, 2));
  const padded = (values: number[], around: number): number[] =>
    shuffled(rng, [...values, ...Array.from({ length: classes - values.length }, filler(around))]);
  const middle = Array.from({ length: classes - 2 }, filler(0));
  return [
    // ±1000 at both ends of a group (not shuffled), so a maximum search that skips an end overflows.
    [1000, ...middle, -1000],
    [-1000, ...middle.map((z) => -z), 1000],
    padded([708, 709, 709.5], 700),
    padded([260, 259.5, 259], 255),
    new Array<number>(classes).fill(-1000),
  ];
}

function toCase(name: Localized, visible: boolean, Z: number[][], axis: 0 | 1, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [Z, axis], ...(note ? { note } : {}) };
}

const largeNote: ExerciseCase["note"] = {
  zh: "$e^{1000}$ 溢出为 `Infinity`；$[708, 709, 709.5]$ 这一组每个指数都有限，但和超过 $1.8\\times10^{308}$；$[260, 259.5, 259]$ 这一组比整批最大的 logit 小 740，若减去整批的最大值，指数会成为精度很低的次正规数；全为 $-1000$ 的一组每类概率都是 $\\frac1N$。减去每组自己的最大值后，这些都不成问题。",
  en: "$e^{1000}$ overflows to `Infinity`; in the group $[708, 709, 709.5]$ every exponential is finite but their sum passes $1.8\\times10^{308}$; the group $[260, 259.5, 259]$ sits 740 below the batch's largest logit, so shifted by the batch maximum its exponentials become subnormal numbers with few digits; the all-$(-1000)$ group gives every class $\\frac1N$. Shifting each group by its own maximum handles all of them.",
};

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const m = r.int(2, 4);
    cases.push(
      toCase({ en: "one example per row (axis = 1)", zh: "每行一个样本（axis = 1）" }, true, logits(r, m, m + r.int(1, 2)), 1, {
        zh: "`axis = 1`：每一行是一个样本的 $N$ 个 logits，每一行的概率加起来等于 1。",
        en: "`axis = 1`: each row holds one example's $N$ logits, and each row's probabilities sum to 1.",
      }),
    );
  }
  {
    const r = rng(1);
    const classes = r.int(3, 4);
    cases.push(
      toCase({ en: "one example per column (axis = 0)", zh: "每列一个样本（axis = 0）" }, true, logits(r, classes, classes + r.int(1, 3)), 0, {
        zh: "`axis = 0`：每一列是一个样本（吴恩达深度学习课程的排法），每一列的概率加起来等于 1。",
        en: "`axis = 0`: each column is one example (the deep-learning course's layout), and each column's probabilities sum to 1.",
      }),
    );
  }
  {
    const r = rng(2);
    cases.push(toCase({ en: "large logits (±1000)", zh: "很大的 logit（±1000）" }, true, largeGroups(r, r.int(3, 5)), 1, largeNote));
  }
  {
    const r = rng(3);
    const classes = r.int(3, 6);
    cases.push(
      toCase({ en: "a single example as a column", zh: "单个样本作为一列" }, true, logits(r, classes, 1, 3), 0, {
        zh: "只有一个样本、按列存放：softmax 作用在这一整列上。若沿行归一化，每个“概率”都会是 1。",
        en: "One example stored as a column: the softmax runs down that whole column. Normalised along the rows instead, every \"probability\" would be 1.",
      }),
    );
  }
  {
    const r = rng(4);
    const classes = r.int(3, 5);
    cases.push(
      toCase({ en: "large logits, one example per column", zh: "很大的 logit，每列一个样本" }, false, transpose(largeGroups(r, classes)), 0, largeNote),
    );
  }
  {
    const r = rng(5);
    const m = r.int(2, 4);
    const classes = r.int(3, 6);
    const Z = Array.from({ length: m }, () => new Array<number>(classes).fill(onGrid(r.normal(0, 3))));
    cases.push(
      toCase({ en: "equal logits within each example", zh: "每个样本内 logit 相等" }, false, Z, 1, {
        zh: "一组 logits 全相等时，每一类的概率都是 $\\frac1N$，与 logit 的值无关。",
        en: "When a group's logits are all equal, every class has probability $\\frac1N$, whatever the value.",
      }),
    );
  }
  {
    const r = rng(6);
    const m = r.int(6, 12);
    cases.push(toCase({ en: "many examples, many classes", zh: "大量样本，很多类别" }, false, logits(r, m, r.int(7, 10), 3), 1));
  }
  {
    const r = rng(8);
    cases.push(
      toCase({ en: "a single example as a row", zh: "单个样本作为一行" }, false, logits(r, 1, r.int(3, 6), 3), 1, {
        zh: "只有一个样本、按行存放(`axis = 1`):softmax 作用在这一整行上。",
        en: "One example stored as a row (`axis = 1`): the softmax runs along that whole row.",
      }),
    );
  }
  {
    const r = rng(7);
    const classes = r.int(4, 6);
    const Z = logits(r, classes, r.int(5, 8), 4).map((row) => row.map((z) => onGrid(z - 500)));
    cases.push(
      toCase({ en: "every logit near −500, one example per column", zh: "logit 全在 −500 附近，每列一个样本" }, false, Z, 0, {
        zh: "$e^{-500}\\approx 7\\times10^{-218}$ 在双精度里还不会下溢，但减去最大值后才是正常大小的数；结果与去掉 $-500$ 的 logits 相同。",
        en: "$e^{-500}\\approx 7\\times10^{-218}$ does not yet underflow in double precision, but only the shifted exponentials are ordinary numbers; the result equals that of the same logits without the $-500$.",
      }),
    );
  }
  return cases;
};

export default generate;
