// Roles and the pure access decision behind every page and route guard (lib/auth.ts).
import { z } from "zod";

export const ROLES = ["learner", "instructor", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** What a guard knows about the caller: null when signed out. */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

// Each role can do everything the roles before it can: an admin passes an instructor guard.
const RANK: Record<Role, number> = { learner: 0, instructor: 1, admin: 2 };

export function roleAllows(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export type AccessDecision =
  | { kind: "allow"; user: SessionUser }
  | { kind: "signin"; reason: string }
  | { kind: "forbidden"; reason: string };

export function decideAccess(user: SessionUser | null, required: Role = "learner"): AccessDecision {
  if (!user) return { kind: "signin", reason: "Sign in required" };
  if (!roleAllows(user.role, required)) {
    return { kind: "forbidden", reason: `This needs the ${required} role; you are signed in as ${user.role}` };
  }
  return { kind: "allow", user };
}

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  return raw;
}
