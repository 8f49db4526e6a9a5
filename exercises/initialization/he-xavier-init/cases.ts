/**
 * Cases for `initializeParameters`. Every visible case has a layer whose fan-in and fan-out differ and are not
 * both 2 (where n·n' = n + n'), and a fan-in other than 2 (where 2/n = √(2/n)), so each misconception changes
 * some number there; the hidden cases add square layers, a single input and a deeper network.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

type Method = "he" | "xavier";

interface Spec {
  name: Localized;
  visible: boolean;
  method: Method;
  dims: (rng: Rng) => number[];
  note?: Localized;
}

const specs: Spec[] = [
  { name: { en: "He, one hidden layer", zh: "He，一个隐藏层" }, visible: true, method: "he", dims: (r) => [r.int(3, 5), r.int(6, 8), 1] },
  {
    name: { en: "Xavier, one hidden layer", zh: "Xavier，一个隐藏层" },
    visible: true,
    method: "xavier",
    dims: (r) => [r.int(3, 4), r.int(6, 8), r.int(3, 4)],
    note: {
      en: "Fan-in and fan-out differ, so $\\frac{2}{n^{[l-1]}+n^{[l]}}$, $\\frac{1}{n^{[l-1]}}$ and the notes' $\\frac{2}{n^{[l-1]}\\times n^{[l]}}$ give three different scales.",
      zh: "输入数与输出数不同，所以 $\\frac{2}{n^{[l-1]}+n^{[l]}}$、$\\frac{1}{n^{[l-1]}}$ 和笔记里的 $\\frac{2}{n^{[l-1]}\\times n^{[l]}}$ 是三个不同的缩放。",
    },
  },
  {
    name: { en: "He, a deep narrowing network", zh: "He，逐层变窄的深层网络" },
    visible: true,
    method: "he",
    dims: (r) => [r.int(7, 9), r.int(5, 6), r.int(3, 4), 1],
    note: {
      en: "Each layer uses its own fan-in $n^{[l-1]}$: $\\sqrt{2/n^{[0]}}$ for $W^{[1]}$, $\\sqrt{2/n^{[1]}}$ for $W^{[2]}$, and so on.",
      zh: "每一层用它自己的输入数 $n^{[l-1]}$：$W^{[1]}$ 用 $\\sqrt{2/n^{[0]}}$，$W^{[2]}$ 用 $\\sqrt{2/n^{[1]}}$，依此类推。",
    },
  },
  { name: { en: "Xavier, two hidden layers", zh: "Xavier，两个隐藏层" }, visible: true, method: "xavier", dims: (r) => [r.int(5, 6), r.int(3, 4), r.int(7, 9), 1] },
  {
    name: { en: "Xavier, square layers", zh: "Xavier，各层同宽" },
    visible: false,
    method: "xavier",
    dims: (r) => {
      const n = r.int(3, 5);
      return [n, n, n];
    },
    note: {
      en: "With $n^{[l-1]} = n^{[l]} = n$ Glorot's variance is $\\frac{2}{2n} = \\frac1n$: the course's tanh rule and Glorot agree only here.",
      zh: "$n^{[l-1]} = n^{[l]} = n$ 时 Glorot 的方差是 $\\frac{2}{2n} = \\frac1n$：只有这种情况下课程的 tanh 规则与 Glorot 相同。",
    },
  },
  {
    name: { en: "He, a single input feature", zh: "He，只有一个输入特征" },
    visible: false,
    method: "he",
    dims: (r) => [1, r.int(3, 5), 1],
    note: {
      en: "With $n^{[0]} = 1$ the first layer's draws are scaled by $\\sqrt2$: He initialisation may enlarge weights as well as shrink them.",
      zh: "$n^{[0]} = 1$ 时第一层的抽样乘以 $\\sqrt2$：He 初始化既可能缩小权重，也可能放大权重。",
    },
  },
  { name: { en: "Xavier, wide input", zh: "Xavier，输入很宽" }, visible: false, method: "xavier", dims: (r) => [r.int(10, 14), r.int(2, 3), 1] },
  { name: { en: "He, four layers", zh: "He，四层" }, visible: false, method: "he", dims: (r) => [r.int(4, 6), r.int(4, 6), r.int(2, 4), r.int(2, 3), 1] },
];

function makeCase(spec: Spec, rng: Rng): ExerciseCase {
  const dims = spec.dims(rng);
  const normals = dims.slice(1).map((n, l) => rng.matrix(n, dims[l]!, () => rng.normal()));
  return { name: spec.name, visible: spec.visible, args: [dims, normals, spec.method], ...(spec.note ? { note: spec.note } : {}) };
}

const generate: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default generate;
