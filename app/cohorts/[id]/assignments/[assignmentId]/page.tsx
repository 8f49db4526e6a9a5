// Editing one assignment after it was assigned: its items, times, late policy and attempt limit (what learners
// did so far is scored again under the new terms), and per-learner extensions.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { cohortProgress, findManagedCohort } from "@/lib/cohorts";
import { defaultDueLocal, instantToLocal } from "@/lib/cohorts/assignments/core";
import { latePolicyColumns } from "@/lib/cohorts/policy/schema";
import { assignmentTitle } from "@/lib/cohorts/gradebook/load";
import { getDb } from "@/lib/db";
import { getLang, getT } from "@/lib/i18n/server";
import { formatDeadline } from "@/lib/time-left";
import { removeExtensionAction } from "../../../actions";
import { AssignmentForm } from "../../AssignmentForm";
import { ConfirmRemove } from "../../FormBits";
import { assignmentOptions } from "../../options";
import { ExtensionForm } from "../../RosterForms";

type Params = { params: Promise<{ id: string; assignmentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("cohorts.assignment.editTitle") };
}

function percentText(fraction: number | null): string {
  return fraction === null ? "" : String(Math.round(fraction * 10_000) / 100);
}

export default async function EditAssignmentPage({ params }: Params) {
  const { id, assignmentId } = await params;
  const user = await requireRole("instructor");
  const db = getDb();
  const cohort = await findManagedCohort(db, user, id, "manageAssignments");
  if (!cohort) notFound();
  const [t, lang, progress] = await Promise.all([getT(), getLang(), cohortProgress(db, cohort.id)]);
  const assignment = progress?.assignments.find((a) => a.id === assignmentId);
  if (!progress || !assignment) notFound();
  const zone = cohort.timeZone;
  const local = (d: Date | null) => (d ? instantToLocal(d, zone) : "");
  const columns = latePolicyColumns(assignment.policy);
  const initial = {
    title: assignment.title,
    exercises: assignment.items.filter((i) => i.kind === "exercise").map((i) => i.ref).join(","),
    topics: assignment.items.filter((i) => i.kind === "topic").map((i) => i.ref).join(","),
    opensAt: local(assignment.opensAt),
    dueAt: local(assignment.dueAt),
    latePolicy: columns.latePolicy,
    penaltyPercent: percentText(columns.latePenaltyPerDay) || "10",
    floorPercent: percentText(columns.lateFloor) || "50",
    attemptLimit: assignment.attemptLimit === null ? "" : String(assignment.attemptLimit),
    confirmPast: "",
  };
  const options = assignmentOptions(lang);
  const names = new Map(progress.members.map((m) => [m.userId, m.name ?? m.email]));
  const extensions = Object.entries(assignment.extensions);
  return (
    <div className="space-y-8">
      <Link href={`/cohorts/${cohort.id}`} className="text-sm text-brand-700 underline">{t("cohorts.assignment.backTo", { name: cohort.name })}</Link>
      <h1 className="text-2xl font-semibold">{t("cohorts.assignment.editHeading", { title: assignmentTitle(assignment, lang) })}</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <AssignmentForm cohortId={cohort.id} assignmentId={assignment.id} initial={initial} exercises={options.exercises} topics={options.topics} timeZone={zone} />
      </section>
      <section className="space-y-3" aria-labelledby="extensions-title">
        <h2 id="extensions-title" className="text-lg font-semibold">{t("cohorts.extensions.title")}</h2>
        <p className="text-sm text-slate-600">{t("cohorts.extensions.intro")}</p>
        {extensions.length > 0 && (
          <ul className="space-y-1 text-sm">
            {extensions.map(([userId, dueAt]) => (
              <li key={userId} className="flex flex-wrap items-center gap-3" data-testid="extension">
                <span className="font-medium">{names.get(userId) ?? userId}</span>
                <span className="tabular-nums">{formatDeadline(dueAt, lang, zone)}</span>
                <ConfirmRemove
                  action={removeExtensionAction}
                  fields={{ cohortId: cohort.id, assignmentId: assignment.id, userId }}
                  label={t("cohorts.extensions.remove")}
                  question={t("cohorts.confirm.removeExtension", { name: names.get(userId) ?? userId })}
                  confirmLabel={t("cohorts.confirm.remove")}
                />
              </li>
            ))}
          </ul>
        )}
        {progress.members.length > 0 ? (
          <ExtensionForm
            cohortId={cohort.id}
            assignmentId={assignment.id}
            learners={progress.members.map((m) => ({ id: m.userId, label: m.name ?? m.email }))}
            defaultDue={assignment.dueAt ? instantToLocal(new Date(assignment.dueAt.getTime() + 2 * 24 * 3600_000), zone) : defaultDueLocal(new Date(), zone)}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("cohorts.noMembers")}</p>
        )}
      </section>
    </div>
  );
}
