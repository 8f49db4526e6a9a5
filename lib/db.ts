// One shared PrismaClient per process, on SQLite (default, ./data/lacuna.db) or PostgreSQL (DATABASE_URL
// postgres://…), chosen from the validated env. Both generated clients come from the same models
// (prisma/schema.prisma), so the SQLite client's type describes either.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { databaseUrlOf, isPostgresUrl } from "./env";

export type Db = SqliteClient;
export type {
  Prisma,
  User,
  Account,
  Session,
  VerificationToken,
  Submission,
  Draft,
  SrsCard,
  SrsReviewLog,
  SrsSettings,
  Cohort,
  CohortMember,
  Assignment,
} from "./generated/sqlite/client";

/** A new client for `databaseUrl` (file:/path → SQLite, postgres:// → PostgreSQL). Tests use this directly. */
export function createDb(databaseUrl: string): Db {
  if (isPostgresUrl(databaseUrl)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as Db;
  }
  // The web server and the grading daemon write to one file: wait up to 10 s for a lock instead of
  // failing with SQLITE_BUSY (the migration runner already switched the file to WAL mode).
  return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: databaseUrl.replace(/^file:/, ""), timeout: 10_000 }) });
}

// Kept on globalThis so Next's dev-mode module reloading does not open a new pool on every edit.
const holder = globalThis as typeof globalThis & { __lacunaDb?: Db };

/** The process-wide client for the configured database. */
export function getDb(): Db {
  holder.__lacunaDb ??= createDb(databaseUrlOf());
  return holder.__lacunaDb;
}
