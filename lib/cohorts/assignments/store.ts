// Assignments in the database: create, edit (due times and policies after assigning), remove with undo
// (deletedAt), and per-learner extensions. Callers check access first (lib/cohorts.ts findManagedCohort with
// "manageAssignments"); these functions only keep every change inside the given cohort.
import type { Db } from "@/lib/db";
import { latePolicyColumns } from "../policy/schema";
import { fail, issuesToFieldErrors, type Result } from "../result";
import { ASSIGNMENT_FIELDS, assignmentFormSchema, extensionSchema, type AssignmentContext, type AssignmentField, type AssignmentInput } from "./schema";

export interface AssignmentCatalog {
  exerciseSlugs: readonly string[];
  topicIds: readonly string[];
}

interface CohortRef {
  id: string;
  timeZone: string;
}

function parseForm(raw: unknown, context: AssignmentContext): Result<AssignmentInput, AssignmentField> {
  const parsed = assignmentFormSchema(context).safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues, ASSIGNMENT_FIELDS, "cohorts.errors.generic") };
  return { ok: true, value: parsed.data };
}

function columns(input: AssignmentInput) {
  return { title: input.title, opensAt: input.opensAt, dueAt: input.dueAt, attemptLimit: input.attemptLimit, ...latePolicyColumns(input.policy) };
}

function itemRows(input: AssignmentInput) {
  return input.items.map((item, position) => ({ kind: item.kind, ref: item.ref, position }));
}

export async function createAssignment(db: Db, cohort: CohortRef, raw: unknown, catalog: AssignmentCatalog, now: Date = new Date()): Promise<Result<{ id: string }, AssignmentField>> {
  const parsed = parseForm(raw, { ...catalog, timeZone: cohort.timeZone, now });
  if (!parsed.ok) return parsed;
  // createdAt is `now`: without an open time the assignment's window opens then (gradebook/core.ts windowOpens).
  const created = await db.assignment.create({ data: { cohortId: cohort.id, createdAt: now, ...columns(parsed.value), items: { create: itemRows(parsed.value) } } });
  return { ok: true, value: { id: created.id } };
}

/** Edits an assignment in place: what learners did so far is scored again under the new terms. */
export async function updateAssignment(
  db: Db,
  cohort: CohortRef,
  assignmentId: string,
  raw: unknown,
  catalog: AssignmentCatalog,
  now: Date = new Date(),
): Promise<Result<{ id: string }, AssignmentField>> {
  const existing = await db.assignment.findFirst({ where: { id: assignmentId, cohortId: cohort.id, deletedAt: null }, select: { id: true, dueAt: true } });
  if (!existing) return fail("title", "cohorts.errors.assignmentUnknown");
  const parsed = parseForm(raw, { ...catalog, timeZone: cohort.timeZone, now, previousDueAt: existing.dueAt });
  if (!parsed.ok) return parsed;
  await db.$transaction([
    db.assignmentItem.deleteMany({ where: { assignmentId } }),
    db.assignment.update({ where: { id: assignmentId }, data: { ...columns(parsed.value), items: { create: itemRows(parsed.value) } } }),
  ]);
  return { ok: true, value: { id: assignmentId } };
}

/** Removes an assignment (it disappears from every page); `restoreAssignment` undoes it. */
export async function removeAssignment(db: Db, cohortId: string, assignmentId: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await db.assignment.updateMany({ where: { id: assignmentId, cohortId, deletedAt: null }, data: { deletedAt: now } });
  return count > 0;
}

export async function restoreAssignment(db: Db, cohortId: string, assignmentId: string): Promise<boolean> {
  const { count } = await db.assignment.updateMany({ where: { id: assignmentId, cohortId, deletedAt: { not: null } }, data: { deletedAt: null } });
  return count > 0;
}

/**
 * Gives one current learner of the cohort their own due time for an assignment (replacing an earlier one). The
 * time must come after the assignment's due time; one already past needs `confirmPast` (./schema.ts).
 */
export async function setExtension(
  db: Db,
  cohort: CohortRef,
  assignmentId: string,
  raw: unknown,
  grantedById: string,
  now: Date = new Date(),
): Promise<Result<{ dueAt: Date }, "userId" | "dueAt">> {
  const assignment = await db.assignment.findFirst({ where: { id: assignmentId, cohortId: cohort.id, deletedAt: null }, select: { id: true, dueAt: true } });
  if (!assignment) return fail("dueAt", "cohorts.errors.assignmentUnknown");
  const parsed = extensionSchema({ timeZone: cohort.timeZone, now, assignmentDueAt: assignment.dueAt }).safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues, ["userId", "dueAt"], "cohorts.errors.dueInvalid") };
  const { userId, dueAt } = parsed.data;
  const member = await db.cohortMember.findFirst({ where: { cohortId: cohort.id, userId, removedAt: null }, select: { userId: true } });
  if (!member) return fail("userId", "cohorts.errors.notMember");
  await db.assignmentExtension.upsert({
    where: { assignmentId_userId: { assignmentId, userId } },
    create: { assignmentId, userId, dueAt, grantedById },
    update: { dueAt, grantedById },
  });
  return { ok: true, value: { dueAt } };
}

export async function removeExtension(db: Db, cohortId: string, assignmentId: string, userId: string): Promise<boolean> {
  const { count } = await db.assignmentExtension.deleteMany({ where: { assignmentId, userId, assignment: { cohortId } } });
  return count > 0;
}
