// Opens a database (SQLite file or PostgreSQL URL) and applies the committed migrations of its flavor.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { applyMigrations, readMigrations, type MigrateResult, type MigrationTarget } from "./migrations";
import { migrationsDir, type Flavor } from "./schemas";

export function flavorOf(databaseUrl: string): Flavor {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgres" : "sqlite";
}

/** "file:./data/lacuna.db" or a plain path → the file path better-sqlite3 opens. */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "");
}

// Prisma's own advisory-lock key for migrations, so our runner and `prisma migrate deploy` exclude each other.
const PRISMA_MIGRATE_LOCK = 72707369;

async function withSqliteTarget<T>(file: string, work: (t: MigrationTarget) => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  const target: MigrationTarget = {
    flavor: "sqlite",
    exec: async (sql) => void db.exec(sql),
    query: async <Row>(sql: string, params: unknown[] = []) => {
      const statement = db.prepare(sql);
      return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as Row[];
    },
    exclusive: async (inner) => {
      // Prisma's SQLite migrations redefine a table (create new, copy, DROP old, rename) between
      // "PRAGMA foreign_keys=OFF/ON", which SQLite ignores inside a transaction: with the keys on, dropping the old
      // table cascades to every row that references it (dropping Cohort emptied CohortMember and Assignment).
      // So the keys are off for the whole run, as `prisma migrate deploy` has them, and checked before commit.
      db.pragma("foreign_keys = OFF");
      db.exec("BEGIN IMMEDIATE");
      try {
        const value = await inner();
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) throw new Error(`the migrations leave ${broken.length} row(s) whose foreign key points nowhere: ${JSON.stringify(broken.slice(0, 3))}`);
        db.exec("COMMIT");
        return value;
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      } finally {
        db.pragma("foreign_keys = ON");
      }
    },
  };
  try {
    return await work(target);
  } finally {
    db.close();
  }
}

async function withPostgresTarget<T>(url: string, work: (t: MigrationTarget) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const target: MigrationTarget = {
    flavor: "postgres",
    exec: async (sql) => void (await client.query(sql)),
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
    exclusive: async (inner) => {
      await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
      try {
        await client.query("BEGIN");
        try {
          const value = await inner();
          await client.query("COMMIT");
          return value;
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]);
      }
    },
  };
  try {
    return await work(target);
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations to the database at `databaseUrl` (file:… / path for SQLite, postgres://… for PG);
 * with `until`, only those up to and including that migration's name (tests of a data migration use it).
 */
export async function migrateDatabase(databaseUrl: string, options: { until?: string } = {}): Promise<MigrateResult> {
  const flavor = flavorOf(databaseUrl);
  const until = options.until;
  const migrations = readMigrations(migrationsDir[flavor]).filter((m) => until === undefined || m.name <= until);
  return flavor === "postgres"
    ? withPostgresTarget(databaseUrl, (t) => applyMigrations(t, migrations))
    : withSqliteTarget(sqlitePath(databaseUrl), (t) => applyMigrations(t, migrations));
}
