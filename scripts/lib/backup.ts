// Backup and restore (npm run db:backup -- <file>, npm run db:restore -- <file>), for the database of
// DATABASE_URL:
// - SQLite: SQLite's online backup API (better-sqlite3's db.backup()), safe while the app reads and writes:
//   the copy is one consistent state of the file, started over by SQLite if another process writes during a
//   step. The copy is then switched out of WAL mode, so it is one self-contained file, and checked.
// - PostgreSQL: pg_dump in its custom format (one consistent snapshot, safe while the app runs, the pg-boss
//   schema included) and pg_restore --clean --single-transaction (all or nothing).
// Restoring replaces the target database's contents: stop Lacuna (web and grading processes) first.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { flavorOf, sqlitePath } from "./migrate";

const run = promisify(execFile);

/** Pages SQLite copies per backup step (4 KB each): the write lock is never held for long. */
const PAGES_PER_STEP = 1000;

export interface BackupSummary {
  file: string;
  bytes: number;
  /** Rows per table in the copy (SQLite), or the archive's table count (PostgreSQL: its TOC). */
  tables: Record<string, number> | number;
}

export class BackupError extends Error {
  override name = "BackupError";
}

function sqliteTables(db: Database.Database): Record<string, number> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((name) => [name, db.prepare(`SELECT COUNT(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number]));
}

/** Opens `file` read-only and checks it is an intact SQLite database that Lacuna migrated; throws why not. */
function checkSqliteBackup(file: string): Record<string, number> {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened as a SQLite database: ${(error as Error).message}`);
  }
  try {
    const integrity = db.prepare("PRAGMA integrity_check").pluck().all() as string[];
    if (integrity.join() !== "ok") throw new BackupError(`${file} is damaged: ${integrity.slice(0, 3).join("; ")}`);
    const tables = sqliteTables(db);
    if (!("_prisma_migrations" in tables)) throw new BackupError(`${file} is not a Lacuna database (it has no _prisma_migrations table)`);
    return tables;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a usable SQLite database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function refuseExisting(file: string): void {
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose a new file name (a backup never overwrites one)`);
  mkdirSync(path.dirname(file), { recursive: true });
}

/** libpq's view of a Prisma URL: without Prisma's own parameters, and the password passed through PGPASSWORD. */
export function libpqConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const prismaOnly of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout", "connect_timeout"]) {
    url.searchParams.delete(prismaOnly);
  }
  return { url: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

async function postgresTool(tool: "pg_dump" | "pg_restore", args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === "ENOENT") throw new BackupError(`${tool} was not found: install PostgreSQL's client programs (Debian: postgresql-client, the server's major version or newer)`);
    throw new BackupError(`${tool} failed: ${(failure.stderr ?? failure.message).trim().split("\n").slice(0, 5).join(" | ")}`);
  }
}

/** Copies the database of `databaseUrl` into the new file `file`. */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupSummary> {
  const target = path.resolve(file);
  refuseExisting(target);
  if (flavorOf(databaseUrl) === "postgres") {
    const { url, env } = libpqConnection(databaseUrl);
    await postgresTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${target}`, `--dbname=${url}`], env);
    const toc = await postgresTool("pg_restore", ["--list", target], env);
    return { file: target, bytes: statSync(target).size, tables: toc.split("\n").filter((line) => / TABLE DATA /.test(line)).length };
  }
  const source = sqlitePath(databaseUrl);
  if (!existsSync(source)) throw new BackupError(`there is no SQLite database at ${source} (DATABASE_URL / LACUNA_DATA_DIR)`);
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    await db.backup(target, { progress: () => PAGES_PER_STEP });
  } finally {
    db.close();
  }
  const copy = new Database(target);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  return { file: target, bytes: statSync(target).size, tables: checkSqliteBackup(target) };
}

/** Replaces the contents of the database of `databaseUrl` with the backup `file`. Stop the app first. */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<BackupSummary> {
  const backup = path.resolve(file);
  if (!existsSync(backup)) throw new BackupError(`there is no backup file ${backup}`);
  if (flavorOf(databaseUrl) === "postgres") {
    const { url, env } = libpqConnection(databaseUrl);
    const toc = await postgresTool("pg_restore", ["--list", backup], env).catch(() => {
      throw new BackupError(`${backup} is not a pg_dump archive in the custom format (make one with npm run db:backup on PostgreSQL)`);
    });
    await postgresTool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${url}`, backup], env);
    return { file: backup, bytes: statSync(backup).size, tables: toc.split("\n").filter((line) => / TABLE DATA /.test(line)).length };
  }
  const tables = checkSqliteBackup(backup);
  const target = sqlitePath(databaseUrl);
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    // The same online API in the other direction: SQLite replaces the target's pages (and its journal or WAL)
    // properly, where copying the file over would leave a stale -wal file beside it.
    await db.backup(path.resolve(target), { progress: () => PAGES_PER_STEP });
  } finally {
    db.close();
  }
  return { file: backup, bytes: statSync(backup).size, tables };
}
