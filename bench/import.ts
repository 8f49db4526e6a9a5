/**
 * bench/import: what a large review import costs the other learners on the same web server.
 *
 * Builds the app if its build is stale, starts `next start` on a throw-away SQLite database, signs in two
 * learners (an importer and a bystander), and times the bystander's GET /api/submissions: R requests alone,
 * then as many as fit while the importer's N-row review-log CSV (POST /api/review/import, the settings page's
 * streamed form) is being imported. Prints both medians, p95s and their ratio against the goal (the import
 * runs in 1 ms time slices, lib/time-slice.ts, so other requests are served in between: the bystander's
 * requests during the import stay within GOAL_RATIO× of alone). The import's own wall time is printed too.
 *
 *   npm run bench:import
 *   npm run bench:import -- --rows 10000 --rounds 15 --port 3260 --json
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { createDb } from "../lib/db";
import { hashPassword } from "../lib/password";
import { MAX_IMPORT_ROWS } from "../lib/review/io";
import { migrateDatabase } from "../scripts/lib/migrate";
import { reviewHistoryCsv } from "../tests/helpers/review-history";
import { buildIfStale, CookieJar, signIn, startWeb, stopProcess, waitForWeb } from "../tests/helpers/web-app";

const GOAL_RATIO = 10;
const SLUG = "linear-regression-cost";

const argsSchema = z.object({
  json: z.boolean(),
  rows: z.number().int().min(100).max(MAX_IMPORT_ROWS),
  rounds: z.number().int().min(3).max(200),
  port: z.number().int().min(1024).max(65535),
});

function parseArgs(argv: string[]): z.infer<typeof argsSchema> {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at === -1 ? undefined : Number(argv[at + 1]);
  };
  return argsSchema.parse({ json: argv.includes("--json"), rows: value("rows") ?? 10_000, rounds: value("rounds") ?? 15, port: value("port") ?? 3260 });
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;
const summary = (values: number[]) => ({ n: values.length, median: Math.round(quantile(values, 0.5)), p95: Math.round(quantile(values, 0.95)) });

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (message: string) => {
    if (!args.json) console.log(`[bench:import] ${message}`);
  };
  await buildIfStale(log);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "lacuna-bench-import-"));
  const databaseUrl = `file:${path.join(dataDir, "lacuna.db")}`;
  await migrateDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  const password = "bench-import-password";
  const passwordHash = await hashPassword(password);
  for (const who of ["importer", "bystander"]) await db.user.create({ data: { email: `${who}@bench.lacuna.local`, name: who, passwordHash } });
  await db.$disconnect();

  const web = startWeb(args.port, { DATABASE_URL: databaseUrl, LACUNA_DATA_DIR: dataDir, NEXTAUTH_SECRET: "bench-import-secret-0123456789abcdef" });
  try {
    await waitForWeb(web);
    const importer = new CookieJar();
    const bystander = new CookieJar();
    await signIn(web.origin, importer, "importer@bench.lacuna.local", password);
    await signIn(web.origin, bystander, "bystander@bench.lacuna.local", password);
    const timed = async () => {
      const started = performance.now();
      const response = await fetch(`${web.origin}/api/submissions?slug=${SLUG}`, { headers: { cookie: bystander.header() } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET /api/submissions answered ${response.status}`);
      return performance.now() - started;
    };
    for (let i = 0; i < 3; i++) await timed(); // warm-up
    const alone: number[] = [];
    for (let i = 0; i < args.rounds; i++) alone.push(await timed());

    log(`importing ${args.rows} rows while the bystander keeps asking…`);
    let finished = false;
    const importStarted = performance.now();
    const imported = fetch(`${web.origin}/api/review/import`, {
      method: "POST",
      headers: { cookie: importer.header(), origin: web.origin, "content-type": "text/csv" },
      body: reviewHistoryCsv(args.rows),
    }).then(async (response) => {
      const body = (await response.json()) as { imported?: number; error?: string };
      finished = true;
      if (response.status !== 200 || body.imported !== args.rows) throw new Error(`the import answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
      return performance.now() - importStarted;
    });
    const during: number[] = [];
    while (!finished) {
      const ms = await timed();
      if (!finished) during.push(ms);
    }
    const importMs = await imported;
    if (during.length < 3) throw new Error(`only ${during.length} bystander requests fit in the import's ${Math.round(importMs)} ms: raise --rows`);

    const results = {
      machine: { cores: os.availableParallelism(), load1: Math.round(os.loadavg()[0]! * 10) / 10 },
      rows: args.rows,
      importMs: Math.round(importMs),
      alone: summary(alone),
      during: summary(during),
      ratio: Math.round((quantile(during, 0.5) / quantile(alone, 0.5)) * 100) / 100,
      goalRatio: GOAL_RATIO,
    };
    if (args.json) {
      console.log(JSON.stringify(results));
      return;
    }
    console.log(`\nbench:import — ${args.rows}-row review import, ${results.machine.cores} cores, load ${results.machine.load1}`);
    console.log(`  the import's own answer               ${results.importMs} ms`);
    console.log(`  bystander GET /api/submissions alone   median ${results.alone.median} ms, p95 ${results.alone.p95} ms (${results.alone.n} requests)`);
    console.log(`  the same during the import             median ${results.during.median} ms, p95 ${results.during.p95} ms (${results.during.n} requests)`);
    console.log(`  ratio of medians                       ${results.ratio}× (goal < ${GOAL_RATIO}×: ${results.ratio < GOAL_RATIO ? "met" : "NOT met"})`);
  } finally {
    await stopProcess(web.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
