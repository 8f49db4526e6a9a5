"use server";
// The analytics page's one action: send a focused review of a topic to some of the cohort's learners
// (lib/cohorts/analytics/focused-review.ts says what that does). Re-checks the role and the cohort, like every
// cohort action: a form posted by hand gets no further than the page would let it.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { parseActionArgs } from "@/lib/actions/schemas";
import { requireRole } from "@/lib/auth";
import { findManagedCohort } from "@/lib/cohorts";
import { sendFocusedReview, type FocusedReviewSent } from "@/lib/cohorts/analytics/focused-review";
import { getDb } from "@/lib/db";

export interface FocusedReviewState {
  /** A message key (cohorts.analytics.errors.*) when refused. */
  error?: string;
  sent?: FocusedReviewSent;
}

export async function sendFocusedReviewAction(previous: FocusedReviewState, form: FormData): Promise<FocusedReviewState> {
  const [, fields] = parseActionArgs("app/cohorts/[id]/analytics/actions.ts#sendFocusedReviewAction", [previous, form]);
  const user = await requireRole("instructor");
  const db = getDb();
  const cohort = await findManagedCohort(db, user, fields.cohortId, "manageAssignments");
  if (!cohort) notFound();
  const result = await sendFocusedReview(db, cohort.id, { topicId: fields.topicId, learnerIds: fields.learnerIds });
  if (!result.ok) return { error: result.error };
  revalidatePath(`/cohorts/${cohort.id}/analytics`);
  return { sent: result.value };
}
