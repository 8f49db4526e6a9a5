// The gradebook: learners × assignments, and learners × items inside one assignment, each cell the score that
// counts under the assignment's policy (lib/cohorts/policy: itemResult, topicResult, aggregate) with its late
// marks. Pure: lib/cohorts/gradebook/load.ts reads the rows, the pages, the CSV export and bench/cohort.ts call
// `buildGradebook`, so every view shows the same numbers. Sorting and filtering are pure too (query → rows).
import { aggregate, effectiveDue, itemResult, reviewAttempt, topicResult, type Attempt, type ItemResult, type ItemStatus } from "../policy/core";
import type { LatePolicy } from "../policy/schema";
import type { GradebookQuery } from "./schema";

export interface GradebookAssignment {
  id: string;
  title: string;
  /** null: the assignment opens when it was created (`createdAt`); work from before it does not count. */
  opensAt: Date | null;
  dueAt: Date | null;
  policy: LatePolicy;
  attemptLimit: number | null;
  createdAt: Date;
  items: { kind: "exercise" | "topic"; ref: string }[];
}

export interface GradebookLearner {
  userId: string;
  name: string | null;
  email: string;
}

/** A graded submit (kind "submit", status "graded"). */
export interface GradedSubmit {
  id: string;
  userId: string;
  exerciseSlug: string;
  createdAt: Date;
  score: number;
  passed: boolean;
}

/** A flashcard review made in Lacuna (a review session's, source "review"; not undone, not imported). */
export interface CardReview {
  id: string;
  userId: string;
  itemId: string;
  review: Date;
  rating: number;
}

export interface GradebookInput {
  assignments: readonly GradebookAssignment[];
  learners: readonly GradebookLearner[];
  extensions: readonly { assignmentId: string; userId: string; dueAt: Date }[];
  submits: readonly GradedSubmit[];
  reviews: readonly CardReview[];
  /** A topic's flashcard review items (lib/review/items.ts). */
  topicCards: Readonly<Record<string, readonly string[]>>;
  now: Date;
}

export interface GradebookItemCell {
  kind: "exercise" | "topic";
  ref: string;
  result: ItemResult;
}

export interface GradebookCell {
  assignmentId: string;
  /** The mean of the items' scores that count, 0..1. */
  score: number;
  status: ItemStatus;
  /** The largest days late among the counted attempts (0: none late). */
  daysLate: number;
  /** Items whose counted attempt lost points to the late policy. */
  penalized: number;
  /** What the late policy took off the cell's score (the mean of the items' penalties, 0..1). */
  penalty: number;
  /** Whether any attempt counts yet (an empty cell in the CSV otherwise). */
  attempted: boolean;
  /** This learner's due time (an extension later than the assignment's replaces it). */
  dueAt: Date | null;
  /** Whether this learner's extension is the due time in force. */
  extended: boolean;
  items: GradebookItemCell[];
}

export interface GradebookRow {
  learner: GradebookLearner;
  cells: GradebookCell[];
  /** The mean over the assignments (each weighs the same), 0..1; 0 with no assignments. */
  total: number;
  /** Cells marked late (a counted attempt after the due time). */
  lateCount: number;
  overdueCount: number;
}

export interface Gradebook {
  assignments: GradebookAssignment[];
  rows: GradebookRow[];
}

/** learner → item → attempts, each Attempt made once (the scoring reads them for every cell). */
function attemptsByLearner<T>(rows: readonly T[], learner: (row: T) => string, item: (row: T) => string, attempt: (row: T) => Attempt): Map<string, Map<string, Attempt[]>> {
  const byLearner = new Map<string, Map<string, Attempt[]>>();
  for (const row of rows) {
    let byItem = byLearner.get(learner(row));
    if (!byItem) byLearner.set(learner(row), (byItem = new Map()));
    const list = byItem.get(item(row));
    if (list) list.push(attempt(row));
    else byItem.set(item(row), [attempt(row)]);
  }
  return byLearner;
}

/**
 * When the assignment's window opens: its open time, or, without one, when it was created. Work done before the
 * assignment existed is practice: it neither uses up the attempt limit nor stands in for the work assigned.
 */
export function windowOpens(assignment: Pick<GradebookAssignment, "opensAt" | "createdAt">): Date {
  return assignment.opensAt ?? assignment.createdAt;
}

const NONE: readonly never[] = [];
const NO_ATTEMPTS = new Map<string, Attempt[]>();

export function buildGradebook(input: GradebookInput): Gradebook {
  const submits = attemptsByLearner(input.submits, (s) => s.userId, (s) => s.exerciseSlug, (s) => ({ id: s.id, submittedAt: s.createdAt, score: s.score, passed: s.passed }));
  const reviews = attemptsByLearner(input.reviews, (r) => r.userId, (r) => r.itemId, reviewAttempt);
  const extensions = new Map<string, Map<string, Date>>();
  for (const e of input.extensions) {
    const byUser = extensions.get(e.assignmentId) ?? new Map<string, Date>();
    byUser.set(e.userId, e.dueAt);
    extensions.set(e.assignmentId, byUser);
  }

  const rows = input.learners.map((learner): GradebookRow => {
    const ownSubmits = submits.get(learner.userId) ?? NO_ATTEMPTS;
    const ownReviews = reviews.get(learner.userId) ?? NO_ATTEMPTS;
    const cells = input.assignments.map((assignment): GradebookCell => {
      const extension = extensions.get(assignment.id)?.get(learner.userId);
      const dueAt = effectiveDue(assignment.dueAt, extension);
      const terms = { opensAt: windowOpens(assignment), dueAt, policy: assignment.policy, attemptLimit: assignment.attemptLimit };
      const items = assignment.items.map((item): GradebookItemCell => ({
        ...item,
        result:
          item.kind === "exercise"
            ? itemResult(ownSubmits.get(item.ref) ?? NONE, terms, input.now)
            : topicResult((input.topicCards[item.ref] ?? NONE).map((card) => ownReviews.get(card) ?? NONE), terms, input.now),
      }));
      const summary = aggregate(items.map((i) => i.result));
      return {
        assignmentId: assignment.id,
        score: summary.score,
        status: summary.status,
        daysLate: summary.daysLate,
        penalized: summary.penalized,
        penalty: items.length ? Math.round((items.reduce((sum, i) => sum + (i.result.counted?.late?.penalty ?? 0), 0) / items.length) * 1e6) / 1e6 : 0,
        attempted: items.some((i) => i.result.counted !== null),
        dueAt,
        extended: extension !== undefined && dueAt === extension,
        items,
      };
    });
    const total = cells.length ? Math.round((cells.reduce((sum, c) => sum + c.score, 0) / cells.length) * 1e6) / 1e6 : 0;
    return {
      learner,
      cells,
      total,
      lateCount: cells.filter((c) => c.daysLate > 0).length,
      overdueCount: cells.filter((c) => c.status === "overdue").length,
    };
  });
  return { assignments: [...input.assignments], rows };
}

// ---------------------------------------------------------------------------------------------------------
// Sorting and filtering (the page's query string, validated by ./schema.ts).

function learnerLabel(learner: GradebookLearner): string {
  return (learner.name ?? learner.email).toLocaleLowerCase();
}

/** The rows the query asks for, in its order. Sorting by an assignment sorts by that cell's score. */
export function queryRows(book: Gradebook, query: GradebookQuery): GradebookRow[] {
  const needle = query.q.trim().toLocaleLowerCase();
  const column = query.sort.startsWith("a:") ? book.assignments.findIndex((a) => a.id === query.sort.slice(2)) : -1;
  const status = query.status;
  const filtered = book.rows.filter((row) => {
    if (needle && !learnerLabel(row.learner).includes(needle) && !row.learner.email.toLocaleLowerCase().includes(needle)) return false;
    if (!status) return true;
    const cells = column >= 0 ? [row.cells[column]!] : row.cells;
    return status === "penalized" ? cells.some((c) => c.penalized > 0) : cells.some((c) => c.status === status);
  });
  const value = (row: GradebookRow): number | string =>
    query.sort === "total" ? row.total : query.sort === "late" ? row.lateCount : column >= 0 ? row.cells[column]!.score : learnerLabel(row.learner);
  const direction = query.dir === "desc" ? -1 : 1;
  return filtered.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const order = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb));
    return order * direction || learnerLabel(a.learner).localeCompare(learnerLabel(b.learner));
  });
}

/** Per assignment: the mean score that counts and how many learners passed it (done or late). */
export function assignmentSummaries(book: Gradebook): { assignmentId: string; mean: number; passed: number; late: number }[] {
  return book.assignments.map((assignment, i) => {
    const cells = book.rows.map((row) => row.cells[i]!);
    return {
      assignmentId: assignment.id,
      mean: cells.length ? cells.reduce((sum, c) => sum + c.score, 0) / cells.length : 0,
      passed: cells.filter((c) => c.status === "done" || c.status === "late").length,
      late: cells.filter((c) => c.daysLate > 0).length,
    };
  });
}
