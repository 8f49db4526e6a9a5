// /cohorts/<id>/gradebook/<assignmentId>: one assignment, learners × its items (exercises and flashcard
// topics), each with the score that counts, its late mark and the attempt it comes from (a link to that
// submission). Sortable and filterable like the gradebook; the Gradescope autograder bundle is downloaded here.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { queryRows } from "@/lib/cohorts/gradebook/core";
import { assignmentTitle, itemTitle, loadGradebook } from "@/lib/cohorts/gradebook/load";
import { parseGradebookQuery } from "@/lib/cohorts/gradebook/schema";
import { getDb } from "@/lib/db";
import { getLang, getT } from "@/lib/i18n/server";
import { formatWhen, gradebookCohort, ItemScore, percent, policyText } from "../parts";

type Props = { params: Promise<{ id: string; assignmentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("cohorts.gradebook.title") };
}

export default async function AssignmentGradebookPage({ params, searchParams }: Props) {
  const { id, assignmentId } = await params;
  const { cohort } = await gradebookCohort(id);
  const [t, lang, loaded, query] = await Promise.all([getT(), getLang(), loadGradebook(getDb(), cohort.id), searchParams.then(parseGradebookQuery)]);
  const column = loaded?.book.assignments.findIndex((a) => a.id === assignmentId) ?? -1;
  if (!loaded || column < 0) notFound();
  const assignment = loaded.book.assignments[column]!;
  const timeZone = loaded.cohort.timeZone;
  // Sorted and filtered on this assignment's column unless the query names another order.
  const rows = queryRows(loaded.book, { ...query, sort: query.sort === "name" || query.sort === "late" ? query.sort : `a:${assignment.id}` });
  const hasExercise = assignment.items.some((i) => i.kind === "exercise");

  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <Link href={`/cohorts/${cohort.id}/gradebook`} className="text-sm text-brand-700 underline">{t("cohorts.gradebook.backToGradebook")}</Link>
        <h1 className="text-2xl font-semibold">{assignmentTitle(assignment, lang)}</h1>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t("cohorts.gradebook.opens")}</dt>
          <dd>{assignment.opensAt ? formatWhen(assignment.opensAt, lang, timeZone) : t("cohorts.none")}</dd>
          <dt className="text-slate-600">{t("cohorts.columns.due")}</dt>
          <dd>{assignment.dueAt ? formatWhen(assignment.dueAt, lang, timeZone) : t("cohorts.noDue")} ({timeZone})</dd>
          <dt className="text-slate-600">{t("cohorts.gradebook.latePolicy")}</dt>
          <dd data-testid="late-policy">{policyText(assignment.policy, t)}</dd>
          <dt className="text-slate-600">{t("cohorts.gradebook.attemptLimit")}</dt>
          <dd>{assignment.attemptLimit ?? t("cohorts.gradebook.unlimited")}</dd>
        </dl>
        {hasExercise && (
          <p className="text-sm">
            <a href={`/api/cohorts/${cohort.id}/assignments/${assignment.id}/gradescope.zip`} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50" download data-testid="gradescope-bundle">
              {t("cohorts.gradebook.gradescope")}
            </a>{" "}
            <span className="text-slate-600">{t("cohorts.gradebook.gradescopeHint")}</span>
          </p>
        )}
      </section>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="assignment-gradebook">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">{t("cohorts.columns.learner")}</th>
              <th scope="col" className="px-3 py-2">{t("cohorts.gradebook.score")}</th>
              {assignment.items.map((item) => (
                <th key={`${item.kind}:${item.ref}`} scope="col" className="min-w-36 px-3 py-2">
                  {itemTitle(item, lang)}
                  <span className="block text-xs font-normal">{t(item.kind === "exercise" ? "cohorts.gradebook.kindExercise" : "cohorts.gradebook.kindTopic")}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const cell = row.cells[column]!;
              return (
                <tr key={row.learner.userId} className="border-t border-slate-100 align-top" data-testid="gradebook-row">
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/cohorts/${cohort.id}/learners/${row.learner.userId}`} className="text-brand-700 underline-offset-2 hover:underline">{row.learner.name ?? row.learner.email}</Link>
                    {cell.extended && cell.dueAt && <span className="block text-xs font-normal text-sky-800">{t("cohorts.gradebook.extended", { when: formatWhen(cell.dueAt, lang, timeZone) })}</span>}
                  </th>
                  <td className="px-3 py-2 tabular-nums font-medium">{cell.attempted ? percent(cell.score) : t("cohorts.none")}</td>
                  {cell.items.map((item) => (
                    <td key={`${item.kind}:${item.ref}`} className="px-3 py-2" data-testid="item-cell">
                      <ItemScore result={item.result} t={t} />
                      {item.kind === "exercise" && item.result.counted && (
                        <Link href={`/cohorts/${cohort.id}/submissions/${item.result.counted.id}`} className="block text-xs text-brand-700 underline">{t("cohorts.gradebook.openSubmission")}</Link>
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
