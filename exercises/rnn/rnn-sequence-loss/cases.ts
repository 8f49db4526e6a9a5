/**
 * Seeded cases for `rnn-sequence-loss`. m, T_x and n_y vary between cases. Every ŷ<t> is a distribution on the
 * 1/256 grid (the "confident mistake" case also uses 2^−20), so float32 reads every probability exactly and
 * every row sums to exactly 1. In each case the first real step of sequence 0 has a label that is not the most
 * probable class, so reading the predicted class's entry shows on every case.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  m: (rng: Rng) => number;
  steps: (rng: Rng) => number;
  classes: (rng: Rng) => number;
  /** The number of real steps of each sequence (1 … T_x). */
  lengths: (rng: Rng, m: number, steps: number) => number[];
  /** "post": real steps first, padding after; "pre": padding first (Keras's pad_sequences default). */
  padding: "post" | "pre";
  /** One real step whose true class has probability 2^−20. */
  confidentMistake?: boolean;
  /** Padding steps give their (filler) label probability 2^−20: counted, they would dominate the loss. */
  fillerInPadding?: boolean;
  note?: Localized;
}

const full = (_rng: Rng, m: number, steps: number): number[] => new Array<number>(m).fill(steps);
/** One sequence of full length, the others shorter and (for T_x ≥ 3) of different lengths. */
const mixed = (rng: Rng, m: number, steps: number): number[] => {
  const lengths = [steps];
  while (lengths.length < m) {
    const length = rng.int(1, steps - 1);
    if (!lengths.includes(length) || lengths.length >= steps) lengths.push(length);
  }
  return lengths;
};

const specs: CaseSpec[] = [
  {
    name: { en: "a padded batch, padding at the end", zh: "有填充的一批，填充在末尾" },
    visible: true,
    m: () => 3,
    steps: (r) => r.int(4, 5),
    classes: (r) => r.int(3, 4),
    lengths: mixed,
    padding: "post",
    note: {
      en: "Three sequences of different lengths padded to one T_x: a step with mask 0 adds nothing to its sequence's loss, and meanLoss divides by the number of real steps (the sum of the mask), not by m·T_x.",
      zh: "三个长度不同的序列被补齐到同一个 T_x：mask 为 0 的时间步对所在序列的损失没有贡献，meanLoss 除以真实时间步的个数（mask 之和），而不是 m·T_x。",
    },
  },
  {
    name: { en: "no padding", zh: "没有填充" },
    visible: true,
    m: () => 2,
    steps: (r) => r.int(3, 4),
    classes: (r) => r.int(3, 5),
    lengths: full,
    padding: "post",
    note: {
      en: "Every mask entry is 1: sequenceLoss[i] is the notes' L = Σ_t L<t> over all T_x steps, and meanLoss is the total over m·T_x.",
      zh: "mask 全为 1：sequenceLoss[i] 就是笔记中对全部 T_x 个时间步求和的 L = Σ_t L<t>，meanLoss 是总和除以 m·T_x。",
    },
  },
  {
    name: { en: "padding at the front", zh: "填充在开头" },
    visible: true,
    m: (r) => r.int(2, 3),
    steps: (r) => r.int(4, 6),
    classes: (r) => r.int(3, 4),
    lengths: mixed,
    padding: "pre",
    note: {
      en: "Padding comes first here (Keras's pad_sequences pads at the front by default): read the mask at every step instead of summing the first Σ mask steps.",
      zh: "这里补齐的位置在前面（Keras 的 pad_sequences 默认在前面补齐）：要逐步读取 mask，而不是把前 Σ mask 个时间步加起来。",
    },
  },
  {
    name: { en: "a mask that keeps one step", zh: "掩码只保留一个时间步" },
    visible: true,
    m: () => 1,
    steps: (r) => r.int(4, 6),
    classes: (r) => r.int(3, 5),
    lengths: () => [1],
    padding: "post",
    note: {
      en: "Only x<1> is real: the loss of the whole batch is the loss of that one step, −log ŷ<1> at its label, and meanLoss equals it.",
      zh: "只有第一个时间步是真实的：整批的损失就是这一步的损失，即 ŷ<1> 在其标签处取 −log，meanLoss 也等于它。",
    },
  },
  {
    name: { en: "two classes", zh: "两个类别" },
    visible: false,
    m: (r) => r.int(2, 3),
    steps: (r) => r.int(3, 5),
    classes: () => 2,
    lengths: mixed,
    padding: "post",
    note: {
      en: "n_y = 2: the categorical loss −log ŷ_y equals the binary cross-entropy of one output; the binary formula applied to both outputs would count it twice.",
      zh: "n_y = 2：分类交叉熵 −log ŷ_y 与单个输出的二元交叉熵相同；若对两个输出都套用二元公式，就会把它算两遍。",
    },
  },
  {
    name: { en: "a confident mistake", zh: "很有把握的错误预测" },
    visible: false,
    m: () => 2,
    steps: (r) => r.int(3, 4),
    classes: (r) => r.int(3, 4),
    lengths: mixed,
    padding: "post",
    confidentMistake: true,
    note: {
      en: "The true class of one step has probability 2^−20: that step alone costs 20·ln 2 ≈ 13.86. Natural log, and no clipping of ŷ.",
      zh: "某一步真实类别的概率是 2^−20：仅这一步的损失就是 20·ln 2 ≈ 13.86。用自然对数，不要截断 ŷ。",
    },
  },
  { name: { en: "long sequences", zh: "长序列" }, visible: false, m: (r) => r.int(2, 3), steps: (r) => r.int(8, 10), classes: (r) => r.int(4, 6), lengths: mixed, padding: "post" },
  {
    name: { en: "filler in the padding", zh: "填充位置上有随意的值" },
    visible: false,
    m: (r) => r.int(2, 3),
    steps: (r) => r.int(4, 6),
    classes: (r) => r.int(3, 4),
    lengths: mixed,
    padding: "post",
    fillerInPadding: true,
    note: {
      en: "The padding steps' filler labels have probability 2^−20: counted, each would add 13.86 to the loss. Masked, they add nothing.",
      zh: "补齐位置上填充的标签概率为 2^−20：若被计入，每一步都会给损失加上 13.86；被 mask 掉后贡献为 0。",
    },
  },
];

const tiny = 2 ** -20;

/** A softmax of random logits on the 1/256 grid, every entry ≥ 1/256, at least two different values. */
function distribution(rng: Rng, classes: number): number[] {
  for (;;) {
    const logits = rng.vector(classes, () => rng.normal(0, 1.2));
    const largest = Math.max(...logits);
    const e = logits.map((z) => Math.exp(z - largest));
    const total = e.reduce((s, v) => s + v, 0);
    const counts = e.map((v) => Math.max(1, Math.round((256 * v) / total)));
    const top = counts.indexOf(Math.max(...counts));
    counts[top] = counts[top]! + 256 - counts.reduce((s, c) => s + c, 0);
    if (Math.min(...counts) < Math.max(...counts)) return counts.map((c) => c / 256);
  }
}

const argmax = (p: number[]): number => p.indexOf(Math.max(...p));
const argmin = (p: number[]): number => p.indexOf(Math.min(...p));

/** Moves all but 2^−20 of class k's probability onto the most probable class (the row still sums to 1). */
function makeTiny(p: number[], k: number): void {
  const top = argmax(p);
  p[top] = p[top]! + p[k]! - tiny;
  p[k] = tiny;
}

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const m = spec.m(rng);
  const steps = spec.steps(rng);
  const classes = spec.classes(rng);
  const lengths = spec.lengths(rng, m, steps);
  const mask = lengths.map((length) =>
    Array.from({ length: steps }, (_, t) => ((spec.padding === "post" ? t < length : t >= steps - length) ? 1 : 0)),
  );
  const yHat = mask.map((row) => row.map(() => distribution(rng, classes)));
  // Real steps: the label is often the most probable class, as for a network that has learned something.
  const y = yHat.map((row, i) => row.map((p, t) => (mask[i]![t] === 0 ? 0 : rng.next() < 0.4 ? argmax(p) : rng.int(0, classes - 1))));
  const firstReal = mask[0]!.indexOf(1);
  y[0]![firstReal] = argmin(yHat[0]![firstReal]!);
  if (spec.confidentMistake) {
    const i = rng.int(0, m - 1);
    const t = mask[i]!.indexOf(1) + rng.int(0, lengths[i]! - 1);
    const p = yHat[i]![t]!;
    if (y[i]![t] === argmax(p)) y[i]![t] = argmin(p);
    makeTiny(p, y[i]![t]!);
  }
  if (spec.fillerInPadding) {
    yHat.forEach((row, i) => row.forEach((p, t) => {
      if (mask[i]![t] === 0) {
        y[i]![t] = argmin(p);
        makeTiny(p, y[i]![t]!);
      }
    }));
  }
  return { name: spec.name, visible: spec.visible, args: [yHat, y, mask], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
