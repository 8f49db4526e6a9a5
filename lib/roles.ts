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

// A placeholder origin to resolve relative callbacks against: whatever the URL parser makes of the input, only a
// result on this very origin is a same-site path.
const PROBE_ORIGIN = "http://lacuna.invalid";

/**
 * Only same-site paths are followed after sign-in (no open redirect): `raw` is resolved the way a browser resolves
 * a Location header (WHATWG URL: tabs and newlines dropped, `\` read as `/`, dot segments removed), and kept only
 * if it stays on the same origin. Returns the parser's normalised path + query + fragment (so what is checked is
 * what is followed), or "/" for anything else. With `origin` (next-auth's redirect callback), an absolute URL on
 * that origin is accepted too and reduced to its path.
 */
export function safeCallbackPath(raw: string | null | undefined, origin?: string): string {
  if (!raw) return "/";
  // Only a path or (with `origin`) an absolute URL: "evil.example" or "?x" would resolve relative to the page.
  const trimmed = raw.replace(/^[\u0000-\u0020]+/, "");
  const absolute = origin !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  if (!absolute && !/^[/\\]/.test(trimmed)) return "/";
  let url: URL;
  try {
    url = new URL(trimmed, absolute ? origin : PROBE_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== (absolute ? new URL(origin).origin : PROBE_ORIGIN)) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to the path "//evil.example", which a browser would follow to another host.
  return path.startsWith("//") ? "/" : path;
}
