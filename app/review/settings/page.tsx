// /review/settings: daily new limit, desired retention, time zone; the status of personal FSRS parameters;
// export (review CSV, flashcards TSV for Anki) and import (review CSV).
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getLang, getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n";
import { FIT_MIN_REVIEWS, fitReasonText, readFitStatus, type FitStatus } from "@/lib/review/fit";
import { loadSettings } from "@/lib/review/store";
import { ImportForm } from "./ImportForm";
import { PreferencesForm } from "./PreferencesForm";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("review.settings.title") };
}

function fitLine(status: FitStatus | null, reviews: number, t: Translate, date: (d: Date) => string): string | null {
  if (!status) return reviews < FIT_MIN_REVIEWS ? t("review.settings.fitNeedMore", { min: FIT_MIN_REVIEWS, count: reviews }) : null;
  if (status.state === "running") return t("review.settings.fitRunning", { date: date(status.startedAt) });
  if (status.state === "failed") return t("review.settings.fitFailed", { date: date(status.finishedAt), error: status.error });
  return t(status.accepted ? "review.settings.fitAccepted" : "review.settings.fitRejected", { date: date(status.finishedAt), reason: fitReasonText(status.reason, t) });
}

export default async function ReviewSettingsPage() {
  const user = await requireUser();
  const db = getDb();
  const lang = await getLang();
  const t = await getT(lang);
  const [settings, reviews] = await Promise.all([loadSettings(db, user.id), db.srsReviewLog.count({ where: { userId: user.id, undone: false } })]);
  const formatDate = (d: Date) => d.toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", { timeZone: settings.scheduler.timezone, dateStyle: "medium", timeStyle: "short" });
  const status = readFitStatus(user.id);
  const fit = fitLine(status, reviews, t, formatDate);
  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">{t("review.settings.title")}</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <PreferencesForm dailyNewLimit={settings.dailyNewLimit} desiredRetention={settings.scheduler.desiredRetention} timezone={settings.scheduler.timezone} />
      </section>
      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="fit-status">
        <h2 className="text-lg font-semibold">{t("review.settings.fitTitle")}</h2>
        <p>
          {settings.personalParameters && settings.parametersFittedAt
            ? t("review.settings.fitPersonal", { date: formatDate(settings.parametersFittedAt), logLoss: settings.parametersLogLoss?.toFixed(4) ?? "—" })
            : t("review.settings.fitDefault")}
        </p>
        {fit && <p className="text-sm text-slate-700">{fit}</p>}
      </section>
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{t("review.settings.dataTitle")}</h2>
        <div className="space-y-1">
          <a href="/api/review/export.csv" className="text-brand-700 underline" data-testid="export-csv">
            {t("review.settings.exportCsv")}
          </a>
          <p className="text-sm text-slate-600">{t("review.settings.exportCsvHint")}</p>
        </div>
        <div>
          <a href="/api/review/flashcards.tsv" className="text-brand-700 underline" data-testid="export-tsv">
            {t("review.settings.exportTsv")}
          </a>
        </div>
        <ImportForm />
      </section>
    </div>
  );
}
