/**
 * Cases for scaleFeatures. Values sit on a 1/8 grid (float32 and float64 read the same numbers; μ, min and max
 * of such columns are exact or nearly so in both). Every visible case has m ≥ 3 and a non-constant feature,
 * so the sample standard deviation and statistics over the wrong axis show in `sigma` and `mu` whatever the
 * method; the min-max case maps to a range other than [0, 1]; the decimal case has a feature whose largest
 * |x| is exactly a power of ten (j is one more than log10 of it).
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

type Method = "mean" | "z-score" | "min-max" | "decimal";

/** A column with a random centre and spread, never constant for m ≥ 2. */
function column(rng: Rng, m: number, centre: number, spread: number): number[] {
  const values = Array.from({ length: m }, () => onGrid(centre + rng.normal(0, spread)));
  if (m >= 2 && values.every((v) => v === values[0])) values[m - 1] = values[0]! + 1;
  return values;
}

function matrix(columns: number[][]): number[][] {
  const m = columns[0]!.length;
  return Array.from({ length: m }, (_, i) => columns.map((c) => c[i]!));
}

function features(rng: Rng, m: number, n: number): number[][] {
  return Array.from({ length: n }, () => column(rng, m, onGrid(rng.normal(0, 20)), 0.5 + Math.abs(rng.normal(0, 6))));
}

function toCase(name: Localized, visible: boolean, X: number[][], method: Method, range: [number, number] = [0, 1], note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [X, method, range[0], range[1]], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(
      toCase({ en: "z-score, several features", zh: "z-score 标准化，多个特征" }, true, matrix(features(r, r.int(4, 7), r.int(2, 3))), "z-score", undefined, {
        zh: "$\\sigma$ 是总体标准差（除以 $m$，即 `np.std` 的默认值）。缩放后每一列的均值为 0、标准差为 1。",
        en: "$\\sigma$ is the population standard deviation (divide by $m$, `np.std`'s default). After scaling every column has mean 0 and standard deviation 1.",
      }),
    );
  }
  {
    const r = rng(1);
    const low = onGrid(r.uniform(-3, 0)) - 1;
    const range: [number, number] = [low, low + onGrid(r.uniform(1.5, 4))];
    cases.push(
      toCase({ en: "min-max to [newMin, newMax]", zh: "min-max 缩放到 [newMin, newMax]" }, true, matrix(features(r, r.int(3, 6), r.int(2, 4))), "min-max", range, {
        zh: "目标区间不是 $[0,1]$：每列最小值变成 `newMin`，最大值变成 `newMax`。",
        en: "The target range is not $[0,1]$: each column's minimum becomes `newMin` and its maximum `newMax`.",
      }),
    );
  }
  {
    const r = rng(2);
    const m = r.int(3, 5);
    const power = 10 ** r.int(1, 3);
    const exact = column(r, m, 0, power / 4).map((v) => Math.max(-power + 1, Math.min(power - 1, v)));
    exact[r.int(0, m - 1)] = r.next() < 0.5 ? power : -power;
    const small = column(r, m, 0, 0.25).map((v) => Math.max(-0.875, Math.min(0.875, v)));
    const cols = r.next() < 0.5 ? [exact, small] : [small, exact];
    cases.push(
      toCase({ en: "decimal scaling, max |x| a power of ten", zh: "小数定标，max |x| 恰为 10 的幂" }, true, matrix(cols), "decimal", undefined, {
        zh: "有一列的最大 $|x|$ 恰好是 $10^p$：$|x|/10^p=1$ 不小于 1，所以 $j=p+1$，不是 $\\lceil\\log_{10}\\max|x|\\rceil=p$。所有 $|x|<1$ 的列 $j=0$。",
        en: "One column's largest $|x|$ is exactly $10^p$: $|x|/10^p = 1$ is not below 1, so $j = p+1$, not $\\lceil\\log_{10}\\max|x|\\rceil = p$. A column with every $|x| < 1$ has $j = 0$.",
      }),
    );
  }
  {
    const r = rng(3);
    const m = r.int(3, 6);
    const cols = features(r, m, r.int(2, 3));
    cols[r.int(0, cols.length - 1)] = new Array<number>(m).fill(onGrid(r.uniform(1, 9)));
    cases.push(
      toCase({ en: "mean normalisation with a constant feature", zh: "均值归一化，含常数特征" }, true, matrix(cols), "mean", undefined, {
        zh: "常数特征的 $\\max-\\min=0$。这里约定除以 1，于是它缩放成 0，而不是 $0/0=$ `NaN`（scikit-learn 也这样处理）。",
        en: "A constant feature has $\\max-\\min=0$. The convention here divides by 1 instead, so it scales to 0 rather than $0/0=$ `NaN` (scikit-learn does the same).",
      }),
    );
  }
  {
    const r = rng(4);
    const m = r.int(4, 8);
    const cols = features(r, m, r.int(3, 4));
    cols[r.int(0, cols.length - 1)] = new Array<number>(m).fill(onGrid(r.normal(0, 5)));
    cases.push(
      toCase({ en: "z-score with a constant feature", zh: "z-score 标准化，含常数特征" }, false, matrix(cols), "z-score", undefined, {
        zh: "$\\sigma=0$ 的特征缩放成 0。",
        en: "A feature with $\\sigma = 0$ scales to 0.",
      }),
    );
  }
  {
    const r = rng(5);
    const m = r.int(3, 6);
    const cols = features(r, m, r.int(2, 3));
    cols[0] = new Array<number>(m).fill(onGrid(r.normal(0, 5)));
    const low = onGrid(r.uniform(-2, 2));
    cases.push(
      toCase({ en: "min-max with a constant feature", zh: "min-max 缩放，含常数特征" }, false, matrix(cols), "min-max", [low, low + 2], {
        zh: "常数特征缩放到区间的下端 `newMin`。",
        en: "A constant feature scales to the bottom of the range, `newMin`.",
      }),
    );
  }
  {
    const r = rng(6);
    const method = r.pick(["mean", "z-score", "min-max"] as const);
    cases.push(
      toCase({ en: "a single example (m = 1)", zh: "只有一个样本（m = 1）" }, false, [features(r, 1, r.int(2, 4)).map((c) => c[0]!)], method, [-1, 1], {
        zh: "只有一个样本时每个特征都是常数。",
        en: "With one example every feature is constant.",
      }),
    );
  }
  {
    const r = rng(7);
    const m = r.int(10, 20);
    const cols = [column(r, m, 0, 0.2).map((v) => Math.max(-0.875, Math.min(0.875, v))), column(r, m, 4000, 1500), column(r, m, -30, 20)];
    cases.push(toCase({ en: "decimal scaling, mixed magnitudes", zh: "小数定标，数量级不一" }, false, matrix(cols), "decimal"));
  }
  {
    const r = rng(8);
    cases.push(toCase({ en: "mean normalisation, many examples", zh: "均值归一化，大量样本" }, false, matrix(features(r, r.int(12, 25), r.int(3, 5))), "mean"));
  }
  return cases;
};

export default generate;
