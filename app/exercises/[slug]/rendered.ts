// An exercise's texts as the page shows them (Markdown + KaTeX → HTML): the statement, the hints and the
// misconceptions, rendered once per exercise and language in this process. They are fixed for the life of the
// catalog entry, and rendering them took ~16 ms of the page's server time on every request (KaTeX mostly).
import type { ExerciseEntry } from "@/exercises/catalog";
import type { Lang } from "@/exercises/schema";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown";

export interface RenderedExercise {
  statementHtml: string;
  hintsHtml: string[];
  /** By misconception id. */
  misconceptions: Record<string, { titleHtml: string; explanationHtml: string }>;
}

/** Keyed by the entry itself: a catalog loaded again (new entries) is rendered again. */
const rendered = new WeakMap<ExerciseEntry, Partial<Record<Lang, RenderedExercise>>>();

export function renderedExercise(entry: ExerciseEntry, lang: Lang): RenderedExercise {
  let byLang = rendered.get(entry);
  if (!byLang) rendered.set(entry, (byLang = {}));
  return (byLang[lang] ??= {
    statementHtml: renderMarkdown(entry.statement[lang]),
    hintsHtml: entry.meta.hints.map((hint) => renderMarkdown(hint[lang])),
    misconceptions: Object.fromEntries(
      entry.meta.misconceptions.map((m) => [m.id, { titleHtml: renderInlineMarkdown(m.title[lang]), explanationHtml: renderMarkdown(m.explanation[lang]) }]),
    ),
  });
}

// Case notes arrive with the visible cases (from the grader's report, per request) but are fixed texts of the
// catalog: each is rendered once. The bound only guards against a catalog reloaded many times in one process.
const CASE_NOTES_KEPT = 2000;
const renderedNotes = new Map<string, string>();

/** A visible case's note (one line of Markdown with $…$ math, e.g. "`axis = 1`: each row holds one example's $N$ logits") as HTML. */
export function caseNoteHtml(note: string): string {
  let html = renderedNotes.get(note);
  if (html === undefined) {
    html = renderInlineMarkdown(note);
    if (renderedNotes.size >= CASE_NOTES_KEPT) renderedNotes.clear();
    renderedNotes.set(note, html);
  }
  return html;
}
