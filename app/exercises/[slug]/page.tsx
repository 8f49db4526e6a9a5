// /exercises/[slug]: the statement (Markdown + KaTeX, in the UI language) beside the workspace (editor,
// hints, run/submit, results, history). The draft and the history come straight from the database so the
// page opens with the learner's own code, not the starter followed by a flash.
import "katex/dist/katex.min.css";
import "../learner.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findExercise } from "@/exercises/catalog";
import { getTopic } from "@/exercises/topics";
import { requireUser } from "@/lib/auth";
import { exerciseHistory, loadDraft, nextExercise } from "@/lib/exercise-view";
import { getLang, getT } from "@/lib/i18n/server";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown";
import { Workspace } from "./Workspace";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = findExercise((await params).slug);
  const lang = await getLang();
  return { title: entry ? entry.meta.title[lang] : undefined };
}

export default async function ExercisePage({ params }: Props) {
  const { slug } = await params;
  const entry = findExercise(slug);
  if (!entry) notFound();
  const user = await requireUser();
  const lang = await getLang();
  const t = await getT(lang);
  const [draft, history] = await Promise.all([loadDraft(user.id, slug), exerciseHistory(user.id, slug)]);
  const { meta } = entry;

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
      <div className="grid gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <article aria-label={meta.title[lang]} tabIndex={0} className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
          <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <div className="mb-3 flex flex-wrap gap-2 text-xs">
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-800">{t("exercises.difficulty", { level: meta.difficulty })}</span>
              {meta.topics.map((topic) => (
                <span key={topic} className="rounded-full bg-brand-50 px-2 py-0.5 text-brand-700">
                  {getTopic(topic).name[lang]}
                </span>
              ))}
            </div>
            <div className="prose-math text-slate-900" lang={lang === "zh" ? "zh-CN" : "en"} data-testid="statement" dangerouslySetInnerHTML={{ __html: renderMarkdown(entry.statement[lang]) }} />
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
          hintsHtml={meta.hints.map((hint) => renderMarkdown(hint[lang]))}
          tolerance={{ default: meta.tolerance.default, outputs: meta.tolerance.outputs }}
          initialHistory={history}
          hasDraft={draft !== null}
          next={nextExercise(slug, lang)}
          misconceptions={Object.fromEntries(
            meta.misconceptions.map((m) => [m.id, { titleHtml: renderInlineMarkdown(m.title[lang]), explanationHtml: renderMarkdown(m.explanation[lang]) }]),
          )}
        />
      </div>
    </div>
  );
}
