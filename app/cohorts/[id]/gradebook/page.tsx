// /cohorts/<id>/gradebook: learners × assignments, each cell the score that counts under the assignment's late
// policy (lib/cohorts/gradebook), sortable by any column and filterable by name and status through the query
// string (plain links and a GET form: it works without JavaScript). CSV downloads for Canvas and Moodle.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { assignmentSummaries, queryRows } from "@/lib/cohorts/gradebook/core";
import { assignmentTitle } from "@/lib/cohorts/gradebook/load";
import { loadGradebookMemo } from "@/lib/cohorts/gradebook/memo";
import { GRADEBOOK_PAGE_SIZE, GRADEBOOK_STATUSES, parseGradebookQuery, type GradebookQuery } from "@/lib/cohorts/gradebook/schema";
import { getDb } from "@/lib/db";
import { getLang, getT } from "@/lib/i18n/server";
import { formatWhen, gradebookCohort, LateMark, percent, StatusBadge } from "./parts";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("cohorts.gradebook.title") };
}

function queryString(query: GradebookQuery, change: Partial<GradebookQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.status) params.set("status", next.status);
  if (next.q) params.set("q", next.q);
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `?${text}` : "?";
}

export default async function GradebookPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { cohort } = await gradebookCohort(id);
  const [t, lang, loaded, query] = await Promise.all([getT(), getLang(), loadGradebookMemo(getDb(), cohort.id), searchParams.then(parseGradebookQuery)]);
  if (!loaded) notFound();
  const { book } = loaded;
  const timeZone = loaded.cohort.timeZone;
  const matching = queryRows(book, query);
  const pages = Math.max(1, Math.ceil(matching.length / GRADEBOOK_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = matching.slice((page - 1) * GRADEBOOK_PAGE_SIZE, page * GRADEBOOK_PAGE_SIZE);
  const summaries = assignmentSummaries(book);
  const base = `/cohorts/${cohort.id}/gradebook`;

  /** A column heading that sorts by `sort` (ascending first, then toggles). */
  const SortHeading = ({ sort, label }: { sort: string; label: string }) => {
    const active = query.sort === sort;
    const dir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <Link href={`${base}${queryString(query, { sort, dir, page: 1 })}`} className="underline-offset-2 hover:underline" data-testid={`sort-${sort}`}>
        {label}
        {active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    );
  };
  const ariaSort = (sort: string) => (query.sort === sort ? (query.dir === "asc" ? "ascending" : "descending") : undefined);

  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <Link href={`/cohorts/${cohort.id}`} className="text-sm text-brand-700 underline">{t("cohorts.gradebook.backToCohort", { name: cohort.name })}</Link>
        <h1 className="text-2xl font-semibold">{t("cohorts.gradebook.heading", { name: cohort.name })}</h1>
        <p className="text-sm text-slate-600">{t("cohorts.gradebook.intro", { timeZone })}</p>
        <p className="flex flex-wrap gap-3 text-sm">
          <a href={`/api/cohorts/${cohort.id}/gradebook.csv?format=canvas`} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50" data-testid="csv-canvas" download>
            {t("cohorts.gradebook.csvCanvas")}
          </a>
          <a href={`/api/cohorts/${cohort.id}/gradebook.csv?format=moodle`} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50" data-testid="csv-moodle" download>
            {t("cohorts.gradebook.csvMoodle")}
          </a>
        </p>
      </section>

      <form method="get" action={base} className="flex flex-wrap items-end gap-3 text-sm" role="search">
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <label className="flex flex-col gap-1">
          <span>{t("cohorts.gradebook.searchLabel")}</span>
          <input name="q" defaultValue={query.q} maxLength={100} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          <span>{t("cohorts.gradebook.statusLabel")}</span>
          <select name="status" defaultValue={query.status ?? ""} className="rounded border border-slate-300 px-2 py-1">
            <option value="">{t("cohorts.gradebook.statusAny")}</option>
            {GRADEBOOK_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`cohorts.gradebook.filter.${s}`)}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">{t("cohorts.gradebook.apply")}</button>
        {(query.q || query.status) && <Link href={`${base}${queryString(query, { q: "", status: null, page: 1 })}`} className="text-brand-700 underline">{t("cohorts.gradebook.clear")}</Link>}
      </form>

      {book.assignments.length === 0 || book.rows.length === 0 ? (
        <p className="text-slate-600">{book.rows.length === 0 ? t("cohorts.noMembers") : t("cohorts.noAssignments")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          {/* Cell padding, figures and the score's weight set once on the table: 100 learners × 30 assignments is
              3,000 cells, and every attribute of a cell is sent twice (the HTML and the React payload), so a cell
              is a bare <td> with the score in <b> and its status badge; tests find cells by their column. */}
          <table className="w-full text-left text-sm tabular-nums [&_td]:px-3 [&_td]:py-2 [&_td>b]:font-medium" data-testid="gradebook">
            <caption className="sr-only">{t("cohorts.gradebook.caption", { shown: matching.length, total: book.rows.length })}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2" aria-sort={ariaSort("name")}><SortHeading sort="name" label={t("cohorts.columns.learner")} /></th>
                <th scope="col" className="px-3 py-2" aria-sort={ariaSort("total")}><SortHeading sort="total" label={t("cohorts.gradebook.total")} /></th>
                <th scope="col" className="px-3 py-2" aria-sort={ariaSort("late")}><SortHeading sort="late" label={t("cohorts.gradebook.lateColumn")} /></th>
                {book.assignments.map((a) => (
                  <th key={a.id} scope="col" className="min-w-36 px-3 py-2 align-bottom" aria-sort={ariaSort(`a:${a.id}`)}>
                    <SortHeading sort={`a:${a.id}`} label={assignmentTitle(a, lang)} />
                    <span className="block text-xs font-normal">
                      {a.dueAt ? t("cohorts.gradebook.dueAt", { when: formatWhen(a.dueAt, lang, timeZone) }) : t("cohorts.noDue")}
                    </span>
                    <Link href={`${base}/${a.id}`} className="block text-xs font-normal text-brand-700 underline">{t("cohorts.gradebook.openAssignment")}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.learner.userId} className="border-t border-slate-100 align-top" data-testid="gradebook-row">
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/cohorts/${cohort.id}/learners/${row.learner.userId}`} className="text-brand-700 underline-offset-2 hover:underline">{row.learner.name ?? row.learner.email}</Link>
                    {row.learner.name && <span className="block text-xs font-normal text-slate-500">{row.learner.email}</span>}
                  </th>
                  <td className="font-medium" data-testid="total">{percent(row.total)}</td>
                  <td>{row.lateCount}</td>
                  {row.cells.map((cell, i) => (
                    // Keyed by position (the columns' order is fixed): an assignment's id would be sent 3,000 times.
                    <td key={i}>
                      <b>{cell.attempted ? percent(cell.score) : t("cohorts.none")}</b> <StatusBadge status={cell.status} t={t} />
                      <LateMark daysLate={cell.daysLate} penalty={cell.penalty} t={t} />
                      {cell.extended && cell.dueAt && <span className="block text-xs text-sky-800">{t("cohorts.gradebook.extended", { when: formatWhen(cell.dueAt, lang, timeZone) })}</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="row" className="px-3 py-2">{t("cohorts.gradebook.mean")}</th>
                <td className="px-3 py-2 tabular-nums">{percent(book.rows.reduce((s, r) => s + r.total, 0) / book.rows.length)}</td>
                <td className="px-3 py-2" />
                {summaries.map((s) => (
                  <td key={s.assignmentId} className="px-3 py-2 text-xs">
                    <span className="tabular-nums">{percent(s.mean)}</span>
                    <span className="block">{t("cohorts.gradebook.passedCount", { passed: s.passed, total: book.rows.length })}</span>
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="flex items-center gap-4 text-sm" aria-label={t("cohorts.gradebook.pagesLabel")}>
          <span data-testid="gradebook-range">{t("cohorts.gradebook.range", { from: (page - 1) * GRADEBOOK_PAGE_SIZE + 1, to: (page - 1) * GRADEBOOK_PAGE_SIZE + rows.length, total: matching.length })}</span>
          {page > 1 && <Link href={`${base}${queryString(query, { page: page - 1 })}`} className="text-brand-700 underline" rel="prev">{t("cohorts.gradebook.previous")}</Link>}
          {page < pages && <Link href={`${base}${queryString(query, { page: page + 1 })}`} className="text-brand-700 underline" rel="next">{t("cohorts.gradebook.next")}</Link>}
        </nav>
      )}
    </div>
  );
}
