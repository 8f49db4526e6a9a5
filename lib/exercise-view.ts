// What the learner pages show about exercises: each exercise's status for one learner (not started,
// attempted, passed) and best score, grouped along the topic map for /progress; an
// exercise's attempt history and saved draft for the exercise page.
import { loadCatalog, type ExerciseEntry } from "@/exercises/catalog";
import type { Lang } from "@/exercises/schema";
import { topics, topicsInPrerequisiteOrder, type TopicId } from "@/exercises/topics";
import { assignmentBySlug, learnerCohorts, type LearnerAssignment } from "./cohorts";
import { getDb } from "./db";
import { listExercises, submissionStatuses, type ExerciseListEntry, type ExerciseProgressStatus, type SubmissionStatus } from "./grading/service";

export type ExerciseStatus = ExerciseProgressStatus;

/** A serialisable exercise card for the browser (client component). */
export interface ExerciseCard {
  slug: string;
  title: { zh: string; en: string };
  topics: TopicId[];
  primaryTopic: TopicId;
  difficulty: 1 | 2 | 3;
  status: ExerciseStatus;
  bestScore: number | null;
  /** The learner's most pressing assignment of this exercise, if a cohort of theirs assigned it. */
  assignment: LearnerAssignment | null;
}

/**
 * Every exercise as a card with this learner's status and best score (null user: everything not started).
 * Status rules live in one place, the submission service behind GET /api/exercises.
 */
export async function exerciseCards(userId: string | null): Promise<ExerciseCard[]> {
  const [listed, cohorts] = userId ? await Promise.all([listExercises(getDb(), userId), learnerCohorts(getDb(), userId)]) : [null, []];
  const assigned = assignmentBySlug(cohorts);
  const progress = new Map<string, ExerciseListEntry>(
    listed && Array.isArray(listed.body) ? listed.body.map((entry) => [entry.slug, entry]) : [],
  );
  return loadCatalog().map(({ meta }) => ({
    slug: meta.slug,
    title: meta.title,
    topics: meta.topics,
    primaryTopic: meta.topics[0]!,
    difficulty: meta.difficulty,
    status: progress.get(meta.slug)?.status ?? "not-started",
    bestScore: progress.get(meta.slug)?.bestScore ?? null,
    assignment: assigned.get(meta.slug) ?? null,
  }));
}

export interface TopicExercises {
  topic: { id: TopicId; name: { zh: string; en: string }; prerequisites: readonly string[] };
  exercises: { slug: string; title: { zh: string; en: string }; status: ExerciseStatus; bestScore: number | null }[];
  passed: number;
  attempted: number;
}

/**
 * Each topic's exercises along the whole topic map, with how many are passed and attempted; an exercise counts
 * for every topic it is tagged with. (A topic's mastery is lib/review/stats.ts's, the figure /review/stats shows.)
 */
export function exercisesByTopic(cards: readonly ExerciseCard[]): TopicExercises[] {
  return topics.map((topic) => {
    const exercises = cards
      .filter((card) => card.topics.includes(topic.id))
      .map((card) => ({ slug: card.slug, title: card.title, status: card.status, bestScore: card.bestScore }));
    const passed = exercises.filter((e) => e.status === "passed").length;
    const attempted = exercises.filter((e) => e.status === "attempted").length;
    return { topic: { id: topic.id, name: topic.name, prerequisites: topic.prerequisites }, exercises, passed, attempted };
  });
}

export interface ActivityItem {
  id: string;
  slug: string;
  title: string;
  kind: "run" | "submit";
  status: string;
  score: number | null;
  passed: boolean | null;
  createdAt: string;
}

/** The learner's latest submissions, newest first, with titles in `lang`. */
export async function recentActivity(userId: string, lang: Lang, limit = 10): Promise<ActivityItem[]> {
  const titles = new Map(loadCatalog().map((e) => [e.meta.slug, e.meta.title[lang]]));
  const rows = await getDb().submission.findMany({
    where: { userId },
    select: { id: true, exerciseSlug: true, kind: true, status: true, score: true, passed: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.exerciseSlug,
    title: titles.get(row.exerciseSlug) ?? row.exerciseSlug,
    kind: row.kind === "submit" ? "submit" : "run",
    status: row.status,
    score: row.score,
    passed: row.passed,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** One attempt in an exercise's history (no source: that is fetched when a diff is asked for). */
export interface AttemptSummary {
  id: string;
  kind: "run" | "submit";
  status: SubmissionStatus;
  score: number | null;
  passed: boolean | null;
  createdAt: string;
}

export async function exerciseHistory(userId: string, slug: string, limit = 50): Promise<AttemptSummary[]> {
  const rows = await getDb().submission.findMany({
    where: { userId, exerciseSlug: slug },
    select: { id: true, kind: true, status: true, score: true, passed: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((row) => ({
    ...row,
    kind: row.kind === "submit" ? "submit" : "run",
    // An unknown status (a newer writer) reads as still pending rather than breaking the page.
    status: (submissionStatuses as readonly string[]).includes(row.status) ? (row.status as SubmissionStatus) : "queued",
    createdAt: row.createdAt.toISOString(),
  }));
}

export interface SavedDraft {
  source: string;
  hintsRevealed: number;
}

export async function loadDraft(userId: string, slug: string): Promise<SavedDraft | null> {
  const draft = await getDb().draft.findUnique({
    where: { userId_exerciseSlug: { userId, exerciseSlug: slug } },
    select: { source: true, hintsRevealed: true },
  });
  return draft;
}

/** Exercises in the browser's order: by their first topic along the topic map, then by folder order. */
export function exercisesInTopicOrder(): ExerciseEntry[] {
  const rank = new Map<string, number>(topics.map((topic, index) => [topic.id, index]));
  return loadCatalog()
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (rank.get(a.entry.meta.topics[0]!) ?? 0) - (rank.get(b.entry.meta.topics[0]!) ?? 0) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** The exercise after `slug` in the browser's order (null for the last one), to offer once it is passed. */
export function nextExercise(slug: string, lang: Lang): { slug: string; title: string } | null {
  const ordered = exercisesInTopicOrder();
  const index = ordered.findIndex((e) => e.meta.slug === slug);
  const next = index >= 0 ? ordered[index + 1] : undefined;
  return next ? { slug: next.meta.slug, title: next.meta.title[lang] } : null;
}

/**
 * Where a newcomer starts: the first exercise of the first topic, in an order where every topic follows its
 * prerequisites (exercises/topics.ts), that has exercises; within it the easiest, then folder order.
 */
export function startingExercise(): ExerciseEntry | null {
  const catalog = loadCatalog();
  for (const topic of topicsInPrerequisiteOrder()) {
    const candidates = catalog.filter((entry) => entry.meta.topics[0] === topic.id);
    if (candidates.length > 0) return candidates.reduce((best, entry) => (entry.meta.difficulty < best.meta.difficulty ? entry : best));
  }
  return catalog[0] ?? null;
}

/** Whether the learner has run or submitted anything yet (the home page guides those who have not). */
export async function hasAttempted(userId: string): Promise<boolean> {
  return (await getDb().submission.findFirst({ where: { userId }, select: { id: true } })) !== null;
}

/** Whether the learner has done anything yet: submitted code or reviewed a card (home greets a newcomer with a welcome, not "welcome back"). */
export async function hasActivity(userId: string): Promise<boolean> {
  const db = getDb();
  const [submission, card] = await Promise.all([db.submission.findFirst({ where: { userId }, select: { id: true } }), db.srsCard.findFirst({ where: { userId }, select: { id: true } })]);
  return submission !== null || card !== null;
}

/**
 * `id` when it names one of the learner's attempts at this exercise (a link may open it, e.g. a review card's
 * origin: /exercises/<slug>?attempt=<id>), else null.
 */
export async function learnerAttempt(userId: string, slug: string, id: string | null): Promise<string | null> {
  if (!id || id.length > 100) return null;
  const row = await getDb().submission.findFirst({ where: { id, userId, exerciseSlug: slug }, select: { id: true } });
  return row?.id ?? null;
}
