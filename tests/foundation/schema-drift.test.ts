// One source of truth for the models: prisma/schema.prisma. These fail when the generated PostgreSQL schema,
// the migrations or their snapshots drift from it — run `npm run db:migration -- <name>` after a model change.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SNAPSHOT_FILE } from "@/scripts/db";
import { diffSchemas } from "@/scripts/lib/schema-engine";
import { readMigrations } from "@/scripts/lib/migrations";
import { migrationsDir, readSchema, toPostgresSchema } from "@/scripts/lib/schemas";

const sqliteMigrations = readMigrations(migrationsDir.sqlite);
const snapshot = (name: string) => readFileSync(path.join(migrationsDir.sqlite, name, SNAPSHOT_FILE), "utf8");

describe("schema drift", () => {
  it("prisma/postgres/schema.prisma is generated from prisma/schema.prisma (run `npm run db:schema`)", () => {
    expect(readSchema("postgres")).toBe(toPostgresSchema(readSchema("sqlite")));
  });

  it("the SQLite and PostgreSQL migration folders hold the same migrations", () => {
    expect(readMigrations(migrationsDir.postgres).map((m) => m.name)).toEqual(sqliteMigrations.map((m) => m.name));
  });

  it("the latest migration was made from the current models (run `npm run db:migration -- <name>`)", () => {
    const last = sqliteMigrations.at(-1);
    expect(last, "no migrations committed").toBeDefined();
    expect(snapshot(last!.name)).toBe(readSchema("sqlite"));
  });

  it("each committed migration is exactly what the schema engine derives from the snapshots, plus at most a data step", async () => {
    const pgByName = new Map(readMigrations(migrationsDir.postgres).map((m) => [m.name, m.sql]));
    let previous: string | null = null;
    for (const migration of sqliteMigrations) {
      const current = snapshot(migration.name);
      const sqlite = splitDataStep(migration.sql);
      expect(await diffSchemas("sqlite", previous, current), migration.name).toBe(sqlite.schema);
      const pg = splitDataStep(pgByName.get(migration.name) ?? "");
      const pgPrevious = previous === null ? null : toPostgresSchema(previous);
      expect(await diffSchemas("postgres", pgPrevious, toPostgresSchema(current)), migration.name).toBe(pg.schema);
      // A data step moves rows into the new shape; the models are the engine's alone.
      for (const data of [sqlite.data, pg.data]) expect(data, `${migration.name}: DDL in its data step`).not.toMatch(/^\s*(CREATE|ALTER|DROP)\b/im);
      expect(pg.data !== "", `${migration.name}: a data step in both flavours or neither`).toBe(sqlite.data !== "");
      previous = current;
    }
  });

  it("a data step is split off at its marker, and a migration without one is all schema", () => {
    expect(splitDataStep("-- CreateTable\nCREATE TABLE x;\n")).toEqual({ schema: "-- CreateTable\nCREATE TABLE x;\n", data: "" });
    expect(splitDataStep("CREATE TABLE x;\n\n-- Data: fill x.\nINSERT INTO x SELECT 1;\n")).toEqual({ schema: "CREATE TABLE x;\n", data: "-- Data: fill x.\nINSERT INTO x SELECT 1;\n" });
  });

  it("the derivation refuses a schema whose provider it does not recognise", () => {
    expect(() => toPostgresSchema('datasource db {\n  provider = "mysql"\n}')).toThrow(/provider = "sqlite"/);
  });
});

/**
 * A migration is the engine's SQL, optionally followed by a hand-written data step (rows moved into the new
 * shape, as Prisma's customised migrations allow) that starts at a line "-- Data: <why>" after a blank line.
 */
function splitDataStep(sql: string): { schema: string; data: string } {
  const at = sql.search(/\n\n-- Data: /);
  return at < 0 ? { schema: sql, data: "" } : { schema: sql.slice(0, at + 1), data: sql.slice(at + 2) };
}
