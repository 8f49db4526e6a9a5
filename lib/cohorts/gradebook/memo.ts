// A per-process memo of each cohort's computed gradebook, for the gradebook page: sorting, filtering and paging
// a 500 × 30 gradebook need every learner scored (~200 ms of CPU on this machine), yet between two requests
// nothing it depends on has usually changed. The memo is used only while a key read in one query still matches:
// everything loadGradebook reads from the small tables (the cohort's name and time zone, every assignment's id
// and last update, its items and extensions, the current learners with their names and e-mails), aggregates
// of the two large ones (the learners' graded submits: how many, the latest, the sums of scores and passes;
// their flashcard reviews made in Lacuna: how many, how many undone, the latest), and where `now` stands
// against every opening and due time (the only way `now` enters the scores and statuses). A new grade, review,
// undo, extension, assignment edit or roster change changes the key: the next request recomputes at once.
// The minute of `now` is in the key too, so nothing lives longer than a minute whatever the core reads.
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { loadGradebook, type LoadedGradebook } from "./load";

/** Cohorts kept (least recently used dropped first): a 500 × 30 gradebook holds a few MB. */
const MEMO_SIZE = 8;

const memo = new Map<string, { key: string; book: Promise<LoadedGradebook | null> }>();

/** Counts come back as bigint from PostgreSQL: written as their digits in the key. */
const keyText = (value: unknown) => JSON.stringify(value, (_name, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

/**
 * What the cohort's gradebook depends on, as one string (see the file's comment), or null for an unknown cohort.
 * Two queries: the small tables through Prisma, the large ones' aggregates in one raw SELECT.
 */
export async function gradebookKey(db: Db, cohortId: string, now: Date): Promise<string | null> {
  const learners = Prisma.sql`(SELECT "userId" FROM "CohortMember" WHERE "cohortId" = ${cohortId} AND "removedAt" IS NULL)`;
  const [cohort, aggregates] = await Promise.all([
    db.cohort.findUnique({
      where: { id: cohortId },
      select: {
        name: true,
        timeZone: true,
        assignments: {
          orderBy: { id: "asc" },
          select: { id: true, updatedAt: true, deletedAt: true, opensAt: true, dueAt: true, items: { orderBy: [{ kind: "asc" }, { ref: "asc" }] }, extensions: { orderBy: { userId: "asc" }, select: { userId: true, dueAt: true } } },
        },
        members: { where: { removedAt: null }, orderBy: { userId: "asc" }, select: { userId: true, joinedAt: true, user: { select: { name: true, email: true } } } },
      },
    }),
    db.$queryRaw<unknown[]>(Prisma.sql`SELECT * FROM
      (SELECT COUNT(*) AS "submits", MAX("createdAt") AS "latestSubmit", SUM("score") AS "scores", SUM(CASE WHEN "passed" THEN 1 ELSE 0 END) AS "passes"
         FROM "Submission" WHERE "userId" IN ${learners} AND "status" = 'graded' AND "kind" = 'submit') AS "submitted",
      (SELECT COUNT(*) AS "reviews", SUM(CASE WHEN "undone" THEN 1 ELSE 0 END) AS "undone", MAX("review") AS "latestReview"
         FROM "SrsReviewLog" WHERE "userId" IN ${learners} AND "itemType" = 'flashcard' AND "source" = 'review') AS "reviewed"`),
  ]);
  if (!cohort) return null;
  // The core compares `now` only with these instants (before the opening, after the due time): its side of each.
  const instants = cohort.assignments.flatMap((a) => [a.opensAt, a.dueAt, ...a.extensions.map((e) => e.dueAt)]);
  const side = instants.map((at) => (at === null ? "." : now < at ? "<" : now > at ? ">" : "=")).join("");
  return keyText([Math.floor(now.getTime() / 60_000), side, cohort, aggregates]);
}

/**
 * loadGradebook(db, cohortId, now), or the gradebook computed for an earlier request of this process when
 * gradebookKey is unchanged. The result is shared between requests: read it, never change it (queryRows and
 * assignmentSummaries only read).
 */
export async function loadGradebookMemo(db: Db, cohortId: string, now: Date = new Date()): Promise<LoadedGradebook | null> {
  const key = await gradebookKey(db, cohortId, now);
  if (key === null) return null;
  const kept = memo.get(cohortId);
  memo.delete(cohortId); // re-inserted below: the Map's order is the recency order
  if (kept && kept.key === key) {
    memo.set(cohortId, kept);
    return kept.book;
  }
  const book = loadGradebook(db, cohortId, now);
  memo.set(cohortId, { key, book });
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  // A failed load is not kept: the next request tries again.
  book.catch(() => memo.get(cohortId)?.book === book && memo.delete(cohortId));
  return book;
}
