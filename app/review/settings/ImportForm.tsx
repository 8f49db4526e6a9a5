"use client";
// Uploads a review-history CSV to POST /api/review/import and shows the counts and the rows left out, or every
// problem with its line.
import { useState, type FormEvent } from "react";
import { useLang, useT } from "@/lib/i18n/client";
import { csvIssueText, csvLineLabel, type CsvIssueParams } from "@/lib/scheduling/io/messages";

type Issue = { line: number; code?: string; params?: CsvIssueParams; message: string };
type Result = { kind: "ok"; imported: number; duplicates: number; items: number; skipped: Issue[] } | { kind: "failed"; error: string; code?: string; params?: CsvIssueParams; issues: Issue[] } | null;

type Progress = { phase: "checking" | "importing"; done: number; total: number } | null;
type Answer = { status: number; body: { imported?: number; duplicates?: number; items?: number; skipped?: Issue[]; error?: string; code?: string; params?: CsvIssueParams; issues?: Issue[] } };

/**
 * Reads the import's progress stream (one JSON line per step, the answer last), calling `onProgress` per step.
 * A server that answers plain JSON (an error before the import started) is read as the answer itself.
 */
async function readImport(response: Response, onProgress: (progress: NonNullable<Progress>) => void): Promise<Answer> {
  if (!response.headers.get("content-type")?.includes("application/x-ndjson") || !response.body) {
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    let newline: number;
    while ((newline = buffered.indexOf("\n")) !== -1) {
      const line = JSON.parse(buffered.slice(0, newline)) as { progress?: NonNullable<Progress> } & Partial<Answer>;
      buffered = buffered.slice(newline + 1);
      if (line.progress) onProgress(line.progress);
      else if (line.status !== undefined && line.body) return { status: line.status, body: line.body };
    }
  }
  throw new Error("the import stopped without an answer; importing the same file again completes it");
}

export function ImportForm() {
  const t = useT();
  const lang = useLang();
  const [result, setResult] = useState<Result>(null);
  const [pending, setPending] = useState(false);
  const [progress, setProgress] = useState<Progress>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setResult(null);
    setProgress(null);
    try {
      const response = await fetch("/api/review/import", { method: "POST", headers: { accept: "application/x-ndjson" }, body: new FormData(event.currentTarget) });
      const { status, body } = await readImport(response, setProgress);
      if (status === 200) setResult({ kind: "ok", imported: body.imported ?? 0, duplicates: body.duplicates ?? 0, items: body.items ?? 0, skipped: body.skipped ?? [] });
      else setResult({ kind: "failed", error: body.error ?? response.statusText, code: body.code, params: body.params, issues: body.issues ?? [] });
    } catch (error) {
      setResult({ kind: "failed", error: error instanceof Error ? error.message : String(error), issues: [] });
    } finally {
      setPending(false);
      setProgress(null);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2" data-testid="review-import">
      <label htmlFor="review-import-file" className="block font-medium">{t("review.settings.importLabel")}</label>
      <div className="flex flex-wrap items-center gap-3">
        <input id="review-import-file" name="file" type="file" accept=".csv,text/csv" required className="text-sm" />
        <button type="submit" className="btn-secondary px-3 py-1 text-sm" disabled={pending}>
          {pending ? t("review.settings.importing") : t("review.settings.importButton")}
        </button>
      </div>
      {pending && progress && (
        <div className="space-y-1" data-testid="review-import-progress">
          <progress className="w-full max-w-md" value={progress.done} max={Math.max(progress.total, 1)} aria-label={t("review.settings.importing")} />
          <p role="status" className="text-sm text-slate-600">
            {t(progress.phase === "checking" ? "review.settings.importChecking" : "review.settings.importProgress", { done: progress.done, total: progress.total })}
          </p>
        </div>
      )}
      {result?.kind === "ok" && (
        <div role="status" className="space-y-1 text-sm">
          <p className="text-emerald-700">{t("review.settings.imported", { imported: result.imported, items: result.items, duplicates: result.duplicates })}</p>
          {result.skipped.length > 0 && (
            <div className="text-amber-800" data-testid="review-import-skipped">
              <p>{t("review.settings.importSkipped", { count: result.skipped.length })}</p>
              <IssueList issues={result.skipped} />
            </div>
          )}
        </div>
      )}
      {result?.kind === "failed" && (
        <div role="alert" className="space-y-1 text-sm text-rose-800">
          <p>{t("review.settings.importFailed")}</p>
          {result.issues.length > 0 ? (
            <IssueList issues={result.issues} />
          ) : (
            <p>{csvIssueText({ code: result.code, params: result.params, message: result.error }, lang)}</p>
          )}
        </div>
      )}
    </form>
  );
}

/** Problems or skipped rows by line (the first 20), in the page's language: "line 4: …" / "第 4 行：…". */
function IssueList({ issues }: { issues: Issue[] }) {
  const lang = useLang();
  return (
    <ul className="list-disc pl-5">
      {issues.slice(0, 20).map((issue, i) => (
        <li key={i}>
          <span className="font-mono">{csvLineLabel(issue.line, lang)}</span>
          {lang === "zh" ? "：" : ": "}
          {csvIssueText(issue, lang)}
        </li>
      ))}
    </ul>
  );
}
