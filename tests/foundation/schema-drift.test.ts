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

  it("each committed migration is exactly what the schema engine derives from the snapshots", async () => {
    const pgByName = new Map(readMigrations(migrationsDir.postgres).map((m) => [m.name, m.sql]));
    let previous: string | null = null;
    for (const migration of sqliteMigrations) {
      const current = snapshot(migration.name);
      expect(await diffSchemas("sqlite", previous, current), migration.name).toBe(migration.sql);
      const pgPrevious = previous === null ? null : toPostgresSchema(previous);
      expect(await diffSchemas("postgres", pgPrevious, toPostgresSchema(current)), migration.name).toBe(pgByName.get(migration.name));
      previous = current;
    }
  });

  it("the derivation refuses a schema whose provider it does not recognise", () => {
    expect(() => toPostgresSchema('datasource db {\n  provider = "mysql"\n}')).toThrow(/provider = "sqlite"/);
  });
});
