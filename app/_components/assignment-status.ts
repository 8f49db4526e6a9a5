// How an assignment's state reads wherever it is shown (the learner's cohorts, the exercise page, the home
// page, the instructor's cohort page): one colour per status, and the score that counts with its late marks,
// e.g. "Counts: 70% (90% − 20%: 2 days late)". Pure: server and client components both call it.
import type { AssignmentStatus } from "@/lib/cohorts";
import type { LatePolicy } from "@/lib/cohorts/policy/schema";
import type { Translate } from "@/lib/i18n/core";

export const STATUS_STYLE: Record<AssignmentStatus, string> = {
  done: "bg-green-100 text-green-800",
  late: "bg-amber-100 text-amber-800",
  open: "bg-slate-100 text-slate-700",
  upcoming: "bg-sky-50 text-sky-900",
  overdue: "bg-red-100 text-red-800",
};

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export interface ScoreFacts {
  score: number;
  attempted: boolean;
  daysLate: number;
  penalty: number;
  attemptsUsed?: number;
  attemptsLeft?: number | null;
}

/** "Counts: 70% (2 days late, −20%)" / "Counts: 100% (1 day late)" / "Counts: 85%"; "" before any attempt. */
export function scoreLine(t: Translate, facts: ScoreFacts): string {
  if (!facts.attempted) return "";
  const parts = [t("assignments.counts", { score: percent(facts.score) })];
  if (facts.daysLate > 0) {
    parts.push(facts.penalty > 0 ? t("assignments.lateBy", { days: facts.daysLate, penalty: percent(facts.penalty) }) : t("assignments.lateNoPenalty", { days: facts.daysLate }));
  }
  return parts.join(" · ");
}

/** "2 attempts left (1 used)" when the assignment limits attempts; "" otherwise. */
export function attemptsLine(t: Translate, facts: Pick<ScoreFacts, "attemptsLeft" | "attemptsUsed">): string {
  if (facts.attemptsLeft === null || facts.attemptsLeft === undefined) return "";
  return t("assignments.attemptsLeft", { left: facts.attemptsLeft, used: facts.attemptsUsed ?? 0 });
}

/** The late policy in a few words: "Late: −10% a day, down to 50%" / "No credit after the due time" / "". */
export function policyLine(t: Translate, policy: LatePolicy): string {
  switch (policy.kind) {
    case "none":
      return "";
    case "hard":
      return t("assignments.policyHard");
    case "per-day":
      return t("assignments.policyPerDay", { penalty: percent(policy.penaltyPerDay), floor: percent(policy.floor) });
  }
}
