// The home page's "Review today": the signed-in learner's learning / due / new counts, the same figures as the
// review header and /review/stats (lib/review/stats.ts `loadTodayCounts`), with what each counts.
import Link from "next/link";
import { getDb } from "@/lib/db";
import { getT } from "@/lib/i18n/server";
import { loadTodayCounts } from "@/lib/review/stats";
import { TodayCountsText } from "./figures";

export async function HomeReviewToday({ userId }: { userId: string }) {
  const [t, today] = await Promise.all([getT(), loadTodayCounts(getDb(), userId)]);
  return (
    <section aria-labelledby="home-review-today" className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="home-review-today">
      <h2 id="home-review-today" className="text-lg font-semibold">
        {t("home.reviewToday")}
      </h2>
      <div className="text-sm text-slate-700">
        <TodayCountsText counts={today.flashcards} t={t} testId="home-today-counts" />
      </div>
      {today.exercises > 0 && <p className="text-sm text-slate-700">{t("review.exercisesDue", { count: today.exercises })}</p>}
      <Link href="/review" className="btn-secondary">
        {t("review.todayLink")}
      </Link>
    </section>
  );
}
