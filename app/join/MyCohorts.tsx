import { loadCatalog } from "@/exercises/catalog";
import type { AssignmentStatus, LearnerCohort } from "@/lib/cohorts";
import type { Lang } from "@/lib/i18n/core";
import type { Translate } from "@/lib/i18n/core";
import Link from "next/link";

const STATUS_STYLE: Record<AssignmentStatus, string> = {
  done: "bg-green-100 text-green-800",
  late: "bg-amber-100 text-amber-800",
  open: "bg-slate-100 text-slate-700",
  overdue: "bg-red-100 text-red-800",
};

/** A learner's cohorts and what is assigned there, with their own status per assignment. */
export function MyCohorts({ cohorts, t, lang }: { cohorts: LearnerCohort[]; t: Translate; lang: Lang }) {
  if (cohorts.length === 0) return <p className="text-slate-600">{t("cohorts.noMyCohorts")}</p>;
  const titles = new Map(loadCatalog().map((entry) => [entry.meta.slug, entry.meta.title[lang]]));
  return (
    <ul className="space-y-4">
      {cohorts.map((cohort) => (
        <li key={cohort.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="my-cohort">
          <h3 className="font-semibold">{cohort.name}</h3>
          <p className="text-sm text-slate-600">{t("cohorts.instructorIs", { name: cohort.instructorName })}</p>
          {cohort.assignments.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("cohorts.nothingAssigned")}</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {cohort.assignments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/exercises/${a.exerciseSlug}`} className="text-brand-700 underline-offset-2 hover:underline">
                    {titles.get(a.exerciseSlug) ?? a.exerciseSlug}
                  </Link>
                  <span className="text-slate-500 tabular-nums">{a.dueAt ? a.dueAt.toISOString().slice(0, 10) : t("cohorts.noDue")}</span>
                  <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[a.status]}`}>{t(`cohorts.status.${a.status}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
