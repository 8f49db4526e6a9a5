// lib/cohorts.ts against real, migrated databases (a SQLite file and a PostgreSQL database, each suite once), with grade reports produced by the real grader
// (a correct solution and a file implementing a known misconception, graded in the real sandbox).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GradeReport, type GraderPool } from "@/grader";
import { loadCatalog } from "@/exercises/catalog";
import { seedDemoUsers } from "@/lib/accounts";
import {
  addAssignment,
  assignmentStatus,
  cohortProgress,
  createCohort,
  DEMO_COHORT_NAME,
  endOfDayUtc,
  findManagedCohort,
  formatJoinCode,
  generateJoinCode,
  JOIN_CODE_ALPHABET,
  joinCodeSchema,
  joinCohort,
  learnerCohorts,
  listManagedCohorts,
  previewJoin,
  removeAssignment,
  removeMember,
  seedDemoCohort,
} from "@/lib/cohorts";
import type { Db, User } from "@/lib/db";
import type { SessionUser } from "@/lib/roles";
import { createTestDb, type TestDb } from "@/tests/helpers/db";

const SLUG = "linear-regression-cost";
const MISCONCEPTION = "missing-one-half";
const exerciseDir = path.join(process.cwd(), "exercises", "linear-regression", SLUG);
const slugs = loadCatalog().map((entry) => entry.meta.slug);

let t: TestDb;
let db: Db;
let pool: GraderPool;
let solutionReport: GradeReport;
let misconceptionReport: GradeReport;

async function user(email: string, role: "learner" | "instructor" | "admin" = "learner", name: string | null = null): Promise<User> {
  return db.user.create({ data: { email, name, role, passwordHash: "not-used-here" } });
}

function session(u: User): SessionUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role as SessionUser["role"] };
}

async function storeSubmission(userId: string, kind: "run" | "submit", report: GradeReport, at: Date): Promise<void> {
  await db.submission.create({
    data: {
      userId,
      exerciseSlug: report.slug,
      kind,
      source: "// graded in the test",
      lang: report.lang,
      seed: report.seed,
      status: "graded",
      score: report.score,
      passed: report.status === "passed",
      report: JSON.stringify(report),
      createdAt: at,
      gradedAt: at,
    },
  });
}

beforeAll(async () => {
  pool = createGraderPool({ workers: 1 });
  [solutionReport, misconceptionReport] = await Promise.all([
    pool.grade({ slug: SLUG, source: readFileSync(path.join(exerciseDir, "solution.ts"), "utf8"), lang: "en" }),
    pool.grade({ slug: SLUG, source: readFileSync(path.join(exerciseDir, "misconceptions", `${MISCONCEPTION}.ts`), "utf8"), lang: "en" }),
  ]);
}, 120_000);

afterAll(async () => {
  await pool?.close();
});

describe("join codes", () => {
  it("are 8 characters without look-alikes, shown as XXXX-XXXX", () => {
    const code = generateJoinCode();
    expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{8}$`));
    expect(code).not.toMatch(/[01OIL]/);
    expect(formatJoinCode("ABCD2345")).toBe("ABCD-2345");
  });

  it("accept any case, spaces and dashes; say what is wrong otherwise", () => {
    expect(joinCodeSchema.parse(" abcd-2345 ")).toBe("ABCD2345");
    expect(joinCodeSchema.safeParse("").error?.issues[0]?.message).toBe("cohorts.errors.codeRequired");
    expect(joinCodeSchema.safeParse("ABCD-234").error?.issues[0]?.message).toBe("cohorts.errors.codeInvalid");
    // 0 and O, 1 and I are never in a code: a typed look-alike is reported as invalid, not as unknown.
    expect(joinCodeSchema.safeParse("ABCD-2340").error?.issues[0]?.message).toBe("cohorts.errors.codeInvalid");
  });
});

describe.each(["sqlite", "postgres"] as const)("on %s", (flavor) => {
  beforeAll(async () => {
    t = await createTestDb(flavor);
    db = t.db;
  });
  afterAll(async () => {
    await t?.drop();
  });

  describe("cohorts", () => {
    it("an instructor creates a cohort with a unique join code; a bad name is reported on the name field", async () => {
      const teacher = await user("create@test.local", "instructor");
      expect(await createCohort(db, teacher.id, { name: "   " })).toEqual({ ok: false, fieldErrors: { name: "cohorts.errors.nameRequired" } });
      expect(await createCohort(db, teacher.id, { name: "x".repeat(81) })).toEqual({ ok: false, fieldErrors: { name: "cohorts.errors.nameTooLong" } });
      expect(await createCohort(db, teacher.id, {})).toEqual({ ok: false, fieldErrors: { name: "cohorts.errors.nameRequired" } });

      const a = await createCohort(db, teacher.id, { name: "  Monday group " });
      const b = await createCohort(db, teacher.id, { name: "Tuesday group" });
      if (!a.ok || !b.ok) throw new Error("creating valid cohorts failed");
      expect(a.value.name).toBe("Monday group");
      expect(a.value.joinCode).not.toBe(b.value.joinCode);
      expect((await listManagedCohorts(db, session(teacher))).map((c) => c.name)).toEqual(["Tuesday group", "Monday group"]);
    });

    it("an instructor manages only their own cohorts; an admin manages all; a learner none", async () => {
      const owner = await user("owner@test.local", "instructor");
      const other = await user("other@test.local", "instructor");
      const admin = await user("admin@test.local", "admin");
      const learner = await user("peek@test.local", "learner");
      const created = await createCohort(db, owner.id, { name: "Owned" });
      if (!created.ok) throw new Error("create failed");
      expect(await findManagedCohort(db, session(owner), created.value.id)).not.toBeNull();
      expect(await findManagedCohort(db, session(other), created.value.id)).toBeNull();
      expect(await findManagedCohort(db, session(admin), created.value.id)).not.toBeNull();
      expect(await findManagedCohort(db, session(learner), created.value.id)).toBeNull();
      expect((await listManagedCohorts(db, session(other))).map((c) => c.name)).not.toContain("Owned");
      expect((await listManagedCohorts(db, session(admin))).map((c) => c.name)).toContain("Owned");
    });
  });

  describe("joining", () => {
    it("a learner joins with the code in any spelling; twice is harmless; unknown and own codes are refused", async () => {
      const teacher = await user("join-teacher@test.local", "instructor", "Ms Join");
      const learner = await user("joiner@test.local");
      const created = await createCohort(db, teacher.id, { name: "Joinable" });
      if (!created.ok) throw new Error("create failed");
      const code = created.value.joinCode;
      const typed = formatJoinCode(code).toLowerCase();

      expect(await previewJoin(db, learner.id, typed)).toEqual({
        cohortId: created.value.id,
        name: "Joinable",
        instructorName: "Ms Join",
        alreadyMember: false,
        ownCohort: false,
      });
      expect(await joinCohort(db, learner.id, { code: typed })).toEqual({ ok: true, value: { cohortId: created.value.id, name: "Joinable", alreadyMember: false } });
      expect(await joinCohort(db, learner.id, { code })).toEqual({ ok: true, value: { cohortId: created.value.id, name: "Joinable", alreadyMember: true } });
      expect(await db.cohortMember.count({ where: { cohortId: created.value.id } })).toBe(1);
      expect((await previewJoin(db, learner.id, code))?.alreadyMember).toBe(true);

      const unknown = code === "ABCDEFGH" ? "ABCDEFGJ" : "ABCDEFGH";
      expect(await joinCohort(db, learner.id, { code: unknown })).toEqual({ ok: false, fieldErrors: { code: "cohorts.errors.codeUnknown" } });
      expect(await joinCohort(db, learner.id, { code: "nope" })).toEqual({ ok: false, fieldErrors: { code: "cohorts.errors.codeInvalid" } });
      expect(await joinCohort(db, learner.id, {})).toEqual({ ok: false, fieldErrors: { code: "cohorts.errors.codeRequired" } });
      expect(await joinCohort(db, teacher.id, { code })).toEqual({ ok: false, fieldErrors: { code: "cohorts.errors.ownCohort" } });
      expect(await previewJoin(db, learner.id, unknown)).toBeNull();

      expect(await removeMember(db, created.value.id, learner.id)).toBe(true);
      expect(await removeMember(db, created.value.id, learner.id)).toBe(false);
    });
  });

  describe("assignments", () => {
    it("take an exercise from the catalog and an optional calendar day; mistakes are reported per field", async () => {
      const teacher = await user("assign-teacher@test.local", "instructor");
      const created = await createCohort(db, teacher.id, { name: "Assigned" });
      if (!created.ok) throw new Error("create failed");
      const id = created.value.id;

      expect(await addAssignment(db, id, { exerciseSlug: "" }, slugs)).toEqual({ ok: false, fieldErrors: { exerciseSlug: "cohorts.errors.exerciseRequired" } });
      expect(await addAssignment(db, id, { exerciseSlug: "no-such-exercise" }, slugs)).toEqual({ ok: false, fieldErrors: { exerciseSlug: "cohorts.errors.exerciseUnknown" } });
      expect(await addAssignment(db, id, { exerciseSlug: SLUG, dueDate: "2026-02-30" }, slugs)).toEqual({ ok: false, fieldErrors: { dueDate: "cohorts.errors.dueInvalid" } });
      expect(await addAssignment(db, id, { exerciseSlug: SLUG, dueDate: "tomorrow" }, slugs)).toEqual({ ok: false, fieldErrors: { dueDate: "cohorts.errors.dueInvalid" } });

      const added = await addAssignment(db, id, { exerciseSlug: SLUG, dueDate: "2026-12-01" }, slugs);
      if (!added.ok) throw new Error(JSON.stringify(added.fieldErrors));
      expect(added.value.dueAt?.toISOString()).toBe("2026-12-01T23:59:59.999Z");
      expect(await addAssignment(db, id, { exerciseSlug: SLUG }, slugs)).toEqual({ ok: false, fieldErrors: { exerciseSlug: "cohorts.errors.alreadyAssigned" } });
      const undated = await addAssignment(db, id, { exerciseSlug: "linear-regression-gradient", dueDate: "" }, slugs);
      expect(undated.ok && undated.value.dueAt).toBeNull();

      expect(await removeAssignment(db, "some-other-cohort", added.value.id)).toBe(false);
      expect(await removeAssignment(db, id, added.value.id)).toBe(true);
      expect(await db.assignment.count({ where: { cohortId: id } })).toBe(1);
    });

    it("a due date is a real calendar day, due at its end in UTC", () => {
      expect(endOfDayUtc("2028-02-29")?.toISOString()).toBe("2028-02-29T23:59:59.999Z");
      expect(endOfDayUtc("2027-02-29")).toBeUndefined();
      expect(endOfDayUtc("2026-1-5")).toBeUndefined();
    });

    it("status: done, done late, not yet, overdue", () => {
      const due = new Date("2026-12-01T23:59:59.999Z");
      expect(assignmentStatus(new Date("2026-11-30T10:00:00Z"), due, new Date("2026-12-05T00:00:00Z"))).toBe("done");
      expect(assignmentStatus(new Date("2026-12-02T10:00:00Z"), due, new Date("2026-12-05T00:00:00Z"))).toBe("late");
      expect(assignmentStatus(null, due, new Date("2026-11-30T00:00:00Z"))).toBe("open");
      expect(assignmentStatus(null, due, new Date("2026-12-02T00:00:00Z"))).toBe("overdue");
      expect(assignmentStatus(null, null, new Date("2030-01-01T00:00:00Z"))).toBe("open");
    });
  });

  describe("progress", () => {
    it("the real grader's reports: a correct solution passes, the misconception file is diagnosed", () => {
      expect(solutionReport.status).toBe("passed");
      expect(misconceptionReport.status).toBe("failed");
      expect(misconceptionReport.diagnosis.map((d) => d.misconceptionId)).toContain(MISCONCEPTION);
    });

    it("per learner: passed/attempted, best scores, the misconceptions the grader named, assignment completion", async () => {
      const teacher = await user("progress-teacher@test.local", "instructor");
      const ada = await user("ada@test.local", "learner", "Ada");
      const bob = await user("bob@test.local", "learner", "Bob");
      const outsider = await user("outsider@test.local", "learner");
      const created = await createCohort(db, teacher.id, { name: "Progress" });
      if (!created.ok) throw new Error("create failed");
      const cohortId = created.value.id;
      for (const member of [ada, bob]) await joinCohort(db, member.id, { code: created.value.joinCode });
      const assigned = await addAssignment(db, cohortId, { exerciseSlug: SLUG, dueDate: "2026-12-01" }, slugs);
      const assignedLater = await addAssignment(db, cohortId, { exerciseSlug: "softmax-cross-entropy-from-logits", dueDate: "2026-11-20" }, slugs);
      if (!assigned.ok || !assignedLater.ok) throw new Error("assign failed");

      // Ada: misconception while running, then a failed submit, then a pass. Bob: one failed submit after the
      // due date of the second assignment. A broken stored report is counted, never shown or thrown on.
      await storeSubmission(ada.id, "run", misconceptionReport, new Date("2026-11-25T09:00:00Z"));
      await storeSubmission(ada.id, "submit", misconceptionReport, new Date("2026-11-25T09:05:00Z"));
      await storeSubmission(ada.id, "submit", solutionReport, new Date("2026-11-25T09:10:00Z"));
      await storeSubmission(bob.id, "submit", misconceptionReport, new Date("2026-11-26T12:00:00Z"));
      await db.submission.create({
        data: { userId: bob.id, exerciseSlug: SLUG, kind: "submit", source: "x", lang: "en", seed: 1, status: "graded", score: 0, passed: false, report: '{"version":99}' },
      });
      // Queued work and people outside the cohort do not count.
      await db.submission.create({ data: { userId: bob.id, exerciseSlug: "gradient-descent", kind: "submit", source: "x", lang: "en", seed: 1 } });
      await storeSubmission(outsider.id, "submit", solutionReport, new Date("2026-11-25T10:00:00Z"));

      const progress = await cohortProgress(db, cohortId, new Date("2026-11-27T00:00:00Z"));
      if (!progress) throw new Error("cohort not found");
      expect(progress.members.map((m) => m.email)).toEqual(["ada@test.local", "bob@test.local"]);
      const [adaRow, bobRow] = progress.members;

      expect(adaRow).toMatchObject({ exercisesAttempted: 1, exercisesPassed: 1, unreadableReports: 0 });
      expect(adaRow?.exercises).toEqual([
        { exerciseSlug: SLUG, attempts: 2, passed: true, bestScore: 1, firstPassedAt: new Date("2026-11-25T09:10:00Z") },
      ]);
      expect(adaRow?.misconceptions).toEqual([
        expect.objectContaining({ exerciseSlug: SLUG, misconceptionId: MISCONCEPTION, count: 2, lastSeenAt: new Date("2026-11-25T09:05:00Z") }),
      ]);
      expect(adaRow?.misconceptions[0]?.title).toBe(misconceptionReport.diagnosis.find((d) => d.misconceptionId === MISCONCEPTION)?.title);
      expect(adaRow?.assignments).toEqual({ [assigned.value.id]: "done", [assignedLater.value.id]: "overdue" });

      expect(bobRow).toMatchObject({ exercisesAttempted: 1, exercisesPassed: 0, unreadableReports: 1 });
      expect(bobRow?.exercises[0]?.bestScore).toBe(misconceptionReport.score);
      expect(bobRow?.exercises[0]?.attempts).toBe(2);
      expect(bobRow?.misconceptions.map((m) => m.misconceptionId)).toContain(MISCONCEPTION);
      expect(bobRow?.assignments).toEqual({ [assigned.value.id]: "open", [assignedLater.value.id]: "overdue" });

      // The learner's own view agrees.
      const mine = await learnerCohorts(db, ada.id, new Date("2026-11-27T00:00:00Z"));
      expect(mine).toEqual([
        expect.objectContaining({
          name: "Progress",
          assignments: [
            expect.objectContaining({ exerciseSlug: "softmax-cross-entropy-from-logits", status: "overdue" }),
            expect.objectContaining({ exerciseSlug: SLUG, status: "done" }),
          ],
        }),
      ]);
    });

    it("an empty cohort has no members and an unknown id has no progress", async () => {
      const teacher = await user("empty-teacher@test.local", "instructor");
      const created = await createCohort(db, teacher.id, { name: "Empty" });
      if (!created.ok) throw new Error("create failed");
      expect((await cohortProgress(db, created.value.id))?.members).toEqual([]);
      expect(await cohortProgress(db, "no-such-cohort")).toBeNull();
    });
  });

  describe("demo data", () => {
    it("on a fresh database the demo instructor owns a cohort with the demo learner and one assignment", async () => {
      const fresh = await createTestDb(flavor);
      try {
        await seedDemoUsers(fresh.db);
        const cohort = await seedDemoCohort(fresh.db, slugs, new Date("2026-11-27T12:00:00Z"));
        expect(cohort?.name).toBe(DEMO_COHORT_NAME);
        const instructor = await fresh.db.user.findUniqueOrThrow({ where: { email: "instructor@lacuna.local" } });
        const listed = await listManagedCohorts(fresh.db, session(instructor));
        expect(listed).toEqual([expect.objectContaining({ name: DEMO_COHORT_NAME, memberCount: 1, assignmentCount: 1 })]);
        const progress = await cohortProgress(fresh.db, listed[0]!.id);
        expect(progress?.members.map((m) => m.email)).toEqual(["learner@lacuna.local"]);
        expect(progress?.assignments).toEqual([expect.objectContaining({ exerciseSlug: SLUG, dueAt: new Date("2026-12-04T23:59:59.999Z") })]);
      } finally {
        await fresh.drop();
      }
    });
  });
});
