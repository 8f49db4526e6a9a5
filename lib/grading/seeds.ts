// Hidden seeds of "submit" submissions. Each exercise has a pool of HIDDEN_SEED_POOL_SIZE seeds and every
// submit is graded on one of them, drawn at random. The pool is stable (so the grading workers can compute
// the expected and misconception outputs of those seeds in the background and a submit finds them cached)
// and secret: each seed is an HMAC of the server's secret, the slug and the seed's index, so neither the
// learner nor anyone reading this repository can compute the hidden cases. The web server (which draws)
// and the daemon (which warms) must see the same secret; if they do not, nothing breaks: the seed is
// stored in the row and graded as any seed, only without the cache.
import { createHmac, randomBytes, randomInt } from "node:crypto";
import { VISIBLE_SEED } from "./config";

export const HIDDEN_SEED_POOL_SIZE = 32;

/** The largest seed drawn (as before the pool: seeds are 1 … 2^31 − 2). */
const MAX_SEED = 2 ** 31 - 2;

let processSecret: string | undefined;

/**
 * LACUNA_HIDDEN_SEED_SECRET, else NEXTAUTH_SECRET (npm start gives the web server and the daemon the same
 * one), else a random secret of this process (hidden seeds still unknown, but the daemon cannot warm them).
 */
export function hiddenSeedSecret(env: Record<string, string | undefined> = process.env): string {
  const configured = env.LACUNA_HIDDEN_SEED_SECRET?.trim() || env.NEXTAUTH_SECRET?.trim();
  if (configured) return configured;
  processSecret ??= randomBytes(32).toString("hex");
  return processSecret;
}

/** The exercise's pool of hidden seeds: distinct, never the visible seed, the same for the same secret. */
export function hiddenSeedPool(slug: string, secret: string = hiddenSeedSecret()): number[] {
  const seeds: number[] = [];
  for (let counter = 0; seeds.length < HIDDEN_SEED_POOL_SIZE; counter++) {
    const digest = createHmac("sha256", secret).update(`lacuna hidden seed\0${slug}\0${counter}`).digest();
    const seed = 1 + (digest.readUInt32BE(0) % MAX_SEED);
    if (seed !== VISIBLE_SEED && !seeds.includes(seed)) seeds.push(seed);
  }
  return seeds;
}

const pools = new Map<string, number[]>();

/** A seed for one "submit": drawn uniformly from the exercise's pool. */
export function drawHiddenSeed(slug: string, secret: string = hiddenSeedSecret()): number {
  const key = `${secret}\0${slug}`;
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = hiddenSeedPool(slug, secret)));
  return pool[randomInt(pool.length)]!;
}
