// The gradebook's rows, read from the database and handed to the pure core (./core.ts). Three queries: the
// cohort (its live assignments with their items and extensions, its current learners), the learners' graded
// submits of the assigned exercises (scores only: never a report or a source), and, when a topic is assigned,
// their reviews of its flashcards. bench/cohort.ts times this on 500 learners × 30 assignments.
import { loadCatalog } from "@/exercises/catalog";
import { isTopicId, getTopic } from "@/exercises/topics";
import type { Db } from "@/lib/db";
import type { Lang } from "@/lib/i18n/core";
import { reviewCatalog } from "@/lib/review/items";
import { Prisma } from "@/lib/generated/sqlite/client";
import { packedDate, packedRows } from "../packed";
import { latePolicyOf } from "../policy/schema";
import { buildGradebook, type CardReview, type Gradebook, type GradebookAssignment, type GradebookInput, type GradebookLearner, type GradedSubmit } from "./core";

export interface LoadedGradebook {
  cohort: { id: string; name: string; timeZone: string };
  book: Gradebook;
}

/** The flashcard review items of each topic. */
export function topicCardsOf(topics: readonly string[]): Record<string, string[]> {
  const wanted = new Set(topics);
  const cards: Record<string, string[]> = Object.fromEntries(topics.map((t) => [t, [] as string[]]));
  for (const item of reviewCatalog().items) {
    if (item.itemType !== "flashcard") continue;
    for (const topic of item.topics) if (wanted.has(topic)) cards[topic]!.push(item.itemId);
  }
  return cards;
}

export async function loadGradebook(db: Db, cohortId: string, now: Date = new Date()): Promise<LoadedGradebook | null> {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      timeZone: true,
      assignments: {
        where: { deletedAt: null },
        orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
        include: { items: { orderBy: [{ position: "asc" }, { ref: "asc" }] }, extensions: { select: { userId: true, dueAt: true } } },
      },
      members: { where: { removedAt: null }, orderBy: [{ joinedAt: "asc" }, { userId: "asc" }], select: { userId: true, user: { select: { name: true, email: true } } } },
    },
  });
  if (!cohort) return null;
  const assignments: GradebookAssignment[] = cohort.assignments.map((a) => ({
    id: a.id,
    title: a.title,
    opensAt: a.opensAt,
    dueAt: a.dueAt,
    policy: latePolicyOf(a),
    attemptLimit: a.attemptLimit,
    createdAt: a.createdAt,
    items: a.items.flatMap((i) => (i.kind === "exercise" || i.kind === "topic" ? [{ kind: i.kind, ref: i.ref }] : [])),
  }));
  const learners = cohort.members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email }));
  const extensions = cohort.assignments.flatMap((a) => a.extensions.map((e) => ({ assignmentId: a.id, userId: e.userId, dueAt: e.dueAt })));
  const book = await gradebookFor(db, assignments, learners, extensions, now);
  return { cohort: { id: cohort.id, name: cohort.name, timeZone: cohort.timeZone }, book };
}

/**
 * The gradebook of some learners over some assignments: their graded submits of the assigned exercises (scores
 * only: never a report or a source) and, when a topic is assigned, their reviews of its flashcards, one query each.
 * The cohort's gradebook and a learner's own assignments (lib/cohorts.ts learnerCohorts) both read it.
 */
export async function gradebookFor(
  db: Db,
  assignments: readonly GradebookAssignment[],
  learners: readonly GradebookLearner[],
  extensions: GradebookInput["extensions"],
  now: Date,
): Promise<Gradebook> {
  const userIds = learners.map((l) => l.userId);
  const slugs = [...new Set(assignments.flatMap((a) => a.items.filter((i) => i.kind === "exercise").map((i) => i.ref)))];
  const topicCards = topicCardsOf([...new Set(assignments.flatMap((a) => a.items.filter((i) => i.kind === "topic").map((i) => i.ref)))]);
  const cardIds = [...new Set(Object.values(topicCards).flat())];
  const [submits, reviews] = await Promise.all([
    userIds.length && slugs.length ? gradedSubmits(db, userIds, slugs) : [],
    userIds.length && cardIds.length
      ? db.srsReviewLog.findMany({
          // Only reviews made in Lacuna count: an imported one (source "import") is the scheduler's history, not
          // work done for the course, and its time is whatever the file says.
          where: { userId: { in: userIds }, itemType: "flashcard", itemId: { in: cardIds }, undone: false, source: "review" },
          select: { id: true, userId: true, itemId: true, review: true, rating: true },
        })
      : ([] as CardReview[]),
  ]);
  return buildGradebook({
    assignments,
    learners,
    extensions,
    submits,
    reviews,
    topicCards,
    now,
  });
}

/**
 * The learners' graded submits of `slugs`, scores and times only, one packed row per learner (../packed.ts: what
 * Prisma's findMany of the same rows gives, without mapping 37k rows of a large cohort one by one).
 */
export async function gradedSubmits(db: Db, userIds: readonly string[], slugs: readonly string[]): Promise<GradedSubmit[]> {
  const packed = await packedRows(db, {
    from: `"Submission"`,
    userIds,
    columns: [
      { name: "exerciseSlug", as: "text" },
      { name: "id", as: "text" },
      { name: "createdAt", as: "date" },
      { name: "score", as: "number" },
      { name: "passed", as: "flag" },
    ],
    where: Prisma.sql`"exerciseSlug" IN (${Prisma.join([...slugs])}) AND "kind" = 'submit' AND "status" = 'graded'`,
  });
  const submits: GradedSubmit[] = [];
  for (const [userId, rows] of packed) {
    for (const [exerciseSlug, id, createdAt, score, passed] of rows) {
      // A null score packs as 0 and a null passed as 0: the straightforward read's `?? 0` and `?? false`.
      submits.push({ id: id!, userId, exerciseSlug: exerciseSlug!, createdAt: packedDate(createdAt!)!, score: Number(score), passed: passed === "1" });
    }
  }
  return submits;
}

/** What an item is called in the viewer's language: the exercise's or the topic's title (its ref otherwise). */
export function itemTitle(item: { kind: "exercise" | "topic"; ref: string }, lang: Lang): string {
  if (item.kind === "topic") return isTopicId(item.ref) ? getTopic(item.ref).name[lang] : item.ref;
  return exerciseTitles().get(item.ref)?.[lang] ?? item.ref;
}

let titles: Map<string, { en: string; zh: string }> | undefined;
function exerciseTitles(): Map<string, { en: string; zh: string }> {
  titles ??= new Map(loadCatalog().map((e) => [e.meta.slug, e.meta.title]));
  return titles;
}

/** An assignment's title; older assignments have none and take their items' titles. */
export function assignmentTitle(assignment: Pick<GradebookAssignment, "title" | "items">, lang: Lang): string {
  return assignment.title || assignment.items.map((i) => itemTitle(i, lang)).join(" + ") || "—";
}
