// Throw-away, fully migrated databases for tests — real SQLite files and real PostgreSQL databases.
//
//   import { createTestDb, testDbFlavor } from "@/tests/helpers/db";
//
//   let t: TestDb;
//   beforeAll(async () => { t = await createTestDb(); });   // flavor from LACUNA_TEST_DB (sqlite | postgres)
//   afterAll(async () => { await t.drop(); });               // disconnects, deletes the file / DROPs the database
//   it("…", async () => { await t.db.user.create({ … }); }); // t.db is a PrismaClient (type Db from lib/db)
//
// - createTestDb(flavor?) → { db, url, flavor, drop() }. SQLite: a fresh file in the OS temp dir.
//   PostgreSQL: CREATE DATABASE lacuna_test_<random> on LACUNA_TEST_PG_URL
//   (default postgresql://postgres@127.0.0.1:5432/postgres), dropped by drop().
// - Both get the committed migrations applied by the same runner `npm start` uses (scripts/lib/migrate.ts).
// - Files under tests/db/ run twice in one `vitest run`: project "default" (SQLite) and "postgres".
//   Elsewhere, tests get SQLite unless they pass a flavor.
// - t.url is a DATABASE_URL, handy for spawning a process (server, grader daemon) on the same database.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/db";
import { migrateDatabase } from "@/scripts/lib/migrate";
import type { Flavor } from "@/scripts/lib/schemas";

export interface TestDb {
  db: Db;
  url: string;
  flavor: Flavor;
  drop(): Promise<void>;
}

export const PG_ADMIN_URL = process.env.LACUNA_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** The flavor the current vitest project asks for (LACUNA_TEST_DB), sqlite by default. */
export function testDbFlavor(): Flavor {
  return process.env.LACUNA_TEST_DB === "postgres" ? "postgres" : "sqlite";
}

export function uniqueTestDbName(): string {
  return `lacuna_test_${randomBytes(6).toString("hex")}`;
}

/** A database with the given name on the PG server of PG_ADMIN_URL. */
export function pgUrlFor(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An empty database and its URL, without migrations (for testing the migration runner itself). */
export async function createEmptyDatabase(flavor: Flavor = testDbFlavor()): Promise<{ url: string; drop: () => Promise<void> }> {
  if (flavor === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lacuna-test-"));
    return { url: `file:${path.join(dir, "test.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = uniqueTestDbName();
  await adminQuery(`CREATE DATABASE "${name}"`);
  return { url: pgUrlFor(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A fresh, migrated database with a connected client; call drop() when done. */
export async function createTestDb(flavor: Flavor = testDbFlavor()): Promise<TestDb> {
  const empty = await createEmptyDatabase(flavor);
  try {
    await migrateDatabase(empty.url);
  } catch (error) {
    await empty.drop();
    throw error;
  }
  const db = createDb(empty.url);
  return {
    db,
    url: empty.url,
    flavor,
    drop: async () => {
      await db.$disconnect();
      await empty.drop();
    },
  };
}
