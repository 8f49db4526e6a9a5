// /progress: per topic along the topic map, the exercises passed (from graded submissions) and the topic's
// mastery (lib/review/stats.ts: the figure /review/stats shows too), recent activity and the exercises passed.
import type { Metadata } from "next";
import Link from "next/link";
import { MasteryFigure } from "@/app/_components/figures";
import { formatDateTime, formatScore } from "@/app/_components/format";
import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { exerciseCards, exercisesByTopic, recentActivity, type TopicExercises } from "@/lib/exercise-view";
import { reconcileGradedSubmissions } from "@/lib/review/exercise-grades";
import { loadTopicMastery, type NamedTopicMastery } from "@/lib/review/stats";
import { getLang, getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("progress.title") };
}

function MasteryBar({ value, label }: { value: number; label: string }) {
  const percent = Math.round(value * 100);
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div className={percent >= 100 ? "h-full bg-emerald-600" : "h-full bg-brand-600"} style={{ width: `${percent}%` }} />
    </div>
  );
}

function TopicRow({ row, mastery, lang, t }: { row: TopicExercises; mastery: NamedTopicMastery | undefined; lang: "en" | "zh"; t: Translate }) {
  const name = row.topic.name[lang];
  if (row.exercises.length === 0) {
    return (
      <li className="flex flex-wrap items-baseline gap-x-2 px-4 py-3" data-testid="topic-row" data-topic={row.topic.id}>
        <span className="text-slate-700">{name}</span>
        <span className="text-xs text-slate-600">{t("progress.noExercises")}</span>
        {mastery && <MasteryFigure row={mastery} t={t} />}
      </li>
    );
  }
  return (
    <li className="space-y-2 px-4 py-3" data-testid="topic-row" data-topic={row.topic.id}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium text-slate-900">{name}</span>
        <span className="flex flex-wrap items-baseline gap-x-2 text-sm text-slate-700">
          <span data-testid="topic-passed">{t("progress.topicCounts", { passed: row.passed, total: row.exercises.length })}</span>
          {mastery && (
            <>
              <span aria-hidden="true">·</span>
              <MasteryFigure row={mastery} t={t} />
            </>
          )}
        </span>
      </div>
      <MasteryBar value={mastery?.mastery ?? 0} label={t("progress.masteryOf", { topic: name })} />
      <ul className="flex flex-wrap gap-2">
        {row.exercises.map((exercise) => (
          <li key={exercise.slug}>
            <Link
              href={`/exercises/${exercise.slug}`}
              className={
                "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs underline-offset-2 hover:underline " +
                (exercise.status === "passed"
                  ? "bg-emerald-100 text-emerald-900"
                  : exercise.status === "attempted"
                    ? "bg-amber-100 text-amber-950"
                    : "bg-slate-100 text-slate-700")
              }
            >
              <span aria-hidden="true">{exercise.status === "passed" ? "✓" : exercise.status === "attempted" ? "◐" : "○"}</span>
              {exercise.title[lang]}
              <span className="sr-only">
                {" "}
                ({exercise.status === "passed" ? t("exercises.statusPassed") : exercise.status === "attempted" ? t("exercises.statusAttempted") : t("exercises.statusNotStarted")})
              </span>
              {exercise.bestScore !== null && <span>· {formatScore(exercise.bestScore)}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}

export default async function ProgressPage() {
  const user = await requireUser();
  const lang = await getLang();
  const t = await getT(lang);
  // The same data as /review and /review/stats: graded submissions the grading hook missed are recorded first.
  await reconcileGradedSubmissions(getDb(), user.id);
  const [cards, activity, masteryRows] = await Promise.all([exerciseCards(user.id), recentActivity(user.id, lang), loadTopicMastery(getDb(), user.id, lang)]);
  const byTopic = exercisesByTopic(cards);
  const masteryOf = new Map(masteryRows.map((m) => [m.topicId, m]));
  const passed = cards.filter((c) => c.status === "passed");
  const attempted = cards.filter((c) => c.status === "attempted");
  const withExercises = byTopic.filter((row) => row.exercises.length > 0);
  const withoutExercises = byTopic.filter((row) => row.exercises.length === 0);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("progress.title")}</h1>
        <p className="text-slate-700">{t("progress.intro")}</p>
        {/* Learners reach /join from an instructor's link; this is the way in for one who has only a code. */}
        <p>
          <Link href="/join" className="text-brand-700 underline">{t("cohorts.joinTitle")}</Link>
        </p>
      </header>

      <dl className="grid grid-cols-3 gap-3">
        {[
          { label: t("progress.statPassed"), value: `${passed.length} / ${cards.length}` },
          { label: t("progress.statAttempted"), value: String(attempted.length) },
          { label: t("progress.statNotStarted"), value: String(cards.length - passed.length - attempted.length) },
        ].map((stat) => (
          <div key={stat.label} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
            <dt className="text-sm text-slate-700">{stat.label}</dt>
            <dd className="mt-1 text-xl font-semibold text-slate-900 sm:text-2xl">{stat.value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="topics-heading" className="space-y-3">
        <h2 id="topics-heading" className="text-xl font-semibold">
          {t("progress.topicsTitle")}
        </h2>
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
          {withExercises.map((row) => (
            <TopicRow key={row.topic.id} row={row} mastery={masteryOf.get(row.topic.id)} lang={lang} t={t} />
          ))}
        </ol>
        {withoutExercises.length > 0 && (
          <details className="rounded-lg border border-slate-200 bg-white">
            <summary className="cursor-pointer px-4 py-3 text-sm text-slate-800">
              {t("progress.otherTopics", { count: withoutExercises.length })}
            </summary>
            <ol className="divide-y divide-slate-100">
              {withoutExercises.map((row) => (
                <TopicRow key={row.topic.id} row={row} mastery={masteryOf.get(row.topic.id)} lang={lang} t={t} />
              ))}
            </ol>
          </details>
        )}
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="activity-heading" className="space-y-3">
          <h2 id="activity-heading" className="text-xl font-semibold">
            {t("progress.activityTitle")}
          </h2>
          {activity.length === 0 ? (
            <p className="text-slate-700">
              {t("progress.noActivity")}{" "}
              <Link href="/exercises" className="text-brand-700 underline underline-offset-2">
                {t("progress.startNow")}
              </Link>
            </p>
          ) : (
            <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="activity">
              {activity.map((item) => (
                <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
                  <Link href={`/exercises/${item.slug}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                    {item.title}
                  </Link>
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
                    {item.kind === "submit" ? t("history.kindSubmit") : t("history.kindRun")}
                  </span>
                  <span className={item.passed ? "text-emerald-800" : "text-slate-800"}>
                    {item.score !== null ? formatScore(item.score) : item.status === "error" ? t("history.notGraded") : t("history.pending")}
                  </span>
                  <span className="ml-auto text-xs text-slate-600">{formatDateTime(item.createdAt, lang)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="passed-heading" className="space-y-3">
          <h2 id="passed-heading" className="text-xl font-semibold">
            {t("progress.passedTitle")}
          </h2>
          {passed.length === 0 ? (
            <p className="text-slate-700">{t("progress.nonePassed")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="passed-list">
              {passed.map((card) => (
                <li key={card.slug} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
                  <Link href={`/exercises/${card.slug}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                    {card.title[lang]}
                  </Link>
                  {card.bestScore !== null && <span className="text-emerald-800">{formatScore(card.bestScore)}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
