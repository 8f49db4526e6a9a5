/**
 * Cases for learningRateDecay: epoch lists that start at 0 (α0 in every schedule), cross a staircase boundary
 * (interval − 1, interval, and an epoch past the middle of a step, where rounding and flooring differ), and
 * run long enough for the exponential schedule to fall by orders of magnitude.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface Problem {
  alpha0: number;
  epochs: number[];
  decayRate: number;
  base: number;
  interval: number;
}

function problem(rng: Rng, count: number): Problem {
  const interval = rng.int(2, 10);
  const epochs = new Set<number>([0, interval - 1, interval, interval + Math.ceil(interval / 2)]);
  while (epochs.size < count) epochs.add(rng.int(1, 6 * interval));
  return {
    alpha0: rng.pick([0.5, 0.2, 0.1, 0.05, 0.01]),
    epochs: [...epochs].sort((a, b) => a - b),
    decayRate: rng.pick([0.5, 1, 2, 0.1]),
    // Bases exact in binary: float32 rounds 0.95 by 1e−8 relative, which 500 epochs of powers would grow past the
    // tolerance.
    base: rng.pick([0.5, 0.75, 0.875, 0.9375, 0.96875]),
    interval,
  };
}

function toCase(name: Localized, visible: boolean, p: Problem, note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p.alpha0, p.epochs, p.decayRate, p.base, p.interval], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    cases.push(
      toCase({ en: "the first epochs, across a staircase step", zh: "最初几个 epoch，跨过阶梯的一级" }, true, problem(r, r.int(5, 8)), {
        zh: "第 0 轮三种策略都等于 $\\alpha_0$；阶梯策略在 $\\text{interval}-1$ 和 $\\text{interval}$ 之间下降一次，在一个台阶的中间不变（向下取整，不是四舍五入）。",
        en: "At epoch 0 every schedule gives $\\alpha_0$; the staircase drops once between $\\text{interval}-1$ and $\\text{interval}$ and stays flat through the middle of a step (floor, not rounding).",
      }),
    );
  }
  {
    const r = rng(1);
    cases.push(toCase({ en: "a few epochs", zh: "几个 epoch" }, true, problem(r, r.int(4, 6))));
  }
  {
    const r = rng(2);
    cases.push(
      toCase({ en: "the course's example: α0 = 0.2, decay rate 1", zh: "课程里的例子：α0 = 0.2，衰减率 1" }, true, { ...problem(r, 5), alpha0: 0.2, decayRate: 1 }, {
        zh: "课程中的例子：$\\alpha_0=0.2$、decay rate $=1$ 时，第 1、2、3、4 轮的学习率是 0.1、0.067、0.05、0.04。",
        en: "The course's example: with $\\alpha_0=0.2$ and decay rate $1$, epochs 1, 2, 3, 4 get 0.1, 0.067, 0.05 and 0.04.",
      }),
    );
  }
  {
    const r = rng(3);
    cases.push(toCase({ en: "one epoch", zh: "一个 epoch" }, true, { ...problem(r, 4), epochs: [r.int(1, 20)] }));
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "a long run", zh: "长时间训练" }, false, { ...problem(r, 6), epochs: [0, 10, 50, 100, 200, 500] }, {
        zh: "训练很久以后，指数衰减比 $\\frac{1}{1+kt}$ 衰减快得多。",
        en: "Late in training the exponential schedule is far below the $\\frac{1}{1+kt}$ one.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "no decay", zh: "不衰减" }, false, { ...problem(r, 5), decayRate: 0, base: 1 }));
  }
  {
    const r = rng(6);
    cases.push(toCase({ en: "a staircase of one epoch", zh: "每级阶梯一个 epoch" }, false, { ...problem(r, 6), interval: 1 }));
  }
  return cases;
};

export default generate;
