// The cohort's analytics, pure: what the instructor's analytics page shows, computed from plain rows (the loader,
// load.ts, reads them from the database). No Prisma, no Next.js; the figures reuse lib/scheduling's definitions
// so a learner's mastery here is the mastery their own /progress page shows.
//
//   - topicHeatmap: learners × topics, each cell the topic's mastery (FSRS: studied share × predicted recall,
//     lib/scheduling `topicMastery`) averaged with the learner's exercise grades in that topic (best graded
//     submit per exercise, unattempted exercises counting 0); null when the learner has touched neither.
//   - misconceptionFrequency: per exercise × misconception and per topic, how often the grader named it, how
//     many learners it was ever named for, and who holds it now: named within `recentDays` and the exercise
//     not passed (a passing graded submit) since its last naming.
//   - strugglingLearners: no activity for `inactiveDays`, a streak of `failureStreak` failed submits of one
//     exercise not passed since, or `overdueCards` studied cards a day or more overdue.
//   - activityPerDay: graded submissions (failed ones apart) and review-session ratings per day in the cohort's
//     time zone, with the number of learners active that day.
import { CardState, lastLocalDays, localDayNumber, topicMasteryOf, type SchedulerSettings, type SrsCardState, type TopicItem } from "@/lib/scheduling";
import { analyticsOptionsSchema, type AnalyticsOptionsInput } from "./schema";

const DAY_MS = 86_400_000;

export interface ExerciseTopics {
  slug: string;
  topics: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------
// Heatmap

export interface HeatmapLearner {
  userId: string;
  cards: readonly SrsCardState[];
  settings: Pick<SchedulerSettings, "parameters">;
  /** Best score (0–1) of the learner's graded submits, per exercise slug they attempted. */
  bestScores: ReadonlyMap<string, number>;
}

export interface HeatCell {
  topicId: string;
  /** What the cell shows (0–1): the mean of mastery (when an item was studied) and exercise score (when one was attempted). */
  value: number | null;
  mastery: number;
  recall: number | null;
  studiedItems: number;
  totalItems: number;
  /** Mean best score over ALL the topic's exercises (unattempted = 0); null when none was attempted or the topic has none. */
  exerciseScore: number | null;
  exercisesAttempted: number;
  exercisesTotal: number;
}

export interface Heatmap {
  /** Topic ids, columns in the order given (the topic map's). */
  topics: string[];
  rows: { userId: string; cells: HeatCell[] }[];
  /** Per topic: the mean of the learners' non-null cells; null when no learner started it. */
  topicMeans: (number | null)[];
}

export interface HeatmapInput {
  topicOrder: readonly string[];
  items: readonly TopicItem[];
  exercises: readonly ExerciseTopics[];
  learners: readonly HeatmapLearner[];
  now: Date;
}

export function heatCellValue(cell: Pick<HeatCell, "mastery" | "studiedItems" | "exerciseScore">): number | null {
  const parts = [cell.studiedItems > 0 ? cell.mastery : null, cell.exerciseScore].filter((v): v is number => v !== null);
  return parts.length === 0 ? null : parts.reduce((s, v) => s + v, 0) / parts.length;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

export function topicHeatmap(input: HeatmapInput): Heatmap {
  const exercisesByTopic = new Map<string, string[]>();
  for (const e of input.exercises) {
    for (const t of e.topics) {
      const list = exercisesByTopic.get(t);
      if (list) list.push(e.slug);
      else exercisesByTopic.set(t, [e.slug]);
    }
  }
  const topics = [...input.topicOrder];
  const masteryOf = topicMasteryOf(input.items);
  const rows = input.learners.map((learner) => {
    const mastery = new Map(masteryOf(learner.cards, input.now, learner.settings).map((m) => [m.topicId, m]));
    const cells = topics.map((topicId): HeatCell => {
      const m = mastery.get(topicId);
      const slugs = exercisesByTopic.get(topicId) ?? [];
      const attempted = slugs.filter((s) => learner.bestScores.has(s));
      const exerciseScore = attempted.length === 0 ? null : attempted.reduce((s, slug) => s + learner.bestScores.get(slug)!, 0) / slugs.length;
      const cell: HeatCell = {
        topicId,
        mastery: m?.mastery ?? 0,
        recall: m?.recall ?? null,
        studiedItems: m?.studiedItems ?? 0,
        totalItems: m?.totalItems ?? 0,
        exerciseScore,
        exercisesAttempted: attempted.length,
        exercisesTotal: slugs.length,
        value: null,
      };
      cell.value = heatCellValue(cell);
      return cell;
    });
    return { userId: learner.userId, cells };
  });
  const topicMeans = topics.map((_, i) => mean(rows.flatMap((r) => (r.cells[i]!.value === null ? [] : [r.cells[i]!.value!]))));
  return { topics, rows, topicMeans };
}

// ---------------------------------------------------------------------------------------------------------
// Misconceptions

export interface Naming {
  submissionId: string;
  userId: string;
  exerciseSlug: string;
  misconceptionId: string;
  at: Date;
}

export interface Pass {
  userId: string;
  exerciseSlug: string;
  at: Date;
}

export interface Holder {
  userId: string;
  /** The latest graded submission that named it (its drill-down) and when it was made. */
  submissionId: string;
  lastNamedAt: Date;
}

export interface MisconceptionStat {
  exerciseSlug: string;
  misconceptionId: string;
  topics: string[];
  /** Graded submissions that named it. */
  namings: number;
  /** Learners it was ever named for. */
  learners: number;
  /** Learners who hold it now, the most recently named first. */
  holders: Holder[];
}

export interface TopicMisconceptionStat {
  topicId: string;
  namings: number;
  learners: number;
  /** Distinct learners holding any of the topic's misconceptions now. */
  holders: string[];
  /** The topic's misconceptions (exerciseSlug/misconceptionId), most held first. */
  misconceptions: string[];
}

export interface MisconceptionReport {
  byExercise: MisconceptionStat[];
  byTopic: TopicMisconceptionStat[];
}

const key = (...parts: string[]) => parts.join("\u0000");

/**
 * Frequency and current holders of every misconception the grader named. `passes` are passing graded submits
 * (only the latest per learner × exercise matters); `namings` one row per misconception a graded submission named.
 */
export function misconceptionFrequency(
  namings: readonly Naming[],
  passes: readonly Pass[],
  exercises: readonly ExerciseTopics[],
  now: Date,
  options: AnalyticsOptionsInput = {},
): MisconceptionReport {
  const { recentDays } = analyticsOptionsSchema.parse(options);
  const since = now.getTime() - recentDays * DAY_MS;
  const topicsOf = new Map(exercises.map((e) => [e.slug, [...e.topics]]));
  const lastPass = new Map<string, number>();
  for (const p of passes) {
    const k = key(p.userId, p.exerciseSlug);
    lastPass.set(k, Math.max(lastPass.get(k) ?? -Infinity, p.at.getTime()));
  }
  const stats = new Map<string, { namings: number; latest: Map<string, Holder> }>();
  for (const n of namings) {
    const k = key(n.exerciseSlug, n.misconceptionId);
    const stat = stats.get(k) ?? { namings: 0, latest: new Map<string, Holder>() };
    stat.namings += 1;
    const seen = stat.latest.get(n.userId);
    if (!seen || n.at > seen.lastNamedAt) stat.latest.set(n.userId, { userId: n.userId, submissionId: n.submissionId, lastNamedAt: n.at });
    stats.set(k, stat);
  }
  const byExercise = [...stats].map(([k, stat]): MisconceptionStat => {
    const [exerciseSlug, misconceptionId] = k.split("\u0000") as [string, string];
    const holders = [...stat.latest.values()]
      .filter((h) => h.lastNamedAt.getTime() >= since && !((lastPass.get(key(h.userId, exerciseSlug)) ?? -Infinity) > h.lastNamedAt.getTime()))
      .sort((a, b) => b.lastNamedAt.getTime() - a.lastNamedAt.getTime() || a.userId.localeCompare(b.userId));
    return { exerciseSlug, misconceptionId, topics: topicsOf.get(exerciseSlug) ?? [], namings: stat.namings, learners: stat.latest.size, holders };
  });
  byExercise.sort((a, b) => b.holders.length - a.holders.length || b.namings - a.namings || a.exerciseSlug.localeCompare(b.exerciseSlug) || a.misconceptionId.localeCompare(b.misconceptionId));

  const topics = new Map<string, { namings: number; learners: Set<string>; holders: Set<string>; misconceptions: string[] }>();
  for (const stat of byExercise) {
    for (const topicId of stat.topics) {
      const t = topics.get(topicId) ?? { namings: 0, learners: new Set<string>(), holders: new Set<string>(), misconceptions: [] };
      t.namings += stat.namings;
      for (const userId of stats.get(key(stat.exerciseSlug, stat.misconceptionId))!.latest.keys()) t.learners.add(userId);
      for (const h of stat.holders) t.holders.add(h.userId);
      t.misconceptions.push(`${stat.exerciseSlug}/${stat.misconceptionId}`);
      topics.set(topicId, t);
    }
  }
  const byTopic = [...topics]
    .map(([topicId, t]) => ({ topicId, namings: t.namings, learners: t.learners.size, holders: [...t.holders].sort(), misconceptions: t.misconceptions }))
    .sort((a, b) => b.holders.length - a.holders.length || b.namings - a.namings || a.topicId.localeCompare(b.topicId));
  return { byExercise, byTopic };
}

// ---------------------------------------------------------------------------------------------------------
// Struggling learners

export interface GradedSubmit {
  exerciseSlug: string;
  passed: boolean;
  at: Date;
}

export interface LearnerActivity {
  userId: string;
  joinedAt: Date;
  /** The latest submission (any kind) or review of the learner; null when there is none. */
  lastActiveAt: Date | null;
  submits: readonly GradedSubmit[];
  cards: readonly Pick<SrsCardState, "state" | "due">[];
}

export type StruggleReason =
  | { kind: "inactive"; days: number; never: boolean }
  | { kind: "failing"; exerciseSlug: string; failures: number }
  | { kind: "overdue"; cards: number };

export interface StrugglingLearner {
  userId: string;
  reasons: StruggleReason[];
  lastActiveAt: Date | null;
}

/** The failed graded submits of one exercise since its last pass, per exercise with at least `streak` of them. */
export function failureStreaks(submits: readonly GradedSubmit[], streak: number): { exerciseSlug: string; failures: number }[] {
  const runs = new Map<string, number>();
  for (const s of [...submits].sort((a, b) => a.at.getTime() - b.at.getTime())) runs.set(s.exerciseSlug, s.passed ? 0 : (runs.get(s.exerciseSlug) ?? 0) + 1);
  return [...runs]
    .filter(([, failures]) => failures >= streak)
    .map(([exerciseSlug, failures]) => ({ exerciseSlug, failures }))
    .sort((a, b) => b.failures - a.failures || a.exerciseSlug.localeCompare(b.exerciseSlug));
}

export function strugglingLearners(learners: readonly LearnerActivity[], now: Date, options: AnalyticsOptionsInput = {}): StrugglingLearner[] {
  const o = analyticsOptionsSchema.parse(options);
  const flagged: StrugglingLearner[] = [];
  for (const learner of learners) {
    const reasons: StruggleReason[] = [];
    // A learner who never did anything counts from the day they joined: a new member is not "inactive" yet.
    const since = learner.lastActiveAt ?? learner.joinedAt;
    const idleDays = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
    if (idleDays >= o.inactiveDays) reasons.push({ kind: "inactive", days: idleDays, never: learner.lastActiveAt === null });
    for (const streak of failureStreaks(learner.submits, o.failureStreak)) reasons.push({ kind: "failing", ...streak });
    const overdue = learner.cards.filter((c) => c.state !== CardState.New && c.due.getTime() <= now.getTime() - DAY_MS).length;
    if (overdue >= o.overdueCards) reasons.push({ kind: "overdue", cards: overdue });
    if (reasons.length) flagged.push({ userId: learner.userId, reasons, lastActiveAt: learner.lastActiveAt });
  }
  return flagged.sort((a, b) => b.reasons.length - a.reasons.length || (a.lastActiveAt?.getTime() ?? 0) - (b.lastActiveAt?.getTime() ?? 0) || a.userId.localeCompare(b.userId));
}

// ---------------------------------------------------------------------------------------------------------
// Activity over time

export interface ActivityEvent {
  userId: string;
  at: Date;
}

export interface ActivityDay {
  /** "YYYY-MM-DD" in the cohort's time zone. */
  day: string;
  submissions: number;
  /** Of those, graded and not passed. */
  failedSubmissions: number;
  /** Ratings in review sessions (graded submits are counted as submissions, not again as reviews). */
  reviews: number;
  /** Learners with a submission or a review that day. */
  activeLearners: number;
}

export function activityPerDay(
  submissions: readonly (ActivityEvent & { failed: boolean })[],
  reviews: readonly ActivityEvent[],
  now: Date,
  timeZone: string,
  options: AnalyticsOptionsInput = {},
): ActivityDay[] {
  const { activityDays } = analyticsOptionsSchema.parse(options);
  const window = lastLocalDays(now, activityDays, { timezone: timeZone, dayStartsAtHour: 0 });
  const days = window.days;
  // Keyed by the local day's number (localDayNumber): naming each event's day as text cost a Date and a string
  // per event, tens of thousands in a large cohort's month.
  const entries = days.map((day) => ({ day, submissions: 0, failedSubmissions: 0, reviews: 0, active: new Set<string>() }));
  const byDay = { get: (at: Date) => entries[localDayNumber(at, timeZone) - window.firstDay] };
  for (const s of submissions) {
    const entry = byDay.get(s.at);
    if (!entry) continue;
    entry.submissions += 1;
    if (s.failed) entry.failedSubmissions += 1;
    entry.active.add(s.userId);
  }
  for (const r of reviews) {
    const entry = byDay.get(r.at);
    if (!entry) continue;
    entry.reviews += 1;
    entry.active.add(r.userId);
  }
  return entries.map(({ active, ...counts }) => ({ ...counts, activeLearners: active.size }));
}
