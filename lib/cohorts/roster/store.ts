// The roster in the database: removing a learner (with undo), moving one to another cohort, and co-instructors
// (invitation, acceptance, grants, removal). Callers check access first (lib/cohorts.ts findManagedCohort:
// "manageRoster" for learners, "owner" for co-instructors); these functions keep every change inside the
// given cohort.
import type { Db } from "@/lib/db";
import { fail, issuesToFieldErrors, type Result } from "../result";
import { GRANTS, grantsSchema, inviteSchema, type Grants } from "./core";

/** Removes a learner from the cohort (their work stays theirs); `restoreMember` undoes it. */
export async function removeMember(db: Db, cohortId: string, userId: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await db.cohortMember.updateMany({ where: { cohortId, userId, removedAt: null }, data: { removedAt: now } });
  return count > 0;
}

export async function restoreMember(db: Db, cohortId: string, userId: string): Promise<boolean> {
  const { count } = await db.cohortMember.updateMany({ where: { cohortId, userId, removedAt: { not: null } }, data: { removedAt: null } });
  return count > 0;
}

/**
 * Moves a current learner from one cohort to another (the caller manages the roster of both): removed here,
 * a member there (again, if they had been removed from it). Their extensions stay with the assignments they
 * were granted for.
 */
export async function moveMember(db: Db, fromCohortId: string, toCohortId: string, userId: string, now: Date = new Date()): Promise<Result<{ toCohortId: string }, "toCohortId">> {
  if (fromCohortId === toCohortId) return fail("toCohortId", "cohorts.errors.sameCohort");
  const [member, target] = await Promise.all([
    db.cohortMember.findFirst({ where: { cohortId: fromCohortId, userId, removedAt: null }, select: { userId: true } }),
    db.cohort.findUnique({ where: { id: toCohortId }, select: { id: true, instructorId: true } }),
  ]);
  if (!member) return fail("toCohortId", "cohorts.errors.notMember");
  if (!target) return fail("toCohortId", "cohorts.errors.cohortUnknown");
  if (target.instructorId === userId) return fail("toCohortId", "cohorts.errors.ownCohort");
  await db.$transaction([
    db.cohortMember.update({ where: { cohortId_userId: { cohortId: fromCohortId, userId } }, data: { removedAt: now } }),
    db.cohortMember.upsert({
      where: { cohortId_userId: { cohortId: toCohortId, userId } },
      create: { cohortId: toCohortId, userId },
      update: { removedAt: null },
    }),
  ]);
  return { ok: true, value: { toCohortId } };
}

export interface CoInstructorView extends Grants {
  userId: string;
  name: string | null;
  email: string;
  acceptedAt: Date | null;
}

export async function listCoInstructors(db: Db, cohortId: string): Promise<CoInstructorView[]> {
  const rows = await db.cohortInstructor.findMany({
    where: { cohortId },
    orderBy: { createdAt: "asc" },
    include: { user: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name, email: r.user.email, acceptedAt: r.acceptedAt, ...grantsOf(r) }));
}

function grantsOf(row: Grants): Grants {
  return Object.fromEntries(GRANTS.map((g) => [g, row[g]])) as Grants;
}

/**
 * Invites an instructor (by their account's email) to co-teach with the given grants; the invitation waits on
 * their /cohorts page until they accept. Inviting again changes the grants.
 */
export async function inviteCoInstructor(
  db: Db,
  cohort: { id: string; instructorId: string },
  raw: unknown,
  invitedById: string,
): Promise<Result<CoInstructorView, "email">> {
  const parsed = inviteSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues, ["email"], "cohorts.errors.emailInvalid") };
  const { email, ...grants } = parsed.data;
  const invitee = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
  // Say exactly why an existing account cannot co-teach: an admin already manages every cohort, a learner's
  // account is not an instructor's (the tester's "No instructor account has this email" for admin@… misled).
  if (!invitee) return fail("email", "cohorts.errors.inviteeNotInstructor");
  if (invitee.role === "admin") return fail("email", "cohorts.errors.inviteeIsAdmin");
  if (invitee.role !== "instructor") return fail("email", "cohorts.errors.inviteeIsLearner");
  if (invitee.id === cohort.instructorId) return fail("email", "cohorts.errors.inviteeIsOwner");
  await db.cohortInstructor.upsert({
    where: { cohortId_userId: { cohortId: cohort.id, userId: invitee.id } },
    create: { cohortId: cohort.id, userId: invitee.id, invitedById, ...grants },
    update: grants,
  });
  const [view] = (await listCoInstructors(db, cohort.id)).filter((c) => c.userId === invitee.id);
  return { ok: true, value: view! };
}

export async function updateGrants(db: Db, cohortId: string, userId: string, raw: unknown): Promise<boolean> {
  const grants = grantsSchema.parse(raw);
  const { count } = await db.cohortInstructor.updateMany({ where: { cohortId, userId }, data: grants });
  return count > 0;
}

/** The owner takes a co-instructor off the cohort, or the co-instructor leaves / declines the invitation. */
export async function removeCoInstructor(db: Db, cohortId: string, userId: string): Promise<boolean> {
  const { count } = await db.cohortInstructor.deleteMany({ where: { cohortId, userId } });
  return count > 0;
}

export async function acceptInvitation(db: Db, cohortId: string, userId: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await db.cohortInstructor.updateMany({ where: { cohortId, userId, acceptedAt: null }, data: { acceptedAt: now } });
  return count > 0;
}

export interface Invitation extends Grants {
  cohortId: string;
  cohortName: string;
  ownerName: string;
}

/** The invitations waiting for this instructor's answer. */
export async function pendingInvitations(db: Db, userId: string): Promise<Invitation[]> {
  const rows = await db.cohortInstructor.findMany({
    where: { userId, acceptedAt: null },
    orderBy: { createdAt: "asc" },
    include: { cohort: { select: { name: true, instructor: { select: { name: true, email: true } } } } },
  });
  return rows.map((r) => ({ cohortId: r.cohortId, cohortName: r.cohort.name, ownerName: r.cohort.instructor.name ?? r.cohort.instructor.email, ...grantsOf(r) }));
}
