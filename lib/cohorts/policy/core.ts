// The score that counts: for one learner × assignment × item (an exercise, or one flashcard of an assigned
// topic), from the learner's graded attempts, the assignment's window (opens, due or the learner's extension),
// its late policy and attempt limit. Pure: the gradebook, the learner's pages and the CSV all call this, so
// they agree on every number.
//
// Rules (README "Assignments"):
// - An attempt is timed by when it was submitted (a submission is stored before it is graded), not graded.
// - Attempts submitted before the assignment opens do not count (practice before it was assigned). Without an
//   open time it opens when it was created (lib/cohorts/gradebook/core.ts windowOpens).
// - An extension only ever gives more time: an extension at or before the assignment's due time (the due time
//   moved past it after it was granted) leaves the assignment's due time in force.
// - With an attempt limit n, only the first n attempts submitted from the opening count.
// - Days late = started 24-hour periods after the due time (1 minute late is 1 day late).
// - The attempt that counts is the one whose score after the late policy is highest (the earliest on a tie).
import type { LatePolicy } from "./schema";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** One graded attempt: an exercise's graded submit, or one review of a flashcard (score 1 recalled, 0 not). */
export interface Attempt {
  id: string;
  submittedAt: Date;
  /** 0..1 */
  score: number;
  passed: boolean;
}

export interface ItemTerms {
  opensAt: Date | null;
  /** The due time that applies to this learner: their extension if they have one, else the assignment's. */
  dueAt: Date | null;
  policy: LatePolicy;
  attemptLimit: number | null;
}

export interface LateMark {
  /** Started 24-hour periods after the due time, ≥ 1. */
  daysLate: number;
  /** What the policy took off the score (0..1 of full marks; the whole score after a hard deadline). */
  penalty: number;
}

export interface CountedAttempt {
  id: string;
  submittedAt: Date;
  rawScore: number;
  /** After the late policy. */
  score: number;
  passed: boolean;
  late: LateMark | null;
}

/**
 * - upcoming: the assignment has not opened yet;
 * - open: not passed yet, and not due (or no due time);
 * - done: passed by the due time;
 * - late: passed only after the due time, and the policy still gives credit for it;
 * - overdue: not passed (or passed only when it no longer counted) and the due time is past.
 */
export type ItemStatus = "upcoming" | "open" | "done" | "late" | "overdue";

export interface ItemResult {
  /** The score that counts, 0..1 (0 when nothing counts). */
  score: number;
  /** The attempt that gives it; null when no attempt counts. */
  counted: CountedAttempt | null;
  status: ItemStatus;
  /** Attempts submitted since the opening (over the limit included). */
  attemptsUsed: number;
  /** Attempts left under the limit; null when unlimited. */
  attemptsLeft: number | null;
  /** Attempts that did not count, and why. */
  ignored: { beforeOpen: number; overLimit: number; afterHardDeadline: number };
}

/** Scores are sums of fractions (0.1 × 3 ≠ 0.3): kept to 6 decimals so equal grades compare equal. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function daysLate(submittedAt: Date, dueAt: Date | null): number {
  if (!dueAt) return 0;
  const over = submittedAt.getTime() - dueAt.getTime();
  return over > 0 ? Math.ceil(over / DAY_MS) : 0;
}

/** One attempt's score under the policy; null when it gives no credit at all (after a hard deadline). */
export function applyLatePolicy(rawScore: number, days: number, policy: LatePolicy): { score: number; late: LateMark | null } | null {
  const raw = Math.min(1, Math.max(0, rawScore));
  if (days <= 0) return { score: raw, late: null };
  switch (policy.kind) {
    case "none":
      return { score: raw, late: { daysLate: days, penalty: 0 } };
    case "hard":
      return null;
    case "per-day": {
      const score = raw <= policy.floor ? raw : round(Math.max(policy.floor, raw - policy.penaltyPerDay * days));
      return { score, late: { daysLate: days, penalty: round(raw - score) } };
    }
  }
}

/**
 * The effective due time: the learner's extension replaces the assignment's due time when it is later (an
 * assignment without a due time takes the extension's). The extension form refuses one at or before the due
 * time, but the due time can be moved later afterwards: the extension must not then cut the learner's time.
 */
export function effectiveDue(assignmentDue: Date | null, extensionDue: Date | null | undefined): Date | null {
  if (!extensionDue) return assignmentDue;
  return assignmentDue && assignmentDue.getTime() >= extensionDue.getTime() ? assignmentDue : extensionDue;
}

function better(a: CountedAttempt, b: CountedAttempt | null): boolean {
  if (!b) return true;
  if (a.score !== b.score) return a.score > b.score;
  return a.submittedAt.getTime() < b.submittedAt.getTime();
}

/** The score that counts for one learner × assignment × item at time `now`. */
export function itemResult(attempts: readonly Attempt[], terms: ItemTerms, now: Date): ItemResult {
  const ordered = [...attempts].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id));
  const ignored = { beforeOpen: 0, overLimit: 0, afterHardDeadline: 0 };
  let attemptsUsed = 0;
  let counted: CountedAttempt | null = null;
  let passedOnTime = false;
  let passedLate = false;
  for (const attempt of ordered) {
    if (terms.opensAt && attempt.submittedAt < terms.opensAt) {
      ignored.beforeOpen += 1;
      continue;
    }
    attemptsUsed += 1;
    if (terms.attemptLimit !== null && attemptsUsed > terms.attemptLimit) {
      ignored.overLimit += 1;
      continue;
    }
    const days = daysLate(attempt.submittedAt, terms.dueAt);
    const applied = applyLatePolicy(attempt.score, days, terms.policy);
    if (!applied) {
      ignored.afterHardDeadline += 1;
      continue;
    }
    if (attempt.passed) {
      if (applied.late) passedLate = true;
      else passedOnTime = true;
    }
    const candidate: CountedAttempt = { id: attempt.id, submittedAt: attempt.submittedAt, rawScore: attempt.score, score: applied.score, passed: attempt.passed, late: applied.late };
    if (better(candidate, counted)) counted = candidate;
  }
  const status: ItemStatus = passedOnTime
    ? "done"
    : passedLate
      ? "late"
      : terms.opensAt && now < terms.opensAt
        ? "upcoming"
        : terms.dueAt && now > terms.dueAt
          ? "overdue"
          : "open";
  return {
    score: counted?.score ?? 0,
    counted,
    status,
    attemptsUsed,
    attemptsLeft: terms.attemptLimit === null ? null : Math.max(0, terms.attemptLimit - attemptsUsed),
    ignored,
  };
}

export interface AggregateResult {
  /** The mean of the parts' scores (each part weighs the same), 0..1. */
  score: number;
  status: ItemStatus;
  /** The largest days late among the attempts that count; 0 when none is late. */
  daysLate: number;
  /** Parts whose counted attempt carries a penalty. */
  penalized: number;
}

const STATUS_ORDER: readonly ItemStatus[] = ["overdue", "open", "upcoming", "late", "done"];

/**
 * Several parts → one: an assignment from its items, or an assigned topic from its flashcards. Its status is its
 * most pressing part's (overdue before open before upcoming before late before done); no parts → "done".
 */
export function aggregate(parts: readonly ItemResult[]): AggregateResult {
  if (parts.length === 0) return { score: 0, status: "done", daysLate: 0, penalized: 0 };
  const score = round(parts.reduce((sum, p) => sum + p.score, 0) / parts.length);
  const status = STATUS_ORDER.find((s) => parts.some((p) => p.status === s)) ?? "done";
  return {
    score,
    status,
    daysLate: Math.max(0, ...parts.map((p) => p.counted?.late?.daysLate ?? 0)),
    penalized: parts.filter((p) => (p.counted?.late?.penalty ?? 0) > 0).length,
  };
}

/** An assigned topic's flashcards: each card's reviews are its attempts (no attempt limit on reviews). */
export function topicResult(cards: readonly (readonly Attempt[])[], terms: Omit<ItemTerms, "attemptLimit">, now: Date): ItemResult {
  const perCard = cards.map((reviews) => itemResult(reviews, { ...terms, attemptLimit: null }, now));
  const summary = aggregate(perCard);
  const counted = perCard.map((c) => c.counted).filter((c): c is CountedAttempt => c !== null);
  const mean = (values: number[]) => round(values.reduce((a, b) => a + b, 0) / Math.max(1, perCard.length));
  const latest = counted.reduce<CountedAttempt | null>((a, c) => (a && a.submittedAt >= c.submittedAt ? a : c), null);
  return {
    score: summary.score,
    // The topic as one attempt: its latest counted review's time, the cards' mean scores and penalties.
    counted: latest && {
      id: latest.id,
      submittedAt: latest.submittedAt,
      rawScore: mean(counted.map((c) => c.rawScore)),
      score: summary.score,
      passed: summary.status === "done" || summary.status === "late",
      late: summary.daysLate > 0 ? { daysLate: summary.daysLate, penalty: mean(counted.map((c) => c.late?.penalty ?? 0)) } : null,
    },
    status: summary.status,
    attemptsUsed: perCard.reduce((n, c) => n + c.attemptsUsed, 0),
    attemptsLeft: null,
    ignored: perCard.reduce(
      (sum, c) => ({ beforeOpen: sum.beforeOpen + c.ignored.beforeOpen, overLimit: 0, afterHardDeadline: sum.afterHardDeadline + c.ignored.afterHardDeadline }),
      { beforeOpen: 0, overLimit: 0, afterHardDeadline: 0 },
    ),
  };
}

/** A flashcard review as an attempt: recalled (Hard, Good or Easy) is full marks, Again is none. */
export function reviewAttempt(review: { id: string; review: Date; rating: number }): Attempt {
  const recalled = review.rating >= 2;
  return { id: review.id, submittedAt: review.review, score: recalled ? 1 : 0, passed: recalled };
}
