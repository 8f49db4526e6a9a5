// Many small rows per learner, read as ONE row per learner: the database packs each learner's rows into one text
// column (SQLite group_concat, PostgreSQL string_agg), and we split it here. Prisma turns every result row into an
// object through its client runtime, which costs ~3 µs of CPU a row: the gradebook of 500 learners × 30 assignments
// reads 37k graded submits, the heatmap 15k cards and 15k best scores, and mapping them was most of each page's
// time. Packed, that is 500 rows; splitting the text costs a fraction of it. The values are exact: numbers are
// written with 17 significant digits (SQLite) or PostgreSQL's shortest exact text, times as epoch milliseconds.
// bench/cohort.ts measures it; tests/cohorts/fast-path.test.ts checks it against Prisma's own findMany.
import { Prisma } from "@/lib/generated/sqlite/client";
import { isSqliteDb, type Db } from "@/lib/db";

/**
 * A column as text in a packed row: `number` exact (null → 0), `integer` an Int column's digits (null → 0;
 * cheaper than `number`'s 17-digit formatting), `flag` a boolean as 1 or 0 (null → 0), `nullableFlag` 1, 0 or "-"
 * for null, `date` as epoch ms (null → ""), `text` as it is (never null: one null would drop the whole row from
 * the aggregate).
 */
export type PackedColumn = { name: string; as: "text" | "number" | "integer" | "flag" | "nullableFlag" | "date" };

type Dialect = Record<Exclude<PackedColumn["as"], "text">, (col: string) => string> & { concat: (parts: string[]) => string; aggregate: (expr: string) => string };

const SQLITE: Dialect = {
  number: (col) => `printf('%!.17g', COALESCE(${col}, 0))`,
  integer: (col) => `COALESCE(${col}, 0)`,
  flag: (col) => `COALESCE(${col}, 0)`,
  nullableFlag: (col) => `COALESCE(${col}, '-')`,
  // Prisma's SQLite adapter stores DateTime as ISO text with milliseconds. SQLite's julianday() keeps whole
  // milliseconds (its own clock counts them), so the rounded product is the exact epoch ms: checked equal to
  // strftime's seconds plus "SS.SSS" digits on 37k rows, and ~5× cheaper than those two strftime calls.
  date: (col) => `COALESCE(CAST(ROUND((julianday(${col}) - 2440587.5) * 86400000) AS INTEGER), '')`,
  concat: (parts) => parts.join(` || ' ' || `),
  aggregate: (expr) => `group_concat(${expr}, char(10))`,
};

const POSTGRES: Dialect = {
  number: (col) => `COALESCE(${col}, 0)::float8::text`,
  integer: (col) => `COALESCE(${col}, 0)::text`,
  flag: (col) => `CASE WHEN ${col} THEN '1' ELSE '0' END`,
  nullableFlag: (col) => `CASE WHEN ${col} IS NULL THEN '-' WHEN ${col} THEN '1' ELSE '0' END`,
  date: (col) => `COALESCE(ROUND(EXTRACT(EPOCH FROM ${col}) * 1000)::bigint::text, '')`,
  concat: (parts) => parts.map((p) => `(${p})::text`).join(` || ' ' || `),
  aggregate: (expr) => `string_agg(${expr}, chr(10))`,
};

const quote = (name: string) => `"${name}"`;

/**
 * One entry per learner in `userIds`: their rows of `from` (a table name, or a parenthesised sub-select with an
 * alias, which should filter by the same learners itself: the outer filter is not pushed into a grouped one)
 * matching `where`, each row the columns' values in order (see PackedColumn). Values must hold no
 * space or newline (ids, slugs, numbers and times do).
 */
export async function packedRows(
  db: Db,
  options: { from: string | Prisma.Sql; userIds: readonly string[]; columns: readonly PackedColumn[]; where?: Prisma.Sql },
): Promise<Map<string, string[][]>> {
  const byUser = new Map<string, string[][]>(options.userIds.map((id) => [id, []]));
  if (options.userIds.length === 0) return byUser;
  const dialect = isSqliteDb(db) ? SQLITE : POSTGRES;
  const parts = options.columns.map((c) => (c.as === "text" ? quote(c.name) : dialect[c.as](quote(c.name))));
  const select = Prisma.sql`SELECT "userId" AS "userId", ${Prisma.raw(dialect.aggregate(dialect.concat(parts)))} AS "packed" FROM ${typeof options.from === "string" ? Prisma.raw(options.from) : options.from} WHERE "userId" IN (${Prisma.join([...options.userIds])})`;
  const rows = await db.$queryRaw<{ userId: string; packed: string | null }[]>(
    options.where ? Prisma.sql`${select} AND ${options.where} GROUP BY "userId"` : Prisma.sql`${select} GROUP BY "userId"`,
  );
  for (const row of rows) {
    if (!row.packed) continue;
    byUser.set(row.userId, row.packed.split("\n").map((line) => line.split(" ")));
  }
  return byUser;
}

/** A packed date column's value: null for "". */
export function packedDate(value: string): Date | null {
  return value === "" ? null : new Date(Number(value));
}
