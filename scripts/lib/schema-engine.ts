// Drives the WebAssembly build of Prisma's schema engine (@prisma/schema-engine-wasm, same version as the
// prisma CLI) to diff two schemas into SQL offline. The native engine the Prisma CLI wants cannot be
// downloaded here (see shared STACK.md "Migrations"); the diff needs no database at all.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  mockAdapter,
  mockMigrationAwareAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { Flavor } from "./schemas";

const require = createRequire(import.meta.url);

interface WasmEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}
interface WasmBindings {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (options: unknown, log: (msg: string) => void, adapter: object) => Promise<WasmEngine> };
}

let bindingsPromise: Promise<WasmBindings> | undefined;

async function loadBindings(): Promise<WasmBindings> {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const pkgDir = path.dirname(bgPath);
  const bindings = (await import(pathToFileURL(bgPath).href)) as WasmBindings & Record<string, unknown>;
  const wasmModule = await WebAssembly.compile(readFileSync(path.join(pkgDir, "schema_engine_bg.wasm")));
  const instance = await WebAssembly.instantiate(wasmModule, { "./schema_engine_bg.js": bindings as never });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

/**
 * The engine insists on holding a driver-adapter factory, but diffing schema → schema never touches a
 * database. On PostgreSQL it asks one question when it starts (does schema "public" exist, which server
 * version); we answer it for PostgreSQL 15 (Debian 12's) and reject every other query, so a diff that
 * ever needed a real database would fail loudly instead of silently depending on one.
 */
const POSTGRES_PROBE = /^SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/;

function offlineAdapterFactory(flavor: Flavor): object {
  const provider = flavor === "sqlite" ? "sqlite" : "postgres";
  const connectOffline = async () => {
    const adapter = mockAdapter(provider);
    return {
      ...adapter,
      async queryRaw(query: { sql: string }) {
        if (provider === "postgres" && POSTGRES_PROBE.test(query.sql)) {
          return {
            columnNames: ["exists", "version", "numeric_version"],
            columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
            rows: [[true, "PostgreSQL 15.0", 150000]],
          };
        }
        throw new Error(`offline schema engine: unexpected query ${query.sql}`);
      },
    };
  };
  const factory = { ...mockMigrationAwareAdapterFactory(provider), connect: connectOffline, connectToShadowDb: connectOffline };
  return bindMigrationAwareSqlAdapterFactory(factory as Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0]);
}

/** SQL that turns the database of schema `from` (null = empty database) into the database of schema `to`. */
export async function diffSchemas(flavor: Flavor, from: string | null, to: string): Promise<string> {
  bindingsPromise ??= loadBindings();
  const { SchemaEngine } = await bindingsPromise;
  const adapter = offlineAdapterFactory(flavor);
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", to]] }, () => {}, adapter);
  try {
    const target = (schema: string) => ({ tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] });
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
