// /review/stats: today's counts, the reviews, true retention against the target, reviews per day, the 30-day due
// forecast and mastery per topic, each with what it counts, from lib/review/stats.ts (the loader the review
// header and /progress share) over the learner's cards and kept reviews.
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getLang, getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n";
import { MasteryFigure, TodayCountsText } from "@/app/_components/figures";
import { reconcileGradedSubmissions } from "@/lib/review/exercise-grades";
import { loadReviewStats } from "@/lib/review/stats";
import type { MasteryBand, TrueRetention } from "@/lib/scheduling";
import { BarChart, RetentionMeter } from "../_components/charts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("review.stats.title") };
}

const percent = (v: number) => `${Math.round(v * 1000) / 10}%`;
const shortDay = (day: string) => day.slice(5);

const bandStyle: Record<MasteryBand, string> = {
  "not-started": "bg-slate-100 text-slate-700",
  attempted: "bg-amber-100 text-amber-900",
  familiar: "bg-sky-100 text-sky-900",
  proficient: "bg-emerald-100 text-emerald-900",
  mastered: "bg-emerald-600 text-white",
};

function Retention({ title, retention, t, testId }: { title: string; retention: TrueRetention; t: Translate; testId: string }) {
  return (
    <div className="space-y-1" data-testid={testId}>
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-medium">{title}</span>
        <span className="text-2xl font-semibold" data-testid="retention-value">{retention.retention === null ? "—" : percent(retention.retention)}</span>
      </div>
      <RetentionMeter value={retention.retention} target={retention.target} label={`${title}: ${retention.retention === null ? t("review.stats.noReviews") : percent(retention.retention)}, ${t("review.stats.target", { value: percent(retention.target) })}`} />
      <p className="text-sm text-slate-600">
        {retention.reviews === 0 ? t("review.stats.noReviews") : t("review.stats.reviewsOf", { recalled: retention.recalled, reviews: retention.reviews })} · {t("review.stats.target", { value: percent(retention.target) })}
      </p>
      <p className="text-xs text-slate-600" data-testid="retention-qualify">
        {t("review.stats.qualify", { reviews: retention.reviews, considered: retention.considered })}
        {retention.considered > retention.reviews && ` ${t("review.stats.leftOut", { notGraduated: retention.notGraduated, sameDay: retention.sameDay })}`}
      </p>
    </div>
  );
}

export default async function ReviewStatsPage() {
  const user = await requireUser();
  const lang = await getLang();
  const t = await getT(lang);
  const db = getDb();
  // The same data as /review: graded submissions the grading hook missed are recorded first.
  await reconcileGradedSubmissions(db, user.id);
  const stats = await loadReviewStats(db, user.id, lang);
  const { reviews } = stats;
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("review.stats.title")}</h1>
        <p className="text-sm text-slate-600">
          <span data-testid="stats-total">{t("review.stats.total", { count: reviews.total })}</span>{" "}
          {stats.personalParameters ? t("review.stats.parametersPersonal") : t("review.stats.parametersDefault")}
        </p>
        <p className="text-xs text-slate-600">{t("review.stats.totalHelp")}</p>
      </div>

      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="stats-today">
        <h2 className="text-lg font-semibold">{t("review.stats.todayTitle")}</h2>
        <div className="text-sm text-slate-700">
          <TodayCountsText counts={stats.today.flashcards} t={t} testId="stats-today-counts" />
        </div>
        <p className="text-sm text-slate-700">
          {t("review.newToday", { started: stats.today.newStartedToday, limit: stats.today.newLimit })}
          {stats.today.exercises > 0 && ` · ${t("review.exercisesDue", { count: stats.today.exercises })}`}
        </p>
      </section>

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div>
          <h2 className="text-lg font-semibold">{t("review.stats.retentionTitle")}</h2>
          <p className="text-sm text-slate-600">{t("review.stats.retentionBody")}</p>
        </div>
        <div className="grid gap-6 sm:grid-cols-2">
          <Retention title={t("review.stats.last30")} retention={reviews.recent.retention} t={t} testId="retention-recent" />
          <Retention title={t("review.stats.allTime")} retention={reviews.allTime} t={t} testId="retention-all" />
        </div>
      </section>

      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{t("review.stats.perDayTitle")}</h2>
        <p className="text-sm text-slate-600" data-testid="stats-recent">{t("review.stats.recentReviews", { count: reviews.recent.reviews, days: reviews.recent.days })}</p>
        <p className="flex gap-4 text-xs text-slate-600">
          <span><span className="mr-1 inline-block h-2 w-3 bg-[#2563c9]" />{t("review.stats.legendReviews")}</span>
          <span><span className="mr-1 inline-block h-2 w-3 bg-[#e11d48]" />{t("review.stats.legendAgain")}</span>
        </p>
        <BarChart
          testId="chart-reviews-per-day"
          label={t("review.stats.perDayTitle")}
          bars={reviews.perDay.map((d) => ({ label: shortDay(d.day), value: d.reviews, part: d.again, title: t("review.stats.chartDay", { day: d.day, count: d.reviews }) }))}
        />
      </section>

      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{t("review.stats.forecastTitle")}</h2>
        <p className="text-sm text-slate-600">{t("review.stats.forecastBody")}</p>
        <BarChart
          testId="chart-forecast"
          label={t("review.stats.forecastTitle")}
          color="#7c3aed"
          bars={stats.forecast.map((d) => ({ label: shortDay(d.day), value: d.due, title: t("review.stats.chartDay", { day: d.day, count: d.due }) }))}
        />
      </section>

      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{t("review.stats.masteryTitle")}</h2>
        <p className="text-sm text-slate-600">{t("review.stats.masteryBody")}</p>
        <ul className="divide-y divide-slate-100" data-testid="mastery">
          {stats.mastery.map((m) => (
            <li key={m.topicId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm" data-testid="mastery-row" data-topic={m.topicId}>
              <span className="min-w-48 flex-1">{m.name}</span>
              <MasteryFigure row={m} t={t} />
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${bandStyle[m.band]}`}>{t(`review.stats.band.${m.band}`)}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
