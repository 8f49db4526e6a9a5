/**
 * Cases for faceVerification. Encodings are on a 1/8 grid (1/16 for the 128-entry case) and τ is a multiple of
 * 1/64, so every squared distance is exact in float32 and a distance equal to τ stays equal. Each case is built
 * around the situation it teaches and checked (redrawn otherwise): a known face (within τ of one photo only) and a
 * stranger (farther than τ from all), a distance exactly at τ, the very photo of the database, two photos of one
 * person, a tie for the nearest photo. The known faces sit at the last index in one visible case and at index 1
 * in another, so the whole database is searched.
 */
import { caseSeed, createRng, type Rng } from "../../lib/random";
import type { CaseGenerator, ExerciseCase, Localized } from "../../schema";

type Vector = number[];
interface Setup {
  database: Vector[];
  queries: Vector[];
  tau: number;
}

const onGrid = (v: number, step: number): number => Math.round(v / step) * step;
const squared = (u: Vector, v: Vector): number => u.reduce((s, x, k) => s + (x - v[k]!) ** 2, 0);

/** Database photos of different people: every pair at squared distance ≥ `separation`. */
function people(r: Rng, n: number, d: number, scale: number, separation: number, step = 1 / 8): Vector[] {
  let out: Vector[] = [];
  for (let tries = 0; out.length < n; tries++) {
    // Early photos placed badly can leave no room for the rest: start again.
    if (tries % 200 === 199) out = [];
    const e = r.vector(d, () => onGrid(r.uniform(-scale, scale), step));
    if (out.every((o) => squared(o, e) >= separation)) out.push(e);
  }
  return out;
}

/** Another photo of the person `e`: a non-zero offset with squared length in [low, high]. */
function near(r: Rng, e: Vector, low: number, high: number, step = 1 / 8): Vector {
  for (;;) {
    const q = e.map((x) => onGrid(x + r.normal(0, Math.sqrt(high / e.length)), step));
    const s = squared(q, e);
    if (s >= low && s <= high && s > 0) return q;
  }
}

/** Someone not in the database: farther than `minimum` from every photo. */
function stranger(r: Rng, database: Vector[], scale: number, minimum: number, step = 1 / 8): Vector {
  for (;;) {
    const q = r.vector(database[0]!.length, () => onGrid(r.uniform(-scale, scale), step));
    if (database.every((e) => squared(q, e) > minimum)) return q;
  }
}

/** Index of the first smallest distance and that distance. */
function nearest(q: Vector, database: Vector[]): { index: number; distance: number } {
  const ds = database.map((e) => squared(q, e));
  const distance = Math.min(...ds);
  return { index: ds.indexOf(distance), distance };
}

interface Spec {
  name: Localized;
  visible: boolean;
  draw: (r: Rng) => Setup;
  /** What the draw must satisfy (it is redrawn otherwise). */
  check: (s: Setup) => boolean;
  note?: Localized;
}

const tau = 0.5;

const specs: Spec[] = [
  {
    name: { en: "a known face and a stranger", zh: "一张认识的脸和一个陌生人" },
    visible: true,
    draw: (r) => {
      const database = people(r, r.int(3, 4), r.int(2, 4), 1.5, 4 * tau);
      return { database, queries: [near(r, database[database.length - 1]!, 1 / 16, tau / 2), stranger(r, database, 1.5, tau + 0.25)], tau };
    },
    check: ({ database, queries: [known, other] }) =>
      nearest(known!, database).index === database.length - 1 && database.filter((e) => squared(known!, e) <= tau).length === 1 && nearest(other!, database).distance > tau,
    note: {
      zh: "第一个查询是数据库最后一个人的另一张照片：只有与他的 $d\\le\\tau$。第二个查询不在数据库里：与所有照片的 $d$ 都大于 $\\tau$，识别结果是 $-1$，而不是“最像的那个人”。",
      en: "The first query is another photo of the database's last person: only its $d$ to that person is $\\le\\tau$. The second is nobody in the database: every $d$ exceeds $\\tau$, so recognition returns $-1$, not “whoever looks most alike”.",
    },
  },
  {
    name: { en: "a distance exactly at the threshold", zh: "距离恰好等于阈值" },
    visible: true,
    draw: (r) => {
      const database = people(r, r.int(2, 4), r.int(2, 3), 1.5, 4);
      const q = near(r, database[1]!, 0.25, 0.75);
      return { database, queries: [q, near(r, database[0]!, 1 / 16, 0.125)], tau: squared(q, database[1]!) };
    },
    check: ({ database, queries: [q], tau: t }) => nearest(q!, database).index === 1 && database.filter((e) => squared(q!, e) <= t).length === 1,
    note: {
      zh: "这里 $\\tau$ 恰好等于第一个查询与照片 1 的距离。笔记的规则是 $d\\le\\tau$ 判定为同一个人，所以这一对算“同一人”。",
      en: "Here $\\tau$ equals the first query's distance to photo 1 exactly. The notes' rule is $d\\le\\tau$ for the same person, so this pair counts as the same person.",
    },
  },
  {
    name: { en: "the very photo of the database", zh: "正是数据库里的那张照片" },
    visible: true,
    draw: (r) => {
      const database = people(r, r.int(2, 4), r.int(2, 4), 1.5, 4 * tau);
      const j = r.int(0, database.length - 1);
      return { database, queries: [[...database[j]!], stranger(r, database, 1.5, tau + 0.25)], tau };
    },
    check: () => true,
    note: {
      zh: "查询就是数据库里的那张照片：$d=0\\le\\tau$。",
      en: "The query is the database photo itself: $d=0\\le\\tau$.",
    },
  },
  {
    name: { en: "two photos of one person", zh: "同一个人的两张照片" },
    visible: true,
    draw: (r) => {
      const [a, ...others] = people(r, r.int(2, 3), r.int(2, 4), 1.5, 4 * tau);
      const second = near(r, a!, 1 / 16, tau / 4);
      const query = near(r, a!, 1 / 16, tau / 4);
      return { database: [...others, a!, second], queries: [query], tau };
    },
    check: ({ database, queries: [q], tau: t }) => {
      const n = database.length;
      const ds = database.map((e) => squared(q!, e));
      return ds[n - 1]! <= t && ds[n - 2]! <= t && ds[n - 1] !== ds[n - 2] && ds.slice(0, n - 2).every((x) => x > t);
    },
    note: {
      zh: "数据库里有同一个人的两张照片，查询与两张都在 $\\tau$ 以内：验证对两张都判“同一人”，识别取距离更小的那张。",
      en: "The database holds two photos of one person and the query is within $\\tau$ of both: verification says “same” for both, recognition picks the closer one.",
    },
  },
  {
    name: { en: "a tie for the nearest photo", zh: "最近的照片并列" },
    visible: false,
    draw: (r) => {
      const d = r.int(2, 3);
      const q = r.vector(d, () => onGrid(r.uniform(-1, 1), 1 / 8));
      const delta = r.vector(d, () => r.pick([-1, 1]) * r.pick([1, 2]) / 8);
      const far = stranger(r, [q], 1.5, 4);
      return { database: [q.map((x, k) => x + delta[k]!), q.map((x, k) => x - delta[k]!), far], queries: [q], tau: 0.625 };
    },
    check: ({ database, queries: [q], tau: t }) => squared(q!, database[0]!) <= t,
    note: {
      zh: "查询与照片 0、照片 1 的距离完全相等：并列时取下标较小的那张（与 argmin 一致），即照片 0。",
      en: "The query is exactly as far from photo 0 as from photo 1: a tie goes to the smaller index (as argmin does), photo 0.",
    },
  },
  {
    name: { en: "128-entry encodings", zh: "128 维编码" },
    visible: false,
    draw: (r) => {
      const database = people(r, r.int(3, 5), 128, 0.5, 8, 1 / 16);
      return { database, queries: [near(r, database[r.int(0, database.length - 1)]!, 0.25, 2, 1 / 16), stranger(r, database, 0.5, 6, 1 / 16)], tau: 4 };
    },
    check: ({ database, queries: [known, other] }) => nearest(known!, database).distance <= 4 && nearest(other!, database).distance > 4,
    note: {
      zh: "FaceNet 的编码有 128 维。维数变多，距离的量级也变了，$\\tau$ 要随编码一起选。",
      en: "FaceNet's encodings have 128 entries. More entries change the scale of the distances, so $\\tau$ is chosen with the encoding.",
    },
  },
  {
    name: { en: "nobody in the database", zh: "数据库里没有这些人" },
    visible: false,
    draw: (r) => {
      const database = people(r, r.int(2, 4), r.int(2, 4), 1.5, 4 * tau);
      return { database, queries: Array.from({ length: r.int(2, 3) }, () => stranger(r, database, 1.5, tau + 0.125)), tau };
    },
    check: () => true,
  },
  {
    name: { en: "a larger database", zh: "更大的数据库" },
    visible: false,
    draw: (r) => {
      const database = people(r, r.int(8, 12), r.int(3, 5), 1.5, 4 * tau);
      const queries = Array.from({ length: r.int(4, 6) }, () =>
        r.next() < 0.6 ? near(r, database[r.int(0, database.length - 1)]!, 1 / 16, tau / 2) : stranger(r, database, 1.5, tau + 0.125),
      );
      return { database, queries, tau };
    },
    check: () => true,
  },
];

function makeCase(spec: Spec, r: Rng): ExerciseCase {
  for (let attempt = 0; attempt < 500; attempt++) {
    const s = spec.draw(r);
    if (spec.check(s)) return { name: spec.name, visible: spec.visible, args: [s.database, s.queries, s.tau], ...(spec.note ? { note: spec.note } : {}) };
  }
  throw new Error(`face-verification: no draw for "${spec.name.en}" fits`);
}

const generate: CaseGenerator = (seed) => specs.map((spec, i) => makeCase(spec, createRng(caseSeed(seed, i))));

export default generate;
