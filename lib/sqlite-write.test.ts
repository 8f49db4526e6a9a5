// writeWithoutBlocking on a real, migrated SQLite file, with another connection holding the write lock as the
// grading daemon does while it commits a grade: the write waits, this process's event loop keeps running, and
// the row lands once the lock is released; a lock held past the timeout is a transient error; dates are stored
// as Prisma stores them.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "../scripts/lib/migrate";
import { createDb, isTransientDbError, type Db } from "./db";
import { SqliteBusyTimeoutError, sqliteTimestamp, writeWithoutBlocking } from "./sqlite-write";

let dir: string;
let file: string;
let db: Db;
let other: Database.Database;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "lacuna-sqlite-write-"));
  file = path.join(dir, "lacuna.db");
  await migrateDatabase(`file:${file}`);
  db = createDb(`file:${file}`);
  await db.user.create({ data: { id: "u1", email: "u1@example.test", name: "U1", passwordHash: "x" } });
  other = new Database(file, { timeout: 0 });
});

afterEach(async () => {
  other.close();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const renameUser = (name: string) => (prepare: (sql: string) => Database.Statement) => prepare(`UPDATE "User" SET "name" = ? WHERE "id" = 'u1'`).run(name).changes;

describe("writeWithoutBlocking", () => {
  it("waits for another connection's write lock on a timer: the event loop runs meanwhile, and the write lands after the commit", async () => {
    other.exec("BEGIN IMMEDIATE");
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    const writing = writeWithoutBlocking(db, renameUser("after the lock"));
    // The ticker runs while the write is waiting: a busy handler sleeping inside SQLite would stop it.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (ticks >= 5) {
          clearInterval(check);
          resolve();
        }
      }, 1);
    });
    expect(other.prepare(`SELECT "name" FROM "User" WHERE "id" = 'u1'`).get()).toEqual({ name: "U1" });
    other.exec("COMMIT");
    await expect(writing).resolves.toBe(1);
    clearInterval(ticker);
    expect((await db.user.findUniqueOrThrow({ where: { id: "u1" } })).name).toBe("after the lock");
  });

  it("gives up after its timeout with an error that withWriteRetry treats as transient", async () => {
    other.exec("BEGIN IMMEDIATE");
    try {
      const error = await writeWithoutBlocking(db, renameUser("never"), { timeoutMs: 30 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SqliteBusyTimeoutError);
      expect((error as Error).message).toMatch(/stayed locked .* \(SQLITE_BUSY\)/);
      expect(isTransientDbError(error)).toBe(true);
    } finally {
      other.exec("ROLLBACK");
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: "u1" } })).name).toBe("U1");
  });

  it("throws any other error at once, without retrying", async () => {
    let calls = 0;
    const error = await writeWithoutBlocking(db, (prepare) => {
      calls++;
      return prepare(`INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ('u2', 'u1@example.test', 'dup', 'x', '2026-01-01T00:00:00.000+00:00')`).run();
    }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("SQLITE_CONSTRAINT_UNIQUE");
    expect(isTransientDbError(error)).toBe(false);
    expect(calls).toBe(1);
  });

  it("stores dates as Prisma does, so Prisma reads them back and compares them in order", async () => {
    const at = new Date("2026-11-30T21:45:55.123Z");
    await writeWithoutBlocking(db, (prepare) => prepare(`UPDATE "User" SET "updatedAt" = ? WHERE "id" = 'u1'`).run(sqliteTimestamp(at)));
    expect((await db.user.findUniqueOrThrow({ where: { id: "u1" } })).updatedAt.toISOString()).toBe(at.toISOString());
    expect(await db.user.count({ where: { updatedAt: { gt: new Date(at.getTime() - 1) } } })).toBe(1);
    expect(await db.user.count({ where: { updatedAt: { gt: at } } })).toBe(0);
  });

  it("writes to the file now at the path: a database replaced at the same path is opened anew", async () => {
    await writeWithoutBlocking(db, renameUser("first file"));
    other.close();
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
    await migrateDatabase(`file:${file}`);
    db = createDb(`file:${file}`);
    await db.user.create({ data: { id: "u1", email: "u1@example.test", name: "U1", passwordHash: "x" } });
    other = new Database(file, { timeout: 0 });
    await expect(writeWithoutBlocking(db, renameUser("second file"))).resolves.toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: "u1" } })).name).toBe("second file");
  });

  it("refuses a PostgreSQL client", async () => {
    const pg = createDb("postgresql://lacuna@127.0.0.1:5432/none");
    await expect(writeWithoutBlocking(pg, renameUser("x"))).rejects.toThrow(/needs a SQLite client/);
  });
});
