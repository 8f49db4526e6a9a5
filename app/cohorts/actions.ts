"use server";
// Server actions behind the instructor's cohort pages. Every one re-checks the role and that the caller
// manages the cohort: a form posted by hand gets no further than the page would let them.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { loadCatalog } from "@/exercises/catalog";
import { parseActionArgs } from "@/lib/actions/schemas";
import { requireRole } from "@/lib/auth";
import { addAssignment, createCohort, findManagedCohort, formatJoinCode, removeAssignment, removeMember, type FieldErrors } from "@/lib/cohorts";
import { getDb } from "@/lib/db";

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

export interface AssignState {
  ok: boolean;
  fieldErrors: FieldErrors<"exerciseSlug" | "dueDate">;
  values: { exerciseSlug: string; dueDate: string };
}

async function managedCohortId(cohortId: string): Promise<string> {
  const user = await requireRole("instructor");
  const cohort = await findManagedCohort(getDb(), user, cohortId);
  if (!cohort) notFound();
  return cohort.id;
}

export async function addAssignmentAction(previous: AssignState, form: FormData): Promise<AssignState> {
  const [, fields] = parseActionArgs("app/cohorts/actions.ts#addAssignmentAction", [previous, form]);
  const cohortId = await managedCohortId(fields.cohortId);
  const values = { exerciseSlug: fields.exerciseSlug, dueDate: fields.dueDate };
  const slugs = loadCatalog().map((entry) => entry.meta.slug);
  const result = await addAssignment(getDb(), cohortId, values, slugs);
  if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, values };
  revalidatePath(`/cohorts/${cohortId}`);
  return { ok: true, fieldErrors: {}, values: { exerciseSlug: "", dueDate: "" } };
}

export async function removeAssignmentAction(form: FormData): Promise<void> {
  const [fields] = parseActionArgs("app/cohorts/actions.ts#removeAssignmentAction", [form]);
  const cohortId = await managedCohortId(fields.cohortId);
  await removeAssignment(getDb(), cohortId, fields.assignmentId);
  revalidatePath(`/cohorts/${cohortId}`);
}

export async function removeMemberAction(form: FormData): Promise<void> {
  const [fields] = parseActionArgs("app/cohorts/actions.ts#removeMemberAction", [form]);
  const cohortId = await managedCohortId(fields.cohortId);
  await removeMember(getDb(), cohortId, fields.userId);
  revalidatePath(`/cohorts/${cohortId}`);
}
