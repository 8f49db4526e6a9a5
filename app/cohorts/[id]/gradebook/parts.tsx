// Pieces the gradebook pages share: a score with its status and late mark, dates in the cohort's time zone,
// the access check. Server components only.
import { notFound } from "next/navigation";
import type { ItemResult, ItemStatus } from "@/lib/cohorts/policy/core";
import type { LatePolicy } from "@/lib/cohorts/policy/schema";
import { requireRole } from "@/lib/auth";
import { findManagedCohort } from "@/lib/cohorts";
import { getDb } from "@/lib/db";
import type { Lang } from "@/lib/i18n/core";
import type { Translate } from "@/lib/i18n";


/** The cohort whose grades the signed-in user may see (404 otherwise). */
export async function gradebookCohort(id: string) {
  const user = await requireRole("instructor");
  const cohort = await findManagedCohort(getDb(), user, id);
  if (!cohort) notFound();
  return { user, cohort };
}

export function percent(score: number): string {
  return `${Math.round(score * 1000) / 10}%`;
}

export function formatWhen(date: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A status as a coloured badge: app/globals.css's grade-* classes (short: a gradebook page has 3,000 of them). */
export function StatusBadge({ status, t }: { status: ItemStatus; t: Translate }) {
  return <span className={`grade-badge grade-${status}`}>{t(`cohorts.gradebook.status.${status}`)}</span>;
}

/** "2 days late, −20%": what the late policy did to the attempt that counts. */
export function LateMark({ daysLate, penalty, t }: { daysLate: number; penalty: number; t: Translate }) {
  if (daysLate <= 0) return null;
  return (
    <span className="block text-xs text-amber-800" data-testid="late-mark">
      {penalty > 0 ? t("cohorts.gradebook.latePenalty", { days: daysLate, penalty: percent(penalty) }) : t("cohorts.gradebook.lateNoPenalty", { days: daysLate })}
    </span>
  );
}

/** One item's result: the score that counts, its status and late mark, attempts used. */
export function ItemScore({ result, t }: { result: ItemResult; t: Translate }) {
  return (
    <>
      <span className="tabular-nums font-medium">{result.counted ? percent(result.score) : t("cohorts.none")}</span> <StatusBadge status={result.status} t={t} />
      <LateMark daysLate={result.counted?.late?.daysLate ?? 0} penalty={result.counted?.late?.penalty ?? 0} t={t} />
      {result.attemptsUsed > 0 && (
        <span className="block text-xs text-slate-500">
          {result.attemptsLeft === null ? t("cohorts.gradebook.attempts", { count: result.attemptsUsed }) : t("cohorts.gradebook.attemptsOfLimit", { count: result.attemptsUsed, left: result.attemptsLeft })}
        </span>
      )}
    </>
  );
}

export function policyText(policy: LatePolicy, t: Translate): string {
  if (policy.kind === "per-day") return t("cohorts.gradebook.policy.perDay", { penalty: percent(policy.penaltyPerDay), floor: percent(policy.floor) });
  return t(policy.kind === "hard" ? "cohorts.gradebook.policy.hard" : "cohorts.gradebook.policy.none");
}
