// Authentication (next-auth 4, credentials + JWT sessions) and the guards every page and route handler uses.
//   Pages / server actions:  const user = await requireUser();   await requireRole("instructor");
//   Route handlers:          const auth = await apiUser(); if (!auth.ok) return auth.response;
//                            const auth = await apiRole("instructor"); …same shape
import type { NextAuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { NextResponse } from "next/server";
import { timePhase } from "../grader/phase-timing";
import { checkCredentials, sessionUserByEmail } from "./accounts";
import { getDb } from "./db";
import { ensureAuthSecret } from "./env";
import { decideAccess, roleSchema, safeCallbackPath, type Role, type SessionUser } from "./roles";

export type { Role, SessionUser } from "./roles";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  secret: ensureAuthSecret(),
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const user = await checkCredentials(getDb(), credentials?.email, credentials?.password);
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    // Every redirect next-auth makes (callbackUrl after sign-in and sign-out, error pages) goes through the same
    // same-origin check as the sign-in and sign-up pages.
    redirect({ url, baseUrl }) {
      return `${new URL(baseUrl).origin}${safeCallbackPath(url, baseUrl)}`;
    },
  },
};

/**
 * The session cookie's value: next-auth's cookie (`__Secure-` prefixed behind https), split into `.0`, `.1`, …
 * chunks when it is long, as next-auth's SessionStore writes it.
 */
export function sessionToken(all: { name: string; value: string }[]): string | null {
  for (const name of ["__Secure-next-auth.session-token", "next-auth.session-token"]) {
    const whole = all.find((c) => c.name === name);
    if (whole) return whole.value;
    const chunks = all
      .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length) return chunks.map((c) => c.value).join("");
  }
  return null;
}

/**
 * Decoded sessions by token, for a few seconds: decoding costs a key derivation and a JWE decryption, and
 * next-auth's getServerSession also re-encrypts a fresh token it then cannot set from a server component.
 * Only the email is kept (the user is read from the database on every request), never past the token's
 * expiry; a token that fails to decode is remembered as signed out.
 */
const decodedSessions = new Map<string, { email: string | null; until: number }>();
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_ENTRIES = 10_000;

async function sessionEmail(token: string): Promise<string | null> {
  const now = Date.now();
  const hit = decodedSessions.get(token);
  if (hit && hit.until > now) return hit.email;
  let email: string | null = null;
  let until = now + SESSION_CACHE_MS;
  try {
    const payload = await decode({ token, secret: authOptions.secret! });
    email = typeof payload?.email === "string" ? payload.email : null;
    if (typeof payload?.exp === "number") until = Math.min(until, payload.exp * 1000);
  } catch {
    email = null; // expired, tampered with, or made with another secret: signed out, as next-auth says
  }
  if (decodedSessions.size >= SESSION_CACHE_ENTRIES) {
    for (const [key, entry] of decodedSessions) if (entry.until <= now) decodedSessions.delete(key);
    if (decodedSessions.size >= SESSION_CACHE_ENTRIES) decodedSessions.clear();
  }
  decodedSessions.set(token, { email, until });
  return email;
}

/**
 * The signed-in user, read fresh from the database (so a role change or a deleted account takes effect
 * at once, not when the JWT expires), or null.
 */
export function getSessionUser(): Promise<SessionUser | null> {
  return timePhase("web.auth", readSessionUser);
}

async function readSessionUser(): Promise<SessionUser | null> {
  const token = sessionToken((await cookies()).getAll());
  const email = token ? await sessionEmail(token) : null;
  if (!email) return null;
  const user = await sessionUserByEmail(getDb(), email);
  if (!user) return null;
  const role = roleSchema.safeParse(user.role);
  return { ...user, role: role.success ? role.data : "learner" };
}

/** Path + query of the current request (set by proxy.ts), for ?callbackUrl= after sign-in. */
async function currentPath(): Promise<string> {
  return safeCallbackPath((await headers()).get("x-lacuna-path"));
}

export function signInPath(callbackUrl: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackUrl))}`;
}

/**
 * For the sign-in and sign-up pages: the safe path to go to afterwards (from ?callbackUrl=); a visitor who is
 * already signed in is sent there at once.
 */
export async function callbackPathForSignedOut(searchParams: Promise<Record<string, string | string[] | undefined>>): Promise<string> {
  const { callbackUrl } = await searchParams;
  const path = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : null);
  if (await getSessionUser()) redirect(path);
  return path;
}

/** For pages and server actions: the user, or a redirect to /signin?callbackUrl=<this page>. */
export async function requireUser(): Promise<SessionUser> {
  return requireRole("learner");
}

/** For pages and server actions: signed out → /signin redirect; role too low → 403 page (app/forbidden.tsx). */
export async function requireRole(role: Role): Promise<SessionUser> {
  const decision = decideAccess(await getSessionUser(), role);
  if (decision.kind === "signin") redirect(signInPath(await currentPath()));
  if (decision.kind === "forbidden") forbidden();
  return decision.user;
}

export type ApiAuth = { ok: true; user: SessionUser } | { ok: false; response: NextResponse };

/** For route handlers: 401 JSON { error } when signed out, 403 JSON { error } when the role is too low. */
export async function apiRole(role: Role): Promise<ApiAuth> {
  const decision = decideAccess(await getSessionUser(), role);
  if (decision.kind === "allow") return { ok: true, user: decision.user };
  const status = decision.kind === "signin" ? 401 : 403;
  return { ok: false, response: NextResponse.json({ error: decision.reason }, { status }) };
}

export async function apiUser(): Promise<ApiAuth> {
  return apiRole("learner");
}
