// Who may do what in a cohort: its owner (Cohort.instructorId) everything; an admin everything; a co-instructor
// who accepted the owner's invitation what the owner granted; anyone else nothing. Pure: lib/cohorts.ts reads
// the rows and every page, route and action asks `allows`.
import { z } from "zod";

export const GRANTS = ["viewGrades", "manageAssignments", "manageRoster", "exportGrades"] as const;
export type Grant = (typeof GRANTS)[number];
export type Grants = Record<Grant, boolean>;

/** What a page or action needs: one grant, or "owner" (inviting co-instructors, the cohort's settings). */
export type Need = Grant | "owner";

export type CohortRole = "owner" | "admin" | "co-instructor";

export interface CohortAccess {
  role: CohortRole;
  grants: Grants;
}

const ALL: Grants = { viewGrades: true, manageAssignments: true, manageRoster: true, exportGrades: true };

export function accessOf(
  viewer: { id: string; role: string },
  cohort: { instructorId: string },
  coInstructor: (Grants & { acceptedAt: Date | null }) | null,
): CohortAccess | null {
  if (cohort.instructorId === viewer.id && (viewer.role === "instructor" || viewer.role === "admin")) return { role: "owner", grants: ALL };
  if (viewer.role === "admin") return { role: "admin", grants: ALL };
  if (viewer.role !== "instructor" || !coInstructor?.acceptedAt) return null;
  return { role: "co-instructor", grants: Object.fromEntries(GRANTS.map((g) => [g, coInstructor[g]])) as Grants };
}

export function allows(access: CohortAccess | null, need: Need): boolean {
  if (!access) return false;
  if (need === "owner") return access.role !== "co-instructor";
  return access.grants[need];
}

/** The invitation form: an instructor's email and the grants (checkboxes: "on" when ticked). */
export const inviteSchema = z.object({
  email: z
    .string({ error: "cohorts.errors.emailRequired" })
    .trim()
    .toLowerCase()
    .min(1, { error: "cohorts.errors.emailRequired" })
    .pipe(z.email({ error: "cohorts.errors.emailInvalid" })),
  ...grantFields(),
});

export const grantsSchema = z.object(grantFields());

function grantFields() {
  const box = z.string().optional().transform((v) => v === "on" || v === "true");
  return Object.fromEntries(GRANTS.map((g) => [g, box])) as Record<Grant, typeof box>;
}
