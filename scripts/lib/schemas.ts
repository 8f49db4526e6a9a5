// The SQLite schema (prisma/schema.prisma) is the one source of truth for the models; the PostgreSQL schema is
// derived from it here. Only the datasource provider and the generated client's folder differ.
import { readFileSync } from "node:fs";
import path from "node:path";

export const repoRoot: string = path.resolve(import.meta.dirname, "..", "..");
export type Flavor = "sqlite" | "postgres";

export const schemaPath: Record<Flavor, string> = {
  sqlite: path.join(repoRoot, "prisma", "schema.prisma"),
  postgres: path.join(repoRoot, "prisma", "postgres", "schema.prisma"),
};

export const migrationsDir: Record<Flavor, string> = {
  sqlite: path.join(repoRoot, "prisma", "migrations"),
  postgres: path.join(repoRoot, "prisma", "postgres", "migrations"),
};

const GENERATED_HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:schema` — do not edit; edit prisma/schema.prisma instead.\n";

/** Derives the PostgreSQL schema text from the SQLite one. Throws if the expected anchors are missing. */
export function toPostgresSchema(sqliteSchema: string): string {
  const provider = /provider\s*=\s*"sqlite"/;
  const output = /output\s*=\s*"\.\.\/lib\/generated\/sqlite"/;
  if (!provider.test(sqliteSchema)) throw new Error('prisma/schema.prisma: expected `provider = "sqlite"`');
  if (!output.test(sqliteSchema)) throw new Error('prisma/schema.prisma: expected `output = "../lib/generated/sqlite"`');
  const body = sqliteSchema
    .replace(provider, 'provider = "postgresql"')
    .replace(output, 'output       = "../../lib/generated/postgres"');
  return GENERATED_HEADER + body;
}

export function readSchema(flavor: Flavor): string {
  return readFileSync(schemaPath[flavor], "utf8");
}
