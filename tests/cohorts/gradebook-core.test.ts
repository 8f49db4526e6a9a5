// The gradebook's pure core (lib/cohorts/gradebook) and the CSV files for Canvas and Moodle
// (lib/cohorts/export/csv.ts); the CSV is read back with Python's csv module, a real reader.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { assignmentSummaries, buildGradebook, queryRows, type GradebookInput } from "@/lib/cohorts/gradebook/core";
import { parseGradebookQuery } from "@/lib/cohorts/gradebook/schema";
import { csvFileName, gradebookCsv, type GradebookExport } from "@/lib/cohorts/export/csv";

const due = new Date("2026-12-07T22:59:59.999Z");
const hours = (n: number) => new Date(due.getTime() + n * 3600_000);
const now = hours(200);

const input: GradebookInput = {
  assignments: [
    { id: "a1", title: "Costs", opensAt: null, dueAt: due, policy: { kind: "per-day", penaltyPerDay: 0.1, floor: 0.5 }, attemptLimit: null, createdAt: hours(-100), items: [{ kind: "exercise", ref: "linear-regression-cost" }] },
    {
      id: "a2",
      title: "",
      opensAt: null,
      dueAt: due,
      policy: { kind: "hard" },
      attemptLimit: 2,
      createdAt: hours(-100),
      items: [
        { kind: "exercise", ref: "sigmoid" },
        { kind: "topic", ref: "linear-regression" },
      ],
    },
  ],
  learners: [
    { userId: "u1", name: "Ada", email: "ada@example.com" },
    { userId: "u2", name: null, email: "bo@example.com" },
    { userId: "u3", name: "Cy", email: "cy@example.com" },
  ],
  extensions: [{ assignmentId: "a2", userId: "u2", dueAt: hours(72) }],
  submits: [
    { id: "s1", userId: "u1", exerciseSlug: "linear-regression-cost", createdAt: hours(-2), score: 1, passed: true },
    { id: "s2", userId: "u2", exerciseSlug: "linear-regression-cost", createdAt: hours(-3), score: 0.5, passed: false },
    { id: "s3", userId: "u2", exerciseSlug: "linear-regression-cost", createdAt: hours(30), score: 1, passed: true }, // 2 days late: 0.8
    { id: "s4", userId: "u2", exerciseSlug: "sigmoid", createdAt: hours(48), score: 1, passed: true }, // inside the extension
    { id: "s5", userId: "u1", exerciseSlug: "sigmoid", createdAt: hours(1), score: 1, passed: true }, // after the hard deadline
  ],
  reviews: [
    { id: "r1", userId: "u1", itemId: "card-a", review: hours(-5), rating: 3 },
    { id: "r2", userId: "u1", itemId: "card-b", review: hours(-5), rating: 1 },
  ],
  topicCards: { "linear-regression": ["card-a", "card-b"] },
  now,
};

describe("the gradebook", () => {
  const book = buildGradebook(input);
  const row = (userId: string) => book.rows.find((r) => r.learner.userId === userId)!;

  it("scores each cell under its assignment's policy, with late marks and extensions", () => {
    expect(row("u1").cells[0]).toMatchObject({ score: 1, status: "done", daysLate: 0, penalty: 0, attempted: true });
    expect(row("u2").cells[0]).toMatchObject({ score: 0.8, status: "late", daysLate: 2, penalty: 0.2, penalized: 1 });
    expect(row("u2").cells[0]!.items[0]!.result.counted?.id).toBe("s3");
    // The hard deadline: u1's sigmoid pass came an hour late and counts nothing; one of two cards recalled.
    expect(row("u1").cells[1]).toMatchObject({ score: 0.25, status: "overdue", extended: false });
    // u2's extension moved the due time: the pass two days after the assignment's due time is on time.
    expect(row("u2").cells[1]).toMatchObject({ status: "overdue", extended: true, dueAt: hours(72) });
    expect(row("u2").cells[1]!.items[0]!.result).toMatchObject({ score: 1, status: "done", attemptsLeft: 1 });
    expect(row("u3").cells.map((c) => c.attempted)).toEqual([false, false]);
    expect(row("u2").total).toBe(0.65);
    expect(row("u2").lateCount).toBe(1);
  });

  it("sorts by any column and filters by name and status", () => {
    const names = (query: Record<string, string>) => queryRows(book, parseGradebookQuery(query)).map((r) => r.learner.userId);
    expect(names({})).toEqual(["u1", "u2", "u3"]); // Ada, bo@example.com, Cy
    expect(names({ sort: "total", dir: "desc" })).toEqual(["u2", "u1", "u3"]);
    expect(names({ sort: "a:a1", dir: "asc" })).toEqual(["u3", "u2", "u1"]);
    expect(names({ status: "penalized" })).toEqual(["u2"]);
    expect(names({ sort: "a:a2", status: "overdue" })).toEqual(["u3", "u1", "u2"]);
    expect(names({ q: "EXAMPLE.com", status: "done" })).toEqual(["u1"]);
    expect(names({ q: "EXAMPLE.com", status: "late" })).toEqual(["u2"]);
    expect(names({ q: "cy" })).toEqual(["u3"]);
    // Nonsense in the query string falls back to the defaults.
    expect(parseGradebookQuery({ sort: "drop table", dir: "up", status: "x", q: ["a".repeat(500), "b"], page: "x" })).toEqual({ sort: "name", dir: "asc", status: null, q: "a".repeat(100), page: 1 });
    expect(parseGradebookQuery({ page: "3" }).page).toBe(3);
    expect(parseGradebookQuery({ page: "-1" }).page).toBe(1);
  });

  it("without an open time, the window opens when the assignment was created: earlier work uses no attempt and does not count", () => {
    // The tester's case: a 78% submit before the assignment existed, a limit of 1, a 100% submit after it was made.
    const created = hours(-50);
    const limited = { id: "a3", title: "Limited", opensAt: null, dueAt: due, policy: { kind: "none" as const }, attemptLimit: 1, createdAt: created, items: [{ kind: "exercise" as const, ref: "sigmoid" }] };
    const submits = [
      { id: "before", userId: "u1", exerciseSlug: "sigmoid", createdAt: hours(-60), score: 0.78, passed: false },
      { id: "after", userId: "u1", exerciseSlug: "sigmoid", createdAt: hours(-40), score: 1, passed: true },
    ];
    const book = buildGradebook({ ...input, assignments: [limited], learners: [input.learners[0]!], extensions: [], submits, reviews: [] });
    const result = book.rows[0]!.cells[0]!.items[0]!.result;
    expect(result).toMatchObject({ score: 1, status: "done", attemptsUsed: 1, attemptsLeft: 0, ignored: { beforeOpen: 1, overLimit: 0 } });
    expect(result.counted?.id).toBe("after");
    // A topic's reviews from before the assignment existed do not count either.
    const topic = buildGradebook({
      ...input,
      assignments: [{ id: "a4", title: "Cards", opensAt: null, dueAt: due, policy: { kind: "none" }, attemptLimit: null, createdAt: created, items: [{ kind: "topic", ref: "linear-regression" }] }],
      learners: [input.learners[0]!],
      extensions: [],
      submits: [],
      reviews: [
        { id: "r-old", userId: "u1", itemId: "card-a", review: hours(-60), rating: 3 },
        { id: "r-new", userId: "u1", itemId: "card-b", review: hours(-40), rating: 3 },
      ],
    });
    expect(topic.rows[0]!.cells[0]).toMatchObject({ score: 0.5, attempted: true });
    // An explicit open time still decides: opened before the work, the early submit is the one attempt.
    const opened = buildGradebook({ ...input, assignments: [{ ...limited, opensAt: hours(-70) }], learners: [input.learners[0]!], extensions: [], submits, reviews: [] });
    expect(opened.rows[0]!.cells[0]).toMatchObject({ score: 0.78, status: "overdue" });
  });

  it("an extension never shortens the learner's time: one at or before a due time moved later is not in force", () => {
    const moved = buildGradebook({
      ...input,
      assignments: [{ ...input.assignments[0]!, dueAt: hours(96) }],
      extensions: [{ assignmentId: "a1", userId: "u2", dueAt: hours(72) }],
    });
    const cell = moved.rows.find((r) => r.learner.userId === "u2")!.cells[0]!;
    // u2's pass at +30 h is on time under the assignment's own (later) due time, not 2 days "late".
    expect(cell).toMatchObject({ dueAt: hours(96), extended: false, score: 1, status: "done", daysLate: 0 });
  });

  it("summarises each assignment", () => {
    expect(assignmentSummaries(book)).toEqual([
      { assignmentId: "a1", mean: 0.6, passed: 2, late: 1 },
      { assignmentId: "a2", mean: 0.25, passed: 0, late: 0 },
    ]);
  });
});

/** Rows as Python's csv module reads them (after the byte-order mark). */
function readCsv(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  const out = execFileSync("python3", ["-c", "import csv, json, sys; print(json.dumps(list(csv.reader(sys.stdin.read().lstrip('\\ufeff').splitlines(True)))))"], { input: text, encoding: "utf8" });
  return JSON.parse(out) as string[][];
}

const data: GradebookExport = {
  section: "Week 1, \"Deep\" learning",
  assignments: [
    { id: "a1", title: "Costs, part 1", points: 100 },
    { id: "a2", title: "=HYPERLINK(\"x\")", points: 10 },
  ],
  learners: [
    { name: "Ada Lovelace", email: "ada@example.com", scores: [0.8, null] },
    { name: null, email: "bo@example.com", scores: [1 / 3, 0.25] },
  ],
};

describe("the gradebook CSV", () => {
  it("for Canvas: its export's columns, a Points Possible row, scores in points, formulas defused", () => {
    expect(readCsv(gradebookCsv("canvas", data))).toEqual([
      ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Costs, part 1 (a1)", "'=HYPERLINK(\"x\") (a2)"],
      ["    Points Possible", "", "", "", "", "100", "10"],
      ["Ada Lovelace", "", "", "ada@example.com", "Week 1, \"Deep\" learning", "80", ""],
      ["bo@example.com", "", "", "bo@example.com", "Week 1, \"Deep\" learning", "33.33", "2.5"],
    ]);
  });

  it("for Moodle: an e-mail column to map users by and one column per assignment", () => {
    const text = gradebookCsv("moodle", data);
    expect(text.split("\r\n").length).toBe(4);
    expect(readCsv(text)).toEqual([
      ["First name", "Last name", "Email address", "Costs, part 1", "'=HYPERLINK(\"x\")"],
      ["Ada Lovelace", "", "ada@example.com", "80", ""],
      ["", "", "bo@example.com", "33.33", "2.5"],
    ]);
  });

  it("names the file after the cohort in ASCII", () => {
    expect(csvFileName("Demo cohort · 示例小组", "canvas")).toBe("demo-cohort-gradebook-canvas.csv");
    expect(csvFileName("示例", "moodle")).toBe("cohort-gradebook-moodle.csv");
  });
});
