// The review rows a graded submit reads and writes, on SQLite, inside a synchronous transaction of the process's
// side connection (lib/sqlite-write.ts `transactWithoutBlocking`) instead of Prisma's interactive transaction.
// Issue 16: the daemon's store of a graded submit with its review (about ten statements through Prisma's query
// interpreter, with BEGIN and COMMIT) cost 3.1–5.0 ms of its CPU; the same statements prepared once cost a
// tenth of that. Rows are read and written as Prisma reads and writes them (lib/sqlite-write.ts: DateTime as ISO
// 8601 text, Boolean as 0/1), so either path reads what the other wrote; tests/db/graded-submit-store.test.ts
// stores the same grades both ways and compares every row.
import { randomUUID } from "node:crypto";
import type { SrsCard, SrsSettings } from "@/lib/db";
import { dateFromSqlite, sqliteTimestamp, type PrepareStatement } from "@/lib/sqlite-write";
import type { ItemRef, SrsCardState, SrsReviewLogEntry } from "@/lib/scheduling";
import { cardMemoryData, logData } from "./store";

/** Every column of each model read here; the type check fails when a model gains one that is not listed. */
const CARD_COLUMNS = [
  "id", "userId", "itemType", "itemId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
  "reps", "lapses", "state", "lastReview", "createdAt", "updatedAt",
] as const satisfies readonly (keyof SrsCard)[];
const SETTINGS_COLUMNS = [
  "userId", "dailyNewLimit", "desiredRetention", "parameters", "parametersFittedAt", "parametersLogLoss", "timezone",
] as const satisfies readonly (keyof SrsSettings)[];
const everyCardColumnListed: [Exclude<keyof SrsCard, (typeof CARD_COLUMNS)[number]>] extends [never] ? true : never = true;
const everySettingsColumnListed: [Exclude<keyof SrsSettings, (typeof SETTINGS_COLUMNS)[number]>] extends [never] ? true : never = true;
void everyCardColumnListed;
void everySettingsColumnListed;

const columnList = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(", ");

const CARD_SQL = `SELECT ${columnList(CARD_COLUMNS)} FROM "SrsCard" WHERE "userId" = ? AND "itemType" = ? AND "itemId" = ?`;
const SETTINGS_SQL = `SELECT ${columnList(SETTINGS_COLUMNS)} FROM "SrsSettings" WHERE "userId" = ?`;
const LOG_EXISTS_SQL = `SELECT 1 FROM "SrsReviewLog" WHERE "id" = ?`;
const ACTIVE_ITEM_SQL = `SELECT 1 FROM "MisconceptionItem" WHERE "userId" = ? AND "exerciseSlug" = ? AND "activeKey" IS NOT NULL LIMIT 1`;

type SqliteDate<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** A value as Prisma's SQLite adapter binds it. */
function bound(value: unknown): unknown {
  if (value instanceof Date) return sqliteTimestamp(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * INSERT of the fields of `row` that are defined (its keys are the columns, the same keys give the same prepared
 * statement; an undefined field takes the column's default, as Prisma leaves it out).
 */
function insert(prepare: PrepareStatement, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row).filter((column) => row[column] !== undefined);
  prepare(`INSERT INTO "${table}" (${columnList(columns)}) VALUES (${columns.map(() => "?").join(", ")})`).run(...columns.map((column) => bound(row[column])));
}

/** The learner's SrsSettings row as Prisma's findUnique gives it, or null. */
export function settingsRowOnSqlite(prepare: PrepareStatement, userId: string): SrsSettings | null {
  const row = prepare(SETTINGS_SQL).get(userId) as SqliteDate<SrsSettings> | undefined;
  return row ? { ...row, parametersFittedAt: dateFromSqlite(row.parametersFittedAt) } : null;
}

/** The learner's card of `item` as Prisma's findUnique gives it, or null when it has none. */
export function cardRowOnSqlite(prepare: PrepareStatement, userId: string, item: ItemRef): SrsCard | null {
  const row = prepare(CARD_SQL).get(userId, item.itemType, item.itemId) as SqliteDate<SrsCard> | undefined;
  if (!row) return null;
  return {
    ...row,
    due: dateFromSqlite(row.due),
    lastReview: dateFromSqlite(row.lastReview),
    createdAt: dateFromSqlite(row.createdAt),
    updatedAt: dateFromSqlite(row.updatedAt),
  };
}

export function reviewLogExistsOnSqlite(prepare: PrepareStatement, logId: string): boolean {
  return prepare(LOG_EXISTS_SQL).get(logId) !== undefined;
}

/** Whether the learner has an active misconception item of the exercise. */
export function hasActiveMisconceptionItemOnSqlite(prepare: PrepareStatement, userId: string, exerciseSlug: string): boolean {
  return prepare(ACTIVE_ITEM_SQL).get(userId, exerciseSlug) !== undefined;
}

const CARD_MEMORY_COLUMNS = Object.keys(cardMemoryData({} as SrsCardState));
const UPDATE_CARD_SQL = `UPDATE "SrsCard" SET ${CARD_MEMORY_COLUMNS.map((column) => `"${column}" = ?`).join(", ")}, "updatedAt" = ? WHERE "id" = ?`;

/**
 * Stores a review as reviewInTransaction (lib/review/service.ts) does: the card created (`stored` null: with a
 * random UUID for its id, where Prisma would give a cuid) or updated, and the log with id `logId`. Returns the
 * card's id. `stored` must have been read in the same transaction: it holds the write lock from its BEGIN, so
 * the card cannot have changed since (reviewInTransaction's check that it did not is for Prisma's transaction).
 */
export function writeReviewOnSqlite(prepare: PrepareStatement, stored: SrsCard | null, card: SrsCardState, log: SrsReviewLogEntry, logId: string, now: Date): string {
  let cardId: string;
  const memory = cardMemoryData(card);
  if (!stored) {
    cardId = randomUUID();
    insert(prepare, "SrsCard", { id: cardId, userId: card.userId, itemType: card.itemType, itemId: card.itemId, ...memory, createdAt: now, updatedAt: now });
  } else {
    const values = CARD_MEMORY_COLUMNS.map((column) => bound(memory[column as keyof typeof memory]));
    prepare(UPDATE_CARD_SQL).run(...values, sqliteTimestamp(now), stored.id);
    cardId = stored.id;
  }
  insert(prepare, "SrsReviewLog", logData(log, cardId, logId) as Record<string, unknown>);
  return cardId;
}
