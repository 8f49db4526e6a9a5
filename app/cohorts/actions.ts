"use server";
// Server actions behind the instructor's cohort pages. Every one re-checks that the caller may do this in this
// cohort (lib/cohorts.ts findManagedCohort with the grant it needs): a form posted by hand gets no further than
// the page would let them. Removing asks the page for a confirmation first and can be undone (restore*).
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { parseActionArgs } from "@/lib/actions/schemas";
import { requireRole } from "@/lib/auth";
import {
  acceptInvitation,
  assignmentCatalog,
  createAssignment,
  createCohort,
  findManagedCohort,
  formatJoinCode,
  inviteCoInstructor,
  moveMember,
  removeAssignment,
  removeCoInstructor,
  removeExtension,
  removeMember,
  restoreAssignment,
  restoreMember,
  setExtension,
  updateAssignment,
  updateCohortSettings,
  updateGrants,
  type FieldErrors,
} from "@/lib/cohorts";
import type { AssignmentField, AssignmentFormValues } from "@/lib/cohorts/assignments/schema";
import type { Need } from "@/lib/cohorts/roster/core";
import { getDb } from "@/lib/db";
import type { Cohort } from "@/lib/db";

export interface CreateCohortState {
  ok: boolean;
  fieldErrors: FieldErrors<"name">;
  values: { name: string };
  created?: { id: string; name: string; joinCode: string };
}

export async function createCohortAction(previous: CreateCohortState, form: FormData): Promise<CreateCohortState> {
  const [, values] = parseActionArgs("app/cohorts/actions.ts#createCohortAction", [previous, form]);
  const user = await requireRole("instructor");
  const result = await createCohort(getDb(), user.id, values);
  if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, values };
  revalidatePath("/cohorts");
  const { id, name, joinCode } = result.value;
  // The form is cleared for the next cohort; the new one is announced with its code.
  return { ok: true, fieldErrors: {}, values: { name: "" }, created: { id, name, joinCode: formatJoinCode(joinCode) } };
}

/** The cohort when the caller may do `need` in it; 404 otherwise (the same answer as for an unknown cohort). */
async function managed(cohortId: string, need: Need): Promise<{ cohort: Cohort; userId: string }> {
  const user = await requireRole("instructor");
  const cohort = await findManagedCohort(getDb(), user, cohortId, need);
  if (!cohort) notFound();
  return { cohort, userId: user.id };
}

function refresh(cohortId: string): void {
  revalidatePath(`/cohorts/${cohortId}`, "layout");
  revalidatePath("/cohorts");
}

// ---------------------------------------------------------------------------------------------------------
// The cohort's settings (owner).

export interface SettingsState {
  ok: boolean;
  fieldErrors: FieldErrors<"name" | "timeZone">;
  values: { name: string; timeZone: string };
}

export async function saveCohortSettingsAction(previous: SettingsState, form: FormData): Promise<SettingsState> {
  const [, fields] = parseActionArgs("app/cohorts/actions.ts#saveCohortSettingsAction", [previous, form]);
  const { cohort } = await managed(fields.cohortId, "owner");
  const values = { name: fields.name, timeZone: fields.timeZone };
  const result = await updateCohortSettings(getDb(), cohort.id, values);
  if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, values };
  refresh(cohort.id);
  return { ok: true, fieldErrors: {}, values: { name: result.value.name, timeZone: result.value.timeZone } };
}

// ---------------------------------------------------------------------------------------------------------
// Assignments ("manageAssignments").

export interface AssignmentState {
  ok: boolean;
  fieldErrors: FieldErrors<AssignmentField>;
  values: AssignmentFormValues;
  /** Set after a save: the assignment's id. */
  savedId?: string;
}

export async function saveAssignmentAction(previous: AssignmentState, form: FormData): Promise<AssignmentState> {
  const [, fields] = parseActionArgs("app/cohorts/actions.ts#saveAssignmentAction", [previous, form]);
  const { cohortId, assignmentId, ...values } = fields;
  const { cohort } = await managed(cohortId, "manageAssignments");
  const db = getDb();
  const result = assignmentId
    ? await updateAssignment(db, cohort, assignmentId, values, assignmentCatalog())
    : await createAssignment(db, cohort, values, assignmentCatalog());
  if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, values };
  refresh(cohort.id);
  return { ok: true, fieldErrors: {}, values, savedId: result.value.id };
}

export async function removeAssignmentAction(form: FormData): Promise<void> {
  const [fields] = parseActionArgs("app/cohorts/actions.ts#removeAssignmentAction", [form]);
  const { cohort } = await managed(fields.cohortId, "manageAssignments");
  await removeAssignment(getDb(), cohort.id, fields.assignmentId);
  refresh(cohort.id);
}

export async function restoreAssignmentAction(form: FormData): Promise<void> {
  const [fields] = parseActionArgs("app/cohorts/actions.ts#restoreAssignmentAction", [form]);
  const { cohort } = await managed(fields.cohortId, "manageAssignments");
  await restoreAssignment(getDb(), cohort.id, fields.assignmentId);
  refresh(cohort.id);
}

export interface ExtensionState {
  ok: boolean;
  fieldErrors: FieldErrors<"userId" | "dueAt">;
  values: { userId: string; dueAt: string; confirmPast: string };
}

export async function setExtensionAction(previous: ExtensionState, form: FormData): Promise<ExtensionState> {
  const [, fields] = parseActionArgs("app/cohorts/actions.ts#setExtensionAction", [previous, form]);
  const { cohort, userId: grantedBy } = await managed(fields.cohortId, "manageAssignments");
  const values = { userId: fields.userId, dueAt: fields.dueAt, confirmPast: fields.confirmPast };
  const result = await setExtension(getDb(), cohort, fields.assignmentId, values, grantedBy);
  if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, values };
  refresh(cohort.id);
  return { ok: true, fieldErrors: {}, values: { userId: "", dueAt: "", confirmPast: "" } };
}

export async function removeExtensionAction(form: FormData): Promise<void> {
  const [fields] = parseActionArgs("app/cohorts/actions.ts#removeExtensionAction", [form]);
  const { cohort } = await managed(fields.cohortId, "manageAssignments");
  await removeExtension(getDb(), cohort.id, fields.assignmentId, fields.userId);
  refresh(cohort.id);
}

// ---------------------------------------------------------------------------------------------------------
// The roster ("manageRoster").

export async function removeMemberAction(form: FormData): Promise<void> {
  const [fields] = parseActionArgs("app/cohorts/actions.ts#removeMemberAction", [form]);
  const { cohort } = await managed(fields.cohortId, "manageRoster");
  await removeMember(getDb(), cohort.id, fields.userId);
  refresh(cohort.id);
}

export async function restoreMemberAction(form: FormData): Promise<void> {
  const [fields] = parseActionArgs("app/cohorts/actions.ts#restoreMemberAction", [form]);
  const { cohort } = await managed(fields.cohortId, "manageRoster");
  await restoreMember(getDb(), cohort.id, fields.userId);
  refresh(cohort.id);
}

export interface MoveState {
  ok: boolean;
  fieldErrors: FieldErrors<"toCohortId">;
  values: { toCohortId: string };
}

export async function moveMemberAction(previous: MoveState, form: FormData): Promise<MoveState> {
  const [, fields] = parseActionArgs("app/cohorts/actions.ts#moveMemberAction", [previous, form]);
  const { cohort } = await managed(fields.cohortId, "manageRoster");
  const values = { toCohortId: fields.toCohortId };
  // The roster of the cohort they go to is the caller's to manage too (an unknown one reads the same).
  const user = await requireRole("instructor");
  const target = fields.toCohortId ? await findManagedCohort(getDb(), user, fields.toCohortId, "manageRoster") : null;
  if (!target) return { ok: false, fieldErrors: { toCohortId: "cohorts.errors.cohortUnknown" }, values };
  const result = await moveMember(getDb(), cohort.id, target.id, fields.userId);
  if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, values };
  refresh(cohort.id);
  refresh(target.id);
  return { ok: true, fieldErrors: {}, values: { toCohortId: "" } };
}

// ---------------------------------------------------------------------------------------------------------
// Co-instructors: the owner invites and grants; the invitee accepts or declines; either ends it.

export interface InviteState {
  ok: boolean;
  fieldErrors: FieldErrors<"email">;
  values: { email: string };
}

export async function inviteCoInstructorAction(previous: InviteState, form: FormData): Promise<InviteState> {
  const [, fields] = parseActionArgs("app/cohorts/actions.ts#inviteCoInstructorAction", [previous, form]);
  const { cohort, userId } = await managed(fields.cohortId, "owner");
  const { cohortId: _, ...raw } = fields;
  const result = await inviteCoInstructor(getDb(), cohort, raw, userId);
  if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, values: { email: fields.email } };
  refresh(cohort.id);
  return { ok: true, fieldErrors: {}, values: { email: "" } };
}

export async function updateGrantsAction(form: FormData): Promise<void> {
  const [fields] = parseActionArgs("app/cohorts/actions.ts#updateGrantsAction", [form]);
  const { cohort } = await managed(fields.cohortId, "owner");
  const { cohortId: _, userId, ...grants } = fields;
  await updateGrants(getDb(), cohort.id, userId, grants);
  refresh(cohort.id);
}

export async function removeCoInstructorAction(form: FormData): Promise<void> {
  const [fields] = parseActionArgs("app/cohorts/actions.ts#removeCoInstructorAction", [form]);
  const { cohort } = await managed(fields.cohortId, "owner");
  await removeCoInstructor(getDb(), cohort.id, fields.userId);
  refresh(cohort.id);
}

/** The invitee's answer (accept or decline), or a co-instructor leaving: only ever about their own row. */
export async function answerInvitationAction(form: FormData): Promise<void> {
  const [fields] = parseActionArgs("app/cohorts/actions.ts#answerInvitationAction", [form]);
  const user = await requireRole("instructor");
  const db = getDb();
  if (fields.answer === "accept") await acceptInvitation(db, fields.cohortId, user.id);
  else await removeCoInstructor(db, fields.cohortId, user.id);
  revalidatePath("/cohorts");
}
