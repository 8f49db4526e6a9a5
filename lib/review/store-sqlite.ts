// ReviewRows (./rows.ts) on SQLite, for the grading daemon's synchronous transaction on the process's side
// connection (lib/sqlite-write.ts `transactWithoutBlocking`): every answer at once, from statements prepared once.
// Issue 16: a graded submit's grade and review through Prisma's interactive transaction (about ten statements
// through its query interpreter, with BEGIN and COMMIT) cost the daemon 3.1–5.0 ms of CPU. Rows are read and
// written as Prisma reads and writes them (DateTime as lib/sqlite-write.ts's ISO 8601 text, Boolean as 0/1), so
// either path reads what the other wrote; tests/review/graded-submit-on-sqlite.test.ts records the same grades
// both ways and compares every row as stored. The transaction holds the write lock from its BEGIN, so no other
// writer can create or change a row between a read here and the write after it.
import { randomUUID } from "node:crypto";
import type { MisconceptionItem, SrsCard, SrsReviewLog, SrsSettings } from "@/lib/db";
import { dateFromSqlite, sqliteColumnList, sqliteTimestamp, sqliteValue, type ListsEveryColumn, type PrepareStatement, type SqliteRow } from "@/lib/sqlite-write";
import { NeedsPrismaError, type ReviewRows } from "./rows";

/** Every column of each model read here; the type check fails when a model gains one that is not listed. */
const CARD_COLUMNS = [
  "id", "userId", "itemType", "itemId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
  "reps", "lapses", "state", "lastReview", "createdAt", "updatedAt",
] as const satisfies readonly (keyof SrsCard)[];
const SETTINGS_COLUMNS = [
  "userId", "dailyNewLimit", "desiredRetention", "parameters", "parametersFittedAt", "parametersLogLoss", "timezone",
] as const satisfies readonly (keyof SrsSettings)[];
const ITEM_COLUMNS = [
  "id", "userId", "exerciseSlug", "misconceptionId", "activeKey", "submissionId", "namedAt", "lastSubmissionId", "lastNamedAt",
  "passSubmissionId", "passedAt", "retiredAt", "retiredByLogId", "createdAt",
] as const satisfies readonly (keyof MisconceptionItem)[];
const everyColumnListed: [
  ListsEveryColumn<SrsCard, typeof CARD_COLUMNS>,
  ListsEveryColumn<SrsSettings, typeof SETTINGS_COLUMNS>,
  ListsEveryColumn<MisconceptionItem, typeof ITEM_COLUMNS>,
] = [true, true, true];
void everyColumnListed;

const SETTINGS_SQL = `SELECT ${sqliteColumnList(SETTINGS_COLUMNS)} FROM "SrsSettings" WHERE "userId" = ?`;
const LOG_EXISTS_SQL = `SELECT 1 FROM "SrsReviewLog" WHERE "id" = ?`;
const CARD_SQL = `SELECT ${sqliteColumnList(CARD_COLUMNS)} FROM "SrsCard" WHERE "userId" = ? AND "itemType" = ? AND "itemId" = ?`;
const CARD_ID_SQL = `SELECT "id" FROM "SrsCard" WHERE "userId" = ? AND "itemType" = ? AND "itemId" = ?`;
const ITEMS_SQL = `SELECT ${sqliteColumnList(ITEM_COLUMNS)} FROM "MisconceptionItem" WHERE "userId" = ? AND "exerciseSlug" = ? AND "misconceptionId" = ?`;
const ACTIVE_ITEMS_SQL = `SELECT ${sqliteColumnList(ITEM_COLUMNS)} FROM "MisconceptionItem" WHERE "userId" = ? AND "exerciseSlug" = ? AND "activeKey" IS NOT NULL`;
const FIRST_PASS_SQL = `SELECT "id", "createdAt" FROM "Submission"
  WHERE "userId" = ? AND "exerciseSlug" = ? AND "kind" = 'submit' AND "status" = 'graded' AND "passed" = 1 AND "createdAt" > ?
  ORDER BY "createdAt" ASC LIMIT 1`;
const FIRST_RECALL_SQL = `SELECT "id", "review", "rating", "source", "undone" FROM "SrsReviewLog"
  WHERE "cardId" = ? AND "undone" = 0 AND "source" = 'review' AND "rating" >= ? AND "review" > ?
  ORDER BY "review" ASC LIMIT 1`;

/** The defined fields of `row` (an undefined field takes the column's default, as Prisma leaves it out). */
function definedColumns(row: object): string[] {
  return Object.keys(row).filter((column) => (row as Record<string, unknown>)[column] !== undefined);
}

/** INSERT of `row`'s defined fields (the same fields give the same prepared statement). */
function insert(prepare: PrepareStatement, table: string, row: object): void {
  const columns = definedColumns(row);
  prepare(`INSERT INTO "${table}" (${sqliteColumnList(columns)}) VALUES (${columns.map(() => "?").join(", ")})`).run(
    ...columns.map((column) => sqliteValue((row as Record<string, unknown>)[column])),
  );
}

function cardFromSqlite(row: SqliteRow<SrsCard>): SrsCard {
  return { ...row, due: dateFromSqlite(row.due), lastReview: dateFromSqlite(row.lastReview), createdAt: dateFromSqlite(row.createdAt), updatedAt: dateFromSqlite(row.updatedAt) };
}

function itemFromSqlite(row: SqliteRow<MisconceptionItem>): MisconceptionItem {
  return {
    ...row,
    namedAt: dateFromSqlite(row.namedAt),
    lastNamedAt: dateFromSqlite(row.lastNamedAt),
    passedAt: dateFromSqlite(row.passedAt),
    retiredAt: dateFromSqlite(row.retiredAt),
    createdAt: dateFromSqlite(row.createdAt),
  };
}

/**
 * ReviewRows on SQLite through `prepare` (the side connection, inside transactWithoutBlocking's transaction).
 * New cards and items get a random UUID for their id where Prisma would give a cuid. Rewriting an item's
 * history throws NeedsPrismaError.
 */
export function sqliteReviewRows(prepare: PrepareStatement): ReviewRows {
  return {
    settings(userId) {
      const row = prepare(SETTINGS_SQL).get(userId) as SqliteRow<SrsSettings> | undefined;
      return row ? { ...row, parametersFittedAt: dateFromSqlite(row.parametersFittedAt) } : null;
    },
    reviewLogExists: (logId) => prepare(LOG_EXISTS_SQL).get(logId) !== undefined,
    card(userId, item) {
      const row = prepare(CARD_SQL).get(userId, item.itemType, item.itemId) as SqliteRow<SrsCard> | undefined;
      return row ? cardFromSqlite(row) : null;
    },
    cardId: (userId, item) => (prepare(CARD_ID_SQL).get(userId, item.itemType, item.itemId) as { id: string } | undefined)?.id ?? null,
    createCard(card) {
      const id = randomUUID();
      const now = new Date();
      insert(prepare, "SrsCard", { id, ...card, createdAt: now, updatedAt: now });
      return id;
    },
    updateCardIfUnchanged(stored, memory) {
      const columns = definedColumns(memory);
      const sql = `UPDATE "SrsCard" SET ${columns.map((column) => `"${column}" = ?`).join(", ")}, "updatedAt" = ? WHERE "id" = ? AND "reps" = ? AND "lastReview" IS ?`;
      const values = columns.map((column) => sqliteValue((memory as Record<string, unknown>)[column]));
      return prepare(sql).run(...values, sqliteTimestamp(new Date()), stored.id, stored.reps, sqliteValue(stored.lastReview)).changes === 1;
    },
    createReviewLog(log) {
      const row = { id: randomUUID(), undone: false, previousDue: null, reps: null, reset: false, durationMs: null, score: null, submissionId: null, ...log } as SrsReviewLog;
      insert(prepare, "SrsReviewLog", row);
      return row;
    },
    misconceptionItems: (userId, exerciseSlug, misconceptionId) =>
      (prepare(ITEMS_SQL).all(userId, exerciseSlug, misconceptionId) as SqliteRow<MisconceptionItem>[]).map(itemFromSqlite),
    activeMisconceptionItems: (userId, exerciseSlug) => (prepare(ACTIVE_ITEMS_SQL).all(userId, exerciseSlug) as SqliteRow<MisconceptionItem>[]).map(itemFromSqlite),
    createMisconceptionItem(item) {
      const row: MisconceptionItem = { id: randomUUID(), ...item, passSubmissionId: null, passedAt: null, retiredAt: null, retiredByLogId: null, createdAt: new Date() };
      insert(prepare, "MisconceptionItem", row);
      return row;
    },
    updateMisconceptionItem(id, change) {
      const columns = definedColumns(change);
      const sql = `UPDATE "MisconceptionItem" SET ${columns.map((column) => `"${column}" = ?`).join(", ")} WHERE "id" = ? RETURNING ${sqliteColumnList(ITEM_COLUMNS)}`;
      const row = prepare(sql).get(...columns.map((column) => sqliteValue((change as Record<string, unknown>)[column])), id) as SqliteRow<MisconceptionItem> | undefined;
      if (!row) throw new Error(`no misconception item ${id} to update`);
      return itemFromSqlite(row);
    },
    firstPassAfter(userId, exerciseSlug, after) {
      const row = prepare(FIRST_PASS_SQL).get(userId, exerciseSlug, sqliteTimestamp(after)) as { id: string; createdAt: string } | undefined;
      return row ? { id: row.id, createdAt: dateFromSqlite(row.createdAt) } : null;
    },
    firstRecallAfter(cardId, after, goodOrBetter) {
      const row = prepare(FIRST_RECALL_SQL).get(cardId, goodOrBetter, sqliteTimestamp(after)) as SqliteRow<Pick<SrsReviewLog, "id" | "review" | "rating" | "source" | "undone">> | undefined;
      return row ? { ...row, review: dateFromSqlite(row.review), undone: row.undone !== 0 } : null;
    },
    rewriteHistory() {
      throw new NeedsPrismaError("rewriting an item's history");
    },
  };
}
