"use client";
// An assignment's line where learners look (exercise cards, the home page, the exercise page): which cohort
// assigned it, the time left in the cohort's time zone, and once they have tried, the score that counts with its
// late marks, e.g. "Assigned in Demo cohort · due in 6 days (Mon 7 Dec, 23:59 UTC) · Counts: 70% · 2 days late, −20%".
import type { LearnerAssignment } from "@/lib/cohorts";
import { useLang, useT } from "@/lib/i18n/client";
import { formatDeadline, formatTimeLeft } from "@/lib/time-left";
import { attemptsLine, scoreLine } from "./assignment-status";

const tone: Record<LearnerAssignment["status"], string> = {
  overdue: "bg-red-50 text-red-900 ring-red-200",
  open: "bg-sky-50 text-sky-950 ring-sky-200",
  upcoming: "bg-slate-50 text-slate-800 ring-slate-200",
  late: "bg-amber-50 text-amber-950 ring-amber-200",
  done: "bg-emerald-50 text-emerald-950 ring-emerald-200",
};

/** `now` is the server's render time (ISO), so the server's and the browser's text agree. */
export function AssignmentTag({ assignment, now, withCohort = true }: { assignment: LearnerAssignment; now: string; withCohort?: boolean }) {
  const t = useT();
  const lang = useLang();
  const due = assignment.dueAt ? new Date(assignment.dueAt) : null;
  const opens = assignment.opensAt ? new Date(assignment.opensAt) : null;
  const when =
    assignment.status === "upcoming" && opens
      ? t("assignments.opensIn", { relative: formatTimeLeft(opens, new Date(now), lang), date: formatDeadline(opens, lang, assignment.timeZone, new Date(now)) })
      : due
        ? t(assignment.status === "overdue" ? "assignments.wasDue" : assignment.status === "open" ? "assignments.dueIn" : "assignments.dueOn", {
            relative: formatTimeLeft(due, new Date(now), lang),
            date: formatDeadline(due, lang, assignment.timeZone, new Date(now)),
          })
        : t("assignments.noDue");
  const state = assignment.status === "done" || assignment.status === "late" ? t(`cohorts.status.${assignment.status}`) : null;
  const extra = [assignment.extended ? t("assignments.extended") : "", scoreLine(t, assignment), attemptsLine(t, assignment)].filter(Boolean);
  return (
    <span className={`inline-block rounded-md px-2 py-0.5 text-xs ring-1 ${tone[assignment.status]}`} data-testid="assignment-tag" data-status={assignment.status}>
      {withCohort ? t("assignments.assignedIn", { cohort: assignment.cohortName }) : t("assignments.assigned")}
      {" · "}
      {state ? `${state} · ` : ""}
      {when}
      {extra.map((line) => ` · ${line}`).join("")}
    </span>
  );
}
