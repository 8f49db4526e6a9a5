// /cohorts/[id]/analytics (the cohort's owner, admins, co-instructors granted "view grades"; sending a focused
// review needs "manage assignments"): the cohort's mastery per topic (learners × topics), the misconceptions the grader named
// with who holds them now and a focused review to send them, the learners who are struggling with their weakest
// topics, and activity per day. Figures from lib/cohorts/analytics (its README section in lib/cohorts/README.md).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadCatalog, type ExerciseEntry } from "@/exercises/catalog";
import { getTopic, isTopicId } from "@/exercises/topics";
import { BarChart } from "@/app/review/_components/charts";
import { requireRole } from "@/lib/auth";
import { cohortAccess } from "@/lib/cohorts";
import { allows } from "@/lib/cohorts/roster/core";
import { Suspense, type ReactNode } from "react";
import type { ActivityDay, HeatCell, StruggleReason } from "@/lib/cohorts/analytics/core";
import { loadAnalyticsInParts, type CohortLearner, type HeatmapData } from "@/lib/cohorts/analytics/load";
import { analyticsQuerySchema, HEATMAP_PAGE_SIZE, STRUGGLING_PAGE_SIZE } from "@/lib/cohorts/analytics/schema";
import { getDb } from "@/lib/db";
import type { Lang, MessageKey, Translate } from "@/lib/i18n";
import { getLang, getT } from "@/lib/i18n/server";
import { FocusedReviewForm } from "./FocusedReviewForm";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("cohorts.analytics.title") };
}

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** Five steps from weak (red) to strong (green), dark text on each (contrast ≥ 4.5:1): app/globals.css's heat-*. */
function heatStyle(value: number | null): string {
  if (value === null) return "heat-none";
  if (value < 0.2) return "heat-0";
  if (value < 0.4) return "heat-1";
  if (value < 0.6) return "heat-2";
  if (value < 0.8) return "heat-3";
  return "heat-4";
}

function topicName(topicId: string, lang: Lang): string {
  return isTopicId(topicId) ? getTopic(topicId).name[lang] : topicId;
}

function learnerName(l: CohortLearner | undefined): string {
  return l ? (l.name ?? l.email) : "?";
}

function cellTitle(t: Translate, learner: string, topic: string, cell: HeatCell): string {
  if (cell.value === null) return `${learner} · ${topic}: ${t("cohorts.analytics.notStarted")}`;
  return t("cohorts.analytics.cellTitle", {
    learner,
    topic,
    value: percent(cell.value),
    mastery: percent(cell.mastery),
    studied: cell.studiedItems,
    total: cell.totalItems,
    exercise: cell.exerciseScore === null ? "—" : percent(cell.exerciseScore),
    attempted: cell.exercisesAttempted,
    exercises: cell.exercisesTotal,
  });
}

type DayCount = "submissions" | "failedSubmissions" | "reviews" | "activeLearners";

/** One of the activity charts: a count per day (and a part of it in the accent colour), with its caption. */
function ActivityChart(props: { t: Translate; days: ActivityDay[]; count: DayCount; part?: DayCount; title: MessageKey; color: string; wide?: boolean; children?: ReactNode }) {
  const { t, days, count, part, title } = props;
  return (
    <figure className={`space-y-1 rounded-lg border border-slate-200 bg-white p-4 ${props.wide ? "lg:col-span-2" : ""}`}>
      <figcaption className="text-sm font-medium">{t(title)}</figcaption>
      {props.children}
      <BarChart
        testId={`chart-${count}`}
        label={t(title)}
        color={props.color}
        bars={days.map((d) => ({ label: d.day.slice(5), value: d[count], ...(part ? { part: d[part] } : {}), title: t("cohorts.analytics.chartDay", { day: d.day, count: d[count] }) }))}
      />
    </figure>
  );
}

type MisconceptionColumn = "misconception" | "topic" | "misconceptions";

/** The misconception tables' header: their own first columns, then the counts, the holders and the action. */
function MisconceptionHead({ t, first }: { t: Translate; first: MisconceptionColumn[] }) {
  const columns = [...first, "named", "learners", "holders"] as const;
  return (
    <thead className="bg-slate-50 text-slate-600">
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col" className="px-3 py-2">{t(`cohorts.analytics.columns.${c}`)}</th>
        ))}
        <th scope="col" className="px-3 py-2"><span className="sr-only">{t("cohorts.analytics.sendReview")}</span></th>
      </tr>
    </thead>
  );
}

function reasonText(t: Translate, reason: StruggleReason, exerciseTitle: (slug: string) => string): string {
  switch (reason.kind) {
    case "inactive":
      return reason.never ? t("cohorts.analytics.reason.never", { days: reason.days }) : t("cohorts.analytics.reason.inactive", { days: reason.days });
    case "failing":
      return t("cohorts.analytics.reason.failing", { failures: reason.failures, exercise: exerciseTitle(reason.exerciseSlug) });
    case "overdue":
      return t("cohorts.analytics.reason.overdue", { cards: reason.cards });
  }
}

/** What the page's sections share: the cohort, the viewer's grant, the language and the query's pages. */
interface SectionProps {
  t: Translate;
  lang: Lang;
  cohortId: string;
  canSend: boolean;
  inactiveDays: number | undefined;
  queryOk: boolean;
  heatmapData: Promise<HeatmapData>;
  /** This page with another page of the heatmap or of the struggling list (the rest of the query kept). */
  pageHref: (change: { heatmap?: number; struggling?: number }, anchor: string) => string;
  requestedHeatmapPage: number;
}

export default async function CohortAnalyticsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireRole("instructor");
  const db = getDb();
  const found = await cohortAccess(db, user, id);
  if (!found || !allows(found.access, "viewGrades")) notFound();
  const { cohort } = found;
  // Sending a focused review changes learners' queues: a co-instructor needs the grant to manage assignments.
  const canSend = allows(found.access, "manageAssignments");
  const query = analyticsQuerySchema.safeParse(await searchParams);
  const inactiveDays = query.success ? query.data.inactive : undefined;
  const requestedStrugglingPage = query.success ? query.data.struggling : 1;
  const requestedHeatmapPage = query.success ? query.data.heatmap : 1;
  // The heatmap streams first (its own Suspense boundary); the other sections' queries start once it is computed.
  const parts = loadAnalyticsInParts(db, cohort, new Date(), { ...(inactiveDays ? { inactiveDays } : {}), strugglingPage: requestedStrugglingPage });
  const [t, lang] = await Promise.all([getT(), getLang()]);
  const base = `/cohorts/${cohort.id}`;
  const pageHref = (change: { heatmap?: number; struggling?: number }, anchor: string) => {
    const params = new URLSearchParams();
    if (inactiveDays) params.set("inactive", String(inactiveDays));
    const heatmapTo = change.heatmap ?? requestedHeatmapPage;
    const strugglingTo = change.struggling ?? requestedStrugglingPage;
    if (heatmapTo > 1) params.set("heatmap", String(heatmapTo));
    if (strugglingTo > 1) params.set("struggling", String(strugglingTo));
    return `${base}/analytics${params.size ? `?${params}` : ""}#${anchor}`;
  };
  const shared: SectionProps = { t, lang, cohortId: cohort.id, canSend, inactiveDays, queryOk: query.success, heatmapData: parts.heatmap, pageHref, requestedHeatmapPage };

  return (
    <div className="space-y-10">
      <section className="space-y-2">
        <Link href={base} className="text-sm text-brand-700 underline">{t("cohorts.analytics.back", { name: cohort.name })}</Link>
        <h1 className="text-2xl font-semibold">{t("cohorts.analytics.heading", { name: cohort.name })}</h1>
        <p className="text-sm text-slate-600">{t("cohorts.analytics.intro")}</p>
      </section>
      <Suspense fallback={<SectionsLoading t={t} titles={["cohorts.analytics.heatmapTitle"]} />}>
        <HeatmapSection {...shared} />
      </Suspense>
      <Suspense fallback={<SectionsLoading t={t} titles={["cohorts.analytics.misconceptionsTitle", "cohorts.analytics.strugglingTitle", "cohorts.analytics.activityTitle"]} />}>
        <OtherSections {...shared} rest={parts.rest} />
      </Suspense>
    </div>
  );
}

/** What a section shows while its figures are computed: its heading and a status line (announced politely). */
function SectionsLoading({ t, titles }: { t: Translate; titles: MessageKey[] }) {
  return (
    <>
      {titles.map((title) => (
        <section key={title} className="space-y-2" aria-busy="true" data-testid="section-loading">
          <h2 className="text-lg font-semibold">{t(title)}</h2>
          <p role="status" className="animate-pulse text-sm text-slate-600">{t("cohorts.analytics.computing")}</p>
        </section>
      ))}
    </>
  );
}

/** The learners × topics heatmap, one page of learners, the cohort means over all. */
async function HeatmapSection({ t, lang, heatmapData, pageHref, requestedHeatmapPage }: SectionProps) {
  const { learners: cohortLearners, heatmap } = await heatmapData;
  const learners = new Map(cohortLearners.map((l) => [l.userId, l]));
  // Columns: the topics someone in the cohort has started (the rest would be empty columns).
  const shown = heatmap.topics.map((topicId, i) => ({ topicId, i })).filter(({ i }) => heatmap.topicMeans[i] !== null);
  const heatmapPages = Math.max(1, Math.ceil(heatmap.rows.length / HEATMAP_PAGE_SIZE));
  const heatmapPage = Math.min(requestedHeatmapPage, heatmapPages);
  const heatRows = heatmap.rows.slice((heatmapPage - 1) * HEATMAP_PAGE_SIZE, heatmapPage * HEATMAP_PAGE_SIZE);
  return (
      <section className="space-y-3" aria-labelledby="heatmap-title" data-testid="heatmap">
        <h2 id="heatmap-title" className="text-lg font-semibold">{t("cohorts.analytics.heatmapTitle")}</h2>
        <p className="text-sm text-slate-600">{t("cohorts.analytics.heatmapBody")}</p>
        {cohortLearners.length === 0 ? (
          <p className="text-slate-600">{t("cohorts.analytics.noLearners")}</p>
        ) : shown.length === 0 ? (
          <p className="text-slate-600">{t("cohorts.analytics.nothingStarted")}</p>
        ) : (
          <>
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              {/* Cell padding and figures set once on the table: every attribute of a cell is sent twice (the HTML
                  and the React payload), and a page has up to 100 learners × the topics. */}
              <table className="text-left text-xs [&_td]:px-2 [&_td]:py-1.5 [&_td]:text-center [&_td]:tabular-nums" aria-labelledby="heatmap-title">
                <thead className="bg-slate-50 text-slate-700">
                  <tr>
                    <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2 text-sm">{t("cohorts.columns.learner")}</th>
                    {shown.map(({ topicId }) => (
                      <th key={topicId} scope="col" className="max-w-24 px-2 py-2 align-bottom font-medium" data-topic={topicId}>{topicName(topicId, lang)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {heatRows.map((row) => {
                    const name = learnerName(learners.get(row.userId));
                    return (
                      <tr key={row.userId} className="border-t border-slate-100" data-testid="heatmap-row">
                        <th scope="row" className="sticky left-0 bg-white px-3 py-1.5 text-sm font-medium">{name}</th>
                        {shown.map(({ topicId, i }) => {
                          const cell = row.cells[i]!;
                          return (
                            <td key={topicId} className={heatStyle(cell.value)} title={cellTitle(t, name, topicName(topicId, lang), cell)} data-topic={topicId}>
                              {cell.value === null ? "—" : percent(cell.value)}
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                  <tr className="border-t-2 border-slate-300" data-testid="heatmap-mean">
                    <th scope="row" className="sticky left-0 bg-white px-3 py-1.5 text-sm">{t("cohorts.analytics.cohortMean")}</th>
                    {shown.map(({ topicId, i }) => (
                      <td key={topicId} className={`font-semibold ${heatStyle(heatmap.topicMeans[i]!)}`}>{percent(heatmap.topicMeans[i]!)}</td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
            <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
              {[0.1, 0.3, 0.5, 0.7, 0.9].map((v) => (
                <span key={v} className={`rounded px-1.5 py-0.5 ${heatStyle(v)}`}>{`${Math.round((v - 0.1) * 100)}–${Math.round((v + 0.1) * 100)}%`}</span>
              ))}
              <span className={`rounded px-1.5 py-0.5 ${heatStyle(null)}`}>— {t("cohorts.analytics.notStarted")}</span>
              {heatmap.topics.length > shown.length && <span>{t("cohorts.analytics.hiddenTopics", { count: heatmap.topics.length - shown.length })}</span>}
            </p>
            {heatmapPages > 1 && (
              <nav className="flex items-center gap-4 text-sm" aria-label={t("cohorts.analytics.heatmapPages")}>
                <span data-testid="heatmap-range">
                  {t("cohorts.gradebook.range", { from: (heatmapPage - 1) * HEATMAP_PAGE_SIZE + 1, to: (heatmapPage - 1) * HEATMAP_PAGE_SIZE + heatRows.length, total: heatmap.rows.length })}
                </span>
                {heatmapPage > 1 && <Link href={pageHref({ heatmap: heatmapPage - 1 }, "heatmap-title")} className="text-brand-700 underline" rel="prev">{t("cohorts.gradebook.previous")}</Link>}
                {heatmapPage < heatmapPages && <Link href={pageHref({ heatmap: heatmapPage + 1 }, "heatmap-title")} className="text-brand-700 underline" rel="next">{t("cohorts.gradebook.next")}</Link>}
              </nav>
            )}
          </>
        )}
      </section>

  );
}

/** The misconceptions, the struggling learners and the activity: streamed after the heatmap. */
async function OtherSections({ t, lang, cohortId, canSend, queryOk, heatmapData, pageHref, rest }: SectionProps & { rest: ReturnType<typeof loadAnalyticsInParts>["rest"] }) {
  const [{ learners: cohortLearners }, analytics] = await Promise.all([heatmapData, rest]);
  const learners = new Map(cohortLearners.map((l) => [l.userId, l]));
  const { misconceptions, struggling, activity, options } = analytics;
  const catalog = new Map<string, ExerciseEntry>(loadCatalog().map((e) => [e.meta.slug, e]));
  const exerciseTitle = (slug: string) => catalog.get(slug)?.meta.title[lang] ?? slug;
  const misconceptionTitle = (slug: string, id: string) => catalog.get(slug)?.meta.misconceptions.find((m) => m.id === id)?.title[lang] ?? id;
  const base = `/cohorts/${cohortId}`;
  const strugglingPages = Math.max(1, Math.ceil(analytics.strugglingTotal / STRUGGLING_PAGE_SIZE));
  return (
    <>
      <section className="space-y-4" aria-labelledby="misconceptions-title" data-testid="misconceptions">
        <h2 id="misconceptions-title" className="text-lg font-semibold">{t("cohorts.analytics.misconceptionsTitle")}</h2>
        <p className="text-sm text-slate-600">{t("cohorts.analytics.misconceptionsBody", { days: options.recentDays })}</p>
        <p className="text-xs text-slate-600">{t("cohorts.analytics.focusedHelp")}</p>
        {misconceptions.byExercise.length === 0 ? (
          <p className="text-slate-600">{t("cohorts.analytics.noMisconceptions")}</p>
        ) : (
          <>
            <h3 className="font-medium">{t("cohorts.analytics.byExercise")}</h3>
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <MisconceptionHead t={t} first={["misconception"]} />
                <tbody>
                  {misconceptions.byExercise.map((m) => {
                    const topicId = m.topics[0] ?? "";
                    return (
                      <tr key={`${m.exerciseSlug}/${m.misconceptionId}`} className="border-t border-slate-100 align-top" data-testid="misconception-row" data-misconception={`${m.exerciseSlug}/${m.misconceptionId}`}>
                        <td className="px-3 py-2">
                          <div className="font-medium">{misconceptionTitle(m.exerciseSlug, m.misconceptionId)}</div>
                          <div className="text-xs text-slate-600">{exerciseTitle(m.exerciseSlug)}</div>
                        </td>
                        <td className="px-3 py-2 tabular-nums">{m.namings}</td>
                        <td className="px-3 py-2 tabular-nums">{m.learners}</td>
                        <td className="px-3 py-2" data-testid="holders">
                          {m.holders.length === 0 ? (
                            <span className="text-slate-600">{t("cohorts.analytics.nobodyNow")}</span>
                          ) : (
                            <ul className="space-y-0.5">
                              {m.holders.map((h) => (
                                <li key={h.userId}>
                                  <Link href={`${base}/submissions/${h.submissionId}`} className="text-brand-700 underline">{learnerName(learners.get(h.userId))}</Link>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td className="px-3 py-2">
                          {canSend && m.holders.length > 0 && topicId && (
                            <FocusedReviewForm cohortId={cohortId} topicId={topicId} topicName={topicName(topicId, lang)} learnerIds={m.holders.map((h) => h.userId)} />
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>

            <h3 className="font-medium">{t("cohorts.analytics.byTopic")}</h3>
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <MisconceptionHead t={t} first={["topic", "misconceptions"]} />
                <tbody>
                  {misconceptions.byTopic.map((topic) => (
                    <tr key={topic.topicId} className="border-t border-slate-100 align-top" data-testid="topic-misconception-row" data-topic={topic.topicId}>
                      <td className="px-3 py-2 font-medium">{topicName(topic.topicId, lang)}</td>
                      <td className="px-3 py-2 tabular-nums">{topic.misconceptions.length}</td>
                      <td className="px-3 py-2 tabular-nums">{topic.namings}</td>
                      <td className="px-3 py-2 tabular-nums">{topic.learners}</td>
                      <td className="px-3 py-2">{topic.holders.length === 0 ? t("cohorts.analytics.nobodyNow") : topic.holders.map((id) => learnerName(learners.get(id))).join(", ")}</td>
                      <td className="px-3 py-2">
                        {canSend && topic.holders.length > 0 && <FocusedReviewForm cohortId={cohortId} topicId={topic.topicId} topicName={topicName(topic.topicId, lang)} learnerIds={topic.holders} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section className="space-y-3" aria-labelledby="struggling-title" data-testid="struggling">
        <h2 id="struggling-title" className="text-lg font-semibold">{t("cohorts.analytics.strugglingTitle")}</h2>
        <p className="text-sm text-slate-600">
          {t("cohorts.analytics.strugglingBody", { days: options.inactiveDays, streak: options.failureStreak, cards: options.overdueCards })}
        </p>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <div className="space-y-1">
            <label htmlFor="inactive" className="block text-sm font-medium">{t("cohorts.analytics.inactiveLabel")}</label>
            <input id="inactive" name="inactive" type="number" min={1} max={365} defaultValue={options.inactiveDays} className="field-input w-24" />
          </div>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">{t("cohorts.analytics.apply")}</button>
          {!queryOk && <p role="alert" className="text-sm text-red-700">{t("cohorts.analytics.errors.inactiveDays")}</p>}
        </form>
        {struggling.length === 0 ? (
          <p className="text-slate-600">{t("cohorts.analytics.noStruggling")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {struggling.map((s) => (
              <li key={s.userId} className="space-y-1 px-4 py-3 text-sm" data-testid="struggling-learner">
                <Link href={`${base}/learners/${s.userId}`} className="font-medium text-brand-700 underline">{learnerName(learners.get(s.userId))}</Link>
                <ul className="list-disc pl-5 text-slate-800">
                  {s.reasons.map((r, i) => (
                    <li key={i}>{reasonText(t, r, exerciseTitle)}</li>
                  ))}
                </ul>
                <p className="text-slate-600">
                  {s.weakestTopics.length === 0
                    ? t("cohorts.analytics.noWeakest")
                    : t("cohorts.analytics.weakest", { topics: s.weakestTopics.map((w) => topicName(w.topicId, lang)).join(lang === "zh" ? "、" : ", ") })}
                </p>
              </li>
            ))}
          </ul>
        )}
        {strugglingPages > 1 && (
          <nav className="flex items-center gap-4 text-sm" aria-label={t("cohorts.analytics.strugglingPages")}>
            <span data-testid="struggling-range">
              {t("cohorts.gradebook.range", { from: (analytics.strugglingPage - 1) * STRUGGLING_PAGE_SIZE + 1, to: (analytics.strugglingPage - 1) * STRUGGLING_PAGE_SIZE + struggling.length, total: analytics.strugglingTotal })}
            </span>
            {analytics.strugglingPage > 1 && <Link href={pageHref({ struggling: analytics.strugglingPage - 1 }, "struggling-title")} className="text-brand-700 underline" rel="prev">{t("cohorts.gradebook.previous")}</Link>}
            {analytics.strugglingPage < strugglingPages && <Link href={pageHref({ struggling: analytics.strugglingPage + 1 }, "struggling-title")} className="text-brand-700 underline" rel="next">{t("cohorts.gradebook.next")}</Link>}
          </nav>
        )}
      </section>

      <section className="space-y-3" aria-labelledby="activity-title" data-testid="activity">
        <h2 id="activity-title" className="text-lg font-semibold">{t("cohorts.analytics.activityTitle")}</h2>
        <p className="text-sm text-slate-600">{t("cohorts.analytics.activityBody", { days: options.activityDays, zone: analytics.timeZone })}</p>
        <div className="grid gap-6 lg:grid-cols-2">
          <ActivityChart t={t} days={activity} count="submissions" part="failedSubmissions" title="cohorts.analytics.submissionsChart" color="#2563c9">
            <p className="flex gap-4 text-xs text-slate-600">
              <span><span className="mr-1 inline-block h-2 w-3 bg-[#2563c9]" />{t("cohorts.analytics.legendSubmissions")}</span>
              <span><span className="mr-1 inline-block h-2 w-3 bg-[#e11d48]" />{t("cohorts.analytics.legendFailed")}</span>
            </p>
          </ActivityChart>
          <ActivityChart t={t} days={activity} count="reviews" title="cohorts.analytics.reviewsChart" color="#7c3aed">
            <p className="text-xs text-slate-600">{t("cohorts.analytics.reviewsChartHelp")}</p>
          </ActivityChart>
          <ActivityChart t={t} days={activity} count="activeLearners" title="cohorts.analytics.activeChart" color="#059669" wide />
        </div>
      </section>
    </>
  );
}
