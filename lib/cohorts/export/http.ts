// The downloads behind the gradebook: the CSV for Canvas or Moodle, and an assignment's Gradescope autograder
// bundle. The routes (app/api/cohorts/[id]/…) check who asks and call these.
import { randomInt } from "node:crypto";
import type { Db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import type { Lang } from "@/lib/i18n/core";
import { assignmentTitle, itemTitle, loadGradebook } from "../gradebook/load";
import { csvFileName, gradebookCsv, type CsvFormat } from "./csv";
import { gradescopeBundle } from "./gradescope";

/** What full marks of an assignment are worth in the CSV. */
export const CSV_ASSIGNMENT_POINTS = 100;
/** What each exercise of an assignment is worth in a Gradescope bundle. */
export const GRADESCOPE_EXERCISE_POINTS = 10;

function download(body: string | Buffer, type: string, fileName: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: { "content-type": type, "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" },
  });
}

export async function gradebookCsvResponse(db: Db, cohortId: string, format: CsvFormat, lang: Lang): Promise<Response | null> {
  const loaded = await loadGradebook(db, cohortId);
  if (!loaded) return null;
  const { book, cohort } = loaded;
  const text = gradebookCsv(format, {
    section: cohort.name,
    assignments: book.assignments.map((a) => ({ id: a.id, title: assignmentTitle(a, lang), points: CSV_ASSIGNMENT_POINTS })),
    learners: book.rows.map((row) => ({ name: row.learner.name, email: row.learner.email, scores: row.cells.map((c) => (c.attempted ? c.score : null)) })),
  });
  return download(text, "text/csv; charset=utf-8", csvFileName(cohort.name, format));
}

/** The bundle of one live assignment of the cohort; null when it has none, or no exercise to grade. */
export async function gradescopeBundleResponse(db: Db, cohortId: string, assignmentId: string, lang: Lang): Promise<Response | null> {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, cohortId, deletedAt: null },
    include: { items: { where: { kind: "exercise" }, orderBy: [{ position: "asc" }, { ref: "asc" }] } },
  });
  if (!assignment || assignment.items.length === 0) return null;
  const items = assignment.items.map((i) => ({ kind: "exercise" as const, ref: i.ref }));
  const bundle = gradescopeBundle({
    version: 1,
    assignment: { id: assignment.id, title: assignmentTitle({ title: assignment.title, items }, lang) },
    exercises: items.map((i) => ({ slug: i.ref, title: itemTitle(i, lang), file: `${i.ref}.ts`, points: GRADESCOPE_EXERCISE_POINTS })),
    seed: randomInt(1, 2 ** 31 - 1),
    lang,
    package: loadEnv().LACUNA_GRADESCOPE_PACKAGE ?? null,
  });
  return download(bundle, "application/zip", `lacuna-gradescope-${assignment.id}.zip`);
}
