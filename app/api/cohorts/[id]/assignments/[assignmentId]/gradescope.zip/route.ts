// GET /api/cohorts/<id>/assignments/<assignmentId>/gradescope.zip: the assignment's Gradescope autograder
// (setup.sh, run_autograder, lacuna-autograder.json; lib/cohorts/export/gradescope.ts).
import { NextResponse } from "next/server";
import { apiRole } from "@/lib/auth";
import { findManagedCohort } from "@/lib/cohorts";
import { gradescopeBundleResponse } from "@/lib/cohorts/export/http";
import { getDb } from "@/lib/db";
import { getLang } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; assignmentId: string }> }): Promise<Response> {
  const auth = await apiRole("instructor");
  if (!auth.ok) return auth.response;
  const { id, assignmentId } = await params;
  const db = getDb();
  const cohort = await findManagedCohort(db, auth.user, id, "exportGrades");
  const response = cohort && (await gradescopeBundleResponse(db, cohort.id, assignmentId, await getLang()));
  return response ?? NextResponse.json({ error: "no such assignment with an exercise in this cohort" }, { status: 404 });
}
