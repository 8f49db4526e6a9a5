// What the benches that run the real app share: a build that is up to date, a throw-away data folder with a
// migrated SQLite database, and the environment `next start` and the grading daemon get in it.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../scripts/lib/migrate";
import { buildIfStale } from "../tests/helpers/web-app";

export interface BenchApp {
  dataDir: string;
  databaseUrl: string;
  /** http://127.0.0.1:<port> */
  base: string;
  /** For `next start` and scripts/grading-daemon.ts: production, this database and folder, the two ports. */
  env: NodeJS.ProcessEnv;
}

/**
 * Builds the app if its build is stale, makes `lacuna-bench-<name>-*` in the system's temporary folder with a
 * migrated database, and gives the processes' environment (`extraEnv` on top). The caller removes `dataDir`.
 */
export async function prepareBenchApp(
  name: string,
  ports: { web: number; grader: number },
  log: (message: string) => void,
  extraEnv: Record<string, string> = {},
): Promise<BenchApp> {
  await buildIfStale(log);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `lacuna-bench-${name}-`));
  const databaseUrl = `file:${path.join(dataDir, "lacuna.db")}`;
  await migrateDatabase(databaseUrl);
  const base = `http://127.0.0.1:${ports.web}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(ports.web),
    DATABASE_URL: databaseUrl,
    LACUNA_DATA_DIR: dataDir,
    NEXTAUTH_SECRET: `bench-${name}-secret-0123456789abcdef`,
    NEXTAUTH_URL: base,
    LACUNA_GRADER_PORT: String(ports.grader),
    NEXT_TELEMETRY_DISABLED: "1",
    ...extraEnv,
  };
  return { dataDir, databaseUrl, base, env };
}
