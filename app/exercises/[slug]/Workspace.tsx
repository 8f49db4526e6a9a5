"use client";
// The exercise workspace: editor (syntax, then type errors as diagnostics while typing: ./live-check.ts), draft saved on the server as the
// learner types, hints one at a time, "Run visible cases" / "Submit", live results and the attempt history.
// Guest mode (signed out): the code is kept in this browser, a run is graded at once and stored nowhere, there is
// no history, and Submit asks to sign in; after signing in, the kept code becomes the learner's draft.
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CodeEditor, type CodeEditorHandle, type EditorDiagnostic } from "@/app/_components/CodeEditor";
import { GradeResults, type LiveStatus } from "@/app/_components/GradeResults";
import type { GradeReport, SourceLocation } from "@/grader/report";
import { useLang, useT } from "@/lib/i18n/client";
import type { ToleranceSpec } from "@/lib/value-diff";
import { AttemptHistory } from "./AttemptHistory";
import {
  ApiFailure,
  createSubmission,
  fetchHistory,
  fetchSubmission,
  guestRun,
  saveDraft,
  watchSubmission,
  type HistoryEntry,
  type SubmissionKind,
  type SubmissionView,
} from "./api-client";
import { clearGuestDraft, readGuestDraft, writeGuestDraft } from "./guest-draft";
import { useLiveCheck, type LiveCheckState } from "./live-check";

export interface WorkspaceProps {
  slug: string;
  starter: string;
  initialSource: string;
  initialHintsRevealed: number;
  /** Every hint, rendered (Markdown + KaTeX) in the page's language; shown one at a time. */
  hintsHtml: string[];
  tolerance: ToleranceSpec;
  initialHistory: HistoryEntry[];
  /** An attempt to open in the results at once (?attempt=<id>), instead of the latest one. */
  initialAttempt?: string | null;
  /** The exercise's misconceptions, rendered in the page's language, by id. */
  misconceptions: Record<string, { titleHtml: string; explanationHtml: string }>;
  /** The next exercise in the browser's order, offered once this one is passed. */
  next: { slug: string; title: string } | null;
  /** Whether a draft was restored (otherwise the editor holds the starter code). */
  hasDraft: boolean;
  /** Signed out: code kept in this browser, runs stored nowhere, no history, Submit asks to sign in. */
  guest?: boolean;
}

type SaveState = "starter" | "saved" | "dirty" | "saving" | "failed";

interface CurrentResult {
  id: string | null;
  kind: SubmissionKind;
  status: LiveStatus;
  report: GradeReport | null;
  error: string | null;
}

const DRAFT_DELAY_MS = 800;

/** Errors of a report that point into the learner's file, as editor diagnostics. */
function reportDiagnostics(report: GradeReport | null, runtimeLabel: string, compileLabel: string): EditorDiagnostic[] {
  if (!report) return [];
  const out: EditorDiagnostic[] = [];
  for (const e of report.compileErrors) if (e.location) out.push({ ...e.location, message: e.message, severity: "error", source: compileLabel });
  if (report.runtimeError?.location) out.push({ ...report.runtimeError.location, message: report.runtimeError.message, severity: "error", source: runtimeLabel });
  const seen = new Set<string>();
  for (const c of report.cases) {
    const loc = c.error?.location;
    if (!loc || seen.has(`${loc.line}:${loc.column}`)) continue;
    seen.add(`${loc.line}:${loc.column}`);
    out.push({ ...loc, message: c.error!.message, severity: "error", source: runtimeLabel });
  }
  return out;
}

/** The live check's status line: what is known now, never more. */
function liveStatus(state: LiveCheckState, syntaxErrors: number, typeErrors: number, t: ReturnType<typeof useT>): string {
  switch (state.step) {
    case "syntax":
      return t("exercise.typecheckRunning");
    case "syntax-errors":
      return t("exercise.syntaxErrors", { count: syntaxErrors });
    case "types":
      return t("exercise.typecheckAfterSyntax");
    case "unavailable":
      return state.retryAfter !== null ? t("guest.typecheckRateLimited", { seconds: state.retryAfter }) : t("exercise.typecheckUnavailable");
    case "done":
      if (state.notice === "too-slow") return t("exercise.typecheckTooSlow");
      if (state.notice === "too-complex") return t("exercise.typecheckTooComplex");
      if (state.notice === "busy") return t("exercise.typecheckBusy");
      return typeErrors === 0 ? t("exercise.typecheckClean") : t("exercise.typecheckCount", { count: typeErrors });
  }
}

export function Workspace({ slug, starter, initialSource, initialHintsRevealed, hintsHtml, tolerance, initialHistory, initialAttempt = null, misconceptions, next, hasDraft, guest = false }: WorkspaceProps) {
  const t = useT();
  const lang = useLang();
  const editor = useRef<CodeEditorHandle>(null);
  const source = useRef(initialSource);
  const [hintsRevealed, setHintsRevealed] = useState(Math.min(initialHintsRevealed, hintsHtml.length));
  const hintsRef = useRef(hintsRevealed);
  const [saveState, setSaveState] = useState<SaveState>(hasDraft ? "saved" : "starter");
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const live = useLiveCheck(slug, lang);
  const { syntaxErrors, typeWarnings } = live;
  /** Guest pressed Submit: the sign-in panel is shown. */
  const [signInAsked, setSignInAsked] = useState(false);
  /** After sign-in: the code kept as a guest was put into the editor; `earlier` is the draft it replaced, if any. */
  const [restored, setRestored] = useState<{ earlier: string | null } | null>(null);
  const signInPanelRef = useRef<HTMLElement>(null);
  /** A guest draft that becomes the learner's draft once the server has saved it. */
  const clearGuestDraftOnSave = useRef(false);
  const [result, setResult] = useState<CurrentResult | null>(null);
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>(initialHistory);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unsaved = useRef(false);
  const stopWatching = useRef<(() => void) | null>(null);
  const resultsRef = useRef<HTMLDivElement>(null);

  // ---- drafts -------------------------------------------------------------------------------------------
  const persistDraft = useCallback(
    async (keepalive = false) => {
      clearTimeout(draftTimer.current);
      unsaved.current = false;
      if (guest) {
        const problem = writeGuestDraft(slug, { source: source.current, hintsRevealed: hintsRef.current });
        setSaveState(problem ? "failed" : "saved");
        setSaveProblem(problem);
        return;
      }
      setSaveState("saving");
      try {
        await saveDraft(slug, { source: source.current, hintsRevealed: hintsRef.current }, keepalive);
        setSaveState((state) => (state === "saving" ? "saved" : state));
        setSaveProblem(null);
        if (clearGuestDraftOnSave.current) {
          clearGuestDraftOnSave.current = false;
          clearGuestDraft(slug);
        }
      } catch (error) {
        unsaved.current = true;
        setSaveState("failed");
        setSaveProblem(error instanceof ApiFailure ? error.message : String(error));
      }
    },
    [slug, guest],
  );

  const scheduleDraft = useCallback(() => {
    setSaveState("dirty");
    unsaved.current = true;
    clearTimeout(draftTimer.current);
    draftTimer.current = setTimeout(() => void persistDraft(), DRAFT_DELAY_MS);
  }, [persistDraft]);

  // Leaving with unsaved changes: one last save that survives the page going away.
  useEffect(() => {
    const flush = () => {
      if (unsaved.current) {
        clearTimeout(draftTimer.current);
        unsaved.current = false;
        const draft = { source: source.current, hintsRevealed: hintsRef.current };
        if (guest) writeGuestDraft(slug, draft);
        else void saveDraft(slug, draft, true).catch(() => undefined);
      }
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [slug, guest]);

  // The code kept in this browser: a guest finds it again; a learner who just signed in finds it in the editor,
  // saved as their draft (then it is cleared here). Runs before the first live check, which reads source.current.
  useEffect(() => {
    const kept = readGuestDraft(slug);
    if (!kept) return;
    const hints = Math.min(Math.max(kept.hintsRevealed, hintsRef.current), hintsHtml.length);
    hintsRef.current = hints;
    setHintsRevealed(hints);
    if (guest) {
      if (kept.source !== source.current) editor.current?.setValue(kept.source);
      // setValue reports a change; the first live check below (scheduled after this) reads the kept code anyway.
      clearTimeout(draftTimer.current);
      unsaved.current = false;
      setSaveState("saved");
      return;
    }
    const earlier = hasDraft && kept.source !== source.current ? source.current : null;
    if (kept.source !== source.current) {
      editor.current?.setValue(kept.source);
      setRestored({ earlier });
    }
    clearGuestDraftOnSave.current = true;
    void persistDraft();
    // Once, on mount: later changes are the learner's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // ---- live check: syntax at once, then types -----------------------------------------------------------
  const scheduleCheck = live.schedule;
  useEffect(() => scheduleCheck(source.current, true), [scheduleCheck]);

  const onChange = useCallback(
    (value: string) => {
      source.current = value;
      scheduleDraft();
      scheduleCheck(value);
    },
    [scheduleDraft, scheduleCheck],
  );

  // ---- hints --------------------------------------------------------------------------------------------
  const revealHint = () => {
    const next = Math.min(hintsRef.current + 1, hintsHtml.length);
    hintsRef.current = next;
    setHintsRevealed(next);
    void persistDraft();
  };

  // ---- submissions --------------------------------------------------------------------------------------
  const refreshHistory = useCallback(async () => {
    try {
      setHistory(await fetchHistory(slug));
    } catch {
      // The list is refreshed again after the next submission; the results panel already shows this one.
    }
  }, [slug]);

  const showSubmission = useCallback((submission: SubmissionView) => {
    setResult({ id: submission.id, kind: submission.kind, status: submission.status, report: submission.report, error: submission.error });
  }, []);

  const follow = useCallback(
    (id: string, kind: SubmissionKind) => {
      stopWatching.current?.();
      stopWatching.current = watchSubmission(
        id,
        (status) => setResult((r) => (r && r.id === id && r.status !== "graded" ? { ...r, status } : r)),
        (submission) => {
          showSubmission(submission);
          void refreshHistory();
        },
        (error) => setResult({ id, kind, status: "error", report: null, error: error.message }),
      );
    },
    [showSubmission, refreshHistory],
  );

  useEffect(() => () => stopWatching.current?.(), []);

  const busy = result !== null && (result.status === "sending" || result.status === "queued" || result.status === "running");

  /** A guest's run: graded at once and shown, nothing stored. */
  const runAsGuest = useCallback(async () => {
    setResult({ id: null, kind: "run", status: "running", report: null, error: null });
    try {
      const report = await guestRun({ slug, source: source.current, lang });
      setResult({ id: null, kind: "run", status: report.status === "error" ? "error" : "graded", report, error: report.status === "error" ? (report.runtimeError?.message ?? null) : null });
    } catch (error) {
      setResult(null);
      if (error instanceof ApiFailure && error.status === 429) setSubmitProblem(t("guest.rateLimited", { seconds: error.retryAfter ?? 60 }));
      else setSubmitProblem(error instanceof ApiFailure ? error.message : String(error));
    }
  }, [slug, lang, t]);

  const submit = useCallback(
    async (kind: SubmissionKind) => {
      if (busy) return;
      if (guest && kind === "submit") {
        void persistDraft();
        setSignInAsked(true);
        // After React has shown the panel: bring it into view and move the focus to it.
        setTimeout(() => {
          signInPanelRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
          signInPanelRef.current?.focus();
        }, 0);
        return;
      }
      setSubmitProblem(null);
      if (guest) {
        resultsRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
        void persistDraft();
        return runAsGuest();
      }
      setResult({ id: null, kind, status: "sending", report: null, error: null });
      resultsRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
      void persistDraft();
      try {
        const created = await createSubmission({ slug, source: source.current, kind, hintsUsed: hintsRef.current, lang });
        void refreshHistory();
        if (created.finished) {
          // Graded while the request waited: the answer carries the result, nothing to follow.
          stopWatching.current?.();
          showSubmission(created.finished);
          return;
        }
        setResult({ id: created.id, kind, status: created.status, report: null, error: null });
        follow(created.id, kind);
      } catch (error) {
        setResult(null);
        if (error instanceof ApiFailure && error.status === 429) {
          setSubmitProblem(t("exercise.rateLimited", { seconds: error.retryAfter ?? 30 }));
        } else if (error instanceof ApiFailure && error.code === "database-unavailable") {
          setSubmitProblem(t("exercise.databaseUnavailable", { seconds: error.retryAfter ?? 5 }));
        } else setSubmitProblem(error instanceof ApiFailure ? error.message : String(error));
      }
    },
    [busy, guest, runAsGuest, persistDraft, slug, lang, refreshHistory, follow, showSubmission, t],
  );

  const openAttempt = useCallback(
    async (id: string, scroll = true) => {
      stopWatching.current?.();
      try {
        const submission = await fetchSubmission(id);
        if (!scroll) {
          // The page-load restore must not replace a run the learner started meanwhile.
          setResult((current) => current ?? { id: submission.id, kind: submission.kind, status: submission.status, report: submission.report, error: submission.error });
          return;
        }
        showSubmission(submission);
        if (submission.status === "queued" || submission.status === "running") follow(id, submission.kind);
        if (scroll) resultsRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
      } catch (error) {
        setSubmitProblem(error instanceof ApiFailure ? error.message : String(error));
      }
    },
    [showSubmission, follow],
  );

  // Coming back to an exercise: the last attempt's results are where the learner left them; a link to one
  // attempt (a review card's origin) opens that one and scrolls to it.
  const latestAttempt = initialHistory[0]?.id;
  useEffect(() => {
    if (initialAttempt) void openAttempt(initialAttempt);
    else if (latestAttempt) void openAttempt(latestAttempt, false);
  }, [initialAttempt, latestAttempt, openAttempt]);

  const resetToStarter = () => {
    if (!window.confirm(t("exercise.resetConfirm"))) return;
    editor.current?.setValue(starter);
  };

  const jump = useCallback((location: SourceLocation) => editor.current?.focusAt(location.line, location.column), []);

  const diagnostics = useMemo<EditorDiagnostic[]>(
    () => [
      ...syntaxErrors.flatMap((e) => (e.line !== null && e.column !== null ? [{ line: e.line, column: e.column, message: e.message, severity: "error" as const, source: t("exercise.syntaxSource") }] : [])),
      ...typeWarnings.map((w) => ({ ...w, severity: "warning" as const, source: "TypeScript" })),
      ...reportDiagnostics(result?.report ?? null, t("results.runtimeError"), t("results.compileErrors")),
    ],
    [syntaxErrors, typeWarnings, result, t],
  );

  // Outside the editor (the editor handles the same keys itself and marks them handled).
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.defaultPrevented) return;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit(event.shiftKey ? "submit" : "run");
    }
  };

  const saveLabel = {
    starter: guest ? t("guest.draftStarter") : t("exercise.draftStarter"),
    saved: guest ? t("guest.draftSaved") : t("exercise.draftSaved"),
    dirty: t("exercise.draftDirty"),
    saving: t("exercise.draftSaving"),
    failed: guest ? t("guest.draftFailed") : t("exercise.draftFailed"),
  }[saveState];
  const callbackUrl = encodeURIComponent(`/exercises/${slug}`);

  return (
    <div className="space-y-6">
      <section aria-labelledby="editor-heading" className="space-y-3" onKeyDown={onKeyDown}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="editor-heading" className="text-lg font-semibold">
            {t("exercise.editorTitle")}
          </h2>
          <p className={saveState === "failed" ? "text-sm text-rose-900" : "text-sm text-slate-600"} aria-live="polite" data-testid="draft-status">
            {saveLabel}
            {saveProblem && saveState === "failed" ? `: ${saveProblem}` : ""}
          </p>
        </div>
        <CodeEditor ref={editor} initialValue={initialSource} onChange={onChange} diagnostics={diagnostics} ariaLabel={t("exercise.editorLabel")}
          onRun={() => void submit("run")}
          onSubmit={() => void submit("submit")}
        />
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-700" aria-live="polite" data-testid="typecheck-status">
            {liveStatus(live.state, syntaxErrors.length, typeWarnings.length, t)}
          </span>
          {syntaxErrors.slice(0, 3).map((e, i) =>
            e.line !== null && e.column !== null ? (
              <button
                key={`syntax-${i}`}
                type="button"
                onClick={() => jump({ line: e.line!, column: e.column! })}
                className="max-w-full truncate rounded bg-rose-50 px-2 py-0.5 text-left text-rose-950 hover:bg-rose-100"
                title={e.message}
                data-testid="syntax-error"
              >
                {t("results.atLineColumn", { line: e.line, column: e.column, message: e.message })}
              </button>
            ) : (
              <span key={`syntax-${i}`} className="max-w-full rounded bg-rose-50 px-2 py-0.5 text-rose-950" data-testid="syntax-error">
                {e.message}
              </span>
            ),
          )}
          {typeWarnings.slice(0, 3).map((w, i) => (
            <button
              key={i}
              type="button"
              onClick={() => jump(w)}
              className="max-w-full truncate rounded bg-amber-50 px-2 py-0.5 text-left text-amber-950 hover:bg-amber-100"
              title={w.message}
            >
              {t("results.atLineColumn", { line: w.line, column: w.column, message: w.message })}
            </button>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className="btn-secondary" onClick={() => void submit("run")} disabled={busy}>
            {t("exercise.run")}
          </button>
          <button type="button" className="btn-primary" onClick={() => void submit("submit")} disabled={busy}>
            {t("exercise.submit")}
          </button>
          <button type="button" className="ml-auto text-sm text-slate-700 underline underline-offset-2 hover:text-slate-900" onClick={resetToStarter}>
            {t("exercise.reset")}
          </button>
        </div>
        <p className="text-xs text-slate-600">{t("exercise.shortcuts")}</p>
        {submitProblem && (
          <p role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950">
            {submitProblem}
          </p>
        )}
        {restored && (
          <div role="status" className="space-y-2 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-slate-900" data-testid="guest-code-restored">
            <p>{t("guest.restored")}</p>
            {restored.earlier !== null && (
              <button
                type="button"
                className="text-brand-700 underline underline-offset-2 hover:text-brand-600"
                onClick={() => {
                  editor.current?.setValue(restored.earlier!);
                  setRestored(null);
                }}
              >
                {t("guest.restoredUseEarlier")}
              </button>
            )}
          </div>
        )}
        {guest && signInAsked && (
          <section
            ref={signInPanelRef}
            tabIndex={-1}
            aria-labelledby="sign-in-to-submit-heading"
            className="space-y-3 rounded-md border border-brand-600 bg-brand-50 p-4 text-sm text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
            data-testid="sign-in-to-submit"
          >
            <h2 id="sign-in-to-submit-heading" className="text-base font-semibold">
              {t("guest.submitTitle")}
            </h2>
            <p>{t("guest.submitBody")}</p>
            <div className="flex flex-wrap gap-3">
              <Link href={`/signin?callbackUrl=${callbackUrl}`} className="btn-primary">
                {t("guest.signIn")}
              </Link>
              <Link href={`/signup?callbackUrl=${callbackUrl}`} className="btn-secondary">
                {t("guest.signUp")}
              </Link>
            </div>
          </section>
        )}
      </section>

      <section aria-labelledby="hints-heading" className="space-y-2">
        <h2 id="hints-heading" className="text-lg font-semibold">
          {t("exercise.hintsTitle")}
        </h2>
        {hintsRevealed > 0 && (
          <ol className="space-y-2">
            {hintsHtml.slice(0, hintsRevealed).map((html, i) => (
              <li key={i} className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-slate-900">
                <span className="font-semibold">{t("exercise.hintNumber", { n: i + 1 })}</span>
                <div className="prose-math mt-1" dangerouslySetInnerHTML={{ __html: html }} />
              </li>
            ))}
          </ol>
        )}
        {hintsRevealed < hintsHtml.length ? (
          <button type="button" className="btn-secondary text-sm" onClick={revealHint}>
            {t("exercise.showHint", { n: hintsRevealed + 1, total: hintsHtml.length })}
          </button>
        ) : (
          <p className="text-sm text-slate-700">{t("exercise.noMoreHints")}</p>
        )}
      </section>

      <div ref={resultsRef} className="scroll-mt-4">
        {result ? (
          <GradeResults
            key={result.id ?? "sending"}
            kind={result.kind}
            status={result.status}
            report={result.report}
            error={result.error}
            tolerance={tolerance}
            onJump={jump}
            misconceptions={misconceptions}
            next={next}
          />
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-700">{t("results.none")}</p>
        )}
      </div>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("history.title")}
        </h2>
        {guest ? (
          <p className="text-sm text-slate-700">
            {t("guest.historyNote")}{" "}
            <Link href={`/signin?callbackUrl=${callbackUrl}`} className="text-brand-700 underline underline-offset-2">
              {t("guest.signIn")}
            </Link>
          </p>
        ) : (
          <AttemptHistory entries={history} onOpen={(id) => void openAttempt(id)} />
        )}
      </section>
    </div>
  );
}
