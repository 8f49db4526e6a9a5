"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { parseActionArgs } from "@/lib/actions/schemas";
import { requireUser } from "@/lib/auth";
import { joinCohort, type FieldErrors } from "@/lib/cohorts";
import { getDb } from "@/lib/db";

export interface JoinState {
  ok: boolean;
  fieldErrors: FieldErrors<"code">;
  values: { code: string };
  joined?: { name: string; alreadyMember: boolean };
}

export async function joinCohortAction(previous: JoinState, form: FormData): Promise<JoinState> {
  const [, values] = parseActionArgs("app/join/actions.ts#joinCohortAction", [previous, form]);
  const user = await requireUser();
  const result = await joinCohort(getDb(), user.id, values);
  if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, values };
  revalidatePath("/join");
  return { ok: true, fieldErrors: {}, values, joined: { name: result.value.name, alreadyMember: result.value.alreadyMember } };
}

/**
 * The Join button of an invitation link (/join/[code]): works without JavaScript, and lands on /join where
 * the new cohort and its assignments are listed. A code that stopped working sends back to the invitation,
 * which then says so.
 */
export async function joinFromInviteAction(form: FormData): Promise<void> {
  const [{ code }] = parseActionArgs("app/join/actions.ts#joinFromInviteAction", [form]);
  const user = await requireUser();
  const result = await joinCohort(getDb(), user.id, { code });
  if (!result.ok) redirect(`/join/${encodeURIComponent(code)}`);
  revalidatePath("/join");
  redirect(`/join?joined=${encodeURIComponent(result.value.cohortId)}`);
}
