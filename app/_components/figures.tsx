// The learner's figures as every page shows them, each with the short text that says what it counts: today's
// learning / due / new counts (the review header, /review/stats, the home page) and a topic's mastery beside the
// recall it comes from (/progress, /review/stats). The numbers come from lib/review/stats.ts and lib/scheduling;
// the formatting lives here, once, so one figure reads the same wherever it appears.
import type { Translate } from "@/lib/i18n";
import type { QueueCounts, TopicMastery } from "@/lib/scheduling";
import { formatScore } from "./format";

/** "1 learning · 3 due · 10 new" and what each count is. */
export function TodayCountsText({ counts, t, testId = "review-remaining" }: { counts: QueueCounts; t: Translate; testId?: string }) {
  return (
    <div className="space-y-0.5">
      <p data-testid={testId}>{t("review.remaining", { learning: counts.learning, review: counts.review, new: counts.new })}</p>
      <p className="text-xs text-slate-600">{t("review.remainingHelp")}</p>
    </div>
  );
}

/** "mastery 67% · 2 of 3 items studied · recall 100%" for one topic. */
export function MasteryFigure({ row, t }: { row: Pick<TopicMastery, "mastery" | "recall" | "studiedItems" | "totalItems">; t: Translate }) {
  return (
    <span className="inline-flex flex-wrap gap-x-2 text-sm text-slate-700" data-testid="topic-mastery">
      <span data-testid="mastery-value" className="font-medium text-slate-900">
        {t("review.stats.mastery", { value: formatScore(row.mastery) })}
      </span>
      <span aria-hidden="true">·</span>
      <span data-testid="mastery-studied">{t("review.stats.studied", { studied: row.studiedItems, total: row.totalItems })}</span>
      {row.recall !== null && (
        <>
          <span aria-hidden="true">·</span>
          <span data-testid="mastery-recall">{t("review.stats.recall", { value: formatScore(row.recall) })}</span>
        </>
      )}
    </span>
  );
}
