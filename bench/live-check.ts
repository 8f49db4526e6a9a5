/**
 * bench/live-check: how soon the exercise page's live check answers (issue 13, item 4: "the first check comes back
 * within a second, and 'Checking types…' never sits for seconds"), through the real app and grading daemon.
 *
 * For every exercise of the catalog, as the editor does (app/exercises/[slug]/live-check.ts), a signed-in learner:
 * - on load: POST /api/syntax-check then POST /api/typecheck with the starter code, at once (the first check,
 *   the exercise's first type check in the checker pool: cold);
 * - after an edit: the syntax check after the editor's pause, then the type check after its longer pause, on the
 *   starter with a line added (warm).
 * Prints medians, p95 and max of each step and of the first check (syntax + type, what the learner waits for on
 * load) and of "Checking types…" after an edit (the editor's pause plus the type check), against the 1 s goal.
 *
 *   npm run bench:live-check
 *   npm run bench:live-check -- --json --port 3220 --grader-port 3920
 */
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { loadCatalog } from "../exercises/catalog";
import { createDb } from "../lib/db";
import { hashPassword } from "../lib/password";
import { NEXT_BIN } from "../scripts/lib/build";
import { CookieJar, signIn, startProcess, stopProcess, waitFor } from "../tests/helpers/web-app";
import { SYNTAX_DELAY_MS, TYPECHECK_DELAY_MS } from "../app/exercises/[slug]/live-check";
import { prepareBenchApp } from "./app";

const repoRoot = path.resolve(import.meta.dirname, "..");
const GOAL_FIRST_CHECK_MS = 1_000;

const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const args = z
  .object({ json: z.boolean(), port: z.number().int().min(3200).max(3299), graderPort: z.number().int().min(3900).max(3999) })
  .parse({ json: process.argv.includes("--json"), port: Number(flag("port") ?? 3220), graderPort: Number(flag("grader-port") ?? 3920) });
const log = (message: string) => {
  if (!args.json) console.log(`[bench:live-check] ${message}`);
};

const round1 = (x: number) => Math.round(x * 10) / 10;
function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => round1(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
  return { n: values.length, median: at(0.5), p95: at(0.95), max: round1(sorted.at(-1) ?? NaN) };
}

async function main(): Promise<void> {
  // Type checks only: no exercise's seed pool is warmed.
  const { dataDir, databaseUrl, base, env } = await prepareBenchApp("live-check", { web: args.port, grader: args.graderPort }, log, { LACUNA_GRADER_PREWARM_SLUGS: "none" });
  const web = startProcess([NEXT_BIN, "start", "--port", String(args.port), "--hostname", "127.0.0.1"], env);
  const daemon = startProcess(["--import", "tsx", path.join(repoRoot, "scripts", "grading-daemon.ts")], env);
  const db = createDb(databaseUrl);
  try {
    await waitFor("next start", async () => (await fetch(`${base}/api/exercises`)).status === 401, web.output);
    await waitFor("grading daemon", async () => (await fetch(`http://127.0.0.1:${args.graderPort}/health`)).ok, daemon.output);
    const password = "bench-password-1";
    await db.user.create({ data: { email: "live@example.test", name: "Live", passwordHash: await hashPassword(password) } });
    const jar = new CookieJar();
    await signIn(base, jar, "live@example.test", password);
    const headers = { cookie: jar.header(), "content-type": "application/json", origin: base };
    const timed = async (route: string, body: object) => {
      const started = performance.now();
      const response = await fetch(`${base}${route}`, { method: "POST", headers, body: JSON.stringify(body) });
      const answer = (await response.json()) as { notice?: string | null };
      if (response.status !== 200) throw new Error(`${route} answered ${response.status}: ${JSON.stringify(answer)}`);
      return { ms: performance.now() - started, notice: answer.notice ?? null };
    };

    const catalog = loadCatalog();
    const steps = { loadSyntax: [] as number[], loadTypes: [] as number[], firstCheck: [] as number[], editSyntax: [] as number[], editTypes: [] as number[], checkingTypes: [] as number[] };
    const notices: string[] = [];
    const load = os.loadavg()[0]!;
    for (const { meta, starter } of catalog) {
      const body = { slug: meta.slug, source: starter, lang: "en" };
      const syntax = await timed("/api/syntax-check", body);
      const types = await timed("/api/typecheck", body);
      steps.loadSyntax.push(syntax.ms);
      steps.loadTypes.push(types.ms);
      steps.firstCheck.push(syntax.ms + types.ms);
      const edited = { ...body, source: `${starter}\n// an edit\n` };
      const editSyntax = await timed("/api/syntax-check", edited);
      const editTypes = await timed("/api/typecheck", edited);
      steps.editSyntax.push(editSyntax.ms);
      steps.editTypes.push(editTypes.ms);
      // "Checking types…" shows from the end of the syntax check until the type check answers; the type check is
      // sent TYPECHECK_DELAY_MS after the edit, the syntax check SYNTAX_DELAY_MS after it.
      steps.checkingTypes.push(Math.max(0, TYPECHECK_DELAY_MS - SYNTAX_DELAY_MS - editSyntax.ms) + editTypes.ms);
      for (const notice of [types.notice, editTypes.notice]) if (notice) notices.push(`${meta.slug}: ${notice}`);
    }
    const result = {
      exercises: catalog.length,
      cpuCores: os.availableParallelism(),
      loadAverage1m: { before: round1(load), after: round1(os.loadavg()[0]!) },
      goalFirstCheckMs: GOAL_FIRST_CHECK_MS,
      ms: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, summary(v)])) as Record<keyof typeof steps, ReturnType<typeof summary>>,
      notices,
    };
    if (args.json) console.log(JSON.stringify(result));
    else {
      const line = (what: string, s: ReturnType<typeof summary>) => `  ${what.padEnd(58)} median ${s.median} ms, p95 ${s.p95} ms, max ${s.max} ms`;
      console.log(`${catalog.length} exercises, load average ${result.loadAverage1m.before}/${result.loadAverage1m.after} on ${result.cpuCores} cores`);
      console.log(line("on load: syntax check", result.ms.loadSyntax));
      console.log(line("on load: type check (the exercise's first: cold)", result.ms.loadTypes));
      console.log(line("on load: the first check (syntax + type)", result.ms.firstCheck));
      console.log(line("after an edit: syntax check (after a 250 ms pause)", result.ms.editSyntax));
      console.log(line("after an edit: type check (warm)", result.ms.editTypes));
      console.log(line(`after an edit: "Checking types…" on screen`, result.ms.checkingTypes));
      const met = result.ms.firstCheck.p95 <= GOAL_FIRST_CHECK_MS;
      console.log(`goal: the first check within ${GOAL_FIRST_CHECK_MS} ms: p95 ${result.ms.firstCheck.p95} ms, max ${result.ms.firstCheck.max} ms (${met ? "met" : "NOT met"})`);
      if (notices.length) console.log(`type checks with a notice (too slow, too complex, busy): ${notices.join("; ")}`);
    }
  } finally {
    await db.$disconnect();
    await Promise.all([stopProcess(web.child), stopProcess(daemon.child)]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
