/**
 * Seeded cases for `one-hot-encode`. Batch size m, length T_x and |V| vary between cases. The visible cases
 * always hold the ids at both edges of the vocabulary (0 and |V| − 1) and just outside it (−1 and |V|), and
 * put <unk> strictly inside the vocabulary, so a zero row, a clamp, a 1-based id and "<unk> is the last word"
 * each give a different, wrong vector.
 */
import { caseSeed, createRng, shuffled, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface CaseSpec {
  name: Localized;
  visible: boolean;
  m: (rng: Rng) => number;
  steps: (rng: Rng) => number;
  vocabSize: (rng: Rng) => number;
  unkIndex: (rng: Rng, vocabSize: number) => number;
  /** Ids placed at random positions of the batch before the rest is drawn. */
  forced: (vocabSize: number) => number[];
  /** One further id. */
  draw: (rng: Rng, vocabSize: number) => number;
  note?: Localized;
}

const insideOrNear = (rng: Rng, vocabSize: number): number => rng.int(-2, vocabSize + 2);
const inside = (rng: Rng, vocabSize: number): number => rng.int(1, vocabSize - 2);

const specs: CaseSpec[] = [
  {
    name: { en: "a batch with unknown words", zh: "一批含未知词的句子" },
    visible: true,
    m: () => 2,
    steps: (r) => r.int(3, 5),
    vocabSize: (r) => r.int(5, 8),
    unkIndex: inside,
    forced: (v) => [v, -1, 0, v - 1],
    draw: insideOrNear,
    note: {
      en: "Ids −1 and |V| are just outside the vocabulary and become <unk>; 0 and |V| − 1 are real words.",
      zh: "id −1 与 |V| 刚好在词库之外，要编码成 <unk>;0 与 |V| − 1 是词库里的词。",
    },
  },
  {
    name: { en: "one sentence", zh: "一个句子" },
    visible: true,
    m: () => 1,
    steps: (r) => r.int(5, 7),
    vocabSize: (r) => r.int(4, 6),
    unkIndex: inside,
    forced: (v) => [0, v, -1, v - 1],
    draw: insideOrNear,
    note: {
      en: "m = 1: the result is still three-dimensional, 1 × T_x × |V|.",
      zh: "m = 1：结果仍然是三维的，1 × T_x × |V|。",
    },
  },
  {
    name: { en: "vocabulary longer than the sentences", zh: "词表比句子长" },
    visible: true,
    m: () => 3,
    steps: () => 2,
    vocabSize: (r) => r.int(10, 12),
    unkIndex: inside,
    forced: (v) => [v + 1, -2],
    draw: insideOrNear,
  },
  {
    name: { en: "<unk> is word 0", zh: "<unk> 是第 0 个词" },
    visible: true,
    m: (r) => r.int(2, 3),
    steps: (r) => r.int(3, 4),
    vocabSize: (r) => r.int(5, 7),
    unkIndex: () => 0,
    forced: (v) => [v, 0, 1],
    draw: insideOrNear,
    note: {
      en: "Many tokenizers reserve id 0 for <unk>: an unknown word and word 0 get the same vector.",
      zh: "很多分词器把 id 0 留给 <unk>：未知词和 0 号词得到同一个向量。",
    },
  },
  {
    name: { en: "a single unknown token", zh: "只有一个未知词" },
    visible: false,
    m: () => 1,
    steps: () => 1,
    vocabSize: (r) => r.int(3, 5),
    unkIndex: inside,
    forced: (v) => [v + 40],
    draw: insideOrNear,
    note: { en: "m = 1 and T_x = 1: a 1 × 1 × |V| result.", zh: "m = 1 且 T_x = 1：结果为 1 × 1 × |V|。" },
  },
  {
    name: { en: "every word unknown", zh: "每个词都是未知词" },
    visible: false,
    m: () => 2,
    steps: (r) => r.int(2, 4),
    vocabSize: (r) => r.int(4, 6),
    unkIndex: inside,
    forced: () => [1000000],
    draw: (r, v) => (r.next() < 0.5 ? r.int(-50, -1) : r.int(v, v + 50)),
    note: {
      en: "Every row is the <unk> vector, however far outside the vocabulary the id is.",
      zh: "每一行都是 <unk> 的向量，无论 id 离词库有多远。",
    },
  },
  {
    name: { en: "a two-word vocabulary", zh: "只有两个词的词表" },
    visible: false,
    m: () => 2,
    steps: (r) => r.int(3, 5),
    vocabSize: () => 2,
    unkIndex: (r) => r.int(0, 1),
    forced: () => [0, 1, 2, -1],
    draw: insideOrNear,
  },
  {
    name: { en: "a larger batch", zh: "更大的一批" },
    visible: false,
    m: (r) => r.int(4, 5),
    steps: (r) => r.int(8, 10),
    vocabSize: (r) => r.int(20, 30),
    unkIndex: inside,
    forced: (v) => [v, -1, 0, v - 1],
    draw: insideOrNear,
  },
];

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const m = spec.m(rng);
  const steps = spec.steps(rng);
  const vocabSize = spec.vocabSize(rng);
  const unkIndex = spec.unkIndex(rng, vocabSize);
  const forced = spec.forced(vocabSize);
  const flat = shuffled(rng, [...forced, ...Array.from({ length: m * steps - forced.length }, () => spec.draw(rng, vocabSize))]);
  const ids = Array.from({ length: m }, (_, i) => flat.slice(i * steps, (i + 1) * steps));
  return { name: spec.name, visible: spec.visible, args: [ids, vocabSize, unkIndex], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
