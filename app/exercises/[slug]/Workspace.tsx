"use client";
// The exercise workspace: editor (type errors as diagnostics while typing), draft saved on the server as the
// learner types, hints one at a time, "Run visible cases" / "Submit", live results and the attempt history.
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
  saveDraft,
  typeCheck,
  watchSubmission,
  type EditorWarning,
  type TypeCheckNotice,
  type HistoryEntry,
  type SubmissionKind,
  type SubmissionView,
} from "./api-client";

export interface WorkspaceProps {
  slug: string;
  starter: string;
  initialSource: string;
  initialHintsRevealed: number;
  /** Every hint, rendered (Markdown + KaTeX) in the page's language; shown one at a time. */
  hintsHtml: string[];
  tolerance: ToleranceSpec;
  initialHistory: HistoryEntry[];
  /** The exercise's misconceptions, rendered in the page's language, by id. */
  misconceptions: Record<string, { titleHtml: string; explanationHtml: string }>;
  /** The next exercise in the browser's order, offered once this one is passed. */
  next: { slug: string; title: string } | null;
  /** Whether a draft was restored (otherwise the editor holds the starter code). */
  hasDraft: boolean;
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
const TYPECHECK_DELAY_MS = 700;

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

export function Workspace({ slug, starter, initialSource, initialHintsRevealed, hintsHtml, tolerance, initialHistory, misconceptions, next, hasDraft }: WorkspaceProps) {
  const t = useT();
  const lang = useLang();
  const editor = useRef<CodeEditorHandle>(null);
  const source = useRef(initialSource);
  const [hintsRevealed, setHintsRevealed] = useState(Math.min(initialHintsRevealed, hintsHtml.length));
  const hintsRef = useRef(hintsRevealed);
  const [saveState, setSaveState] = useState<SaveState>(hasDraft ? "saved" : "starter");
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [typeWarnings, setTypeWarnings] = useState<EditorWarning[]>([]);
  const [typeCheckProblem, setTypeCheckProblem] = useState<string | null>(null);
  const [typeCheckNotice, setTypeCheckNotice] = useState<TypeCheckNotice | null>(null);
  const [typeChecking, setTypeChecking] = useState(true);
  const [result, setResult] = useState<CurrentResult | null>(null);
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>(initialHistory);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unsaved = useRef(false);
  const typeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typeAbort = useRef<AbortController | null>(null);
  const stopWatching = useRef<(() => void) | null>(null);
  const resultsRef = useRef<HTMLDivElement>(null);

  // ---- drafts -------------------------------------------------------------------------------------------
  const persistDraft = useCallback(
    async (keepalive = false) => {
      clearTimeout(draftTimer.current);
      unsaved.current = false;
      setSaveState("saving");
      try {
        await saveDraft(slug, { source: source.current, hintsRevealed: hintsRef.current }, keepalive);
        setSaveState((state) => (state === "saving" ? "saved" : state));
        setSaveProblem(null);
      } catch (error) {
        unsaved.current = true;
        setSaveState("failed");
        setSaveProblem(error instanceof ApiFailure ? error.message : String(error));
      }
    },
    [slug],
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
        void saveDraft(slug, { source: source.current, hintsRevealed: hintsRef.current }, true).catch(() => undefined);
      }
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [slug]);

  // ---- type check ---------------------------------------------------------------------------------------
  const runTypeCheck = useCallback(async () => {
    typeAbort.current?.abort();
    const controller = new AbortController();
    typeAbort.current = controller;
    setTypeChecking(true);
    try {
      const checked = await typeCheck(slug, source.current, controller.signal);
      if (!controller.signal.aborted) {
        setTypeWarnings(checked.warnings);
        setTypeCheckNotice(checked.notice);
        setTypeCheckProblem(null);
        setTypeChecking(false);
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      // The type check is a convenience: say it is unavailable, keep the last warnings out of the way.
      setTypeWarnings([]);
      setTypeCheckNotice(null);
      setTypeCheckProblem(error instanceof ApiFailure ? error.message : String(error));
      setTypeChecking(false);
    }
  }, [slug]);

  useEffect(() => {
    void runTypeCheck();
    return () => typeAbort.current?.abort();
  }, [runTypeCheck]);

  const onChange = useCallback(
    (value: string) => {
      source.current = value;
      scheduleDraft();
      clearTimeout(typeTimer.current);
      typeTimer.current = setTimeout(() => void runTypeCheck(), TYPECHECK_DELAY_MS);
    },
    [scheduleDraft, runTypeCheck],
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

  const submit = useCallback(
    async (kind: SubmissionKind) => {
      if (busy) return;
      setSubmitProblem(null);
      setResult({ id: null, kind, status: "sending", report: null, error: null });
      resultsRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
      void persistDraft();
      try {
        const created = await createSubmission({ slug, source: source.current, kind, hintsUsed: hintsRef.current, lang });
        setResult({ id: created.id, kind, status: created.status, report: null, error: null });
        void refreshHistory();
        follow(created.id, kind);
      } catch (error) {
        setResult(null);
        if (error instanceof ApiFailure && error.status === 429) {
          setSubmitProblem(t("exercise.rateLimited", { seconds: error.retryAfter ?? 30 }));
        } else setSubmitProblem(error instanceof ApiFailure ? error.message : String(error));
      }
    },
    [busy, persistDraft, slug, lang, refreshHistory, follow, t],
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

  // Coming back to an exercise: the last attempt's results are where the learner left them.
  const latestAttempt = initialHistory[0]?.id;
  useEffect(() => {
    if (latestAttempt) void openAttempt(latestAttempt, false);
  }, [latestAttempt, openAttempt]);

  const resetToStarter = () => {
    if (!window.confirm(t("exercise.resetConfirm"))) return;
    editor.current?.setValue(starter);
  };

  const jump = useCallback((location: SourceLocation) => editor.current?.focusAt(location.line, location.column), []);

  const diagnostics = useMemo<EditorDiagnostic[]>(
    () => [
      ...typeWarnings.map((w) => ({ ...w, severity: "warning" as const, source: "TypeScript" })),
      ...reportDiagnostics(result?.report ?? null, t("results.runtimeError"), t("results.compileErrors")),
    ],
    [typeWarnings, result, t],
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
    starter: t("exercise.draftStarter"),
    saved: t("exercise.draftSaved"),
    dirty: t("exercise.draftDirty"),
    saving: t("exercise.draftSaving"),
    failed: t("exercise.draftFailed"),
  }[saveState];

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
            {typeChecking
              ? t("exercise.typecheckRunning")
              : typeCheckProblem
              ? t("exercise.typecheckUnavailable")
              : typeCheckNotice === "too-slow"
              ? t("exercise.typecheckTooSlow")
              : typeCheckNotice === "too-complex"
              ? t("exercise.typecheckTooComplex")
              : typeCheckNotice === "busy"
              ? t("exercise.typecheckBusy")
              : typeWarnings.length === 0
                ? t("exercise.typecheckClean")
                : t("exercise.typecheckCount", { count: typeWarnings.length })}
          </span>
          {typeWarnings.slice(0, 3).map((w, i) => (
            <button
              key={i}
              type="button"
              onClick={() => jump(w)}
              className="max-w-full truncate rounded bg-amber-50 px-2 py-0.5 text-left text-amber-950 hover:bg-amber-100"
              title={w.message}
            >
              {t("results.lineColumn", { line: w.line, column: w.column })}: {w.message}
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
        <AttemptHistory entries={history} onOpen={(id) => void openAttempt(id)} />
      </section>
    </div>
  );
}
