/**
 * Cases for entropy. Proportions are class counts over a power-of-two total (8, 16, 32, 64), so they are exact
 * in float32 and float64 and sum to exactly 1. The visible cases hold a mixed binary node, a pure node (every
 * other class has p = 0, so 0·log 0 must be 0), a node of four or more classes with one absent (the two-class
 * formula no longer fits) and a 50/50 node (H = 1 bit exactly, where nats and Gini show plainly).
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

/** Proportions from counts: every class gets at least `minimum` of the `total` examples. */
function proportions(rng: Rng, classes: number, total: number, minimum = 1): number[] {
  const counts = new Array<number>(classes).fill(minimum);
  for (let left = total - classes * minimum; left > 0; left--) counts[rng.int(0, classes - 1)]! += 1;
  return counts.map((c) => c / total);
}

function toCase(name: Localized, visible: boolean, p: number[], note?: ExerciseCase["note"]): ExerciseCase {
  return { name, visible, args: [p], ...(note ? { note } : {}) };
}

const generate: CaseGenerator = (seed) => {
  const rng = (index: number): Rng => createRng(caseSeed(seed, index));
  const cases: ExerciseCase[] = [];
  {
    const r = rng(0);
    const share = r.pick([1, 3, 5, 6, 7, 9, 11, 13]) / 16;
    cases.push(
      toCase({ en: "a mixed two-class node", zh: "两类混合的节点" }, true, r.next() < 0.5 ? [share, 1 - share] : [1 - share, share], {
        zh: "两类的节点：$H(p_1)=-p_1\\log_2 p_1-p_0\\log_2 p_0$，正是笔记里的公式。",
        en: "A two-class node: $H(p_1)=-p_1\\log_2 p_1-p_0\\log_2 p_0$, the notes' formula.",
      }),
    );
  }
  {
    const r = rng(1);
    const classes = r.int(2, 4);
    const p = new Array<number>(classes).fill(0);
    p[r.int(0, classes - 1)] = 1;
    cases.push(
      toCase({ en: "a pure node", zh: "纯节点" }, true, p, {
        zh: "纯节点：只有一类，$H=0$。其余各类 $p_k=0$，而 `0 * Math.log2(0)` 是 `0 * -Infinity = NaN`，所以必须按 $0\\log_2 0=0$ 跳过它们。",
        en: "A pure node: one class only, $H=0$. The other classes have $p_k=0$, and `0 * Math.log2(0)` is `0 * -Infinity = NaN`, so skip them as $0\\log_2 0=0$.",
      }),
    );
  }
  {
    const r = rng(2);
    const classes = r.int(4, 5);
    const present = proportions(r, classes - 1, 16);
    const p = [...present];
    p.splice(r.int(1, classes - 1), 0, 0);
    cases.push(
      toCase({ en: "several classes, one absent", zh: "多个类别，其中一类缺席" }, true, p, {
        zh: "多于两类时，$H=-\\sum_k p_k\\log_2 p_k$ 对每一类求和；缺席的那一类($p_k=0$)贡献 0。",
        en: "With more than two classes $H=-\\sum_k p_k\\log_2 p_k$ sums over every class; the absent one ($p_k=0$) adds 0.",
      }),
    );
  }
  {
    cases.push(
      toCase({ en: "a 50/50 node", zh: "各占一半的节点" }, true, [0.5, 0.5], {
        zh: "两类各占一半，最不纯：$H=1$ 比特，这是两类节点熵的最大值。",
        en: "Half and half, the least pure two-class node: $H=1$ bit, the maximum for two classes.",
      }),
    );
  }
  {
    const r = rng(4);
    const classes = r.pick([4, 8]);
    cases.push(
      toCase({ en: "equally frequent classes", zh: "各类别频率相等" }, false, new Array<number>(classes).fill(1 / classes), {
        zh: "$K$ 类均匀分布时 $H=\\log_2 K$，是 $K$ 类节点熵的最大值。",
        en: "With $K$ equally frequent classes $H=\\log_2 K$, the maximum for $K$ classes.",
      }),
    );
  }
  {
    const r = rng(5);
    cases.push(toCase({ en: "many classes, uneven", zh: "很多类别，分布不均" }, false, proportions(r, r.int(6, 10), 64)));
  }
  {
    const r = rng(6);
    const small = r.int(1, 2) / 64;
    cases.push(
      toCase({ en: "a nearly pure node", zh: "几乎纯的节点" }, false, r.next() < 0.5 ? [small, 1 - small] : [1 - small, small], {
        zh: "几乎纯的节点熵很小但不为 0。",
        en: "A nearly pure node has a small but non-zero entropy.",
      }),
    );
  }
  {
    const r = rng(7);
    const classes = r.int(3, 4);
    cases.push(toCase({ en: "three or four classes", zh: "三或四个类别" }, false, proportions(r, classes, 32, 2)));
  }
  return cases;
};

export default generate;
