"use client";
// Uploads a review-history CSV to POST /api/review/import and shows the counts, or every problem with its line.
import { useState, type FormEvent } from "react";
import { useT } from "@/lib/i18n/client";

type Result = { kind: "ok"; imported: number; duplicates: number; items: number } | { kind: "failed"; error: string; issues: { line: number; message: string }[] } | null;

export function ImportForm() {
  const t = useT();
  const [result, setResult] = useState<Result>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setResult(null);
    try {
      const response = await fetch("/api/review/import", { method: "POST", body: new FormData(event.currentTarget) });
      const json = (await response.json()) as { imported?: number; duplicates?: number; items?: number; error?: string; issues?: { line: number; message: string }[] };
      if (response.ok) setResult({ kind: "ok", imported: json.imported ?? 0, duplicates: json.duplicates ?? 0, items: json.items ?? 0 });
      else setResult({ kind: "failed", error: json.error ?? response.statusText, issues: json.issues ?? [] });
    } catch (error) {
      setResult({ kind: "failed", error: error instanceof Error ? error.message : String(error), issues: [] });
    } finally {
      setPending(false);
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
      {result?.kind === "ok" && (
        <p role="status" className="text-sm text-emerald-700">
          {t("review.settings.imported", { imported: result.imported, items: result.items, duplicates: result.duplicates })}
        </p>
      )}
      {result?.kind === "failed" && (
        <div role="alert" className="space-y-1 text-sm text-rose-800">
          <p>{t("review.settings.importFailed")}</p>
          {result.issues.length > 0 ? (
            <ul className="list-disc pl-5">
              {result.issues.slice(0, 20).map((issue, i) => (
                <li key={i}>
                  <span className="font-mono">{issue.line}</span>: {issue.message}
                </li>
              ))}
            </ul>
          ) : (
            <p>{result.error}</p>
          )}
        </div>
      )}
    </form>
  );
}
