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
import { loadCatalog } from "../exercises/catalog";
import { topicIds } from "../exercises/topics";
import { gradeReportSchema } from "../grader/report";
import { DEMO_USERS } from "./accounts";
import { defaultDueLocal } from "./cohorts/assignments/core";
import { createAssignment, type AssignmentCatalog } from "./cohorts/assignments/store";
import type { Gradebook, GradebookAssignment, GradebookCell, GradebookLearner } from "./cohorts/gradebook/core";
import { gradebookFor, topicCardsOf } from "./cohorts/gradebook/load";
import type { ItemStatus } from "./cohorts/policy/core";
import { latePolicyOf, type LatePolicy } from "./cohorts/policy/schema";
import { issuesToFieldErrors, isUniqueViolation, type Result } from "./cohorts/result";
import { accessOf, allows, type CohortAccess, type CohortRole, type Grants, type Need } from "./cohorts/roster/core";
import type { Cohort, Db } from "./db";
import { roleAllows, type SessionUser } from "./roles";
import { timeZoneSchema } from "./scheduling/core/schema";

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
// Results: either the value, or field → message key (lib/cohorts/result.ts).

export type { FieldErrors, Result } from "./cohorts/result";

// ---------------------------------------------------------------------------------------------------------
// Creating and finding cohorts, and who may do what in them (lib/cohorts/roster/core.ts).

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

export const cohortSettingsSchema = createCohortSchema.extend({
  timeZone: z.string({ error: "cohorts.errors.timeZoneInvalid" }).trim().pipe(timeZoneSchema),
});

/** Renames the cohort and sets the time zone its open and due times are typed and shown in (the owner's). */
export async function updateCohortSettings(db: Db, cohortId: string, raw: unknown): Promise<Result<Cohort, "name" | "timeZone">> {
  const parsed = cohortSettingsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues, ["name", "timeZone"], "cohorts.errors.timeZoneInvalid") };
  return { ok: true, value: await db.cohort.update({ where: { id: cohortId }, data: parsed.data }) };
}

export interface CohortSummary {
  id: string;
  name: string;
  joinCode: string;
  instructorName: string;
  memberCount: number;
  assignmentCount: number;
  createdAt: Date;
  /** The viewer's part: the owner, an admin, or a co-instructor, and what they may do there. */
  role: CohortRole;
  grants: Grants;
}

/** The cohorts a user may manage: an instructor's own and those they co-teach; every cohort for an admin. Newest first. */
export async function listManagedCohorts(db: Db, viewer: SessionUser): Promise<CohortSummary[]> {
  if (!roleAllows(viewer.role, "instructor")) return [];
  const cohorts = await db.cohort.findMany({
    where: viewer.role === "admin" ? {} : { OR: [{ instructorId: viewer.id }, { coInstructors: { some: { userId: viewer.id, acceptedAt: { not: null } } } }] },
    orderBy: { createdAt: "desc" },
    include: {
      instructor: { select: { name: true, email: true } },
      coInstructors: { where: { userId: viewer.id } },
      _count: { select: { members: { where: { removedAt: null } }, assignments: { where: { deletedAt: null } } } },
    },
  });
  return cohorts.flatMap((c) => {
    const access = accessOf(viewer, c, c.coInstructors[0] ?? null);
    if (!access) return [];
    return [
      {
        id: c.id,
        name: c.name,
        // A co-instructor without the roster grant does not hand out the code.
        joinCode: allows(access, "manageRoster") ? c.joinCode : "",
        instructorName: c.instructor.name ?? c.instructor.email,
        memberCount: c._count.members,
        assignmentCount: c._count.assignments,
        createdAt: c.createdAt,
        role: access.role,
        grants: access.grants,
      },
    ];
  });
}

/** The cohort and what `viewer` may do in it, or null when they may do nothing there (or it does not exist). */
export async function cohortAccess(db: Db, viewer: SessionUser, cohortId: string): Promise<{ cohort: Cohort; access: CohortAccess } | null> {
  if (!roleAllows(viewer.role, "instructor")) return null;
  const found = await db.cohort.findUnique({ where: { id: cohortId }, include: { coInstructors: { where: { userId: viewer.id } } } });
  if (!found) return null;
  const { coInstructors, ...cohort } = found;
  const access = accessOf(viewer, cohort, coInstructors[0] ?? null);
  return access ? { cohort, access } : null;
}

/**
 * The cohort when `viewer` may do `need` there (default: see its grades): its owner or an admin always, a
 * co-instructor when the owner granted it. Null otherwise, and for an unknown cohort: pages answer 404 to both,
 * so nobody learns which cohorts exist.
 */
export async function findManagedCohort(db: Db, viewer: SessionUser, cohortId: string, need: Need = "viewGrades"): Promise<Cohort | null> {
  const found = await cohortAccess(db, viewer, cohortId);
  return found && allows(found.access, need) ? found.cohort : null;
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
    include: { instructor: { select: { name: true, email: true } }, members: { where: { userId, removedAt: null }, select: { userId: true } } },
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

/**
 * Adds the user to the cohort with this code. Joining twice is not an error (alreadyMember: true); a learner the
 * instructor removed joins again like anyone with the code (the instructor draws no new code today).
 */
export async function joinCohort(db: Db, userId: string, raw: unknown): Promise<Result<Joined, "code">> {
  const parsed = joinCohortSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues, ["code"], "cohorts.errors.codeInvalid") };
  const cohort = await db.cohort.findUnique({ where: { joinCode: parsed.data.code } });
  if (!cohort) return { ok: false, fieldErrors: { code: "cohorts.errors.codeUnknown" } };
  if (cohort.instructorId === userId) return { ok: false, fieldErrors: { code: "cohorts.errors.ownCohort" } };
  const existing = await db.cohortMember.findUnique({ where: { cohortId_userId: { cohortId: cohort.id, userId } } });
  if (existing && !existing.removedAt) return { ok: true, value: { cohortId: cohort.id, name: cohort.name, alreadyMember: true } };
  if (existing) {
    await db.cohortMember.update({ where: { cohortId_userId: { cohortId: cohort.id, userId } }, data: { removedAt: null, joinedAt: new Date() } });
    return { ok: true, value: { cohortId: cohort.id, name: cohort.name, alreadyMember: false } };
  }
  try {
    await db.cohortMember.create({ data: { cohortId: cohort.id, userId } });
  } catch (error) {
    // A double click racing itself: the primary key keeps one row, and the answer is the same.
    if (!isUniqueViolation(error)) throw error;
    return { ok: true, value: { cohortId: cohort.id, name: cohort.name, alreadyMember: true } };
  }
  return { ok: true, value: { cohortId: cohort.id, name: cohort.name, alreadyMember: false } };
}

// ---------------------------------------------------------------------------------------------------------
// Assignments and the roster: lib/cohorts/assignments/store.ts and lib/cohorts/roster/store.ts.

export { createAssignment, updateAssignment, removeAssignment, restoreAssignment, setExtension, removeExtension, type AssignmentCatalog } from "./cohorts/assignments/store";
export {
  removeMember,
  restoreMember,
  moveMember,
  listCoInstructors,
  inviteCoInstructor,
  updateGrants,
  removeCoInstructor,
  acceptInvitation,
  pendingInvitations,
  type CoInstructorView,
  type Invitation,
} from "./cohorts/roster/store";

/** The catalog an assignment may draw from: every exercise, and every topic that has flashcards. */
export function assignmentCatalog(): AssignmentCatalog {
  const withCards = new Set(Object.entries(topicCardsOf(topicIds)).flatMap(([topic, cards]) => (cards.length ? [topic] : [])));
  return { exerciseSlugs: loadCatalog().map((e) => e.meta.slug), topicIds: topicIds.filter((t) => withCards.has(t)) };
}

// ---------------------------------------------------------------------------------------------------------
// Progress: what the cohort page shows per learner (the gradebook, lib/cohorts/gradebook, shows the scores).

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

/** An assignment's status for one learner: lib/cohorts/policy's, "upcoming" before it opens. */
export type AssignmentStatus = ItemStatus;

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
  /** Assignment id → this learner's cell (status, the score that counts, late marks, extension). */
  assignments: Record<string, GradebookCell>;
  /** Submissions whose stored report did not validate (a grader version mismatch): counted, not shown. */
  unreadableReports: number;
}

export interface AssignmentView extends GradebookAssignment {
  createdAt: Date;
  /** Learners with their own due time: user id → due. */
  extensions: Record<string, Date>;
}

export interface CohortProgress {
  cohort: { id: string; name: string; joinCode: string; instructorId: string; timeZone: string; createdAt: Date };
  assignments: AssignmentView[];
  members: MemberProgress[];
  /** Removed learners and assignments, newest first: the page offers to undo each. */
  removed: { members: { userId: string; name: string | null; email: string; removedAt: Date }[]; assignments: { id: string; title: string; items: AssignmentView["items"]; deletedAt: Date }[] };
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

/** A cohort's assignments that are not removed, in due order, with their items and extensions (all, or one learner's). */
function liveAssignments(extensionsOf?: string) {
  return {
    where: { deletedAt: null },
    orderBy: [{ dueAt: { sort: "asc" as const, nulls: "last" as const } }, { createdAt: "asc" as const }, { id: "asc" as const }],
    include: {
      items: { orderBy: [{ position: "asc" as const }, { ref: "asc" as const }] },
      extensions: { where: extensionsOf ? { userId: extensionsOf } : {}, select: { userId: true, dueAt: true } },
    },
  };
}

type AssignmentRow = { id: string; title: string; opensAt: Date | null; dueAt: Date | null; latePolicy: string; latePenaltyPerDay: number | null; lateFloor: number | null; attemptLimit: number | null; createdAt: Date; items: { kind: string; ref: string }[]; extensions: { userId: string; dueAt: Date }[] };

function assignmentView(a: AssignmentRow): AssignmentView {
  return {
    id: a.id,
    title: a.title,
    items: itemsOf(a.items),
    opensAt: a.opensAt,
    dueAt: a.dueAt,
    policy: latePolicyOf(a),
    attemptLimit: a.attemptLimit,
    createdAt: a.createdAt,
    extensions: Object.fromEntries(a.extensions.map((e) => [e.userId, e.dueAt])),
  };
}

function itemsOf(items: readonly { kind: string; ref: string }[]): AssignmentView["items"] {
  return items.flatMap((i) => (i.kind === "exercise" || i.kind === "topic" ? [{ kind: i.kind, ref: i.ref }] : []));
}

function gradebookOf(db: Db, assignments: readonly AssignmentView[], learners: readonly GradebookLearner[], now: Date): Promise<Gradebook> {
  const extensions = assignments.flatMap((a) => Object.entries(a.extensions).map(([userId, dueAt]) => ({ assignmentId: a.id, userId, dueAt })));
  return gradebookFor(db, assignments, learners, extensions, now);
}

/** Everything /cohorts/[id] shows. */
export async function cohortProgress(db: Db, cohortId: string, now: Date = new Date()): Promise<CohortProgress | null> {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    include: {
      assignments: liveAssignments(),
      members: { where: { removedAt: null }, orderBy: [{ joinedAt: "asc" }, { userId: "asc" }], include: { user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!cohort) return null;
  const [removedMembers, removedAssignments] = await Promise.all([
    db.cohortMember.findMany({ where: { cohortId, removedAt: { not: null } }, orderBy: { removedAt: "desc" }, include: { user: { select: { name: true, email: true } } } }),
    db.assignment.findMany({ where: { cohortId, deletedAt: { not: null } }, orderBy: { deletedAt: "desc" }, include: { items: { orderBy: { position: "asc" } } } }),
  ]);
  const userIds = cohort.members.map((m) => m.userId);
  const assignments = cohort.assignments.map(assignmentView);
  const [submissions, book] = await Promise.all([
    userIds.length
      ? db.submission.findMany({
          where: { userId: { in: userIds }, status: "graded" },
          orderBy: { createdAt: "asc" },
          select: { userId: true, exerciseSlug: true, kind: true, status: true, score: true, passed: true, report: true, createdAt: true, gradedAt: true },
        })
      : ([] as SubmissionRow[]),
    gradebookOf(db, assignments, cohort.members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email })), now),
  ]);
  const byUser = new Map<string, SubmissionRow[]>();
  for (const row of submissions) {
    const list = byUser.get(row.userId);
    if (list) list.push(row);
    else byUser.set(row.userId, [row]);
  }
  const members = cohort.members.map((member, index): MemberProgress => {
    const summary = summarizeSubmissions(byUser.get(member.userId) ?? []);
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
      assignments: Object.fromEntries((book.rows[index]?.cells ?? []).map((cell) => [cell.assignmentId, cell])),
    };
  });
  return {
    cohort: { id: cohort.id, name: cohort.name, joinCode: cohort.joinCode, instructorId: cohort.instructorId, timeZone: cohort.timeZone, createdAt: cohort.createdAt },
    assignments,
    members,
    removed: {
      members: removedMembers.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, removedAt: m.removedAt! })),
      assignments: removedAssignments.map((a) => ({ id: a.id, title: a.title, items: itemsOf(a.items), deletedAt: a.deletedAt! })),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// A learner's own view: the cohorts they belong to (each one: a learner may be in several), what is assigned
// there, and the score that counts for them (their own work only).

export interface LearnerCohortAssignment {
  id: string;
  title: string;
  opensAt: Date | null;
  /** Their due time: their extension if they have one. */
  dueAt: Date | null;
  extended: boolean;
  policy: LatePolicy;
  attemptLimit: number | null;
  cell: GradebookCell;
}

export interface LearnerCohort {
  id: string;
  name: string;
  instructorName: string;
  timeZone: string;
  assignments: LearnerCohortAssignment[];
}

export async function learnerCohorts(db: Db, userId: string, now: Date = new Date()): Promise<LearnerCohort[]> {
  const memberships = await db.cohortMember.findMany({
    where: { userId, removedAt: null },
    orderBy: { joinedAt: "asc" },
    include: {
      user: { select: { name: true, email: true } },
      cohort: {
        include: {
          instructor: { select: { name: true, email: true } },
          assignments: liveAssignments(userId),
        },
      },
    },
  });
  if (memberships.length === 0) return [];
  const me: GradebookLearner = { userId, name: memberships[0]!.user.name, email: memberships[0]!.user.email };
  const views = memberships.map((m) => m.cohort.assignments.map(assignmentView));
  // One gradebook over every cohort's assignments: the same queries whatever the number of cohorts.
  const book = await gradebookOf(db, views.flat(), [me], now);
  const cells = new Map((book.rows[0]?.cells ?? []).map((c) => [c.assignmentId, c]));
  return memberships.map((m, i) => ({
    id: m.cohort.id,
    name: m.cohort.name,
    instructorName: m.cohort.instructor.name ?? m.cohort.instructor.email,
    timeZone: m.cohort.timeZone,
    assignments: views[i]!.flatMap((a) => {
      const cell = cells.get(a.id);
      return cell ? [{ id: a.id, title: a.title, opensAt: a.opensAt, dueAt: cell.dueAt, extended: cell.extended, policy: a.policy, attemptLimit: a.attemptLimit, cell }] : [];
    }),
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
    const dueLocal = defaultDueLocal(now, created.value.timeZone);
    await createAssignment(
      db,
      created.value,
      { exercises: firstExercise, dueAt: dueLocal, latePolicy: "per-day", penaltyPercent: "10", floorPercent: "50" },
      { exerciseSlugs, topicIds: [] },
      now,
    );
  }
  return created.value;
}

// ---------------------------------------------------------------------------------------------------------
// Assignments where learners look: the exercise browser, the home page and the exercise page.

/** One assigned exercise (or topic) of one learner, as the learner-facing pages show it; serialisable. */
export interface LearnerAssignment {
  assignmentId: string;
  cohortName: string;
  /** The assignment's title ("" for older ones: pages show the exercise's). */
  title: string;
  /** The exercise of this line; null for an assigned topic. */
  exerciseSlug: string | null;
  topicId: string | null;
  /** ISO 8601, so it crosses into client components unchanged; null when there is no deadline. */
  dueAt: string | null;
  opensAt: string | null;
  extended: boolean;
  /** The cohort's time zone: deadlines are shown in it. */
  timeZone: string;
  status: AssignmentStatus;
  /** The score that counts for this item, 0..1, and whether any attempt counts yet. */
  score: number;
  attempted: boolean;
  /** Of the counted attempt: days late and what the policy took off (0..1). */
  daysLate: number;
  penalty: number;
  policy: LatePolicy;
  attemptsUsed: number;
  attemptsLeft: number | null;
}

const urgency: Record<AssignmentStatus, number> = { overdue: 0, open: 1, upcoming: 2, late: 3, done: 4 };

function byUrgency(a: LearnerAssignment, b: LearnerAssignment): number {
  if (urgency[a.status] !== urgency[b.status]) return urgency[a.status] - urgency[b.status];
  if (a.dueAt === b.dueAt) return (a.exerciseSlug ?? a.topicId ?? "").localeCompare(b.exerciseSlug ?? b.topicId ?? "");
  if (a.dueAt === null) return 1;
  if (b.dueAt === null) return -1;
  return a.dueAt.localeCompare(b.dueAt);
}

/** Every assigned item of the learner's cohorts, the most pressing first (overdue, open by deadline, upcoming, done). */
export function learnerAssignments(cohorts: readonly LearnerCohort[]): LearnerAssignment[] {
  return cohorts
    .flatMap((c) =>
      c.assignments.flatMap((a) =>
        a.cell.items.map((item): LearnerAssignment => ({
          assignmentId: a.id,
          cohortName: c.name,
          title: a.title,
          exerciseSlug: item.kind === "exercise" ? item.ref : null,
          topicId: item.kind === "topic" ? item.ref : null,
          dueAt: a.dueAt?.toISOString() ?? null,
          opensAt: a.opensAt?.toISOString() ?? null,
          extended: a.extended,
          timeZone: c.timeZone,
          status: item.result.status,
          score: item.result.score,
          attempted: item.result.counted !== null,
          daysLate: item.result.counted?.late?.daysLate ?? 0,
          penalty: item.result.counted?.late?.penalty ?? 0,
          policy: a.policy,
          attemptsUsed: item.result.attemptsUsed,
          attemptsLeft: item.result.attemptsLeft,
        })),
      ),
    )
    .sort(byUrgency);
}

/** Per exercise, its most pressing assignment (an exercise can be assigned in several cohorts). */
export function assignmentBySlug(cohorts: readonly LearnerCohort[]): Map<string, LearnerAssignment> {
  const bySlug = new Map<string, LearnerAssignment>();
  for (const a of learnerAssignments(cohorts)) if (a.exerciseSlug && !bySlug.has(a.exerciseSlug)) bySlug.set(a.exerciseSlug, a);
  return bySlug;
}

/** Every assignment of this exercise in the learner's cohorts (the exercise page lists each). */
export function assignmentsOfExercise(cohorts: readonly LearnerCohort[], slug: string): LearnerAssignment[] {
  return learnerAssignments(cohorts).filter((a) => a.exerciseSlug === slug);
}
