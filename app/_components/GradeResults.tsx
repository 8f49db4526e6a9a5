"use client";
// A graded submission as the learner reads it: live status, the headline, the named misconception, compile and
// runtime errors (each position a button that moves the editor's cursor there), the cases with expected and got
// side by side (wrong numbers highlighted, max errors and where) and, for a curve output, the learning curve
// against the reference's; type warnings; console output.
import Link from "next/link";
import { Fragment, useId, useMemo, useState } from "react";
import type { CaseResult, GradeReport, SourceLocation } from "@/grader/report";
import { useT } from "@/lib/i18n/client";
import { compareRenderings, type ToleranceSpec, type ValueSegment } from "@/lib/value-diff";
import { formatMetric, formatScore } from "./format";
import { LearningCurve } from "./LearningCurve";
import { useMarkdown } from "./lazy-markdown";

export type LiveStatus = "sending" | "queued" | "running" | "graded" | "error";

export interface GradeResultsProps {
  kind: "run" | "submit";
  status: LiveStatus;
  report: GradeReport | null;
  /** Why grading failed (status "error"), from the server. */
  error: string | null;
  tolerance: ToleranceSpec;
  onJump: (location: SourceLocation) => void;
  /**
   * The exercise's misconceptions rendered in the page's current language, by id: a report keeps the language
   * it was graded in, but its named misconception follows the language switch.
   */
  misconceptions?: Readonly<Record<string, { titleHtml: string; explanationHtml: string }>>;
  /** Offered once a submission passes. */
  next?: { slug: string; title: string } | null;
}

const STEPS = ["queued", "running", "graded"] as const;

function StatusSteps({ status }: { status: LiveStatus }) {
  const t = useT();
  const reached = status === "sending" ? -1 : status === "error" ? 2 : STEPS.indexOf(status);
  const label = { queued: t("results.statusQueued"), running: t("results.statusRunning"), graded: t("results.statusGraded") };
  return (
    <ol className="flex flex-wrap items-center gap-2 text-sm" aria-label={t("results.progressLabel")}>
      {STEPS.map((step, i) => {
        const done = i < reached || (i === reached && step === "graded");
        const current = i === reached && step !== "graded";
        return (
          <li key={step} className="flex items-center gap-2" aria-current={current ? "step" : undefined}>
            {i > 0 && <span aria-hidden="true" className="h-px w-6 bg-slate-300" />}
            <span
              className={
                done
                  ? "rounded-full bg-emerald-100 px-2 py-0.5 text-emerald-900"
                  : current
                    ? "animate-pulse rounded-full bg-brand-100 px-2 py-0.5 text-brand-700"
                    : "rounded-full bg-slate-100 px-2 py-0.5 text-slate-600"
              }
            >
              {label[step]}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function LocationButton({ location, onJump }: { location: SourceLocation; onJump: (l: SourceLocation) => void }) {
  const t = useT();
  return (
    <button
      type="button"
      onClick={() => onJump(location)}
      className="rounded font-mono text-sm text-brand-700 underline underline-offset-2 hover:text-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
      aria-label={t("results.jumpTo", { line: location.line, column: location.column })}
    >
      {t("results.lineColumn", { line: location.line, column: location.column })}
    </button>
  );
}

function Segments({ segments, tone }: { segments: ValueSegment[]; tone: "expected" | "got" }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.wrong ? (
          <mark key={i} className={tone === "got" ? "rounded bg-rose-200 px-0.5 text-rose-950" : "rounded bg-amber-100 px-0.5 text-amber-950"}>
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

function CaseDetails({ result, tolerance, onJump }: { result: CaseResult; tolerance: ToleranceSpec; onJump: (l: SourceLocation) => void }) {
  const t = useT();
  const comparison = result.expected !== null && result.got !== null ? compareRenderings(result.expected, result.got, tolerance) : null;
  const markdown = useMarkdown(result.note !== null);
  return (
    <div className="space-y-3 text-sm">
      {result.note &&
        (markdown ? (
          <p className="prose-math text-slate-700" dangerouslySetInnerHTML={{ __html: markdown.renderInlineMarkdown(result.note) }} />
        ) : (
          <p className="text-slate-700">{result.note}</p>
        ))}
      {result.inputs && (
        <div>
          <h4 className="font-medium text-slate-800">{t("results.inputs")}</h4>
          <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">{result.inputs}</pre>
        </div>
      )}
      {(result.expected !== null || result.got !== null) && (
        <div className="grid gap-3 md:grid-cols-2">
          <div>
            <h4 className="font-medium text-slate-800">{t("results.expected")}</h4>
            <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs text-slate-800" data-testid="expected-value">
              {comparison ? <Segments segments={comparison.expected} tone="expected" /> : result.expected}
            </pre>
          </div>
          <div>
            <h4 className="font-medium text-slate-800">{t("results.got")}</h4>
            <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs text-slate-800" data-testid="got-value">
              {comparison ? <Segments segments={comparison.got} tone="got" /> : (result.got ?? t("results.noValue"))}
            </pre>
          </div>
        </div>
      )}
      {comparison && !comparison.aligned && <p className="text-slate-700">{t("results.shapeDiffers")}</p>}
      {(result.maxAbsError !== null || result.worstIndex) && !result.passed && (
        <p className="text-slate-800">
          {result.maxAbsError !== null && t("results.maxAbs", { value: formatMetric(result.maxAbsError) })}
          {result.maxRelError !== null && ` · ${t("results.maxRel", { value: formatMetric(result.maxRelError) })}`}
          {result.worstIndex && (
            <>
              {" · "}
              {t("results.worstAt")} <code className="rounded bg-slate-100 px-1 font-mono">{result.worstIndex}</code>
            </>
          )}
        </p>
      )}
      {result.gradients.length > 0 && (
        <ul className="list-inside list-disc text-slate-800">
          {result.gradients.map((g) => (
            <li key={g.output}>
              {t("results.gradientError", { output: g.output, value: g.relativeError === null ? "—" : formatMetric(g.relativeError) })}
            </li>
          ))}
        </ul>
      )}
      {result.problems.length > 0 && (
        <ul className="list-inside list-disc text-rose-900">
          {result.problems.map((p, i) => (
            <li key={i}>
              {p.output && <code className="font-mono">{p.output}</code>} {p.message}
            </li>
          ))}
        </ul>
      )}
      {result.error && (
        <p className="text-rose-900">
          {result.error.message} {result.error.location && <LocationButton location={result.error.location} onJump={onJump} />}
        </p>
      )}
      {result.curve && <CaseCurve name={result.name} curve={result.curve} />}
    </div>
  );
}

function CaseCurve({ name, curve }: { name: string; curve: NonNullable<CaseResult["curve"]> }) {
  const t = useT();
  const firstGot = curve.got?.find((v) => v !== null);
  const lastGot = curve.got?.at(-1);
  const lastRef = curve.expected.at(-1);
  return (
    <LearningCurve
      expected={curve.expected}
      got={curve.got}
      labels={{
        title: t("results.curveTitle", { name }),
        iteration: t("results.curveIteration"),
        cost: curve.output,
        reference: t("results.curveReference"),
        yours: t("results.curveYours"),
        logScale: t("results.curveLog"),
        summary: t("results.curveSummary", {
          first: firstGot != null ? formatMetric(firstGot) : "—",
          last: lastGot != null ? formatMetric(lastGot) : "—",
          refLast: lastRef != null ? formatMetric(lastRef) : "—",
        }),
      }}
    />
  );
}

function CasesTable({ cases, tolerance, onJump }: { cases: CaseResult[]; tolerance: ToleranceSpec; onJump: (l: SourceLocation) => void }) {
  const t = useT();
  const idPrefix = useId();
  // Opened at first: the first failing visible case, else the first with a learning curve to look at.
  const firstFailing = cases.findIndex((x) => x.visible && !x.passed);
  const initiallyOpen = firstFailing >= 0 ? firstFailing : cases.findIndex((x) => x.visible && Boolean(x.curve));
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set(initiallyOpen >= 0 ? [initiallyOpen] : []));
  const toggle = (i: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("results.casesCaption")}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-700">
            <th scope="col" className="py-2 pr-3 font-medium">{t("results.case")}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t("results.result")}</th>
            <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">{t("results.maxAbsShort")}</th>
            <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">{t("results.where")}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c, i) => {
            const detailed = c.visible && (!c.passed || c.note !== null || Boolean(c.curve));
            const isOpen = detailed && open.has(i);
            const detailsId = `${idPrefix}-case-${i}`;
            return (
              <Fragment key={i}>
                <tr className={isOpen ? "align-top" : "border-b border-slate-100 align-top"} data-testid="case-row">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {detailed ? (
                      <button
                        type="button"
                        aria-expanded={isOpen}
                        aria-controls={detailsId}
                        onClick={() => toggle(i)}
                        className="flex items-start gap-1 rounded text-left text-slate-900 hover:text-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
                      >
                        <span aria-hidden="true" className="inline-block w-3 text-slate-600">{isOpen ? "▾" : "▸"}</span>
                        {c.name}
                      </button>
                    ) : (
                      <span className="text-slate-900">{c.visible ? c.name : `${t("results.hiddenCase")} · ${c.name}`}</span>
                    )}
                  </th>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {c.passed ? (
                      <span className="rounded bg-emerald-100 px-2 py-0.5 text-emerald-900">✓ {t("results.pass")}</span>
                    ) : c.ran === false ? (
                      <span className="rounded bg-slate-100 px-2 py-0.5 text-slate-800" title={c.visible ? (c.error?.message ?? undefined) : undefined}>
                        – {t("results.notRun")}
                      </span>
                    ) : (
                      <span className="rounded bg-rose-100 px-2 py-0.5 text-rose-900">✗ {t("results.fail")}</span>
                    )}
                  </td>
                  <td className="hidden py-2 pr-3 font-mono text-slate-800 sm:table-cell">{!c.passed && c.maxAbsError !== null ? formatMetric(c.maxAbsError) : ""}</td>
                  <td className="hidden py-2 pr-3 font-mono text-slate-800 sm:table-cell">{c.worstIndex ?? ""}</td>
                </tr>
                {isOpen && (
                  <tr className="border-b border-slate-100">
                    <td colSpan={4} id={detailsId} className="pb-4 pl-4">
                      <CaseDetails result={c} tolerance={tolerance} onJump={onJump} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Headline({ kind, report }: { kind: "run" | "submit"; report: GradeReport }) {
  const t = useT();
  const passedCount = report.cases.filter((c) => c.passed).length;
  const total = report.cases.length;
  if (report.status === "compile-error") {
    return <p className="text-lg font-semibold text-rose-900">{t("results.compileFailed")}</p>;
  }
  if (report.status === "error") {
    return <p className="text-lg font-semibold text-slate-900">{t("results.graderError")}</p>;
  }
  const counts = t("results.casesPassed", { passed: passedCount, total });
  if (report.status === "passed") {
    return (
      <p className="text-lg font-semibold text-emerald-800" data-testid="results-headline">
        {kind === "submit" ? t("results.allPassedSubmit") : t("results.allPassedRun")} <span className="font-normal">({counts})</span>
      </p>
    );
  }
  return (
    <p className="text-lg font-semibold text-rose-900" data-testid="results-headline">
      {counts}
      {kind === "submit" && <span className="ml-2 font-normal text-slate-800">· {t("results.score", { score: formatScore(report.score) })}</span>}
    </p>
  );
}

export function GradeResults({ kind, status, report, error, tolerance, onJump, misconceptions, next }: GradeResultsProps) {
  const t = useT();
  // The page's own rendering of a misconception when it has one; else the report's text, rendered here.
  const markdown = useMarkdown(report?.diagnosis.some((d) => !misconceptions?.[d.misconceptionId]) ?? false);
  const diagnosisHtml = useMemo(
    () =>
      report?.diagnosis.map((d) => {
        const localized = misconceptions?.[d.misconceptionId];
        const html = localized
          ? { title: localized.titleHtml, explanation: localized.explanationHtml }
          : markdown
            ? { title: markdown.renderInlineMarkdown(d.title), explanation: markdown.renderMarkdown(d.explanation) }
            : null; // the renderer is on its way: plain text meanwhile
        return { id: d.misconceptionId, html, text: { title: d.title, explanation: d.explanation } };
      }) ?? [],
    [report, misconceptions, markdown],
  );
  return (
    <section aria-labelledby="results-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="results">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="results-heading" className="text-lg font-semibold">
          {kind === "submit" ? t("results.titleSubmit") : t("results.titleRun")}
        </h2>
        <div aria-live="polite">
          <StatusSteps status={status} />
        </div>
      </div>

      {status === "error" && !report && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {t("results.graderError")} {error}
        </p>
      )}

      {report && (
        <div aria-live="polite" className="space-y-4">
          <Headline kind={kind} report={report} />
          {kind === "submit" && report.status === "passed" && next && (
            <p>
              <Link href={`/exercises/${next.slug}`} className="btn-primary">
                {t("results.nextExercise", { title: next.title })}
              </Link>
            </p>
          )}
          {kind === "run" && report.status !== "compile-error" && <p className="text-sm text-slate-700">{t("results.runNote")}</p>}

          {diagnosisHtml.map((d) => (
            <aside key={d.id} className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-4" data-testid="misconception">
              <p className="text-xs font-semibold uppercase tracking-wide text-amber-900">{t("results.misconceptionLabel")}</p>
              {d.html ? (
                <>
                  <h3 className="mt-1 text-base font-semibold text-slate-900" dangerouslySetInnerHTML={{ __html: d.html.title }} />
                  <div className="prose-math mt-2 text-slate-800" dangerouslySetInnerHTML={{ __html: d.html.explanation }} />
                </>
              ) : (
                <>
                  <h3 className="mt-1 text-base font-semibold text-slate-900">{d.text.title}</h3>
                  <div className="mt-2 whitespace-pre-line text-slate-800">{d.text.explanation}</div>
                </>
              )}
            </aside>
          ))}

          {report.compileErrors.length > 0 && (
            <div role="alert" className="space-y-2 rounded-md border border-rose-300 bg-rose-50 p-3">
              <h3 className="font-semibold text-rose-950">{t("results.compileErrors")}</h3>
              <ul className="space-y-2">
                {report.compileErrors.map((e, i) => (
                  <li key={i} className="text-sm text-rose-950">
                    {e.location && <LocationButton location={e.location} onJump={onJump} />} {e.message}
                    {e.lineText !== null && e.location && (
                      <pre className="mt-1 overflow-x-auto rounded bg-white p-2 font-mono text-xs text-slate-900">
                        {e.lineText}
                        {"\n"}
                        {" ".repeat(Math.max(0, e.location.column - 1))}^
                      </pre>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}

          {report.runtimeError && (
            <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950">
              <h3 className="font-semibold">{t("results.runtimeError")}</h3>
              <p className="mt-1">
                {report.runtimeError.location && <LocationButton location={report.runtimeError.location} onJump={onJump} />} {report.runtimeError.message}
              </p>
            </div>
          )}

          {report.cases.length > 0 && <CasesTable cases={report.cases} tolerance={tolerance} onJump={onJump} />}

          {report.typeWarnings && report.typeWarnings.length > 0 && (
            <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
              <h3 className="font-semibold text-slate-900">{t("results.typeWarnings")}</h3>
              <ul className="mt-1 space-y-1">
                {report.typeWarnings.map((w, i) => (
                  <li key={i} className="text-slate-800">
                    <LocationButton location={w.location} onJump={onJump} /> {w.message}
                  </li>
                ))}
              </ul>
            </div>
          )}

          {report.console.text && (
            <details className="text-sm">
              <summary className="cursor-pointer text-slate-800">{t("results.console")}</summary>
              <pre className="mt-1 max-h-60 overflow-auto rounded bg-slate-900 p-2 font-mono text-xs text-slate-100">{report.console.text}</pre>
            </details>
          )}

          <p className="text-xs text-slate-600">{t("results.timing", { ms: Math.round(report.timing.totalMs) })}</p>
        </div>
      )}
    </section>
  );
}
