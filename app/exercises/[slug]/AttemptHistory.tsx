"use client";
// The learner's attempts at one exercise, newest first, with each one's score; any attempt can be reopened in
// the results panel, and any two compared as a line diff of their code.
import { diffLines, type ChangeObject } from "diff";
import { useState } from "react";
import { formatDateTime, formatScore } from "@/app/_components/format";
import { useLang, useT } from "@/lib/i18n/client";
import { ApiFailure, fetchSubmission, type HistoryEntry } from "./api-client";

interface AttemptHistoryProps {
  entries: HistoryEntry[];
  onOpen: (id: string) => void;
}

function ScoreBadge({ entry }: { entry: HistoryEntry }) {
  const t = useT();
  if (entry.status === "queued" || entry.status === "running") return <span className="text-slate-600">{t("history.pending")}</span>;
  if (entry.status === "error") return <span className="text-amber-900">{t("history.notGraded")}</span>;
  if (entry.passed) return <span className="rounded bg-emerald-100 px-2 py-0.5 text-emerald-900">✓ {entry.score !== null ? formatScore(entry.score) : ""}</span>;
  return <span className="rounded bg-rose-100 px-2 py-0.5 text-rose-900">{entry.score !== null ? formatScore(entry.score) : "—"}</span>;
}

export function DiffView({ parts }: { parts: ChangeObject<string>[] }) {
  const t = useT();
  const changed = parts.some((p) => p.added || p.removed);
  if (!changed) return <p className="text-sm text-slate-700">{t("history.identical")}</p>;
  return (
    <pre className="max-h-96 overflow-auto rounded-md border border-slate-200 bg-white font-mono text-xs leading-5" data-testid="attempt-diff">
      {parts.flatMap((part, i) =>
        part.value
          .replace(/\n$/, "")
          .split("\n")
          .map((line, j) => (
            <div
              key={`${i}-${j}`}
              className={part.added ? "bg-emerald-50 text-emerald-950" : part.removed ? "bg-rose-50 text-rose-950" : "text-slate-700"}
            >
              <span aria-hidden="true" className="inline-block w-5 select-none pl-1 text-slate-500">
                {part.added ? "+" : part.removed ? "−" : " "}
              </span>
              <span className="sr-only">{part.added ? t("history.added") : part.removed ? t("history.removed") : ""}</span>
              {line}
            </div>
          )),
      )}
    </pre>
  );
}

export function AttemptHistory({ entries, onOpen }: AttemptHistoryProps) {
  const t = useT();
  const lang = useLang();
  const [fromId, setFromId] = useState<string>("");
  const [toId, setToId] = useState<string>("");
  const [diff, setDiff] = useState<ChangeObject<string>[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  if (entries.length === 0) return <p className="text-sm text-slate-700">{t("history.empty")}</p>;

  const label = (entry: HistoryEntry) =>
    `${formatDateTime(entry.createdAt, lang)} · ${entry.kind === "submit" ? t("history.kindSubmit") : t("history.kindRun")}${entry.score !== null ? ` · ${formatScore(entry.score)}` : ""}`;
  const from = fromId || entries[1]?.id || "";
  const to = toId || entries[0]?.id || "";

  const compare = async () => {
    setLoading(true);
    setProblem(null);
    try {
      const [a, b] = await Promise.all([fetchSubmission(from), fetchSubmission(to)]);
      setDiff(diffLines(a.source, b.source));
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : String(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="space-y-4">
      <ol className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white" data-testid="attempt-list">
        {entries.map((entry) => (
          <li key={entry.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
            <span className="text-slate-800">{formatDateTime(entry.createdAt, lang)}</span>
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
              {entry.kind === "submit" ? t("history.kindSubmit") : t("history.kindRun")}
            </span>
            <ScoreBadge entry={entry} />
            <button type="button" onClick={() => onOpen(entry.id)} className="ml-auto text-brand-700 underline underline-offset-2 hover:text-brand-600">
              {t("history.open")}
            </button>
          </li>
        ))}
      </ol>
      {entries.length >= 2 && (
        <div className="space-y-3">
          <h3 className="font-medium text-slate-900">{t("history.compareTitle")}</h3>
          <div className="flex flex-wrap items-end gap-3">
            <label className="min-w-0 max-w-full text-sm text-slate-800">
              {t("history.from")}
              <select className="field-input mt-1 w-auto max-w-full text-sm" value={from} onChange={(e) => setFromId(e.target.value)}>
                {entries.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {label(entry)}
                  </option>
                ))}
              </select>
            </label>
            <label className="min-w-0 max-w-full text-sm text-slate-800">
              {t("history.to")}
              <select className="field-input mt-1 w-auto max-w-full text-sm" value={to} onChange={(e) => setToId(e.target.value)}>
                {entries.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {label(entry)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="btn-secondary text-sm" onClick={() => void compare()} disabled={loading}>
              {t("history.compare")}
            </button>
          </div>
          {problem && <p role="alert" className="text-sm text-rose-900">{problem}</p>}
          {diff && <DiffView parts={diff} />}
        </div>
      )}
    </div>
  );
}
