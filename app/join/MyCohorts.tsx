// A learner's cohorts (each of them: a learner may be in several) and what is assigned there: each assignment's
// items, its due time in the cohort's time zone (their own if they have an extension), its status and the score
// that counts for them under the late policy.
import Link from "next/link";
import { assignedItemLink } from "@/app/_components/HomeAssignments";
import { STATUS_STYLE, attemptsLine, policyLine, scoreLine } from "@/app/_components/assignment-status";
import { learnerAssignments, type LearnerCohort } from "@/lib/cohorts";
import { assignmentTitle } from "@/lib/cohorts/gradebook/load";
import type { Lang, Translate } from "@/lib/i18n/core";
import { formatDeadline } from "@/lib/time-left";

export function MyCohorts({ cohorts, t, lang }: { cohorts: LearnerCohort[]; t: Translate; lang: Lang }) {
  if (cohorts.length === 0) return <p className="text-slate-600">{t("cohorts.noMyCohorts")}</p>;
  return (
    <ul className="space-y-4">
      {cohorts.map((cohort) => {
        const lines = learnerAssignments([cohort]);
        return (
          <li key={cohort.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="my-cohort">
            <h3 className="font-semibold">{cohort.name}</h3>
            <p className="text-sm text-slate-600">{t("cohorts.instructorIs", { name: cohort.instructorName })}</p>
            {cohort.assignments.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t("cohorts.nothingAssigned")}</p>
            ) : (
              <ul className="mt-2 space-y-3 text-sm">
                {cohort.assignments.map((a) => (
                  <li key={a.id} className="space-y-1" data-testid="my-assignment">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{assignmentTitle({ title: a.title, items: a.cell.items }, lang)}</span>
                      <span className="text-slate-600 tabular-nums">{a.dueAt ? formatDeadline(a.dueAt, lang, cohort.timeZone) : t("cohorts.noDue")}</span>
                      {a.extended && <span className="text-xs text-slate-600">{t("assignments.extended")}</span>}
                      <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[a.cell.status]}`}>{t(`cohorts.status.${a.cell.status}`)}</span>
                      {a.cell.attempted && <span className="tabular-nums">{t("assignments.counts", { score: `${Math.round(a.cell.score * 100)}%` })}</span>}
                    </div>
                    {policyLine(t, a.policy) && <p className="text-xs text-slate-600">{policyLine(t, a.policy)}</p>}
                    <ul className="ml-4 list-disc">
                      {lines
                        .filter((line) => line.assignmentId === a.id)
                        .map((line) => {
                          const link = assignedItemLink(line, lang);
                          const facts = [scoreLine(t, line), attemptsLine(t, line)].filter(Boolean).join(" · ");
                          return (
                            <li key={link.href}>
                              <Link href={link.href} className="text-brand-700 underline-offset-2 hover:underline">
                                {link.label}
                              </Link>{" "}
                              <span className="text-xs text-slate-600">
                                {t(`cohorts.status.${line.status}`)}
                                {facts ? ` · ${facts}` : ""}
                              </span>
                            </li>
                          );
                        })}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
