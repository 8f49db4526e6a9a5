// The process environment, validated once with zod. Every bad value gets its own message naming the variable.
// No Next.js or Prisma imports: scripts/start.mjs and the tests load this too.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const envSchema = z.object({
  NODE_ENV: z.preprocess(
    emptyToUndefined,
    z.enum(["development", "production", "test"], { error: "NODE_ENV must be development, production or test" }).default("development"),
  ),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "PORT must be a number" })
      .int({ error: "PORT must be a whole number" })
      .min(1, { error: "PORT must be between 1 and 65535" })
      .max(65535, { error: "PORT must be between 1 and 65535" })
      .default(3000),
  ),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((url) => /^(postgres(ql)?:\/\/|file:)/.test(url), {
        error: "DATABASE_URL must start with postgres://, postgresql:// or file: (or be unset for ./data/lacuna.db)",
      })
      .optional(),
  ),
  NEXTAUTH_URL: z.preprocess(emptyToUndefined, z.url({ error: "NEXTAUTH_URL must be an absolute URL like http://localhost:3000" }).optional()),
  NEXTAUTH_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(16, { error: "NEXTAUTH_SECRET must be at least 16 characters" }).optional(),
  ),
  LACUNA_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data")),
  /** Where a Gradescope autograder bundle's setup.sh installs Lacuna's grader from (an npm install spec). */
  LACUNA_GRADESCOPE_PACKAGE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .max(500, { error: "LACUNA_GRADESCOPE_PACKAGE must be at most 500 characters" })
      .regex(/^[^\s"'`$\\]+$/, { error: "LACUNA_GRADESCOPE_PACKAGE must be one npm install spec without spaces, quotes, $ or backslashes (e.g. git+https://host/lacuna.git#<commit>)" })
      .optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Validates `source` (default process.env); throws EnvError listing one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}

let cached: Env | undefined;

/** The validated process environment (parsed on first use). */
export function loadEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

export function dataDir(env: Env = loadEnv()): string {
  return path.resolve(env.LACUNA_DATA_DIR);
}

/** DATABASE_URL, or the SQLite file ./data/lacuna.db (under LACUNA_DATA_DIR). */
export function databaseUrlOf(env: Env = loadEnv()): string {
  return env.DATABASE_URL ?? `file:${path.join(dataDir(env), "lacuna.db")}`;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * On PostgreSQL any number of web processes, on any number of machines, serve one database, and each reads the
 * session cookies with its own secret: one generated into a machine's data folder is unknown to the others,
 * which then treat that machine's learners as signed out. A deployment (NODE_ENV=production) must set
 * NEXTAUTH_SECRET; elsewhere (one machine trying PostgreSQL) a warning is enough.
 */
export function unsharedSecretProblem(env: Env, databaseUrl: string): { fatal: boolean; message: string } | null {
  if (env.NEXTAUTH_SECRET || !isPostgresUrl(databaseUrl)) return null;
  return {
    fatal: env.NODE_ENV === "production",
    message:
      "NEXTAUTH_SECRET: must be set (the same value on every machine) when DATABASE_URL is PostgreSQL: a secret generated into this machine's data folder signs sessions that web servers on other machines reject",
  };
}

/**
 * NEXTAUTH_SECRET, or for local use a random secret generated on first start and kept in <data>/secret
 * (so sessions survive restarts without any setup).
 */
export function ensureAuthSecret(env: Env = loadEnv()): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(dataDir(env), "secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 16) return stored;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
