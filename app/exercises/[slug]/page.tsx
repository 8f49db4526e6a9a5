// /exercises/[slug]: the statement (Markdown + KaTeX, in the UI language) and its visible cases beside the
// workspace (editor, hints, run/submit, results, history). Anyone may read it: a signed-out visitor gets the
// workspace in guest mode (code kept in the browser, runs graded without storing anything, Submit asks to sign
// in). A learner's draft and history come straight from the database so the page opens with their own code,
// not the starter followed by a flash.
import "katex/dist/katex.min.css";
import "../learner.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ExerciseAssignment } from "@/app/_components/ExerciseAssignment";
import { findExercise } from "@/exercises/catalog";
import { getTopic } from "@/exercises/topics";
import { getSessionUser } from "@/lib/auth";
import { exerciseHistory, learnerAttempt, loadDraft, nextExercise } from "@/lib/exercise-view";
import { getLang, getT } from "@/lib/i18n/server";
import { statementSummary } from "@/lib/statement-summary";
import { renderedExercise } from "./rendered";
import { VisibleCases, VisibleCasesLoading } from "./VisibleCases";
import { Workspace } from "./Workspace";

// ?attempt=<submission id> opens that attempt of the learner's in the results (a review card links its origin here).
type Props = { params: Promise<{ slug: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = findExercise((await params).slug);
  if (!entry) return {};
  const lang = await getLang();
  // Search results show about 160 Latin or 80 Chinese characters.
  return { title: entry.meta.title[lang], description: statementSummary(entry.statement[lang], lang === "zh" ? 80 : 160) };
}

export default async function ExercisePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const attempt = (await searchParams)?.attempt;
  const entry = findExercise(slug);
  if (!entry) notFound();
  const user = await getSessionUser();
  const lang = await getLang();
  const t = await getT(lang);
  const [draft, history] = user ? await Promise.all([loadDraft(user.id, slug), exerciseHistory(user.id, slug)]) : [null, []];
  const { meta } = entry;
  const openAttempt = user && typeof attempt === "string" ? await learnerAttempt(user.id, slug, attempt) : null;
  const html = renderedExercise(entry, lang);

  return (
    // Wider than the site's reading column: the statement and the editor sit side by side on large screens.
    <div className="relative left-1/2 w-[calc(100vw-2rem)] max-w-[96rem] -translate-x-1/2">
      <nav aria-label={t("exercise.breadcrumb")} className="mb-3 text-sm text-slate-700">
        <Link href="/exercises" className="underline underline-offset-2 hover:text-brand-700">
          {t("exercises.title")}
        </Link>
        <span aria-hidden="true"> / </span>
        <span>{getTopic(meta.topics[0]!).name[lang]}</span>
      </nav>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <article aria-label={meta.title[lang]} tabIndex={0} className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
          <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            {user && <ExerciseAssignment userId={user.id} slug={slug} />}
            <div className="mb-3 flex flex-wrap gap-2 text-xs">
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-800">{t("exercises.difficulty", { level: meta.difficulty })}</span>
              {meta.topics.map((topic) => (
                <span key={topic} className="rounded-full bg-brand-50 px-2 py-0.5 text-brand-700">
                  {getTopic(topic).name[lang]}
                </span>
              ))}
            </div>
            <div className="prose-math text-slate-900" lang={lang === "zh" ? "zh-CN" : "en"} data-testid="statement" dangerouslySetInnerHTML={{ __html: html.statementHtml }} />
            <Suspense fallback={<VisibleCasesLoading lang={lang} />}>
              <VisibleCases entry={entry} lang={lang} />
            </Suspense>
            <aside aria-labelledby="hidden-cases-heading" className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="hidden-cases-explained">
              <h2 id="hidden-cases-heading" className="font-semibold text-slate-900">
                {t("cases.hiddenTitle")}
              </h2>
              <p className="mt-1 text-slate-700">{t("cases.hiddenBody")}</p>
            </aside>
            <p className="mt-4 border-t border-slate-100 pt-3 text-xs text-slate-600">
              {t("exercise.notesSection")} <span lang="zh-CN">{meta.notesSection}</span>
            </p>
          </div>
        </article>
        <Workspace
          slug={slug}
          starter={entry.starter}
          initialSource={draft?.source ?? entry.starter}
          initialHintsRevealed={draft?.hintsRevealed ?? 0}
          hintsHtml={html.hintsHtml}
          tolerance={{ default: meta.tolerance.default, outputs: meta.tolerance.outputs }}
          initialHistory={history}
          initialAttempt={openAttempt}
          hasDraft={draft !== null}
          guest={user === null}
          next={nextExercise(slug, lang)}
          misconceptions={html.misconceptions}
        />
      </div>
    </div>
  );
}
