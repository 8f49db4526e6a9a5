// The SQLite connection's statement cache (cachedPrepare), on a real better-sqlite3 database: each SQL text is
// prepared once, every call still gets its own parameters, and the least recently used text is dropped first.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { cachedPrepare, createDb } from "./db";
import { migrateDatabase } from "../scripts/lib/migrate";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function database() {
  const db = new Database(":memory:");
  open.push(db);
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
  const prepared: string[] = [];
  const prepare = (sql: string) => {
    prepared.push(sql);
    return db.prepare(sql);
  };
  return { db, prepared, prepare };
}

describe("cachedPrepare", () => {
  it("prepares each SQL text once and binds every call's own parameters", () => {
    const { prepared, prepare } = database();
    const cached = cachedPrepare(prepare);
    for (const [id, name] of [[1, "a"], [2, "b"], [3, "c"]] as const) cached("INSERT INTO t (id, name) VALUES (?, ?)").bind([id, name]).run();
    const read = (id: number) => cached("SELECT name FROM t WHERE id = ?").bind([id]);
    expect(read(2).reader).toBe(true);
    expect(read(2).raw().all()).toEqual([["b"]]);
    expect(read(3).raw().all()).toEqual([["c"]]);
    expect(read(9).raw().all()).toEqual([]);
    expect(prepared).toEqual(["INSERT INTO t (id, name) VALUES (?, ?)", "SELECT name FROM t WHERE id = ?"]);
  });

  it("drops the least recently used text past its capacity, and a failing text is not kept", () => {
    const { prepared, prepare } = database();
    const cached = cachedPrepare(prepare, 2);
    const count = (sql: string) => prepared.filter((p) => p === sql).length;
    const a = "SELECT 1";
    const b = "SELECT 2";
    const c = "SELECT 3";
    cached(a);
    cached(b);
    cached(a); // a is now the most recent
    cached(c); // drops b
    cached(a);
    cached(b);
    expect([count(a), count(b), count(c)]).toEqual([1, 2, 1]);
    expect(() => cached("SELEC nonsense")).toThrow();
    expect(() => cached("SELEC nonsense")).toThrow();
    expect(count("SELEC nonsense")).toBe(2);
  });

  it("runs LIMIT ? OFFSET ? bound to (1, 0) as the text with them written in, and any other page as bound", () => {
    const { prepared, prepare } = database();
    const cached = cachedPrepare(prepare);
    for (const [id, name] of [[1, "a"], [2, "b"], [3, "c"]] as const) cached("INSERT INTO t (id, name) VALUES (?, ?)").bind([id, name]).run();
    const page = (params: unknown[]) => cached("SELECT name FROM t WHERE id >= ? ORDER BY id LIMIT ? OFFSET ?").bind(params).raw().all();
    expect(page([2, 1, 0])).toEqual([["b"]]);
    expect(page([1, 1n, 0n])).toEqual([["a"]]);
    expect(page([1, 2, 0])).toEqual([["a"], ["b"]]);
    expect(page([1, 1, 1])).toEqual([["b"]]);
    expect(prepared.filter((sql) => sql.startsWith("SELECT"))).toEqual([
      "SELECT name FROM t WHERE id >= ? ORDER BY id LIMIT ? OFFSET ?",
      "SELECT name FROM t WHERE id >= ? ORDER BY id LIMIT 1 OFFSET 0",
    ]);
  });
});

describe("the Prisma client on SQLite", () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it("reads back what it wrote through cached statements, inside and outside transactions", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "lacuna-db-cache-"));
    const url = `file:${path.join(dir, "lacuna.db")}`;
    await migrateDatabase(url);
    const db = createDb(url);
    try {
      for (let i = 0; i < 3; i++) await db.user.create({ data: { email: `u${i}@example.test`, name: `U${i}`, passwordHash: "x" } });
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { email: "u1@example.test" }, data: { name: "renamed" } });
      });
      await expect(db.$transaction(async (tx) => {
        await tx.user.update({ where: { email: "u2@example.test" }, data: { name: "rolled back" } });
        throw new Error("abort");
      })).rejects.toThrow("abort");
      const users = await db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, name: true } });
      expect(users).toEqual([
        { email: "u0@example.test", name: "U0" },
        { email: "u1@example.test", name: "renamed" },
        { email: "u2@example.test", name: "U2" },
      ]);
      expect(await db.user.count({ where: { email: { in: ["u0@example.test", "u2@example.test"] } } })).toBe(2);
      expect(await db.user.count({ where: { email: { in: ["u1@example.test"] } } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  it("runs findUnique and findFirst with LIMIT 1 OFFSET 0 written into their statements", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "lacuna-db-cache-"));
    const url = `file:${path.join(dir, "lacuna.db")}`;
    await migrateDatabase(url);
    // The real database's prepare, recording each text: the client binds it when it connects, so before that.
    const texts: string[] = [];
    const prepareOnDatabase = Database.prototype.prepare;
    Database.prototype.prepare = function (this: Database.Database, sql: string) {
      texts.push(sql);
      return prepareOnDatabase.call(this, sql);
    } as typeof prepareOnDatabase;
    const db = createDb(url);
    try {
      await db.user.create({ data: { email: "u1@example.test", name: "U1", passwordHash: "x" } });
      await db.user.create({ data: { email: "u2@example.test", name: "U2", passwordHash: "x" } });
      expect(await db.user.findUnique({ where: { email: "u1@example.test" }, select: { name: true } })).toEqual({ name: "U1" });
      expect(await db.user.findFirst({ where: { name: "U2" }, select: { email: true } })).toEqual({ email: "u2@example.test" });
      expect(await db.user.findFirst({ where: { name: "nobody" }, select: { email: true } })).toBeNull();
      expect(await db.user.findMany({ orderBy: { email: "asc" }, take: 1, skip: 1, select: { email: true } })).toEqual([{ email: "u2@example.test" }]);
    } finally {
      Database.prototype.prepare = prepareOnDatabase;
      await db.$disconnect();
    }
    const users = texts.filter((sql) => sql.startsWith("SELECT") && sql.includes("`User`"));
    expect(users.filter((sql) => sql.endsWith("LIMIT 1 OFFSET 0"))).toHaveLength(2);
    expect(users.filter((sql) => sql.endsWith("LIMIT ? OFFSET ?")).length).toBeGreaterThanOrEqual(2);
  });
});
