/**
 * Cases for informationGain, built from the class counts each branch should hold, then shuffled. Every visible
 * case with two non-empty branches gives them different sizes (so equal weights ½, ½ show) and an impure node
 * (so forgetting to subtract from H(node) shows). One visible case sends every example to one side: the other
 * branch is empty, its proportions would be 0/0, and the gain is exactly 0.
 */
import { caseSeed, createRng, shuffled, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

/** Examples whose left branch holds `left[k]` examples of class k and whose right branch holds `right[k]`. */
function split(rng: Rng, left: number[], right: number[]): [number[], boolean[]] {
  const examples: [number, boolean][] = [];
  left.forEach((count, k) => {
    for (let i = 0; i < count; i++) examples.push([k, true]);
  });
  right.forEach((count, k) => {
    for (let i = 0; i < count; i++) examples.push([k, false]);
  });
  const mixed = shuffled(rng, examples);
  return [mixed.map(([y]) => y), mixed.map(([, g]) => g)];
}

function toCase(name: Localized, visible: boolean, data: [number[], boolean[]], note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [data[0], data[1]], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    // The course's example: 10 animals, cats (1) and dogs (0), split on one feature.
    const leftCats = r.int(3, 4);
    const left = [r.int(1, 2), leftCats];
    const right = [r.int(3, 4), 5 - leftCats];
    cases.push(
      toCase({ en: "cats and dogs, split on one feature", zh: "猫和狗，按一个特征划分" }, true, split(r, left, right), {
        zh: "课程里的例子：10 只动物按某个特征（比如耳朵形状）分到两边。两边样本数不同，所以权重不是各一半。",
        en: "The course's example: 10 animals sent left or right by one feature (ear shape, say). The branches differ in size, so their weights are not one half each.",
      }),
    );
  }
  {
    const r = rng(1);
    const node = [r.int(2, 4), r.int(2, 5)];
    const toLeft = r.next() < 0.5;
    cases.push(
      toCase({ en: "a split that leaves one branch empty", zh: "划分后有一个分支为空" }, true, split(r, toLeft ? node : [0, 0], toLeft ? [0, 0] : node), {
        zh: "所有样本都去了同一边，另一边是空的：它的比例是 $0/0$，但权重是 $0/m=0$，不贡献任何东西。划分前后完全一样，信息增益正好是 0。",
        en: "Every example goes to the same side and the other branch is empty: its proportions would be $0/0$, but its weight is $0/m=0$ and it contributes nothing. Nothing changed, so the gain is exactly 0.",
      }),
    );
  }
  {
    const r = rng(2);
    const a = r.int(2, 4);
    const b = a + r.int(1, 3);
    cases.push(
      toCase({ en: "a perfect split", zh: "完美划分" }, true, split(r, [a, 0], [0, b]), {
        zh: "两边都是纯节点，熵为 0：信息增益等于父节点的熵，这是能达到的最大值。",
        en: "Both branches are pure with entropy 0: the gain equals the node's entropy, the most a split can achieve.",
      }),
    );
  }
  {
    const r = rng(3);
    const left = [r.int(2, 4), r.int(0, 1), r.int(1, 3)];
    const right = [r.int(0, 1), r.int(3, 5), r.int(4, 6)];
    cases.push(
      toCase({ en: "three classes", zh: "三个类别" }, true, split(r, left, right), {
        zh: "三个类别：每个节点的熵都是 $-\\sum_k p_k\\log_2 p_k$，对三类求和。",
        en: "Three classes: each node's entropy is $-\\sum_k p_k\\log_2 p_k$ summed over the three.",
      }),
    );
  }
  {
    const r = rng(4);
    const k = r.int(1, 3);
    cases.push(
      toCase({ en: "a useless split", zh: "无用的划分" }, false, split(r, [k, 2 * k], [2 * k, 4 * k]), {
        zh: "两边的类别比例和父节点完全相同：划分没有带来任何信息，增益为 0。",
        en: "Both branches have exactly the node's class proportions: the split tells nothing and the gain is 0.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "many examples", zh: "大量样本" }, false, split(r, [r.int(5, 20), r.int(5, 20)], [r.int(5, 20), r.int(5, 20)])));
  }
  {
    const r = rng(6);
    const node = [0, r.int(3, 6)];
    cases.push(
      toCase({ en: "a pure node", zh: "纯节点" }, false, split(r, [0, r.int(1, 2)], [0, node[1]!]), {
        zh: "父节点已经是纯的，熵为 0，任何划分的增益都是 0。",
        en: "The node is already pure with entropy 0: no split can gain anything.",
      }),
    );
  }
  {
    const r = rng(7);
    const leftClass = r.int(0, 1);
    cases.push(
      toCase({ en: "one example per branch", zh: "每个分支一个样本" }, false, split(r, leftClass === 0 ? [1, 0] : [0, 1], leftClass === 0 ? [0, 1] : [1, 0]), {
        zh: "$m=2$，每边一个样本：两边都纯，增益是 1 比特。",
        en: "$m=2$ with one example on each side: both branches are pure and the gain is 1 bit.",
      }),
    );
  }
  return cases;
};

export default generate;
