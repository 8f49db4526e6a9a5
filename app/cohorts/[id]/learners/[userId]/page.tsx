// /cohorts/<id>/learners/<userId>: one learner of the cohort: every assignment with the score that counts and
// its late marks, each item's result, and links to the attempt that counts and to the latest one (the
// drill-down, with the timeline of attempts).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findExercise } from "@/exercises/catalog";
import { assignmentTitle, itemTitle, loadGradebook } from "@/lib/cohorts/gradebook/load";
import { latestAttempts } from "@/lib/cohorts/gradebook/submission";
import { getDb } from "@/lib/db";
import { getLang, getT } from "@/lib/i18n/server";
import { formatWhen, gradebookCohort, ItemScore, LateMark, percent, policyText, StatusBadge } from "../../gradebook/parts";

type Props = { params: Promise<{ id: string; userId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("cohorts.gradebook.learnerTitle") };
}

export default async function LearnerPage({ params }: Props) {
  const { id, userId } = await params;
  const { cohort } = await gradebookCohort(id);
  const db = getDb();
  const [t, lang, loaded] = await Promise.all([getT(), getLang(), loadGradebook(db, cohort.id)]);
  const row = loaded?.book.rows.find((r) => r.learner.userId === userId);
  if (!loaded || !row) notFound();
  const timeZone = loaded.cohort.timeZone;
  const slugs = [...new Set(loaded.book.assignments.flatMap((a) => a.items.filter((i) => i.kind === "exercise").map((i) => i.ref)))];
  const latest = await latestAttempts(db, userId, slugs);
  const misconceptionTitle = (slug: string, mid: string) => findExercise(slug)?.meta.misconceptions.find((m) => m.id === mid)?.title[lang] ?? mid;

  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <Link href={`/cohorts/${cohort.id}/gradebook`} className="text-sm text-brand-700 underline">{t("cohorts.gradebook.backToGradebook")}</Link>
        <h1 className="text-2xl font-semibold">{row.learner.name ?? row.learner.email}</h1>
        {row.learner.name && <p className="text-sm text-slate-600">{row.learner.email}</p>}
        <p className="text-sm" data-testid="learner-total">
          {t("cohorts.gradebook.learnerSummary", { total: percent(row.total), late: row.lateCount, overdue: row.overdueCount })}
        </p>
      </section>
      {loaded.book.assignments.length === 0 && <p className="text-slate-600">{t("cohorts.noAssignments")}</p>}
      {loaded.book.assignments.map((assignment, i) => {
        const cell = row.cells[i]!;
        return (
          <section key={assignment.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="learner-assignment">
            <h2 className="text-lg font-semibold">
              <Link href={`/cohorts/${cohort.id}/gradebook/${assignment.id}`} className="underline-offset-2 hover:underline">{assignmentTitle(assignment, lang)}</Link>
            </h2>
            <p className="text-sm text-slate-700">
              {cell.dueAt ? t("cohorts.gradebook.dueAt", { when: formatWhen(cell.dueAt, lang, timeZone) }) : t("cohorts.noDue")}
              {cell.extended && ` · ${t("cohorts.gradebook.extensionGranted")}`} · {policyText(assignment.policy, t)}
            </p>
            <p>
              <span className="tabular-nums text-lg font-semibold">{cell.attempted ? percent(cell.score) : t("cohorts.none")}</span> <StatusBadge status={cell.status} t={t} />
              <LateMark daysLate={cell.daysLate} penalty={cell.penalty} t={t} />
            </p>
            <ul className="divide-y divide-slate-100 text-sm">
              {cell.items.map((item) => {
                const last = item.kind === "exercise" ? latest.get(item.ref) : undefined;
                return (
                  <li key={`${item.kind}:${item.ref}`} className="flex flex-wrap items-start gap-x-4 gap-y-1 py-2">
                    <span className="min-w-48 font-medium">{itemTitle(item, lang)}</span>
                    <span><ItemScore result={item.result} t={t} /></span>
                    {item.result.counted && item.kind === "exercise" && (
                      <Link href={`/cohorts/${cohort.id}/submissions/${item.result.counted.id}`} className="text-brand-700 underline">{t("cohorts.gradebook.openSubmission")}</Link>
                    )}
                    {last && (
                      <Link href={`/cohorts/${cohort.id}/submissions/${last.id}`} className="text-brand-700 underline">{t("cohorts.gradebook.openLatest", { when: formatWhen(last.createdAt, lang, timeZone) })}</Link>
                    )}
                    {last?.misconceptions.map((mid) => (
                      <span key={mid} className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900" data-testid="learner-misconception">{misconceptionTitle(item.ref, mid)}</span>
                    ))}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
