// Sign-up and credential checks against the database; framework-free so tests call them directly.
import { z } from "zod";
import { isSqliteDb, type Db, type User } from "./db";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "./password";
import type { Role } from "./roles";
import { roleSchema } from "./roles";
import { readWithoutBlocking } from "./sqlite-write";

export const signUpSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "auth.errors.emailInvalid" })),
  name: z
    .string()
    .trim()
    .max(80, { error: "auth.errors.nameTooLong" })
    .optional()
    .transform((name) => (name ? name : undefined)),
  password: z
    .string()
    .min(8, { error: "auth.errors.passwordTooShort" })
    .max(200, { error: "auth.errors.passwordTooLong" }),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Field → message key in messages/*.json (e.g. "auth.errors.emailTaken"), so the page can translate it. */
export type FieldErrors = Partial<Record<"email" | "name" | "password", string>>;

export type SignUpResult = { ok: true; user: User } | { ok: false; fieldErrors: FieldErrors };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export async function signUp(db: Db, raw: unknown, role: Role = "learner"): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "email" || field === "name" || field === "password") && !fieldErrors[field]) {
        fieldErrors[field] = issue.message.startsWith("auth.") ? issue.message : `auth.errors.${field}Invalid`;
      }
    }
    return { ok: false, fieldErrors };
  }
  const { email, name, password } = parsed.data;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    return { ok: false, fieldErrors: { email: "auth.errors.emailTaken" } };
  }
  try {
    const user = await db.user.create({
      data: { email, name: name ?? null, passwordHash: await hashPassword(password), role: roleSchema.parse(role) },
    });
    return { ok: true, user };
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides, the loser gets the same clear message.
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { email: "auth.errors.emailTaken" } };
    throw error;
  }
}

/** The user when email and password match, else null (same answer for unknown email and wrong password). */
export async function checkCredentials(db: Db, email: unknown, password: unknown): Promise<User | null> {
  if (typeof email !== "string" || typeof password !== "string" || !email || !password) return null;
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  // An unknown address takes the same bcrypt work as a wrong password (no timing tells which accounts exist).
  if (!user) {
    await verifyAgainstNothing(password);
    return null;
  }
  return (await verifyPassword(password, user.passwordHash)) ? user : null;
}

/** What a session needs of its user. */
export type SessionUserRow = Pick<User, "id" | "email" | "name" | "role">;

const SESSION_USER_SQL = `SELECT "id", "email", "name", "role" FROM "User" WHERE "email" = ?`;

/**
 * The user signed in as `email`, read on every signed-in request (lib/auth.ts), or null. On SQLite one prepared
 * SELECT on the side connection instead of Prisma's query engine (issue 16: 150–170 µs of CPU per read through
 * Prisma, 7–10 µs without); every column is text, as Prisma returns it.
 */
export async function sessionUserByEmail(db: Db, email: string): Promise<SessionUserRow | null> {
  if (!isSqliteDb(db)) return db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true } });
  return (await readWithoutBlocking(db, (prepare) => prepare(SESSION_USER_SQL).get(email) as SessionUserRow | undefined)) ?? null;
}

export const DEMO_PASSWORD = "lacuna-demo";
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "learner@lacuna.local", name: "Demo Learner", role: "learner" },
  { email: "instructor@lacuna.local", name: "Demo Instructor", role: "instructor" },
  { email: "admin@lacuna.local", name: "Demo Admin", role: "admin" },
];

/** Creates the demo accounts when the database has no users at all. Returns the emails created. */
export async function seedDemoUsers(db: Db): Promise<string[]> {
  if ((await db.user.count()) > 0) return [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_USERS) {
    await db.user.create({ data: { ...demo, passwordHash } });
  }
  return DEMO_USERS.map((demo) => demo.email);
}

export async function demoUsersPresent(db: Db): Promise<string[]> {
  const found = await db.user.findMany({
    where: { email: { in: DEMO_USERS.map((d) => d.email) } },
    select: { email: true },
  });
  return found.map((u) => u.email);
}
