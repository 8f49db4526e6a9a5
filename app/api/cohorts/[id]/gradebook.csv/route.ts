// GET /api/cohorts/<id>/gradebook.csv?format=canvas|moodle: the gradebook as the CSV Canvas or Moodle imports
// (columns in lib/cohorts/export/csv.ts). Only for those who may see the cohort's grades.
import { NextResponse } from "next/server";
import { apiRole } from "@/lib/auth";
import { findManagedCohort } from "@/lib/cohorts";
import { csvFormatSchema } from "@/lib/cohorts/export/csv";
import { gradebookCsvResponse } from "@/lib/cohorts/export/http";
import { getDb } from "@/lib/db";
import { getLang } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await apiRole("instructor");
  if (!auth.ok) return auth.response;
  const format = csvFormatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? "canvas");
  if (!format.success) return NextResponse.json({ error: format.error.issues[0]!.message }, { status: 400 });
  const db = getDb();
  const cohort = await findManagedCohort(db, auth.user, (await params).id, "exportGrades");
  const response = cohort && (await gradebookCsvResponse(db, cohort.id, format.data, await getLang()));
  return response ?? NextResponse.json({ error: "no such cohort" }, { status: 404 });
}
