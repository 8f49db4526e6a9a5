/**
 * Cases for `randomMiniBatches`. Inputs sit on a 1/8 grid (exact in float32) and every column is different, so
 * any misplaced column shows. Permutations are never their own inverse (so X[:, p] and the scatter X[:, p⁻¹]
 * differ), and the visible cases include an m that the batch size does not divide and a batch size above m.
 */
import { caseSeed, createRng, shuffled, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

const onGrid = (value: number): number => Math.round(value * 8) / 8;

function permutation(rng: Rng, m: number, identity = false): number[] {
  const order = Array.from({ length: m }, (_, i) => i);
  if (identity) return order;
  for (;;) {
    const p = shuffled(rng, order);
    // Not an involution (p[p[i]] ≠ i somewhere), so gathering and scattering give different orders.
    if (m < 3 || p.some((v, i) => p[v] !== i)) return p;
  }
}

/** Example i's features are distinct from every other example's: column i starts with i + 1 plus a fraction. */
function dataset(rng: Rng, nx: number, m: number): { X: number[][]; Y: number[][] } {
  const X = Array.from({ length: nx }, (_, r) => Array.from({ length: m }, (_, i) => (r === 0 ? i + 1 + rng.int(0, 7) / 8 : onGrid(rng.normal(0, 2)))));
  const Y = [Array.from({ length: m }, () => (rng.next() < 0.5 ? 0 : 1))];
  return { X, Y };
}

function toCase(name: Localized, visible: boolean, rng: Rng, nx: number, m: number, size: number, note?: Localized, identity = false): ExerciseCase {
  const { X, Y } = dataset(rng, nx, m);
  return { name, visible, args: [X, Y, permutation(rng, m, identity), size], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const size = r.int(3, 4);
    const m = size * r.int(2, 3) + r.int(1, size - 1);
    cases.push(
      toCase({ en: "a smaller last batch", zh: "最后一批较小" }, true, r, r.int(2, 3), m, size, {
        en: "$m$ is not a multiple of the batch size: after $\\lfloor m/\\text{size}\\rfloor$ full batches, the last one holds the $m \\bmod \\text{size}$ examples left over. Dropping it would never train on them in this epoch.",
        zh: "$m$ 不是批大小的整数倍：$\\lfloor m/\\text{size}\\rfloor$ 个完整的批之后，最后一批装剩下的 $m \\bmod \\text{size}$ 个样本。丢掉它，这一轮就永远不会用这些样本训练。",
      }),
    );
  }
  {
    const r = rng(1);
    const size = r.int(2, 3);
    cases.push(toCase({ en: "m a multiple of the batch size", zh: "m 是批量大小的倍数" }, true, r, r.int(1, 3), size * r.int(3, 4), size));
  }
  {
    const r = rng(2);
    const m = r.int(4, 7);
    cases.push(
      toCase({ en: "batch size larger than m", zh: "批量大小大于 m" }, true, r, 2, m, m + r.int(1, 5), {
        en: "A batch size of at least $m$ gives one batch holding the whole shuffled set: batch gradient descent.",
        zh: "批大小不小于 $m$ 时只有一批，就是打乱后的整个训练集：即批量梯度下降。",
      }),
    );
  }
  {
    const r = rng(3);
    cases.push(
      toCase({ en: "batch size 1", zh: "批量大小为 1" }, true, r, r.int(2, 3), r.int(4, 6), 1, {
        en: "Batches of one example are stochastic gradient descent: each batch is one column, in the permutation's order.",
        zh: "每批一个样本就是随机梯度下降：每一批是一列，按置换给出的顺序。",
      }),
    );
  }
  {
    const r = rng(4);
    cases.push(
      toCase({ en: "batch size 64", zh: "批量大小为 64" }, false, r, 2, 64 * 2 + r.int(1, 40), 64, {
        en: "The usual power-of-two batch size: two full batches of 64 and a shorter third one.",
        zh: "常用的 2 的幂作为批大小：两批各 64 个样本，第三批较短。",
      }),
    );
  }
  {
    const r = rng(5);
    const size = r.int(3, 5);
    cases.push(
      toCase({ en: "a last batch of one example", zh: "最后一批只有一个样本" }, false, r, r.int(2, 4), size * r.int(2, 3) + 1, size, {
        en: "One example is left over, so the last batch has a single column.",
        zh: "只剩下一个样本，所以最后一批只有一列。",
      }),
    );
  }
  {
    const r = rng(6);
    cases.push(toCase({ en: "many features", zh: "很多特征" }, false, r, r.int(5, 7), r.int(10, 14), r.int(4, 5)));
  }
  {
    const r = rng(7);
    const size = r.int(2, 3);
    cases.push(
      toCase({ en: "the identity permutation", zh: "恒等置换" }, false, r, 2, size * 2 + 1, size, {
        en: "With the identity permutation the data keep their order and are only cut into batches.",
        zh: "置换是恒等置换时数据保持原顺序，只被切成若干批。",
      }, true),
    );
  }
  return cases;
};

export default generate;
