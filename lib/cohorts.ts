// Cohorts: an instructor's groups of learners, their join codes, assignments and progress.
// Framework-free (no Next.js): pages and server actions in app/cohorts and app/join call these, tests call
// them directly against a real database. Messages are keys under "cohorts." in messages/*.json.
//
// Progress is read from Submission rows: attempts, passes and best scores come from graded "submit"
// submissions; misconceptions come from the grader's report (validated with gradeReportSchema) of every
// graded submission, "run" included — a misconception the grader named while the learner was trying things
// out is still one they hold.
import { randomInt } from "node:crypto";
import { z } from "zod";
import { gradeReportSchema } from "../grader/report";
import { DEMO_USERS } from "./accounts";
import type { Cohort, Db } from "./db";
import { roleAllows, type SessionUser } from "./roles";

// ---------------------------------------------------------------------------------------------------------
// Join codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX.

export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

export function generateJoinCode(pick: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[pick(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** "ABCD2345" → "ABCD-2345" for display. */
export function formatJoinCode(code: string): string {
  return code.length === JOIN_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

const joinCodePattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** What a learner types or a link carries: case, spaces and dashes do not matter. */
export const joinCodeSchema = z
  .string({ error: "cohorts.errors.codeRequired" })
  .transform((raw) => raw.toUpperCase().replace(/[\s-]+/g, ""))
  .pipe(z.string().min(1, { error: "cohorts.errors.codeRequired" }).regex(joinCodePattern, { error: "cohorts.errors.codeInvalid" }));

// ---------------------------------------------------------------------------------------------------------
// Results: either the value, or field → message key (translated by the form next to that field).

export type FieldErrors<F extends string> = Partial<Record<F, string>>;
export type Result<T, F extends string> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors<F> };

function issuesToFieldErrors<F extends string>(issues: readonly z.core.$ZodIssue[], fields: readonly F[], fallback: string): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || !(fields as readonly string[]).includes(field)) continue;
    const key = field as F;
    errors[key] ??= issue.message.startsWith("cohorts.") ? issue.message : fallback;
  }
  return errors;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

// ---------------------------------------------------------------------------------------------------------
// Creating and finding cohorts.

export const createCohortSchema = z.object({
  name: z
    .string({ error: "cohorts.errors.nameRequired" })
    .trim()
    .min(1, { error: "cohorts.errors.nameRequired" })
    .max(80, { error: "cohorts.errors.nameTooLong" }),
});

export async function createCohort(db: Db, instructorId: string, raw: unknown): Promise<Result<Cohort, "name">> {
  const parsed = createCohortSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues, ["name"], "cohorts.errors.nameRequired") };
  // A fresh code collides with probability ~n/31^8; the unique index decides, and we simply draw again.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const cohort = await db.cohort.create({ data: { name: parsed.data.name, instructorId, joinCode: generateJoinCode() } });
      return { ok: true, value: cohort };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error("could not draw an unused join code in 5 attempts");
}

export interface CohortSummary {
  id: string;
  name: string;
  joinCode: string;
  instructorName: string;
  memberCount: number;
  assignmentCount: number;
  createdAt: Date;
}

/** The cohorts a user may manage: an instructor's own; every cohort for an admin. Newest first. */
export async function listManagedCohorts(db: Db, viewer: SessionUser): Promise<CohortSummary[]> {
  const cohorts = await db.cohort.findMany({
    where: viewer.role === "admin" ? {} : { instructorId: viewer.id },
    orderBy: { createdAt: "desc" },
    include: { instructor: { select: { name: true, email: true } }, _count: { select: { members: true, assignments: true } } },
  });
  return cohorts.map((c) => ({
    id: c.id,
    name: c.name,
    joinCode: c.joinCode,
    instructorName: c.instructor.name ?? c.instructor.email,
    memberCount: c._count.members,
    assignmentCount: c._count.assignments,
    createdAt: c.createdAt,
  }));
}

/** The cohort when `viewer` may manage it (its instructor, or an admin), else null. */
export async function findManagedCohort(db: Db, viewer: SessionUser, cohortId: string): Promise<Cohort | null> {
  if (!roleAllows(viewer.role, "instructor")) return null;
  const cohort = await db.cohort.findUnique({ where: { id: cohortId } });
  if (!cohort) return null;
  return viewer.role === "admin" || cohort.instructorId === viewer.id ? cohort : null;
}

// ---------------------------------------------------------------------------------------------------------
// Joining.

export interface JoinPreview {
  cohortId: string;
  name: string;
  instructorName: string;
  alreadyMember: boolean;
  ownCohort: boolean;
}

/** What /join/[code] shows before the learner confirms; null for a malformed or unknown code. */
export async function previewJoin(db: Db, userId: string, rawCode: unknown): Promise<JoinPreview | null> {
  const code = joinCodeSchema.safeParse(rawCode);
  if (!code.success) return null;
  const cohort = await db.cohort.findUnique({
    where: { joinCode: code.data },
    include: { instructor: { select: { name: true, email: true } }, members: { where: { userId }, select: { userId: true } } },
  });
  if (!cohort) return null;
  return {
    cohortId: cohort.id,
    name: cohort.name,
    instructorName: cohort.instructor.name ?? cohort.instructor.email,
    alreadyMember: cohort.members.length > 0,
    ownCohort: cohort.instructorId === userId,
  };
}

export const joinCohortSchema = z.object({ code: joinCodeSchema });

export interface Joined {
  cohortId: string;
  name: string;
  alreadyMember: boolean;
}

/** Adds the user to the cohort with this code. Joining twice is not an error (alreadyMember: true). */
export async function joinCohort(db: Db, userId: string, raw: unknown): Promise<Result<Joined, "code">> {
  const parsed = joinCohortSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues, ["code"], "cohorts.errors.codeInvalid") };
  const cohort = await db.cohort.findUnique({ where: { joinCode: parsed.data.code } });
  if (!cohort) return { ok: false, fieldErrors: { code: "cohorts.errors.codeUnknown" } };
  if (cohort.instructorId === userId) return { ok: false, fieldErrors: { code: "cohorts.errors.ownCohort" } };
  const existing = await db.cohortMember.findUnique({ where: { cohortId_userId: { cohortId: cohort.id, userId } } });
  if (existing) return { ok: true, value: { cohortId: cohort.id, name: cohort.name, alreadyMember: true } };
  try {
    await db.cohortMember.create({ data: { cohortId: cohort.id, userId } });
  } catch (error) {
    // A double click racing itself: the primary key keeps one row, and the answer is the same.
    if (!isUniqueViolation(error)) throw error;
    return { ok: true, value: { cohortId: cohort.id, name: cohort.name, alreadyMember: true } };
  }
  return { ok: true, value: { cohortId: cohort.id, name: cohort.name, alreadyMember: false } };
}

export async function removeMember(db: Db, cohortId: string, userId: string): Promise<boolean> {
  const { count } = await db.cohortMember.deleteMany({ where: { cohortId, userId } });
  return count > 0;
}

// ---------------------------------------------------------------------------------------------------------
// Assignments: an exercise from the catalog, with an optional due date (a calendar day, due at its end, UTC).

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-12-01" → 2026-12-01T23:59:59.999Z; anything else that is not a real calendar day → undefined. */
export function endOfDayUtc(day: string): Date | undefined {
  if (!isoDay.test(day)) return undefined;
  const date = new Date(`${day}T23:59:59.999Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? undefined : date;
}

export function assignmentSchema(exerciseSlugs: readonly string[]) {
  return z.object({
    exerciseSlug: z
      .string({ error: "cohorts.errors.exerciseRequired" })
      .min(1, { error: "cohorts.errors.exerciseRequired" })
      .refine((slug) => exerciseSlugs.includes(slug), { error: "cohorts.errors.exerciseUnknown" }),
    dueDate: z
      .string()
      .trim()
      .optional()
      .transform((day, ctx) => {
        if (!day) return null;
        const due = endOfDayUtc(day);
        if (!due) {
          ctx.addIssue({ code: "custom", message: "cohorts.errors.dueInvalid" });
          return z.NEVER;
        }
        return due;
      }),
  });
}

export interface AssignmentView {
  id: string;
  exerciseSlug: string;
  dueAt: Date | null;
  createdAt: Date;
}

/** Assigns an exercise to a cohort; `exerciseSlugs` is the catalog (exercises/catalog.ts). One per exercise. */
export async function addAssignment(
  db: Db,
  cohortId: string,
  raw: unknown,
  exerciseSlugs: readonly string[],
): Promise<Result<AssignmentView, "exerciseSlug" | "dueDate">> {
  const parsed = assignmentSchema(exerciseSlugs).safeParse(raw);
  if (!parsed.success) {
    return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues, ["exerciseSlug", "dueDate"], "cohorts.errors.exerciseRequired") };
  }
  const { exerciseSlug, dueDate } = parsed.data;
  if (await db.assignment.findFirst({ where: { cohortId, exerciseSlug }, select: { id: true } })) {
    return { ok: false, fieldErrors: { exerciseSlug: "cohorts.errors.alreadyAssigned" } };
  }
  const created = await db.assignment.create({ data: { cohortId, exerciseSlug, dueAt: dueDate } });
  return { ok: true, value: { id: created.id, exerciseSlug: created.exerciseSlug, dueAt: created.dueAt, createdAt: created.createdAt } };
}

export async function removeAssignment(db: Db, cohortId: string, assignmentId: string): Promise<boolean> {
  const { count } = await db.assignment.deleteMany({ where: { id: assignmentId, cohortId } });
  return count > 0;
}

// ---------------------------------------------------------------------------------------------------------
// Progress: what the cohort page shows per learner.

export interface ExerciseProgress {
  exerciseSlug: string;
  attempts: number;
  passed: boolean;
  bestScore: number;
  firstPassedAt: Date | null;
}

export interface NamedMisconception {
  exerciseSlug: string;
  misconceptionId: string;
  /** The title in the language the report was graded in (the page may localize it from the catalog). */
  title: string;
  /** How many graded submissions named it. */
  count: number;
  lastSeenAt: Date;
}

export type AssignmentStatus = "done" | "late" | "open" | "overdue";

export interface MemberProgress {
  userId: string;
  name: string | null;
  email: string;
  joinedAt: Date;
  exercisesAttempted: number;
  exercisesPassed: number;
  /** Per exercise, best score first. */
  exercises: ExerciseProgress[];
  misconceptions: NamedMisconception[];
  /** Assignment id → status for this learner. */
  assignments: Record<string, AssignmentStatus>;
  /** Submissions whose stored report did not validate (a grader version mismatch): counted, not shown. */
  unreadableReports: number;
}

export interface CohortProgress {
  cohort: { id: string; name: string; joinCode: string; instructorId: string; createdAt: Date };
  assignments: AssignmentView[];
  members: MemberProgress[];
}

/** The status of one assignment for one learner at time `now`. */
export function assignmentStatus(firstPassedAt: Date | null, dueAt: Date | null, now: Date): AssignmentStatus {
  if (firstPassedAt) return dueAt && firstPassedAt > dueAt ? "late" : "done";
  return dueAt && now > dueAt ? "overdue" : "open";
}

interface SubmissionRow {
  userId: string;
  exerciseSlug: string;
  kind: string;
  status: string;
  score: number | null;
  passed: boolean | null;
  report: string | null;
  createdAt: Date;
  gradedAt: Date | null;
}

/** Diagnoses in a stored report, or null when it does not parse as a grade report. */
export function reportDiagnoses(report: string): { misconceptionId: string; title: string }[] | null {
  let json: unknown;
  try {
    json = JSON.parse(report);
  } catch {
    return null;
  }
  const parsed = gradeReportSchema.safeParse(json);
  if (!parsed.success) return null;
  return parsed.data.diagnosis.map((d) => ({ misconceptionId: d.misconceptionId, title: d.title }));
}

/** Folds one learner's submissions into their progress (pure; exported for tests). */
export function summarizeSubmissions(rows: readonly SubmissionRow[]): Pick<MemberProgress, "exercises" | "misconceptions" | "unreadableReports"> {
  const exercises = new Map<string, ExerciseProgress>();
  const misconceptions = new Map<string, NamedMisconception>();
  let unreadableReports = 0;
  for (const row of rows) {
    if (row.status !== "graded") continue;
    const when = row.gradedAt ?? row.createdAt;
    if (row.kind === "submit") {
      const entry = exercises.get(row.exerciseSlug) ?? { exerciseSlug: row.exerciseSlug, attempts: 0, passed: false, bestScore: 0, firstPassedAt: null };
      entry.attempts += 1;
      entry.bestScore = Math.max(entry.bestScore, row.score ?? 0);
      if (row.passed) {
        entry.passed = true;
        if (!entry.firstPassedAt || when < entry.firstPassedAt) entry.firstPassedAt = when;
      }
      exercises.set(row.exerciseSlug, entry);
    }
    if (row.report) {
      const diagnoses = reportDiagnoses(row.report);
      if (!diagnoses) {
        unreadableReports += 1;
        continue;
      }
      for (const d of diagnoses) {
        const key = `${row.exerciseSlug}\u0000${d.misconceptionId}`;
        const seen = misconceptions.get(key);
        if (seen) {
          seen.count += 1;
          if (when > seen.lastSeenAt) seen.lastSeenAt = when;
        } else {
          misconceptions.set(key, { exerciseSlug: row.exerciseSlug, misconceptionId: d.misconceptionId, title: d.title, count: 1, lastSeenAt: when });
        }
      }
    }
  }
  return {
    exercises: [...exercises.values()].sort((a, b) => b.bestScore - a.bestScore || a.exerciseSlug.localeCompare(b.exerciseSlug)),
    misconceptions: [...misconceptions.values()].sort((a, b) => b.count - a.count || b.lastSeenAt.getTime() - a.lastSeenAt.getTime()),
    unreadableReports,
  };
}

/** Everything /cohorts/[id] shows. Two queries besides the cohort: members, and their submissions. */
export async function cohortProgress(db: Db, cohortId: string, now: Date = new Date()): Promise<CohortProgress | null> {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    include: {
      assignments: { orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }] },
      members: { orderBy: { joinedAt: "asc" }, include: { user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!cohort) return null;
  const userIds = cohort.members.map((m) => m.userId);
  const submissions: SubmissionRow[] = userIds.length
    ? await db.submission.findMany({
        where: { userId: { in: userIds }, status: "graded" },
        orderBy: { createdAt: "asc" },
        select: { userId: true, exerciseSlug: true, kind: true, status: true, score: true, passed: true, report: true, createdAt: true, gradedAt: true },
      })
    : [];
  const byUser = new Map<string, SubmissionRow[]>();
  for (const row of submissions) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);

  const assignments: AssignmentView[] = cohort.assignments.map((a) => ({ id: a.id, exerciseSlug: a.exerciseSlug, dueAt: a.dueAt, createdAt: a.createdAt }));
  const members = cohort.members.map((member): MemberProgress => {
    const summary = summarizeSubmissions(byUser.get(member.userId) ?? []);
    const passedAt = new Map(summary.exercises.map((e) => [e.exerciseSlug, e.firstPassedAt]));
    return {
      userId: member.userId,
      name: member.user.name,
      email: member.user.email,
      joinedAt: member.joinedAt,
      exercisesAttempted: summary.exercises.length,
      exercisesPassed: summary.exercises.filter((e) => e.passed).length,
      exercises: summary.exercises,
      misconceptions: summary.misconceptions,
      unreadableReports: summary.unreadableReports,
      assignments: Object.fromEntries(assignments.map((a) => [a.id, assignmentStatus(passedAt.get(a.exerciseSlug) ?? null, a.dueAt, now)])),
    };
  });
  return {
    cohort: { id: cohort.id, name: cohort.name, joinCode: cohort.joinCode, instructorId: cohort.instructorId, createdAt: cohort.createdAt },
    assignments,
    members,
  };
}

// ---------------------------------------------------------------------------------------------------------
// A learner's own view: the cohorts they belong to and what is assigned there.

export interface LearnerCohort {
  id: string;
  name: string;
  instructorName: string;
  assignments: { id: string; exerciseSlug: string; dueAt: Date | null; status: AssignmentStatus }[];
}

export async function learnerCohorts(db: Db, userId: string, now: Date = new Date()): Promise<LearnerCohort[]> {
  const memberships = await db.cohortMember.findMany({
    where: { userId },
    orderBy: { joinedAt: "asc" },
    include: {
      cohort: { include: { instructor: { select: { name: true, email: true } }, assignments: { orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }] } } },
    },
  });
  const slugs = [...new Set(memberships.flatMap((m) => m.cohort.assignments.map((a) => a.exerciseSlug)))];
  const passes = slugs.length
    ? await db.submission.findMany({
        where: { userId, kind: "submit", status: "graded", passed: true, exerciseSlug: { in: slugs } },
        select: { exerciseSlug: true, createdAt: true, gradedAt: true },
      })
    : [];
  const firstPass = new Map<string, Date>();
  for (const pass of passes) {
    const when = pass.gradedAt ?? pass.createdAt;
    const known = firstPass.get(pass.exerciseSlug);
    if (!known || when < known) firstPass.set(pass.exerciseSlug, when);
  }
  return memberships.map((m) => ({
    id: m.cohort.id,
    name: m.cohort.name,
    instructorName: m.cohort.instructor.name ?? m.cohort.instructor.email,
    assignments: m.cohort.assignments.map((a) => ({
      id: a.id,
      exerciseSlug: a.exerciseSlug,
      dueAt: a.dueAt,
      status: assignmentStatus(firstPass.get(a.exerciseSlug) ?? null, a.dueAt, now),
    })),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Demo data: `npm start` on an empty database (scripts/lib/prepare.ts) gives the demo instructor a cohort
// with the demo learner in it and one assignment due in a week.

export const DEMO_COHORT_NAME = "Demo cohort · 示例小组";
/** The first exercise of the course, when the catalog has it; otherwise the catalog's first. */
export const DEMO_ASSIGNMENT_SLUG = "linear-regression-cost";

export async function seedDemoCohort(db: Db, exerciseSlugs: readonly string[], now: Date = new Date()): Promise<Cohort | null> {
  const instructorEmail = DEMO_USERS.find((u) => u.role === "instructor")?.email;
  const learnerEmail = DEMO_USERS.find((u) => u.role === "learner")?.email;
  if (!instructorEmail || !learnerEmail) return null;
  const [instructor, learner] = await Promise.all([
    db.user.findUnique({ where: { email: instructorEmail } }),
    db.user.findUnique({ where: { email: learnerEmail } }),
  ]);
  if (!instructor || !learner) return null;
  const created = await createCohort(db, instructor.id, { name: DEMO_COHORT_NAME });
  if (!created.ok) return null;
  await db.cohortMember.create({ data: { cohortId: created.value.id, userId: learner.id } });
  const firstExercise = exerciseSlugs.includes(DEMO_ASSIGNMENT_SLUG) ? DEMO_ASSIGNMENT_SLUG : exerciseSlugs[0];
  if (firstExercise) {
    const inAWeek = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await addAssignment(db, created.value.id, { exerciseSlug: firstExercise, dueDate: inAWeek }, exerciseSlugs);
  }
  return created.value;
}
