/**
 * Cases for sampleHyperparameters: draws on a 1/1024 grid (exact in float32), the course's ranges and others, a
 * case whose draws land exactly on decade boundaries, and β ranges reaching 0.9999, where sampling β itself
 * (instead of 1 − β) goes most wrong.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const draw = (rng: Rng): number => Math.floor(rng.next() * 1024) / 1024;

interface Problem {
  uAlpha: number[];
  alphaMin: number;
  alphaMax: number;
  uBeta: number[];
  betaMin: number;
  betaMax: number;
}

const alphaRanges: [number, number][] = [
  [1e-4, 1],
  [1e-5, 1e-1],
  [1e-3, 1e-1],
  [1e-6, 1e-2],
];
const betaRanges: [number, number][] = [
  [0.9, 0.999],
  [0.9, 0.9999],
  [0.5, 0.99],
  [0.99, 0.9999],
];

function problem(rng: Rng, draws: number): Problem {
  const [alphaMin, alphaMax] = rng.pick(alphaRanges);
  const [betaMin, betaMax] = rng.pick(betaRanges);
  return {
    // A draw near the middle in every case: the ends (u = 0) agree under every mapping.
    uAlpha: [0.5 + draw(rng) / 4, ...Array.from({ length: draws - 1 }, () => draw(rng))],
    alphaMin,
    alphaMax,
    uBeta: [0.5 + draw(rng) / 4, ...Array.from({ length: draws - 1 }, () => draw(rng))],
    betaMin,
    betaMax,
  };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.uAlpha, p.alphaMin, p.alphaMax, p.uBeta, p.betaMin, p.betaMax], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(
      toCase({ en: "the course's ranges", zh: "课程里的取值范围" }, true, { ...problem(r, r.int(3, 6)), alphaMin: 1e-4, alphaMax: 1, betaMin: 0.9, betaMax: 0.999 }, {
        zh: "课程中的例子：$\\alpha\\in[10^{-4},1]$ 取 $r\\in[-4,0]$，$\\alpha=10^r$；$\\beta\\in[0.9,0.999]$ 时 $1-\\beta\\in[10^{-3},10^{-1}]$，取 $r\\in[-1,-3]$，$\\beta=1-10^r$。",
        en: "The course's example: for $\\alpha\\in[10^{-4},1]$ take $r\\in[-4,0]$ and $\\alpha=10^r$; for $\\beta\\in[0.9,0.999]$, $1-\\beta\\in[10^{-3},10^{-1}]$, so take $r\\in[-1,-3]$ and $\\beta=1-10^r$.",
      }),
    );
  }
  {
    const r = rng(1);
    cases.push(
      toCase({ en: "one draw per decade", zh: "每个数量级抽一个" }, true, { ...problem(r, 4), uAlpha: [0, 0.25, 0.5, 0.75], alphaMin: 1e-4, alphaMax: 1, uBeta: [0, 0.5], betaMin: 0.9, betaMax: 0.999 }, {
        zh: "在对数尺度上均匀取值，每个数量级得到同样多的样本：$u=0, 0.25, 0.5, 0.75$ 依次给出 $10^{-4}, 10^{-3}, 10^{-2}, 10^{-1}$。线性均匀取值时，90% 的样本会落在 $[0.1, 1]$ 里。",
        en: "Uniform on a log scale gives every decade the same share of draws: $u=0, 0.25, 0.5, 0.75$ give $10^{-4}, 10^{-3}, 10^{-2}, 10^{-1}$. Uniform on a linear scale would put 90% of the draws in $[0.1, 1]$.",
      }),
    );
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "β up to 0.9999", zh: "β 最大到 0.9999" }, true, { ...problem(r, r.int(3, 5)), betaMin: 0.9, betaMax: 0.9999 }, {
        zh: "$\\beta$ 接近 1 时结果对它非常敏感：$\\beta$ 从 0.999 变到 0.9995，平均的窗口 $\\frac{1}{1-\\beta}$ 从 1000 变成 2000。所以要在 $1-\\beta$ 上按对数尺度取值。",
        en: "Near 1, results are very sensitive to $\\beta$: from 0.999 to 0.9995 the averaging window $\\frac{1}{1-\\beta}$ goes from 1000 to 2000. That is why $1-\\beta$ is sampled on a log scale.",
      }),
    );
  }
  {
    const r = rng(3);
    cases.push(toCase({ en: "a few draws", zh: "抽几次" }, true, problem(r, r.int(2, 4))));
  }
  {
    const r = rng(4);
    cases.push(toCase({ en: "many draws", zh: "抽很多次" }, false, problem(r, r.int(10, 20))));
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "one draw each", zh: "各抽一次" }, false, problem(r, 1)));
  }
  {
    const r = rng(6);
    cases.push(toCase({ en: "only α is tuned", zh: "只调 α" }, false, { ...problem(r, r.int(3, 6)), uBeta: [] }));
  }
  return cases;
};

export default generate;
