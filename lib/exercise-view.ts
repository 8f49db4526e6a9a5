// What the learner pages show about exercises: each exercise's status for one learner (not started,
// attempted, passed) and best score, grouped along the topic map; per-topic mastery for /progress.
// The summaries are pure functions over submission rows, so the browser, the exercise page and the
// progress page agree on what "passed" and "best score" mean.
import { loadCatalog, type ExerciseEntry } from "@/exercises/catalog";
import type { Lang } from "@/exercises/schema";
import { topics, type TopicId } from "@/exercises/topics";
import { getDb } from "./db";

export type ExerciseStatus = "not-started" | "attempted" | "passed";

/** The columns of a submission the summaries need. */
export interface SubmissionRow {
  exerciseSlug: string;
  kind: string;
  status: string;
  score: number | null;
  passed: boolean | null;
  createdAt: Date;
}

export interface ExerciseProgress {
  status: ExerciseStatus;
  /** Best score of a graded full submission (0–1); runs of the visible cases do not count. */
  bestScore: number | null;
  attempts: number;
  lastActivity: Date | null;
}

const notStarted: ExerciseProgress = { status: "not-started", bestScore: null, attempts: 0, lastActivity: null };

/** Per-slug progress from a learner's submissions; a saved draft alone counts as attempted. */
export function summarizeProgress(rows: readonly SubmissionRow[], draftSlugs: readonly string[] = []): Map<string, ExerciseProgress> {
  const bySlug = new Map<string, ExerciseProgress>();
  for (const slug of draftSlugs) bySlug.set(slug, { ...notStarted, status: "attempted" });
  for (const row of rows) {
    const current = bySlug.get(row.exerciseSlug) ?? { ...notStarted };
    const isGradedSubmit = row.kind === "submit" && row.status === "graded";
    const passed = current.status === "passed" || (isGradedSubmit && row.passed === true);
    const bestScore =
      isGradedSubmit && row.score !== null ? Math.max(current.bestScore ?? 0, row.score) : current.bestScore;
    bySlug.set(row.exerciseSlug, {
      status: passed ? "passed" : "attempted",
      bestScore,
      attempts: current.attempts + (row.kind === "submit" ? 1 : 0),
      lastActivity: !current.lastActivity || row.createdAt > current.lastActivity ? row.createdAt : current.lastActivity,
    });
  }
  return bySlug;
}

export function progressOf(map: Map<string, ExerciseProgress>, slug: string): ExerciseProgress {
  return map.get(slug) ?? notStarted;
}

/** A serialisable exercise card for the browser (client component). */
export interface ExerciseCard {
  slug: string;
  title: { zh: string; en: string };
  topics: TopicId[];
  primaryTopic: TopicId;
  difficulty: 1 | 2 | 3;
  status: ExerciseStatus;
  bestScore: number | null;
  attempts: number;
}

export interface TopicGroup<T> {
  topic: { id: TopicId; name: { zh: string; en: string } };
  items: T[];
}

/** Groups items by a topic id, in the notes' order (the topic map's order); empty topics are left out. */
export function groupByTopic<T>(items: readonly T[], topicOf: (item: T) => TopicId): TopicGroup<T>[] {
  return topics
    .map((topic) => ({ topic: { id: topic.id, name: topic.name }, items: items.filter((item) => topicOf(item) === topic.id) }))
    .filter((group) => group.items.length > 0);
}

function toCard(entry: ExerciseEntry, progress: ExerciseProgress): ExerciseCard {
  return {
    slug: entry.meta.slug,
    title: entry.meta.title,
    topics: entry.meta.topics,
    primaryTopic: entry.meta.topics[0]!,
    difficulty: entry.meta.difficulty,
    status: progress.status,
    bestScore: progress.bestScore,
    attempts: progress.attempts,
  };
}

/** The learner's submissions (summary columns only) and the slugs they have drafts for. */
async function loadLearnerRows(userId: string): Promise<{ rows: SubmissionRow[]; draftSlugs: string[] }> {
  const db = getDb();
  const [rows, drafts] = await Promise.all([
    db.submission.findMany({
      where: { userId },
      select: { exerciseSlug: true, kind: true, status: true, score: true, passed: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.draft.findMany({ where: { userId }, select: { exerciseSlug: true } }),
  ]);
  return { rows, draftSlugs: drafts.map((d) => d.exerciseSlug) };
}

/** Every exercise as a card with this learner's status (null user: everything not started). */
export async function exerciseCards(userId: string | null): Promise<ExerciseCard[]> {
  const { rows, draftSlugs } = userId ? await loadLearnerRows(userId) : { rows: [], draftSlugs: [] };
  const progress = summarizeProgress(rows, draftSlugs);
  return loadCatalog().map((entry) => toCard(entry, progressOf(progress, entry.meta.slug)));
}

export interface TopicMastery {
  topic: { id: TopicId; name: { zh: string; en: string }; prerequisites: readonly string[] };
  exercises: { slug: string; title: { zh: string; en: string }; status: ExerciseStatus; bestScore: number | null }[];
  passed: number;
  attempted: number;
  /** Mean of best scores over the topic's exercises (not started counts as 0); null without exercises. */
  mastery: number | null;
}

/** Mastery per topic along the whole topic map; an exercise counts for every topic it is tagged with. */
export function topicMastery(cards: readonly ExerciseCard[]): TopicMastery[] {
  return topics.map((topic) => {
    const exercises = cards
      .filter((card) => card.topics.includes(topic.id))
      .map((card) => ({ slug: card.slug, title: card.title, status: card.status, bestScore: card.bestScore }));
    const passed = exercises.filter((e) => e.status === "passed").length;
    const attempted = exercises.filter((e) => e.status === "attempted").length;
    const mastery = exercises.length ? exercises.reduce((sum, e) => sum + (e.bestScore ?? 0), 0) / exercises.length : null;
    return { topic: { id: topic.id, name: topic.name, prerequisites: topic.prerequisites }, exercises, passed, attempted, mastery };
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
  status: string;
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
  return rows.map((row) => ({ ...row, kind: row.kind === "submit" ? "submit" : "run", createdAt: row.createdAt.toISOString() }));
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
