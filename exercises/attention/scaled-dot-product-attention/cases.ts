/**
 * Seeded cases for `scaled-dot-product-attention`. Sizes vary between cases and d_v ≠ d_k in the visible ones, so
 * scaling by √d_v cannot hide. Q and K are on the 1/8 grid, V on the 1/64 grid. The first key is always real,
 * so no query ever has every key masked. Edge cases: a mask that leaves one key, a single key, one query, d_k = 1,
 * and scores in the hundreds (the softmax must subtract the row's maximum). In that case d_k is 4 or 16 and the
 * entries stay below 40 on the 1/8 grid, so Q Kᵀ and its division by √d_k are exact in float32.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

interface Shape {
  nq: number;
  nk: number;
  dk: number;
  dv: number;
}

interface CaseSpec {
  name: Localized;
  visible: boolean;
  shape: (rng: Rng) => Shape;
  causal: boolean;
  /** How many keys at the end are padding (at most nk − 1). */
  padded: (rng: Rng, nk: number) => number;
  /** Spread of the entries of Q and K. */
  qkStd: number;
  /** Entries of a direction u (±shared) added to every query and key: all scores then lie near |u|²/√d_k. */
  shared?: number;
  note?: Localized;
}

/** d_v drawn from [low, high] but never equal to d_k. */
const otherThan = (rng: Rng, dk: number, low: number, high: number): number => {
  const dv = rng.int(low, high - 1);
  return dv >= dk ? dv + 1 : dv;
};

const selfShape = (low: number, high: number) => (r: Rng): Shape => {
  const n = r.int(low, high);
  const dk = r.int(2, 4);
  return { nq: n, nk: n, dk, dv: otherThan(r, dk, 1, 5) };
};

const none = () => 0;

const specs: CaseSpec[] = [
  {
    name: { en: "padding mask", zh: "填充掩码" },
    visible: true,
    shape: (r) => {
      const dk = r.int(2, 4);
      return { nq: r.int(2, 3), nk: r.int(4, 5), dk, dv: otherThan(r, dk, 1, 5) };
    },
    causal: false,
    padded: (r) => r.int(1, 2),
    qkStd: 1,
    note: {
      en: "The last keys are padding: their weight must be exactly 0, and the real keys' weights still sum to 1. Set their scores to −∞ before the softmax.",
      zh: "最后几个键是填充：它们的权重必须恰好为 0，而真实键的权重之和仍为 1。在 softmax 之前把它们的分数设为 −∞。",
    },
  },
  {
    name: { en: "causal self-attention", zh: "因果自注意力" },
    visible: true,
    shape: selfShape(3, 5),
    causal: true,
    padded: none,
    qkStd: 1,
    note: {
      en: "Query i may look at keys 1 … i only: the weights form a lower-triangular matrix and the first query attends to the first key alone.",
      zh: "第 i 个查询只能看第 1 … i 个键：权重矩阵是下三角的，第一个查询只关注第一个键。",
    },
  },
  {
    name: { en: "causal and padding together", zh: "因果掩码与填充掩码同时使用" },
    visible: true,
    shape: selfShape(5, 6),
    causal: true,
    padded: (r) => r.int(1, 2),
    qkStd: 1,
    note: {
      en: "Both masks at once: a pair is kept only if the key is real AND not after the query. The rows of the padded positions are still computed; they see the real keys before them.",
      zh: "两种掩码同时作用：只有键是真实的、并且不在查询之后，这一对才保留。填充位置所在的行照样要算，它们看的是前面的真实键。",
    },
  },
  {
    name: { en: "large scores", zh: "分数很大" },
    visible: true,
    shape: (r) => {
      const dk = r.pick([4, 16]);
      return { nq: r.int(2, 3), nk: r.int(3, 4), dk, dv: r.int(2, 3) };
    },
    causal: false,
    padded: () => 1,
    qkStd: 4,
    shared: 16,
    note: {
      en: "Every query and key shares a large common direction, so the scaled scores are in the hundreds (around 512 or 1024) and exp overflows to Infinity unless you subtract each row's largest unmasked score first (the softmax does not change).",
      zh: "所有查询和键都有一个很大的公共方向，缩放后的分数有几百（512 或 1024 左右）。如果不先减去每一行未被遮盖的最大分数，exp 就会溢出为 Infinity（减去之后 softmax 不变）。",
    },
  },
  {
    name: { en: "a single real key", zh: "只有一个真实的键" },
    visible: false,
    shape: (r) => {
      const dk = r.int(2, 3);
      return { nq: r.int(2, 3), nk: r.int(3, 4), dk, dv: otherThan(r, dk, 1, 4) };
    },
    causal: false,
    padded: (_r, nk) => nk - 1,
    qkStd: 1,
    note: {
      en: "Every key but the first is padding: each query puts weight 1 on that key, and every output row is V's first row.",
      zh: "除第一个键外全是填充：每个查询都把权重 1 放在这个键上，每一行输出都是 V 的第一行。",
    },
  },
  {
    name: { en: "a single key", zh: "只有一个键" },
    visible: false,
    shape: (r) => {
      const dk = r.int(2, 3);
      return { nq: r.int(2, 3), nk: 1, dk, dv: otherThan(r, dk, 1, 4) };
    },
    causal: false,
    padded: none,
    qkStd: 1,
    note: {
      en: "n_k = 1: whatever the scores, the softmax of one number is 1, and every output row is that key's value.",
      zh: "n_k = 1：无论分数是多少，一个数的 softmax 都是 1，每一行输出都是这个键的值。",
    },
  },
  {
    name: { en: "one query", zh: "一个查询" },
    visible: false,
    shape: (r) => {
      const dk = r.int(2, 5);
      return { nq: 1, nk: r.int(3, 6), dk, dv: otherThan(r, dk, 1, 4) };
    },
    causal: false,
    padded: (r) => r.int(0, 1),
    qkStd: 1,
    note: { en: "n_q = 1: the weights are one row over the keys, the output one row of length d_v.", zh: "n_q = 1：权重是键上的一行，输出是长度为 d_v 的一行。" },
  },
  {
    name: { en: "d_k = 1", zh: "键的维数 d_k = 1" },
    visible: false,
    shape: (r) => {
      const n = r.int(3, 4);
      return { nq: n, nk: n, dk: 1, dv: r.int(2, 3) };
    },
    causal: true,
    padded: none,
    qkStd: 1.5,
    note: { en: "One-dimensional queries and keys: √d_k = 1 and each score is a plain product.", zh: "查询和键都是一维的：√d_k = 1，每个分数就是一个乘积。" },
  },
  { name: { en: "longer causal sequence", zh: "较长的因果序列" }, visible: false, shape: selfShape(7, 8), causal: true, padded: (r) => r.int(0, 2), qkStd: 1 },
];

const grid = (v: number, steps: number): number => Math.round(v * steps) / steps;

function makeCase(spec: CaseSpec, rng: Rng): ExerciseCase {
  const { nq, nk, dk, dv } = spec.shape(rng);
  const padded = spec.padded(rng, nk);
  const u = Array.from({ length: dk }, () => (spec.shared ? rng.pick([-1, 1]) * spec.shared : 0));
  const Q = rng.matrix(nq, dk, () => grid(rng.normal(0, spec.qkStd), 8)).map((row) => row.map((v, c) => v + u[c]!));
  const K = rng.matrix(nk, dk, () => grid(rng.normal(0, spec.qkStd), 8)).map((row) => row.map((v, c) => v + u[c]!));
  const V = rng.matrix(nk, dv, () => grid(rng.uniform(-2, 2), 64));
  const keyMask = Array.from({ length: nk }, (_, j) => (j < nk - padded ? 1 : 0));
  return { name: spec.name, visible: spec.visible, args: [Q, K, V, keyMask, spec.causal], note: spec.note };
}

const cases: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default cases;
