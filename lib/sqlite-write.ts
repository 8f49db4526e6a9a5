// A write on SQLite that waits for another process's write lock without blocking this process's event loop.
//
// better-sqlite3 is synchronous: while the grading daemon holds the database's write lock (a graded submit's
// grade and review commit in one transaction), a statement on Prisma's connection waits inside SQLite's busy
// handler, which sleeps 1, 2, 5, 10 … ms with the whole process stopped. During a class burst the web server spent
// more than half its time there (issue 16: `INSERT INTO "Submission"` waited 17 ms on average, 8.4 s of a 15.5 s
// run), and every other learner's request waited with it. Here the statement runs on a second connection of the
// process whose busy timeout is 0: a busy database answers SQLITE_BUSY at once, and the retry is scheduled on a
// timer, so other requests run meanwhile. One statement is one implicit transaction, atomic by itself; a few hot
// writes of several statements run as one synchronous transaction here (transactWithoutBlocking), never Prisma's.
import Database from "better-sqlite3";
import { statSync } from "node:fs";
import { SQLITE_BUSY_TIMEOUT_MS, sqliteFileOf, type Db } from "./db";

/** Waits between tries while the database is busy, in ms (the last one repeats): short, since a lock is held ~1–10 ms. */
const RETRY_DELAYS_MS = [1, 1, 2, 2, 4, 4, 8] as const;

/**
 * Thrown when the database stayed busy for the whole timeout. Its code is Prisma's for "SQLite busy past its
 * timeout" (P1008), so `isTransientDbError` and `withWriteRetry` treat it as the same lost race.
 */
export class SqliteBusyTimeoutError extends Error {
  readonly code = "P1008";
  constructor(waitedMs: number) {
    super(`the database stayed locked by another writer for ${Math.round(waitedMs)} ms (SQLITE_BUSY)`);
    this.name = "SqliteBusyTimeoutError";
  }
}

interface SideConnection {
  database: Database.Database;
  statements: Map<string, Database.Statement>;
  /** The file's inode when opened: a file replaced at the same path (a test's fresh database) is opened anew. */
  inode: number;
}

// On globalThis, keyed by file: Next's dev-mode reloads and its several bundled copies of this module share one
// connection per database file.
const holder = globalThis as typeof globalThis & { __lacunaSqliteSide?: Map<string, SideConnection> };

function sideConnection(file: string): SideConnection {
  const connections = (holder.__lacunaSqliteSide ??= new Map());
  const inode = statSync(file).ino;
  let connection = connections.get(file);
  if (connection?.inode !== inode) {
    connection?.database.close();
    // timeout 0: SQLITE_BUSY at once. The file is in WAL mode already (lib/db.ts sets it on Prisma's connection,
    // and the mode is kept in the file).
    connection = { database: new Database(file, { timeout: 0, fileMustExist: true }), statements: new Map(), inode };
    connections.set(file, connection);
  }
  return connection;
}

/** A prepared statement on the side connection, kept by its SQL text (the callers' texts are fixed). */
export type PrepareStatement = (sql: string) => Database.Statement;

function isBusy(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/** A timestamp as Prisma's SQLite adapter stores DateTime columns (ISO 8601 with "+00:00"), so comparisons agree. */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A value as Prisma's SQLite adapter binds it: DateTime as sqliteTimestamp's text, Boolean as 0/1. */
export function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return sqliteTimestamp(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** A model's row as SQLite holds it: DateTime as text, Boolean as 0/1 (what a SELECT outside Prisma returns). */
export type SqliteRow<T> = {
  [K in keyof T]: T[K] extends Date
    ? string
    : T[K] extends Date | null
      ? string | null
      : T[K] extends boolean
        ? number
        : T[K] extends boolean | null
          ? number | null
          : T[K];
};

/** `true` when `Columns` lists every field of `Row`; otherwise the fields it leaves out (a type error where it is asserted). */
export type ListsEveryColumn<Row, Columns extends readonly unknown[]> = [Exclude<keyof Row, Columns[number]>] extends [never] ? true : Exclude<keyof Row, Columns[number]>;

/** Column names quoted for a SELECT, RETURNING or INSERT list. */
export function sqliteColumnList(columns: readonly string[]): string {
  return columns.map((column) => `"${column}"`).join(", ");
}

/** A DateTime column read outside Prisma (sqliteTimestamp's text, or NULL) as the Date, or null, Prisma gives. */
export function dateFromSqlite(stored: string): Date;
export function dateFromSqlite(stored: string | null): Date | null;
export function dateFromSqlite(stored: string | null): Date | null {
  return stored === null ? null : new Date(stored);
}

/**
 * Runs `write` (one statement: it may run again after SQLITE_BUSY) on this process's side connection to `db`'s
 * SQLite file, synchronously; while another connection holds the write lock, tries again on a timer for up to
 * `timeoutMs` (default SQLITE_BUSY_TIMEOUT_MS, as Prisma's connection waits), then throws
 * SqliteBusyTimeoutError. Any other error is thrown at once. Throws if `db` is not a SQLite client.
 */
export async function writeWithoutBlocking<T>(db: Db, write: (prepare: PrepareStatement) => T, options: { timeoutMs?: number } = {}): Promise<T> {
  return onSideConnection(db, (_database, prepare) => write(prepare), options);
}

/**
 * Runs `body` as one transaction on the side connection: `BEGIN IMMEDIATE`, the body's statements, `COMMIT`;
 * a throw rolls it back and is thrown. `body` must be synchronous (no other statement of this process can slip
 * into the transaction) and may run again while the database is busy: IMMEDIATE takes the write lock at BEGIN,
 * so a busy database refuses the transaction before any of its statements ran, and it is tried again on a timer
 * as writeWithoutBlocking's statement is. For the hot multi-statement writes (issue 16: a graded submit's grade
 * and review through Prisma's interactive transaction cost the daemon 3.1–5.0 ms of CPU).
 */
export async function transactWithoutBlocking<T>(db: Db, body: (prepare: PrepareStatement) => T, options: { timeoutMs?: number } = {}): Promise<T> {
  return onSideConnection(db, (database, prepare) => database.transaction(() => body(prepare)).immediate(), options);
}

async function onSideConnection<T>(
  db: Db,
  run: (database: Database.Database, prepare: PrepareStatement) => T,
  options: { timeoutMs?: number },
): Promise<T> {
  const file = sqliteFileOf(db);
  if (file === null) throw new Error("a statement on the side connection needs a SQLite client");
  const { database, statements } = sideConnection(file);
  const prepare: PrepareStatement = (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const timeoutMs = options.timeoutMs ?? SQLITE_BUSY_TIMEOUT_MS;
  const started = performance.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return run(database, prepare);
    } catch (error) {
      if (!isBusy(error)) throw error;
      const waited = performance.now() - started;
      if (waited >= timeoutMs) throw new SqliteBusyTimeoutError(waited);
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Runs `read` (one SELECT) on this process's side connection to `db`'s SQLite file, as writeWithoutBlocking runs
 * a write. For the few reads on every request of the hot path: through Prisma's query engine a findUnique cost
 * 150–210 µs of CPU on this machine, the statement itself 7–13 µs (issue 16). In WAL mode a read sees every
 * committed write and waits for no writer; SQLITE_BUSY (a connection recovering the WAL) is retried the same way.
 */
export function readWithoutBlocking<T>(db: Db, read: (prepare: PrepareStatement) => T, options: { timeoutMs?: number } = {}): Promise<T> {
  return writeWithoutBlocking(db, read, options);
}
