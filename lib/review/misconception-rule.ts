// The rule that retires a misconception item, as pure logic (no database): settleItem (./misconceptions.ts)
// decides with it from the stored facts, and bench/srs's simulated learners with their simulated ones.
//
// An item named last at `lastNamedAt` has been passed again at the first passing graded submit of its exercise
// made after that naming; it is retired by the first kept Good or Easy of its card in a review session after
// that pass. Both, in that order, or it stays in the queue.
import { Rating, type ReviewRating } from "../scheduling/core/schema";

export interface MisconceptionFacts {
  lastNamedAt: Date;
  /** Passing graded submits of the exercise (any order; those not after the last naming are ignored). */
  passes: readonly { id: string; at: Date }[];
  /** The item card's reviews (any order; only kept review-session recalls after the pass retire it). */
  reviews: readonly { id: string; at: Date; rating: ReviewRating; source: string; undone: boolean }[];
}

export interface MisconceptionSettlement {
  pass: { id: string; at: Date } | null;
  /** The review that retires the item; null: still active. */
  recall: { id: string; at: Date } | null;
}

export function settleMisconception(facts: MisconceptionFacts): MisconceptionSettlement {
  const earliest = <T extends { at: Date }>(xs: T[]): T | null => xs.reduce<T | null>((best, x) => (best === null || x.at.getTime() < best.at.getTime() ? x : best), null);
  const pass = earliest(facts.passes.filter((p) => p.at.getTime() > facts.lastNamedAt.getTime()));
  if (!pass) return { pass: null, recall: null };
  const recall = earliest(facts.reviews.filter((r) => !r.undone && r.source === "review" && r.rating >= Rating.Good && r.at.getTime() > pass.at.getTime()));
  return { pass: { id: pass.id, at: pass.at }, recall: recall ? { id: recall.id, at: recall.at } : null };
}
