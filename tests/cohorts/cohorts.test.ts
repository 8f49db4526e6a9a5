// lib/cohorts.ts against real, migrated databases (a SQLite file and a PostgreSQL database, each suite once), with grade reports produced by the real grader
// (a correct solution and a file implementing a known misconception, graded in the real sandbox).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GradeReport, type GraderPool } from "@/grader";
import { loadCatalog } from "@/exercises/catalog";
import { seedDemoUsers } from "@/lib/accounts";
import { topicIds } from "@/exercises/topics";
import {
  acceptInvitation,
  cohortProgress,
  createAssignment,
  createCohort,
  DEMO_COHORT_NAME,
  findManagedCohort,
  formatJoinCode,
  generateJoinCode,
  JOIN_CODE_ALPHABET,
  joinCodeSchema,
  joinCohort,
  inviteCoInstructor,
  learnerAssignments,
  learnerCohorts,
  listManagedCohorts,
  moveMember,
  pendingInvitations,
  previewJoin,
  removeAssignment,
  removeCoInstructor,
  removeExtension,
  removeMember,
  restoreAssignment,
  restoreMember,
  seedDemoCohort,
  setExtension,
  updateAssignment,
  updateCohortSettings,
  updateGrants,
} from "@/lib/cohorts";
import type { Db, User } from "@/lib/db";
import type { SessionUser } from "@/lib/roles";
import { createTestDb, type TestDb } from "@/tests/helpers/db";

const SLUG = "linear-regression-cost";
const MISCONCEPTION = "missing-one-half";
const exerciseDir = path.join(process.cwd(), "exercises", "linear-regression", SLUG);
const slugs = loadCatalog().map((entry) => entry.meta.slug);
const catalog = { exerciseSlugs: slugs, topicIds };

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

async function cohortOf(ownerId: string, name: string) {
  const created = await createCohort(db, ownerId, { name });
  if (!created.ok) throw new Error("create failed");
  return created.value;
}

async function assign(cohort: { id: string; timeZone: string }, values: Record<string, string>, now: Date) {
  const result = await createAssignment(db, cohort, values, catalog, now);
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value.id;
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

      // Removing is undone by restoring; a removed learner no longer counts as a member and may join again.
      expect(await removeMember(db, created.value.id, learner.id)).toBe(true);
      expect(await removeMember(db, created.value.id, learner.id)).toBe(false);
      expect((await previewJoin(db, learner.id, code))?.alreadyMember).toBe(false);
      expect(await learnerCohorts(db, learner.id)).toEqual([]);
      expect(await restoreMember(db, created.value.id, learner.id)).toBe(true);
      expect(await restoreMember(db, created.value.id, learner.id)).toBe(false);
      expect((await learnerCohorts(db, learner.id)).map((c) => c.name)).toEqual(["Joinable"]);
      await removeMember(db, created.value.id, learner.id);
      expect(await joinCohort(db, learner.id, { code })).toEqual({ ok: true, value: { cohortId: created.value.id, name: "Joinable", alreadyMember: false } });
    });
  });

  describe("assignments", () => {
    const now = new Date("2026-11-27T12:00:00Z");

    it("take exercises and topics, open and due times in the cohort's zone, a late policy; mistakes are reported per field", async () => {
      const teacher = await user("assign-teacher@test.local", "instructor");
      const cohort = await cohortOf(teacher.id, "Assigned");
      const set = await updateCohortSettings(db, cohort.id, { name: "Assigned", timeZone: "Europe/Berlin" });
      if (!set.ok) throw new Error("settings failed");
      expect(await updateCohortSettings(db, cohort.id, { name: "Assigned", timeZone: "Mars/Olympus" })).toEqual({ ok: false, fieldErrors: { timeZone: "cohorts.errors.timeZoneInvalid" } });
      const berlin = set.value;
      const add = (values: Record<string, string>) => createAssignment(db, berlin, values, catalog, now);

      expect(await add({})).toEqual({ ok: false, fieldErrors: { exercises: "cohorts.errors.exerciseRequired" } });
      expect(await add({ exercises: "no-such-exercise" })).toEqual({ ok: false, fieldErrors: { exercises: "cohorts.errors.exerciseUnknown" } });
      expect(await add({ topics: "no-such-topic" })).toEqual({ ok: false, fieldErrors: { topics: "cohorts.errors.topicUnknown" } });
      expect(await add({ exercises: SLUG, dueAt: "2026-02-30T23:59" })).toEqual({ ok: false, fieldErrors: { dueAt: "cohorts.errors.dueInvalid" } });
      expect(await add({ exercises: SLUG, dueAt: "tomorrow" })).toEqual({ ok: false, fieldErrors: { dueAt: "cohorts.errors.dueInvalid" } });
      expect(await add({ exercises: SLUG, opensAt: "2026-12-08T00:00", dueAt: "2026-12-07T23:59" })).toEqual({ ok: false, fieldErrors: { dueAt: "cohorts.errors.dueBeforeOpen" } });
      expect(await add({ exercises: SLUG, latePolicy: "per-day", penaltyPercent: "0", dueAt: "2026-12-07T23:59" })).toEqual({ ok: false, fieldErrors: { penaltyPercent: "cohorts.errors.penaltyInvalid" } });
      expect(await add({ exercises: SLUG, latePolicy: "per-day", penaltyPercent: "10", floorPercent: "120", dueAt: "2026-12-07T23:59" })).toEqual({ ok: false, fieldErrors: { floorPercent: "cohorts.errors.floorInvalid" } });
      expect(await add({ exercises: SLUG, latePolicy: "weekly", dueAt: "2026-12-07T23:59" })).toEqual({ ok: false, fieldErrors: { latePolicy: "cohorts.errors.latePolicyInvalid" } });
      expect(await add({ exercises: SLUG, latePolicy: "hard" })).toEqual({ ok: false, fieldErrors: { latePolicy: "cohorts.errors.policyNeedsDue" } });
      expect(await add({ exercises: SLUG, attemptLimit: "0" })).toEqual({ ok: false, fieldErrors: { attemptLimit: "cohorts.errors.attemptLimitInvalid" } });
      expect(await add({ exercises: SLUG, attemptLimit: "2.5" })).toEqual({ ok: false, fieldErrors: { attemptLimit: "cohorts.errors.attemptLimitInvalid" } });
      // A due time in the past is refused unless confirmed (2020-01-01 no longer marks everyone late silently).
      expect(await add({ exercises: SLUG, dueAt: "2020-01-01T23:59" })).toEqual({ ok: false, fieldErrors: { dueAt: "cohorts.errors.duePast" } });
      expect((await add({ exercises: SLUG, dueAt: "2020-01-01T23:59", confirmPast: "on" })).ok).toBe(true);

      const created = await add({
        title: " Week 1 ",
        exercises: `${SLUG}, linear-regression-gradient`,
        topics: "linear-regression",
        dueAt: "2026-12-07T23:59",
        latePolicy: "per-day",
        penaltyPercent: "10",
        floorPercent: "50",
        attemptLimit: "3",
      });
      if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
      const row = await db.assignment.findUniqueOrThrow({ where: { id: created.value.id }, include: { items: { orderBy: { position: "asc" } } } });
      // 23:59 in Berlin (UTC+1 in December) is 22:59 UTC.
      expect(row).toMatchObject({ title: "Week 1", dueAt: new Date("2026-12-07T22:59:00Z"), latePolicy: "per-day", latePenaltyPerDay: 0.1, lateFloor: 0.5, attemptLimit: 3 });
      expect(row.items.map((i) => [i.kind, i.ref])).toEqual([["exercise", SLUG], ["exercise", "linear-regression-gradient"], ["topic", "linear-regression"]]);
    });

    it("are edited after assigning; removing is undone; an unknown or removed one cannot be edited", async () => {
      const teacher = await user("edit-teacher@test.local", "instructor");
      const cohort = await cohortOf(teacher.id, "Edited");
      const id = await assign(cohort, { exercises: SLUG, dueAt: "2020-01-01T23:59", confirmPast: "on" }, now);
      // Keeping the past due time as it was needs no new confirmation; moving it to another past time does.
      const kept = await updateAssignment(db, cohort, id, { exercises: SLUG, dueAt: "2020-01-01T23:59", latePolicy: "hard" }, catalog, now);
      expect(kept.ok).toBe(true);
      expect(await updateAssignment(db, cohort, id, { exercises: SLUG, dueAt: "2020-01-02T23:59" }, catalog, now)).toEqual({ ok: false, fieldErrors: { dueAt: "cohorts.errors.duePast" } });
      expect((await updateAssignment(db, cohort, id, { exercises: "softmax-cross-entropy-from-logits", dueAt: "2026-12-24T12:00", attemptLimit: "5" }, catalog, now)).ok).toBe(true);
      const progress = await cohortProgress(db, cohort.id, now);
      expect(progress?.assignments).toEqual([
        expect.objectContaining({ id, items: [{ kind: "exercise", ref: "softmax-cross-entropy-from-logits" }], dueAt: new Date("2026-12-24T12:00:00Z"), policy: { kind: "none" }, attemptLimit: 5 }),
      ]);

      expect(await removeAssignment(db, "some-other-cohort", id)).toBe(false);
      expect(await removeAssignment(db, cohort.id, id)).toBe(true);
      expect(await removeAssignment(db, cohort.id, id)).toBe(false);
      const afterRemove = await cohortProgress(db, cohort.id, now);
      expect(afterRemove?.assignments).toEqual([]);
      expect(afterRemove?.removed.assignments.map((a) => a.id)).toEqual([id]);
      expect(await updateAssignment(db, cohort, id, { exercises: SLUG }, catalog, now)).toEqual({ ok: false, fieldErrors: { title: "cohorts.errors.assignmentUnknown" } });
      expect(await restoreAssignment(db, "some-other-cohort", id)).toBe(false);
      expect(await restoreAssignment(db, cohort.id, id)).toBe(true);
      expect((await cohortProgress(db, cohort.id, now))?.assignments.map((a) => a.id)).toEqual([id]);
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
      const before = new Date("2026-11-19T00:00:00Z");
      const assigned = await assign(created.value, { exercises: SLUG, dueAt: "2026-12-01T23:59" }, before);
      const assignedLater = await assign(created.value, { exercises: "softmax-cross-entropy-from-logits", dueAt: "2026-11-20T23:59" }, before);

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
      const statuses = (row: typeof adaRow) => Object.fromEntries(Object.entries(row?.assignments ?? {}).map(([id, cell]) => [id, cell.status]));
      expect(statuses(adaRow)).toEqual({ [assigned]: "done", [assignedLater]: "overdue" });
      expect(adaRow?.assignments[assigned]).toMatchObject({ score: 1, daysLate: 0, attempted: true });

      expect(bobRow).toMatchObject({ exercisesAttempted: 1, exercisesPassed: 0, unreadableReports: 1 });
      expect(bobRow?.exercises[0]?.bestScore).toBe(misconceptionReport.score);
      expect(bobRow?.exercises[0]?.attempts).toBe(2);
      expect(bobRow?.misconceptions.map((m) => m.misconceptionId)).toContain(MISCONCEPTION);
      expect(statuses(bobRow)).toEqual({ [assigned]: "open", [assignedLater]: "overdue" });

      // The learner's own view agrees.
      const mine = await learnerCohorts(db, ada.id, new Date("2026-11-27T00:00:00Z"));
      expect(mine.map((c) => c.name)).toEqual(["Progress"]);
      expect(learnerAssignments(mine).map((a) => [a.exerciseSlug, a.status, a.score])).toEqual([
        ["softmax-cross-entropy-from-logits", "overdue", 0],
        [SLUG, "done", 1],
      ]);
    });

    it("the score that counts applies the late policy, the learner's extension and the attempt limit", async () => {
      const teacher = await user("late-teacher@test.local", "instructor");
      const lia = await user("lia@test.local", "learner", "Lia");
      const max = await user("max@test.local", "learner", "Max");
      const cohort = await cohortOf(teacher.id, "Late");
      for (const member of [lia, max]) await joinCohort(db, member.id, { code: cohort.joinCode });
      const before = new Date("2026-11-01T00:00:00Z");
      const perDay = await assign(cohort, { exercises: SLUG, dueAt: "2026-11-20T23:59", latePolicy: "per-day", penaltyPercent: "10", floorPercent: "50", attemptLimit: "2" }, before);
      // Both pass 2 days late (and Max tried once before); Max has an extension to the 23rd.
      await storeSubmission(lia.id, "submit", solutionReport, new Date("2026-11-22T12:00:00Z"));
      await storeSubmission(max.id, "submit", misconceptionReport, new Date("2026-11-19T12:00:00Z"));
      await storeSubmission(max.id, "submit", solutionReport, new Date("2026-11-22T12:00:00Z"));
      // A third attempt is over the limit of 2 and does not count.
      await storeSubmission(lia.id, "submit", solutionReport, new Date("2026-11-22T13:00:00Z"));
      await storeSubmission(lia.id, "submit", solutionReport, new Date("2026-11-22T14:00:00Z"));
      expect(await setExtension(db, cohort, perDay, { userId: "someone-else", dueAt: "2026-11-23T23:59" }, teacher.id, before)).toEqual({ ok: false, fieldErrors: { userId: "cohorts.errors.notMember" } });
      expect(await setExtension(db, cohort, perDay, { userId: max.id, dueAt: "23 Nov" }, teacher.id, before)).toEqual({ ok: false, fieldErrors: { dueAt: "cohorts.errors.dueInvalid" } });
      expect((await setExtension(db, cohort, perDay, { userId: max.id, dueAt: "2026-11-23T23:59" }, teacher.id, before)).ok).toBe(true);

      const at = new Date("2026-11-27T00:00:00Z");
      const [liaLine] = learnerAssignments(await learnerCohorts(db, lia.id, at));
      expect(liaLine).toMatchObject({ status: "late", score: 0.8, daysLate: 2, penalty: 0.2, attemptsUsed: 3, attemptsLeft: 0, extended: false });
      const [maxLine] = learnerAssignments(await learnerCohorts(db, max.id, at));
      expect(maxLine).toMatchObject({ status: "done", score: 1, daysLate: 0, extended: true, dueAt: "2026-11-23T23:59:00.000Z" });
      const progress = await cohortProgress(db, cohort.id, at);
      expect(progress?.members.map((m) => [m.name, m.assignments[perDay]?.score, m.assignments[perDay]?.status])).toEqual([
        ["Lia", 0.8, "late"],
        ["Max", 1, "done"],
      ]);

      // Changing the policy afterwards scores the same work again; taking the extension back makes Max late too.
      expect((await updateAssignment(db, cohort, perDay, { exercises: SLUG, dueAt: "2026-11-20T23:59", latePolicy: "hard" }, catalog, at)).ok).toBe(true);
      expect(await removeExtension(db, cohort.id, perDay, max.id)).toBe(true);
      const hard = await cohortProgress(db, cohort.id, at);
      expect(hard?.members.map((m) => [m.name, m.assignments[perDay]?.score, m.assignments[perDay]?.status])).toEqual([
        ["Lia", 0, "overdue"],
        ["Max", misconceptionReport.score, "overdue"],
      ]);
    });

    it("an extension must come after the assignment's due time; one already past needs the instructor's confirmation", async () => {
      const teacher = await user("ext-teacher@test.local", "instructor");
      const ivy = await user("ivy@test.local", "learner", "Ivy");
      const cohort = await cohortOf(teacher.id, "Extensions");
      await joinCohort(db, ivy.id, { code: cohort.joinCode });
      const created = new Date("2026-11-01T00:00:00Z");
      const due = await assign(cohort, { exercises: SLUG, dueAt: "2026-11-20T23:59", latePolicy: "per-day", penaltyPercent: "10", floorPercent: "50" }, created);
      // The tester's case: Ivy passed on time; an "extension" to before the due time would have made her late.
      await storeSubmission(ivy.id, "submit", solutionReport, new Date("2026-11-19T12:00:00Z"));
      const later = new Date("2026-11-27T00:00:00Z");
      const grant = (dueAt: string, now: Date, confirmPast = "") => setExtension(db, cohort, due, { userId: ivy.id, dueAt, confirmPast }, teacher.id, now);
      for (const dueAt of ["2026-11-10T23:59", "2026-11-20T23:59"]) {
        expect(await grant(dueAt, later)).toEqual({ ok: false, fieldErrors: { dueAt: "cohorts.errors.extensionNotAfterDue" } });
        // Confirming it is past changes nothing: it is not an extension.
        expect(await grant(dueAt, later, "on")).toEqual({ ok: false, fieldErrors: { dueAt: "cohorts.errors.extensionNotAfterDue" } });
      }
      expect(await db.assignmentExtension.count({ where: { assignmentId: due } })).toBe(0);
      const [line] = learnerAssignments(await learnerCohorts(db, ivy.id, later));
      expect(line).toMatchObject({ status: "done", score: 1, extended: false });
      // After the due time but already past: refused until confirmed, then granted.
      expect(await grant("2026-11-22T23:59", later)).toEqual({ ok: false, fieldErrors: { dueAt: "cohorts.errors.extensionPast" } });
      expect((await grant("2026-11-22T23:59", later, "on")).ok).toBe(true);
      // In the future: no question asked.
      expect((await grant("2026-12-01T23:59", later)).ok).toBe(true);
      expect((await db.assignmentExtension.findMany({ where: { assignmentId: due } })).length).toBe(1);
    });

    it("with no open time, the assignment opens when it is created: earlier attempts use none of its limit and later work counts", async () => {
      const teacher = await user("open-teacher@test.local", "instructor");
      const noa = await user("noa@test.local", "learner", "Noa");
      const cohort = await cohortOf(teacher.id, "Opens");
      await joinCohort(db, noa.id, { code: cohort.joinCode });
      // Practice before the assignment existed (a failing submit), then the assignment with a limit of 1 attempt.
      await storeSubmission(noa.id, "submit", misconceptionReport, new Date("2026-11-05T10:00:00Z"));
      const created = new Date("2026-11-06T00:00:00Z");
      const limited = await assign(cohort, { exercises: SLUG, dueAt: "2026-11-20T23:59", attemptLimit: "1" }, created);
      expect((await db.assignment.findUniqueOrThrow({ where: { id: limited } })).createdAt).toEqual(created);
      const [fresh] = learnerAssignments(await learnerCohorts(db, noa.id, new Date("2026-11-06T00:01:00Z")));
      expect(fresh).toMatchObject({ status: "open", attempted: false, attemptsUsed: 0, attemptsLeft: 1 });
      await storeSubmission(noa.id, "submit", solutionReport, new Date("2026-11-07T10:00:00Z"));
      const at = new Date("2026-11-08T00:00:00Z");
      const [passed] = learnerAssignments(await learnerCohorts(db, noa.id, at));
      expect(passed).toMatchObject({ status: "done", score: 1, attemptsUsed: 1, attemptsLeft: 0 });
      const progress = await cohortProgress(db, cohort.id, at);
      expect(progress?.members.map((m) => [m.name, m.assignments[limited]?.score, m.assignments[limited]?.status])).toEqual([["Noa", 1, "done"]]);
    });

    it("an empty cohort has no members and an unknown id has no progress", async () => {
      const teacher = await user("empty-teacher@test.local", "instructor");
      const created = await createCohort(db, teacher.id, { name: "Empty" });
      if (!created.ok) throw new Error("create failed");
      expect((await cohortProgress(db, created.value.id))?.members).toEqual([]);
      expect(await cohortProgress(db, "no-such-cohort")).toBeNull();
    });
  });

  describe("roster and co-instructors", () => {
    it("a learner moves to another cohort; the same cohort, an unknown one and a non-member are refused", async () => {
      const teacher = await user("move-teacher@test.local", "instructor");
      const leo = await user("leo@test.local", "learner", "Leo");
      const from = await cohortOf(teacher.id, "From");
      const to = await cohortOf(teacher.id, "To");
      await joinCohort(db, leo.id, { code: from.joinCode });
      expect(await moveMember(db, from.id, from.id, leo.id)).toEqual({ ok: false, fieldErrors: { toCohortId: "cohorts.errors.sameCohort" } });
      expect(await moveMember(db, from.id, "no-such-cohort", leo.id)).toEqual({ ok: false, fieldErrors: { toCohortId: "cohorts.errors.cohortUnknown" } });
      expect(await moveMember(db, to.id, from.id, leo.id)).toEqual({ ok: false, fieldErrors: { toCohortId: "cohorts.errors.notMember" } });
      expect(await moveMember(db, from.id, to.id, leo.id)).toEqual({ ok: true, value: { toCohortId: to.id } });
      expect((await learnerCohorts(db, leo.id)).map((c) => c.name)).toEqual(["To"]);
      // Back again: the old membership comes back rather than a second row.
      expect((await moveMember(db, to.id, from.id, leo.id)).ok).toBe(true);
      expect(await db.cohortMember.count({ where: { userId: leo.id } })).toBe(2);
      expect((await learnerCohorts(db, leo.id)).map((c) => c.name)).toEqual(["From"]);
    });

    it("a learner in several cohorts sees each, with each cohort's assignments", async () => {
      const a = await user("multi-a@test.local", "instructor");
      const b = await user("multi-b@test.local", "instructor");
      const mia = await user("mia@test.local");
      const first = await cohortOf(a.id, "First");
      const second = await cohortOf(b.id, "Second");
      for (const c of [first, second]) await joinCohort(db, mia.id, { code: c.joinCode });
      const now = new Date("2026-11-01T00:00:00Z");
      await assign(first, { exercises: SLUG, dueAt: "2026-12-01T23:59" }, now);
      await assign(second, { exercises: SLUG, dueAt: "2026-12-03T23:59", latePolicy: "hard" }, now);
      const mine = await learnerCohorts(db, mia.id, now);
      expect(mine.map((c) => [c.name, c.assignments.length])).toEqual([["First", 1], ["Second", 1]]);
      expect(learnerAssignments(mine).map((a) => [a.cohortName, a.exerciseSlug, a.policy.kind])).toEqual([
        ["First", SLUG, "none"],
        ["Second", SLUG, "hard"],
      ]);
    });

    it("an owner invites an instructor; after accepting they get exactly the granted access; removal ends it", async () => {
      const owner = await user("co-owner@test.local", "instructor", "Olga");
      const co = await user("co@test.local", "instructor", "Cora");
      const learner = await user("co-learner@test.local");
      const cohort = await cohortOf(owner.id, "Shared");
      expect(await inviteCoInstructor(db, cohort, { email: "nobody@test.local" }, owner.id)).toEqual({ ok: false, fieldErrors: { email: "cohorts.errors.inviteeNotInstructor" } });
      expect(await inviteCoInstructor(db, cohort, { email: learner.email }, owner.id)).toEqual({ ok: false, fieldErrors: { email: "cohorts.errors.inviteeIsLearner" } });
      const admin = await user("co-admin@test.local", "admin");
      expect(await inviteCoInstructor(db, cohort, { email: admin.email }, owner.id)).toEqual({ ok: false, fieldErrors: { email: "cohorts.errors.inviteeIsAdmin" } });
      expect(await inviteCoInstructor(db, cohort, { email: owner.email }, owner.id)).toEqual({ ok: false, fieldErrors: { email: "cohorts.errors.inviteeIsOwner" } });
      expect(await inviteCoInstructor(db, cohort, { email: "not an email" }, owner.id)).toEqual({ ok: false, fieldErrors: { email: "cohorts.errors.emailInvalid" } });
      const invited = await inviteCoInstructor(db, cohort, { email: " CO@test.local ", viewGrades: "on", manageAssignments: "on" }, owner.id);
      expect(invited).toMatchObject({ ok: true, value: { userId: co.id, viewGrades: true, manageAssignments: true, manageRoster: false, exportGrades: false, acceptedAt: null } });

      // Pending: nothing yet, but the invitation waits for them.
      expect(await findManagedCohort(db, session(co), cohort.id)).toBeNull();
      expect(await pendingInvitations(db, co.id)).toEqual([expect.objectContaining({ cohortId: cohort.id, cohortName: "Shared", ownerName: "Olga" })]);
      expect(await acceptInvitation(db, cohort.id, learner.id)).toBe(false);
      expect(await acceptInvitation(db, cohort.id, co.id)).toBe(true);
      expect(await pendingInvitations(db, co.id)).toEqual([]);

      const can = async (need: Parameters<typeof findManagedCohort>[3]) => (await findManagedCohort(db, session(co), cohort.id, need)) !== null;
      expect([await can("viewGrades"), await can("manageAssignments"), await can("manageRoster"), await can("exportGrades"), await can("owner")]).toEqual([true, true, false, false, false]);
      const listed = await listManagedCohorts(db, session(co));
      expect(listed).toEqual([expect.objectContaining({ name: "Shared", role: "co-instructor", joinCode: "" })]);

      expect(await updateGrants(db, cohort.id, co.id, { manageRoster: "on" })).toBe(true);
      expect([await can("viewGrades"), await can("manageAssignments"), await can("manageRoster")]).toEqual([false, false, true]);
      expect((await listManagedCohorts(db, session(co)))[0]?.joinCode).toBe(cohort.joinCode);
      // The owner keeps everything; a co-instructor never gets "owner" (inviting, settings).
      expect(await findManagedCohort(db, session(owner), cohort.id, "owner")).not.toBeNull();

      expect(await removeCoInstructor(db, cohort.id, co.id)).toBe(true);
      expect(await findManagedCohort(db, session(co), cohort.id, "manageRoster")).toBeNull();
      expect(await listManagedCohorts(db, session(co))).toEqual([]);
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
        expect(progress?.assignments).toEqual([
          expect.objectContaining({ items: [{ kind: "exercise", ref: SLUG }], dueAt: new Date("2026-12-04T23:59:00Z"), policy: { kind: "per-day", penaltyPerDay: 0.1, floor: 0.5 } }),
        ]);
      } finally {
        await fresh.drop();
      }
    });
  });
});
