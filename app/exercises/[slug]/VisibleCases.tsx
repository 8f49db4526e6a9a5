// Under the statement: the visible cases (inputs and expected output, as the daemon formats them). Streams in
// after the statement (the page wraps it in Suspense); the note on hidden cases follows it on the page.
import type { ExerciseEntry } from "@/exercises/catalog";
import type { Lang } from "@/exercises/schema";
import { getT } from "@/lib/i18n/server";
import { visibleCases } from "@/lib/visible-cases";
import { caseNoteHtml } from "./rendered";

export async function VisibleCases({ entry, lang }: { entry: ExerciseEntry; lang: Lang }) {
  const [t, cases] = await Promise.all([getT(lang), visibleCases(entry, lang)]);
  return (
    <section aria-labelledby="visible-cases-heading" className="mt-4 space-y-3 border-t border-slate-100 pt-4" data-testid="visible-cases">
      <h2 id="visible-cases-heading" className="text-base font-semibold text-slate-900">
        {t("cases.title")}
      </h2>
      {cases ? (
        <>
          <p className="text-sm text-slate-700">{t("cases.intro", { count: cases.length })}</p>
          <ol className="space-y-2">
            {cases.map((c, i) => (
              <li key={c.name}>
                <details open={i === 0} className="rounded-md border border-slate-200 bg-slate-50 text-sm" data-testid="visible-case">
                  <summary className="cursor-pointer px-3 py-2 font-medium text-slate-900">
                    {c.name}
                    {c.note && (
                      <span className="font-normal text-slate-700">
                        {" — "}
                        {/* Markdown and KaTeX rendered here on the server (raw HTML in a note is escaped): no JavaScript needed. */}
                        <span className="case-note" data-testid="case-note" dangerouslySetInnerHTML={{ __html: caseNoteHtml(c.note) }} />
                      </span>
                    )}
                  </summary>
                  <dl className="space-y-2 px-3 pb-3">
                    <div>
                      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-700">{t("cases.inputs")}</dt>
                      <dd>
                        <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-white p-2 font-mono text-xs text-slate-900">{c.inputs}</pre>
                      </dd>
                    </div>
                    <div>
                      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-700">{t("cases.expected")}</dt>
                      <dd>
                        <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-white p-2 font-mono text-xs text-slate-900">{c.expected}</pre>
                      </dd>
                    </div>
                  </dl>
                </details>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="text-sm text-slate-700">{t("cases.unavailable")}</p>
      )}
    </section>
  );
}

export async function VisibleCasesLoading({ lang }: { lang: Lang }) {
  const t = await getT(lang);
  return (
    <p className="mt-4 border-t border-slate-100 pt-4 text-sm text-slate-600" role="status">
      {t("cases.loading")}
    </p>
  );
}
