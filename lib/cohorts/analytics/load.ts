// The cohort analytics' rows, read from the database and handed to the pure core (./core.ts). Each loader reads
// what its figures need and no more: the heatmap (also timed by bench/cohort.ts) needs the members' cards,
// settings and best scores, never a grade report; misconceptions read only the reports that name one.
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { packedDate, packedRows, type PackedColumn } from "../packed";
import { topicIds } from "@/exercises/topics";
import { reviewCatalog } from "@/lib/review/items";
import { namedMisconceptions } from "@/lib/review/misconceptions";
import { cardFromRow, logFromRow, settingsFromRow, type LearnerSettings, type StoredCard } from "@/lib/review/store";
import { weakestTopics, type SrsCardState } from "@/lib/scheduling";
import { learnerWeakness, loadWeaknessSignals } from "@/lib/review/weakness";
import {
  activityPerDay,
  misconceptionFrequency,
  strugglingLearners,
  topicHeatmap,
  type ActivityDay,
  type ExerciseTopics,
  type Heatmap,
  type MisconceptionReport,
  type StrugglingLearner,
} from "./core";
import { analyticsOptionsSchema, STRUGGLING_PAGE_SIZE, type AnalyticsOptionsInput } from "./schema";

const DAY_MS = 86_400_000;

/** The SrsCard columns the heatmap and the struggling learners read (cardFromRow), packed per learner (../packed.ts). */
const CARD_COLUMNS: readonly (readonly [keyof StoredCard, PackedColumn["as"]])[] = [
  ["id", "text"],
  ["itemType", "text"],
  ["itemId", "text"],
  ["due", "date"],
  ["stability", "number"],
  ["difficulty", "number"],
  ["elapsedDays", "integer"],
  ["scheduledDays", "integer"],
  ["learningSteps", "integer"],
  ["reps", "integer"],
  ["lapses", "integer"],
  ["state", "integer"],
  ["lastReview", "date"],
];

export interface CohortLearner {
  userId: string;
  name: string | null;
  email: string;
  joinedAt: Date;
}

/** The cohort's current learners (removed ones left out), in the order they joined. */
export async function cohortLearners(db: Db, cohortId: string): Promise<CohortLearner[]> {
  const members = await db.cohortMember.findMany({
    where: { cohortId, removedAt: null },
    orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
    select: { userId: true, joinedAt: true, user: { select: { name: true, email: true } } },
  });
  return members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, joinedAt: m.joinedAt }));
}

function catalogExercises(): ExerciseTopics[] {
  return [...reviewCatalog().exercises.values()].map((e) => ({ slug: e.meta.slug, topics: e.meta.topics }));
}

async function cardsAndSettings(db: Db, userIds: readonly string[]): Promise<{ cards: Map<string, StoredCard[]>; settings: Map<string, LearnerSettings> }> {
  const [cardRows, settingRows] = await Promise.all([
    packedRows(db, { from: `"SrsCard"`, userIds, columns: CARD_COLUMNS.map(([name, as]) => ({ name, as })) }),
    db.srsSettings.findMany({ where: { userId: { in: [...userIds] } } }),
  ]);
  const cards = new Map(userIds.map((id) => [id, [] as StoredCard[]]));
  for (const [userId, rows] of cardRows) {
    const own = cards.get(userId)!;
    for (const [id, itemType, itemId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview] of rows) {
      own.push(
        cardFromRow({
          id: id!,
          userId,
          itemType: itemType!,
          itemId: itemId!,
          due: packedDate(due!)!,
          stability: Number(stability),
          difficulty: Number(difficulty),
          elapsedDays: Number(elapsedDays),
          scheduledDays: Number(scheduledDays),
          learningSteps: Number(learningSteps),
          reps: Number(reps),
          lapses: Number(lapses),
          state: Number(state),
          lastReview: packedDate(lastReview!),
        }),
      );
    }
  }
  const stored = new Map(settingRows.map((row) => [row.userId, row]));
  // Learners who never changed a setting share one parse of the defaults (read only): most of a cohort.
  const defaults = settingsFromRow(null);
  return { cards, settings: new Map(userIds.map((id) => [id, stored.has(id) ? settingsFromRow(stored.get(id)!) : defaults])) };
}

/** Best graded-submit score per learner and exercise (one grouped query, packed per learner). */
async function bestScores(db: Db, userIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const packed = await packedRows(db, {
    from: Prisma.sql`(SELECT "userId", "exerciseSlug", MAX("score") AS "best" FROM "Submission" WHERE "userId" IN (${Prisma.join([...userIds])}) AND "kind" = 'submit' AND "status" = 'graded' GROUP BY "userId", "exerciseSlug") AS t`,
    userIds,
    columns: [{ name: "exerciseSlug", as: "text" }, { name: "best", as: "number" }],
  });
  return new Map([...packed].map(([userId, rows]) => [userId, new Map(rows.map(([slug, best]) => [slug!, Math.min(1, Math.max(0, Number(best)))]))]));
}

/**
 * The learners' graded submissions (runs and submits), what the struggling list and the activity charts read:
 * packed one row per learner (../packed.ts), answered from the Submission_cohort_grades_idx index.
 */
async function gradedSubmissions(db: Db, userIds: readonly string[]): Promise<{ userId: string; exerciseSlug: string; kind: string; passed: boolean | null; createdAt: Date }[]> {
  const packed = await packedRows(db, {
    from: `"Submission"`,
    userIds,
    columns: [
      { name: "exerciseSlug", as: "text" },
      { name: "kind", as: "text" },
      { name: "passed", as: "nullableFlag" },
      { name: "createdAt", as: "date" },
    ],
    where: Prisma.sql`"status" = 'graded'`,
  });
  const rows: { userId: string; exerciseSlug: string; kind: string; passed: boolean | null; createdAt: Date }[] = [];
  for (const [userId, own] of packed) {
    for (const [exerciseSlug, kind, passed, createdAt] of own) rows.push({ userId, exerciseSlug: exerciseSlug!, kind: kind!, passed: passed === "-" ? null : passed === "1", createdAt: packedDate(createdAt!)! });
  }
  return rows;
}

export interface HeatmapData {
  learners: CohortLearner[];
  heatmap: Heatmap;
}

interface LearnerRows {
  learners: CohortLearner[];
  cards: Map<string, StoredCard[]>;
  settings: Map<string, LearnerSettings>;
}

function heatmapOf(rows: LearnerRows, best: Map<string, Map<string, number>>, now: Date): Heatmap {
  return topicHeatmap({
    topicOrder: topicIds,
    items: reviewCatalog().items,
    exercises: catalogExercises(),
    now,
    learners: rows.learners.map((l) => ({ userId: l.userId, cards: rows.cards.get(l.userId)!, settings: rows.settings.get(l.userId)!.scheduler, bestScores: best.get(l.userId)! })),
  });
}

async function learnerRows(db: Db, cohortId: string): Promise<LearnerRows> {
  const learners = await cohortLearners(db, cohortId);
  const ids = learners.map((l) => l.userId);
  return { learners, ...(await cardsAndSettings(db, ids)) };
}

/** The learners × topics heatmap of one cohort. */
export async function loadTopicHeatmap(db: Db, cohortId: string, now: Date = new Date()): Promise<HeatmapData> {
  const rows = await learnerRows(db, cohortId);
  return { learners: rows.learners, heatmap: heatmapOf(rows, await bestScores(db, rows.learners.map((l) => l.userId)), now) };
}

export type FlaggedLearner = StrugglingLearner & { weakestTopics: { topicId: string; weakness: number }[] };

export interface CohortAnalytics {
  learners: CohortLearner[];
  timeZone: string;
  heatmap: Heatmap;
  misconceptions: MisconceptionReport;
  /** One page of the struggling learners (STRUGGLING_PAGE_SIZE, `strugglingPage` of the options), with their weakest topics. */
  struggling: FlaggedLearner[];
  /** All the learners flagged as struggling, and the page shown (the requested one, or the last). */
  strugglingTotal: number;
  strugglingPage: number;
  activity: ActivityDay[];
  options: AnalyticsOptions;
}

/**
 * Event-loop turns the rest waits after the heatmap: SQLite's queries run on this thread without yielding, so the
 * rest's ~300 ms of queries and fits would otherwise run before React has rendered the heatmap's boundary, passed
 * it from the server-component stream to the HTML renderer and flushed it, each step scheduled as a timer or an
 * immediate (React's Node and edge builds differ). A turn waits for both; a few milliseconds in all.
 * bench/cohort.ts measures the time until the heatmap has arrived.
 */
const HEATMAP_FLUSH_TURNS = 8;

async function eventLoopTurns(turns: number): Promise<void> {
  for (let i = 0; i < turns; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The analytics in two parts the page streams one after the other: `heatmap` (the members, their cards and
 * settings, one grouped query of best scores: what the page shows first), then `rest` (misconceptions,
 * struggling learners, activity), whose queries start only once the heatmap is computed and a few turns of the
 * event loop later (HEATMAP_FLUSH_TURNS) so that they do not delay its flush. Both share the one read of the members' cards. A rejected `heatmap` rejects `rest` too.
 */
export function loadAnalyticsInParts(
  db: Db,
  cohort: { id: string; timeZone: string },
  now: Date = new Date(),
  rawOptions: AnalyticsOptionsInput = {},
): { heatmap: Promise<HeatmapData>; rest: Promise<Omit<CohortAnalytics, "heatmap" | "learners">> } {
  const options = analyticsOptionsSchema.parse(rawOptions);
  const rows = learnerRows(db, cohort.id);
  const heatmap = rows.then(async (r) => ({ learners: r.learners, heatmap: heatmapOf(r, await bestScores(db, r.learners.map((l) => l.userId)), now) }));
  const rest = heatmap.then(async () => {
    await eventLoopTurns(HEATMAP_FLUSH_TURNS);
    return restOfAnalytics(db, cohort.timeZone || "UTC", await rows, now, options);
  });
  // The page awaits `rest` after `heatmap`: a failure is reported there, not as an unhandled rejection meanwhile.
  rest.catch(() => undefined);
  return { heatmap, rest };
}

/** Everything the analytics page shows; null for an unknown cohort. */
export async function loadCohortAnalytics(db: Db, cohortId: string, now: Date = new Date(), rawOptions: AnalyticsOptionsInput = {}): Promise<CohortAnalytics | null> {
  const cohort = await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true, timeZone: true } });
  if (!cohort) return null;
  const parts = loadAnalyticsInParts(db, cohort, now, rawOptions);
  const { learners, heatmap } = await parts.heatmap;
  return { learners, heatmap, ...(await parts.rest) };
}

type AnalyticsOptions = ReturnType<typeof analyticsOptionsSchema.parse>;

/** The misconceptions, the struggling learners (one page, with their weakest topics) and the activity. */
async function restOfAnalytics(db: Db, timeZone: string, rows: LearnerRows, now: Date, options: AnalyticsOptions): Promise<Omit<CohortAnalytics, "heatmap" | "learners">> {
  const ids = rows.learners.map((l) => l.userId);
  const activityFrom = new Date(now.getTime() - (options.activityDays + 1) * DAY_MS);
  const [submissions, namingRows, reviews, lastReviews] = await Promise.all([
    gradedSubmissions(db, ids),
    // Only reports that name a misconception are read (a passing report names none).
    db.submission.findMany({
      where: { userId: { in: ids }, status: "graded", passed: false, report: { contains: '"misconceptionId"' } },
      select: { id: true, userId: true, exerciseSlug: true, report: true, createdAt: true },
    }),
    db.srsReviewLog.findMany({ where: { userId: { in: ids }, source: "review", undone: false, review: { gte: activityFrom } }, select: { userId: true, review: true } }),
    db.srsReviewLog.groupBy({ by: ["userId"], where: { userId: { in: ids }, source: "review", undone: false }, _max: { review: true } }),
  ]);
  const exercises = catalogExercises();
  const namings = namingRows.flatMap((s) => namedMisconceptions(s.report).map((misconceptionId) => ({ submissionId: s.id, userId: s.userId, exerciseSlug: s.exerciseSlug, misconceptionId, at: s.createdAt })));
  const submits = submissions.filter((s) => s.kind === "submit");
  const passes = submits.filter((s) => s.passed).map((s) => ({ userId: s.userId, exerciseSlug: s.exerciseSlug, at: s.createdAt }));

  const lastActive = new Map<string, number>();
  const touch = (userId: string, at: Date | null) => at && lastActive.set(userId, Math.max(lastActive.get(userId) ?? 0, at.getTime()));
  for (const s of submissions) touch(s.userId, s.createdAt);
  for (const r of lastReviews) touch(r.userId, r._max.review);
  const submitsByUser = new Map<string, { exerciseSlug: string; passed: boolean; at: Date }[]>();
  for (const s of submits) {
    const own = submitsByUser.get(s.userId);
    const submit = { exerciseSlug: s.exerciseSlug, passed: s.passed === true, at: s.createdAt };
    if (own) own.push(submit);
    else submitsByUser.set(s.userId, [submit]);
  }
  const flagged = strugglingLearners(
    rows.learners.map((l) => ({
      userId: l.userId,
      joinedAt: l.joinedAt,
      lastActiveAt: lastActive.has(l.userId) ? new Date(lastActive.get(l.userId)!) : null,
      submits: submitsByUser.get(l.userId) ?? [],
      cards: rows.cards.get(l.userId)!,
    })),
    now,
    options,
  );
  const strugglingPage = Math.min(options.strugglingPage, Math.max(1, Math.ceil(flagged.length / STRUGGLING_PAGE_SIZE)));
  const shownStruggling = flagged.slice((strugglingPage - 1) * STRUGGLING_PAGE_SIZE, strugglingPage * STRUGGLING_PAGE_SIZE);

  return {
    timeZone,
    misconceptions: misconceptionFrequency(namings, passes, exercises, now, options),
    struggling: await withWeakestTopics(db, shownStruggling, rows, now, options.weakestTopics),
    strugglingTotal: flagged.length,
    strugglingPage,
    activity: activityPerDay(
      submissions.filter((s) => s.createdAt >= activityFrom).map((s) => ({ userId: s.userId, at: s.createdAt, failed: s.passed === false })),
      reviews.map((r) => ({ userId: r.userId, at: r.review })),
      now,
      timeZone,
      options,
    ),
    options,
  };
}

/** The scheduler's weakest topics (the ones the learner's own review session names) of each flagged learner. */
async function withWeakestTopics(db: Db, flagged: StrugglingLearner[], rows: LearnerRows, now: Date, k: number): Promise<FlaggedLearner[]> {
  if (flagged.length === 0) return [];
  const logRows = await db.srsReviewLog.findMany({ where: { userId: { in: flagged.map((f) => f.userId) } }, orderBy: { review: "asc" } });
  const logs = new Map<string, ReturnType<typeof logFromRow>[]>();
  for (const row of logRows) {
    const own = logs.get(row.userId);
    if (own) own.push(logFromRow(row));
    else logs.set(row.userId, [logFromRow(row)]);
  }
  const signals = await loadWeaknessSignals(db, flagged.map((f) => f.userId));
  return flagged.map((f) => {
    const cards: SrsCardState[] = rows.cards.get(f.userId)!;
    const logsUntilNow = (logs.get(f.userId) ?? []).filter((l) => l.review.getTime() <= now.getTime());
    const report = learnerWeakness(cards, logsUntilNow, signals.get(f.userId)!, rows.settings.get(f.userId)!.scheduler);
    return { ...f, weakestTopics: weakestTopics(report, k).map((t) => ({ topicId: t.topicId, weakness: t.weakness! })) };
  });
}
