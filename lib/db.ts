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
  MisconceptionItem,
  Cohort,
  CohortMember,
  Assignment,
} from "./generated/sqlite/client";

/** How long a SQLite connection waits for another process's write lock before giving up, in ms. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

// Interactive transactions queue behind each other (one SQLite connection per process; a PostgreSQL pool):
// under load the default 2 s to start and 5 s to finish turn a busy moment into a 500.
const transactionOptions = { maxWait: 15_000, timeout: 20_000 };

/** The part of a better-sqlite3 Statement that Prisma's adapter uses. */
interface SqliteStatement {
  readonly reader: boolean;
  columns(): unknown[];
  raw(toggle?: boolean): SqliteStatement;
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
/** What the adapter does with a prepared statement: bind the query's parameters, then run or read it (BEGIN: run it as it is). */
interface SqlitePrepared {
  bind(params: unknown[]): { readonly reader: boolean; columns(): unknown[]; raw(): { all(): unknown[] }; run(): unknown };
  run(): unknown;
}
type SqliteConnection = { client: { prepare: (sql: string) => SqlitePrepared; pragma: (sql: string) => unknown } };

/** Distinct SQL texts whose prepared statements a connection keeps (`IN (?, ?, …)` lists make the texts unbounded). */
export const SQLITE_STATEMENT_CACHE_SIZE = 500;

/**
 * How Prisma's findUnique and findFirst end their SQL, with the row count and offset bound as the last two
 * parameters, and the same ending with their one pair of values (1, 0) written into the text.
 */
const BOUND_SINGLE_ROW = /LIMIT \? OFFSET \?$/;
const SINGLE_ROW = "LIMIT 1 OFFSET 0";

/** `[1, 0]`, as a number or a bigint (how Prisma's adapter may pass them). */
function isSingleRowPage(limit: unknown, offset: unknown): boolean {
  return (limit === 1 || limit === 1n) && (offset === 0 || offset === 0n);
}

/**
 * `prepare` with its statements kept by SQL text (least recently used dropped past SQLITE_STATEMENT_CACHE_SIZE).
 * Prisma's adapter prepares every query anew, and preparing was ~2 ms of a graded submit's CPU in each process
 * (issue 16). A better-sqlite3 statement binds its parameters once for good, so the adapter's `bind(params)` is
 * answered with a view that passes them to each call instead. Every call is synchronous, so no two uses of one
 * statement overlap.
 *
 * A statement ending in `LIMIT ? OFFSET ?` bound to (1, 0), Prisma's findUnique and findFirst, runs as the text with
 * `LIMIT 1 OFFSET 0` written in: SQLite's planner reads a bound LIMIT's value, so it compiles such a statement
 * again on every run (`sqlite3Reprepare`, 2 % of the web server's CPU under bench:web's load; 14–24 µs against
 * 6–9 µs per run alone).
 */
export function cachedPrepare(prepare: (sql: string) => SqliteStatement, capacity = SQLITE_STATEMENT_CACHE_SIZE): (sql: string) => SqlitePrepared {
  const statements = new Map<string, SqliteStatement>();
  const statementFor = (sql: string): SqliteStatement => {
    let statement = statements.get(sql);
    if (statement) statements.delete(sql);
    else {
      statement = prepare(sql);
      if (statements.size >= capacity) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return statement;
  };
  return (sql) => {
    const statement = statementFor(sql);
    const pagesOneRow = BOUND_SINGLE_ROW.test(sql);
    return {
      bind: (params) => {
        let prepared = statement;
        let values = params;
        if (pagesOneRow && isSingleRowPage(params[params.length - 2], params[params.length - 1])) {
          prepared = statementFor(sql.replace(BOUND_SINGLE_ROW, SINGLE_ROW));
          values = params.slice(0, -2);
        }
        return {
          reader: prepared.reader,
          columns: () => prepared.columns(),
          raw: () => ({ all: () => prepared.raw(true).all(values) }),
          run: () => prepared.run(values),
        };
      },
      run: () => statement.run(),
    };
  };
}

/**
 * Prisma's better-sqlite3 adapter, with every connection set up for two processes writing one file (the web
 * server and the grading daemon):
 * - WAL journal (readers never block the writer) and a busy timeout of SQLITE_BUSY_TIMEOUT_MS on the
 *   connection itself, whoever migrated the file;
 * - transactions start with BEGIN IMMEDIATE. The adapter sends a plain (deferred) BEGIN: such a transaction
 *   reads first and asks for the write lock later, and if the other process committed in between SQLite
 *   answers SQLITE_BUSY at once, without waiting (the snapshot is stale; no busy timeout can help), which
 *   Prisma reports as P1008 "Operation has timed out". Taking the write lock at BEGIN makes the busy timeout
 *   apply, so a transaction waits its turn instead of failing.
 */
class SqliteAdapterFactory extends PrismaBetterSqlite3 {
  override async connect(): ReturnType<PrismaBetterSqlite3["connect"]> {
    const adapter = await super.connect();
    const { client } = adapter as unknown as SqliteConnection;
    client.pragma("journal_mode = WAL");
    client.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    const prepare = cachedPrepare((client.prepare as unknown as (sql: string) => SqliteStatement).bind(client));
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  }
}

/** A new client for `databaseUrl` (file:/path → SQLite, postgres:// → PostgreSQL). Tests use this directly. */
export function createDb(databaseUrl: string): Db {
  if (isPostgresUrl(databaseUrl)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), transactionOptions }) as unknown as Db;
  }
  const client = new SqliteClient({
    adapter: new SqliteAdapterFactory({ url: databaseUrl.replace(/^file:/, ""), timeout: SQLITE_BUSY_TIMEOUT_MS }),
    transactionOptions,
  });
  Object.defineProperty(client, SQLITE_CLIENT, { value: databaseUrl.replace(/^file:/, "") });
  return client;
}

// A mark on the client itself (its database file), under a global symbol: Next.js bundles this module into
// several chunks, and the client getDb() keeps on globalThis may come from another chunk's copy (a module-local
// WeakSet said "not SQLite" there, and SQLite was sent PostgreSQL's SQL).
const SQLITE_CLIENT = Symbol.for("lacuna.db.sqlite");

/** Whether `db` is a SQLite client (for the few statements whose SQL differs between the two databases). */
export function isSqliteDb(db: Db): boolean {
  return sqliteFileOf(db) !== null;
}

/** The database file of a SQLite client (as its URL names it), or null for PostgreSQL. */
export function sqliteFileOf(db: Db): string | null {
  const file = (db as unknown as Record<symbol, unknown>)[SQLITE_CLIENT];
  return typeof file === "string" ? file : null;
}

// Prisma's codes for a write that lost a race and may simply be tried again: P1008 (SQLite busy past its
// timeout), P2028 (a transaction that could not start or finish in time), P2034 (a write conflict or
// deadlock: PostgreSQL's serialization failures).
const TRANSIENT_CODES = new Set(["P1008", "P2028", "P2034"]);

/** Whether `error` is a database error that a retry of the same work may not meet again. */
export function isTransientDbError(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === "string" && TRANSIENT_CODES.has(code)) return true;
  // A raw statement (P2010) that waited out SQLite's busy timeout: the same lost race as P1008.
  return code === "P2010" && /SQLITE_BUSY/.test((error as { message?: unknown }).message as string);
}

// Prisma's codes for a database that cannot be reached (P1001), timed out connecting (P1002), closed the
// connection (P1017) or has no free connection (P2024); PostgreSQL's SQLSTATEs of a server shutting down or
// starting (57P01–57P03) and of connection failures (class 08), as the driver adapter passes them on.
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const UNAVAILABLE_SQLSTATE = /^(57P0[123]|08)/;

/** Whether `error` says the database is down or unreachable (answer 503 and let the client retry), not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  const cause = meta?.driverAdapterError?.cause;
  if (cause?.kind === "DatabaseNotReachable" || cause?.kind === "ConnectionClosed") return true;
  return typeof cause?.originalCode === "string" && UNAVAILABLE_SQLSTATE.test(cause.originalCode);
}

/**
 * Runs `work` (one transaction or one write, safe to repeat as a whole) and repeats it after a transient
 * failure (`retryOn`, default isTransientDbError), up to `attempts` times in all, waiting `baseMs`·2ⁿ (with
 * jitter) between tries.
 * Any other error, or the last transient one, is thrown.
 */
export async function withWriteRetry<T>(
  work: () => Promise<T>,
  options: { attempts?: number; baseMs?: number; retryOn?: (error: unknown) => boolean } = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const baseMs = options.baseMs ?? 50;
  const retryOn = options.retryOn ?? isTransientDbError;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !retryOn(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, baseMs * 2 ** (attempt - 1) * (0.5 + Math.random())));
    }
  }
}

// Kept on globalThis so Next's dev-mode module reloading does not open a new pool on every edit.
const holder = globalThis as typeof globalThis & { __lacunaDb?: Db };

/** The process-wide client for the configured database. */
export function getDb(): Db {
  holder.__lacunaDb ??= createDb(databaseUrlOf());
  return holder.__lacunaDb;
}
