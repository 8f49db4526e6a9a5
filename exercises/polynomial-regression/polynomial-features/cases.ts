/**
 * Cases for polynomialFeatures. Inputs are multiples of 1/8 with |x| ≤ 3, degrees ≤ 4: every monomial is exact in
 * float32 and float64 alike. The visible cases have n ≥ 2 and degree ≥ 2 (where cross products and their order
 * matter) except the one-feature case of the notes' polynomial regression.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.max(-3, Math.min(3, Math.round(value * 8) / 8));

function features(rng: Rng, m: number, n: number): number[][] {
  return rng.matrix(m, n, () => onGrid(rng.normal(0, 1.25)));
}

function toCase(name: Localized, visible: boolean, X: number[][], degree: number, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [X, degree], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(
      toCase({ en: "two features, degree 2", zh: "两个特征，2 次" }, true, features(r, r.int(3, 5), 2), 2, {
        zh: "$[x_1, x_2, x_1^2, x_1x_2, x_2^2]$:5 列。交叉项 $x_1x_2$ 只出现一次，夹在两个平方项之间。",
        en: "$[x_1, x_2, x_1^2, x_1x_2, x_2^2]$: 5 columns. The cross term $x_1x_2$ appears once, between the two squares.",
      }),
    );
  }
  {
    const r = rng(1);
    cases.push(toCase({ en: "three features, degree 2", zh: "三个特征，2 次" }, true, features(r, r.int(2, 4), 3), 2));
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "two features, degree 3", zh: "两个特征，3 次" }, true, features(r, r.int(2, 4), 2), 3, {
        zh: "三次项依次是 $x_1^3, x_1^2x_2, x_1x_2^2, x_2^3$；一共 $\\binom{2+3}{3}-1=9$ 列。",
        en: "The cubic terms are $x_1^3, x_1^2x_2, x_1x_2^2, x_2^3$, in that order; $\\binom{2+3}{3}-1=9$ columns in all.",
      }),
    );
  }
  {
    const r = rng(3);
    const degree = r.int(3, 4);
    cases.push(
      toCase({ en: "one feature: x, x², x³, …", zh: "一个特征：x、x²、x³、…" }, true, features(r, r.int(4, 6), 1), degree, {
        zh: "笔记里的多项式回归：一个特征 $x$ 变成 $x, x^2, \\dots, x^d$，模型 $f=w_1x+w_2x^2+\\dots+b$ 对 $\\mathbf w$ 仍是线性的。",
        en: "The notes' polynomial regression: one feature $x$ becomes $x, x^2, \\dots, x^d$, and the model $f=w_1x+w_2x^2+\\dots+b$ is still linear in $\\mathbf w$.",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "degree 1 returns X itself", zh: "次数为 1 时返回 X 本身" }, false, features(r, r.int(3, 5), r.int(2, 4)), 1, {
        zh: "次数为 1 时结果就是 $X$。",
        en: "With degree 1 the result is $X$ itself.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "a single example (m = 1)", zh: "只有一个样本（m = 1）" }, false, features(r, 1, 3), 3));
  }
  {
    const r = rng(6);
    const X = features(r, r.int(3, 5), 3);
    for (const row of X) row[r.int(0, 2)] = 0;
    cases.push(
      toCase({ en: "zeros and negative values", zh: "含 0 和负值" }, false, X, 3, {
        zh: "含 0 的乘积为 0；负数的奇数次幂仍是负数。",
        en: "Any product with a 0 is 0; odd powers of a negative number stay negative.",
      }),
    );
  }
  {
    const r = rng(7);
    cases.push(toCase({ en: "four features, degree 2", zh: "四个特征，2 次" }, false, features(r, r.int(6, 10), 4), 2));
  }
  return cases;
};

export default generate;
