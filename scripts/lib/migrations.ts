// Migrations in Prisma's own layout, applied by a small runner that records them in Prisma's
// `_prisma_migrations` table (same columns and checksums as `prisma migrate deploy`), so the real
// `prisma migrate status` agrees wherever its native engine is available. Why not the Prisma CLI: its native
// schema engine cannot be downloaded here (shared STACK.md, "Migrations").
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Flavor } from "./schemas";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Prisma's checksum: SHA-256 of migration.sql's bytes, lowercase hex. */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

/** The minimal database surface the runner needs; implemented over better-sqlite3 and pg in migrate.ts. */
export interface MigrationTarget {
  flavor: Flavor;
  /** Runs one or more statements separated by semicolons. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` in a transaction holding the migration lock (BEGIN IMMEDIATE / pg advisory lock). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

// Byte-for-byte the DDL Prisma's schema engine uses for its bookkeeping table.
const MIGRATIONS_TABLE: Record<Flavor, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
};

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
  /** Applied migrations whose migration.sql changed since (Prisma warns about these too). */
  modified: string[];
}

export async function applyMigrations(target: MigrationTarget, migrations: Migration[]): Promise<MigrateResult> {
  const p = (i: number) => (target.flavor === "postgres" ? `$${i}` : "?");
  return target.exclusive(async () => {
    await target.exec(MIGRATIONS_TABLE[target.flavor]);
    const rows = await target.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and is unfinished in _prisma_migrations; ` +
          `fix the database by hand, then mark it rolled back (set rolled_back_at).`,
      );
    }
    const done = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r]));
    const result: MigrateResult = { applied: [], alreadyApplied: [], modified: [] };
    for (const migration of migrations) {
      const previous = done.get(migration.name);
      if (previous) {
        result.alreadyApplied.push(migration.name);
        if (previous.checksum !== migration.checksum) result.modified.push(migration.name);
        continue;
      }
      try {
        await target.exec(migration.sql);
      } catch (cause) {
        throw new Error(`Migration ${migration.name} failed: ${(cause as Error).message}`, { cause });
      }
      await target.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES (${p(1)}, ${p(2)}, ${p(3)}, CURRENT_TIMESTAMP, 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      result.applied.push(migration.name);
    }
    return result;
  });
}
