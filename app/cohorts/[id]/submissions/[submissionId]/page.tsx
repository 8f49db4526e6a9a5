// /cohorts/<id>/submissions/<submissionId>: one submission of a learner of the cohort, as the instructor drills
// into it from the gradebook: its code, its per-case results and the misconception the grader named (the
// learner's own results panel), the timeline of the learner's attempts at the exercise, and the change from the
// attempt before.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiffView } from "@/app/exercises/[slug]/AttemptHistory";
import { findExercise } from "@/exercises/catalog";
import { loadSubmissionDrilldown } from "@/lib/cohorts/gradebook/submission";
import { getDb } from "@/lib/db";
import { getLang, getT } from "@/lib/i18n/server";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown";
import { formatWhen, gradebookCohort, percent } from "../../gradebook/parts";
import { SubmissionReport } from "./SubmissionReport";

type Props = { params: Promise<{ id: string; submissionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("cohorts.gradebook.submissionTitle") };
}

export default async function SubmissionPage({ params }: Props) {
  const { id, submissionId } = await params;
  const { cohort } = await gradebookCohort(id);
  const db = getDb();
  const [t, lang, drill] = await Promise.all([getT(), getLang(), loadSubmissionDrilldown(db, cohort.id, submissionId)]);
  if (!drill) notFound();
  const { submission, report, timeline, learner } = drill;
  const timeZone = cohort.timeZone;
  const meta = findExercise(submission.exerciseSlug)?.meta;
  const title = meta?.title[lang] ?? submission.exerciseSlug;
  const misconceptionTitle = (mid: string) => meta?.misconceptions.find((m) => m.id === mid)?.title[lang] ?? mid;
  const lines = submission.source.split("\n");

  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <Link href={`/cohorts/${cohort.id}/learners/${learner.userId}`} className="text-sm text-brand-700 underline">
          {t("cohorts.gradebook.backToLearner", { name: learner.name ?? learner.email })}
        </Link>
        <h1 className="text-2xl font-semibold">{t("cohorts.gradebook.submissionHeading", { exercise: title, name: learner.name ?? learner.email })}</h1>
        <p className="text-sm text-slate-600">
          {formatWhen(submission.createdAt, lang, timeZone)} · {submission.kind === "submit" ? t("history.kindSubmit") : t("history.kindRun")}
          {submission.score !== null && ` · ${percent(submission.score)}`}
        </p>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="min-w-0 space-y-2" aria-labelledby="code-title">
          <h2 id="code-title" className="text-lg font-semibold">{t("cohorts.gradebook.code")}</h2>
          <pre className="max-h-[36rem] overflow-auto rounded-md border border-slate-200 bg-white font-mono text-xs leading-5" data-testid="submission-code" tabIndex={0}>
            {lines.map((line, i) => (
              <div key={i} id={`L${i + 1}`}>
                <span aria-hidden="true" className="inline-block w-10 select-none pr-2 text-right text-slate-500">{i + 1}</span>
                {line}
              </div>
            ))}
          </pre>
        </section>
        <section className="min-w-0 space-y-2" aria-labelledby="results-title">
          <h2 id="results-title" className="text-lg font-semibold">{t("cohorts.gradebook.results")}</h2>
          {report && meta ? (
            <SubmissionReport
              kind={submission.kind === "run" ? "run" : "submit"}
              status="graded"
              report={report}
              error={submission.error}
              tolerance={{ default: meta.tolerance.default, outputs: meta.tolerance.outputs }}
              misconceptions={Object.fromEntries(meta.misconceptions.map((m) => [m.id, { titleHtml: renderInlineMarkdown(m.title[lang]), explanationHtml: renderMarkdown(m.explanation[lang]) }]))}
            />
          ) : (
            <p className="text-slate-600">{submission.error ?? t("cohorts.gradebook.noReport")}</p>
          )}
        </section>
      </div>

      <section className="space-y-3" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="text-lg font-semibold">{t("cohorts.gradebook.timeline")}</h2>
        <ol className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white text-sm" data-testid="timeline">
          {timeline.map((entry, i) => (
            <li key={entry.id} className={`flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 ${entry.id === submission.id ? "bg-brand-50" : ""}`} aria-current={entry.id === submission.id ? "true" : undefined}>
              <span className="tabular-nums text-slate-600">#{i + 1}</span>
              <span>{formatWhen(entry.createdAt, lang, timeZone)}</span>
              <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{entry.kind === "submit" ? t("history.kindSubmit") : t("history.kindRun")}</span>
              <span className={`tabular-nums ${entry.passed ? "text-green-800" : "text-slate-800"}`}>
                {entry.status === "graded" && entry.score !== null ? `${entry.passed ? "✓ " : ""}${percent(entry.score)}` : t("cohorts.gradebook.notGraded")}
              </span>
              {entry.change && <span className="font-mono text-xs text-slate-600">+{entry.change.added} −{entry.change.removed}</span>}
              {entry.misconceptions.map((mid) => (
                <span key={mid} className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{misconceptionTitle(mid)}</span>
              ))}
              {entry.id !== submission.id && (
                <Link href={`/cohorts/${cohort.id}/submissions/${entry.id}`} className="ml-auto text-brand-700 underline">{t("cohorts.gradebook.openAttempt")}</Link>
              )}
            </li>
          ))}
        </ol>
        <h3 className="font-medium">{t("cohorts.gradebook.changeTitle")}</h3>
        {drill.diff ? <DiffView parts={drill.diff.parts} /> : <p className="text-sm text-slate-600">{t("cohorts.gradebook.firstAttempt")}</p>}
      </section>
    </div>
  );
}
