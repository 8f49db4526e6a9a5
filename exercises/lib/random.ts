/**
 * Seeded randomness for case generators. mulberry32: tiny, fast, and the same sequence on every platform,
 * so a seed printed in a report reproduces the learner's cases exactly.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(low: number, high: number): number;
  /** Integer in [low, high], both ends included. */
  int(low: number, high: number): number;
  /** Standard normal (Box–Muller). */
  normal(mean?: number, std?: number): number;
  vector(n: number, draw?: () => number): number[];
  matrix(rows: number, cols: number, draw?: () => number): number[][];
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean = 0, std = 1): number => {
    const u = 1 - next();
    const v = next();
    return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const rng: Rng = {
    next,
    uniform: (low, high) => low + (high - low) * next(),
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
    normal,
    vector: (n, draw = () => normal()) => Array.from({ length: n }, draw),
    matrix: (rows, cols, draw = () => normal()) => Array.from({ length: rows }, () => rng.vector(cols, draw)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
  return rng;
}

/** Derives an independent seed for case `index` so adding a case does not shift the others. */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

/** A Fisher–Yates shuffle of a copy of `items`, driven by `rng` (the same order for the same seed). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
