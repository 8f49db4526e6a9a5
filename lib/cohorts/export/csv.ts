// The gradebook as CSV files that Canvas and Moodle import: one row per learner, one column per assignment,
// each cell the score that counts (lib/cohorts/policy) in points. Pure: the route
// app/api/cohorts/[id]/gradebook.csv builds the rows from the gradebook and sends the text.
//
// Canvas (Grades → Import): the header of its own export, "Student", "ID", "SIS User ID", "SIS Login ID",
// "Section", then one column per assignment named "<title> (<id>)"; a second row "Points Possible" gives each
// assignment's points. Canvas finds the student by ID, SIS User ID or SIS Login ID (Lacuna does not know a
// Canvas ID or an SIS ID, so ID and SIS User ID are empty and SIS Login ID carries the e-mail address, which is
// the login at most schools that use Canvas; otherwise, paste the IDs from Canvas's own export). A trailing
// "(<number>)" in a header is a Canvas assignment ID; Lacuna's ids are not numbers, so Canvas matches the column
// by name and creates the assignment on the first import.
//
// Moodle (Grades → Import → CSV file): any header; the importer asks which column identifies the user ("Map
// from": here "Email address", to Moodle's "Map to: email address") and which grade item each other column
// fills (or "new grade item"). The file has "First name" / "Last name" (Lacuna keeps one name: all of it in
// "First name"), "Email address", then one column per assignment named "<title>", scores in points out of
// each assignment's points.
//
// Both: UTF-8 with a byte-order mark (Excel reads the names right), RFC 4180 quoting, CRLF line ends, an empty
// cell where nothing counts yet (no attempt), a dot as the decimal separator, at most 2 decimals. A cell that
// starts with =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula.
import { z } from "zod";

export const CSV_FORMATS = ["canvas", "moodle"] as const;
export const csvFormatSchema = z.enum(CSV_FORMATS, { error: 'format must be "canvas" or "moodle"' });
export type CsvFormat = z.infer<typeof csvFormatSchema>;

export interface ExportAssignment {
  id: string;
  title: string;
  /** What full marks are worth in the LMS (Lacuna's score 0..1 is multiplied by it). */
  points: number;
}

export interface ExportLearner {
  name: string | null;
  email: string;
  /** Per assignment, in the order of `assignments`: the score that counts (0..1), or null when nothing counts yet. */
  scores: (number | null)[];
}

export interface GradebookExport {
  /** The section Canvas shows (the cohort's name). */
  section: string;
  assignments: ExportAssignment[];
  learners: ExportLearner[];
}

/** One field, quoted when it has to be, and kept from being read as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvText(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** A score as points: "7.5", "10", "" when nothing counts. */
export function points(score: number | null, outOf: number): string {
  if (score === null) return "";
  return String(Math.round(score * outOf * 100) / 100);
}

function canvasRows(data: GradebookExport): string[][] {
  const header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ...data.assignments.map((a) => `${a.title} (${a.id})`)];
  const possible = ["    Points Possible", "", "", "", "", ...data.assignments.map((a) => String(a.points))];
  const learners = data.learners.map((l) => [l.name ?? l.email, "", "", l.email, data.section, ...l.scores.map((s, i) => points(s, data.assignments[i]!.points))]);
  return [header, possible, ...learners];
}

function moodleRows(data: GradebookExport): string[][] {
  const header = ["First name", "Last name", "Email address", ...data.assignments.map((a) => a.title)];
  const learners = data.learners.map((l) => [l.name ?? "", "", l.email, ...l.scores.map((s, i) => points(s, data.assignments[i]!.points))]);
  return [header, ...learners];
}

export function gradebookCsv(format: CsvFormat, data: GradebookExport): string {
  return csvText(format === "canvas" ? canvasRows(data) : moodleRows(data));
}

/** "week-1-gradebook-canvas.csv": an ASCII file name from the cohort's name. */
export function csvFileName(cohortName: string, format: CsvFormat): string {
  const slug = cohortName.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase().slice(0, 40);
  return `${slug || "cohort"}-gradebook-${format}.csv`;
}
