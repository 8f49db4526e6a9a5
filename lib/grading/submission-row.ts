// One submission row by id: the read on every graded POST that waits (Prefer: wait), every event stream's
// result and GET /api/submissions/[id]. On SQLite it is one prepared SELECT on the process's side connection
// instead of Prisma's query engine (issue 16: 160–210 µs of CPU per read through Prisma, 11–13 µs without),
// with the values turned into the types Prisma gives; on PostgreSQL it is Prisma's findUnique.
import { isSqliteDb, type Db, type Submission } from "../db";
import { dateFromSqlite, readWithoutBlocking, sqliteColumnList, type ListsEveryColumn, type SqliteRow } from "../sqlite-write";

/** Every column of the Submission model; the type check fails when the model gains one that is not listed. */
const SUBMISSION_COLUMNS = [
  "id", "userId", "exerciseSlug", "kind", "source", "lang", "seed", "status", "score", "passed", "report", "error",
  "hintsUsed", "gradingAttempts", "workerId", "requestId", "createdAt", "startedAt", "gradedAt",
] as const satisfies readonly (keyof Submission)[];
const everyColumnListed: ListsEveryColumn<Submission, typeof SUBMISSION_COLUMNS> = true;
void everyColumnListed;

/** Every column of a Submission row, quoted, for a SELECT's or a RETURNING's list. */
export const SUBMISSION_COLUMN_LIST = sqliteColumnList(SUBMISSION_COLUMNS);

const SUBMISSION_BY_ID_SQL = `SELECT ${SUBMISSION_COLUMN_LIST} FROM "Submission" WHERE "id" = ?`;

/** The row as SQLite stores it: Prisma's Boolean is an integer 0/1, its DateTime ISO 8601 text (lib/sqlite-write.ts). */
export type SqliteSubmissionRow = SqliteRow<Submission>;

/** A row read with SUBMISSION_COLUMN_LIST as the Submission Prisma gives. */
export function submissionFromSqlite(row: SqliteSubmissionRow): Submission {
  return {
    ...row,
    passed: row.passed === null ? null : row.passed !== 0,
    createdAt: dateFromSqlite(row.createdAt),
    startedAt: dateFromSqlite(row.startedAt),
    gradedAt: dateFromSqlite(row.gradedAt),
  };
}

/** The submission `id` with every field as Prisma's findUnique returns it, or null when there is none. */
export async function readSubmission(db: Db, id: string): Promise<Submission | null> {
  if (!isSqliteDb(db)) return db.submission.findUnique({ where: { id } });
  const row = await readWithoutBlocking(db, (prepare) => prepare(SUBMISSION_BY_ID_SQL).get(id) as SqliteSubmissionRow | undefined);
  return row ? submissionFromSqlite(row) : null;
}
