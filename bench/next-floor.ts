/**
 * bench/next-floor: the CPU a request costs in a Next.js server that does nothing else, on this machine, beside
 * a plain `node:http` server doing the same. Issue 16 asks for ≤ 5 ms of web-server CPU per submission; a
 * submission is one Next request (POST /api/submissions), so Next's own cost per request is the floor under that
 * figure, whatever our code does.
 *
 * Builds a minimal App Router app (two route handlers, no proxy, no instrumentation, no database, no session) in
 * a throw-away folder inside the repository (so it resolves this repository's `next`), starts it with
 * `next start`, and measures the server's CPU (every process of its group, from /proc) over N sequential
 * requests on one kept-alive connection, then with 20 clients at a time (bench:web's learners back to back): GET
 * returning "ok", and POST of a 1 KB JSON body answered with JSON (a submission's shape). Then the same two
 * routes on `node:http`. Medians of 5 rounds.
 *
 *   npm run bench:next-floor
 *   npm run bench:next-floor -- --requests 500 --port 3290 --json
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { NEXT_BIN } from "../scripts/lib/build";
import { startProcess, stopProcess, waitFor } from "../tests/helpers/web-app";
import { treeCpuMs } from "./phases";

const repoRoot = path.resolve(import.meta.dirname, "..");
const GOAL_WEB_CPU_MS = 5;
const ROUNDS = 5;

const args = z
  .object({ requests: z.number().int().min(50).max(5000), port: z.number().int().min(3200).max(3299), json: z.boolean() })
  .parse({
    requests: Number(valueOf("--requests") ?? 400),
    port: Number(valueOf("--port") ?? 3290),
    json: process.argv.includes("--json"),
  });

function valueOf(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const log = (message: string) => {
  if (!args.json) console.log(`[bench:next-floor] ${message}`);
};

const body = JSON.stringify({ exerciseSlug: "linear-regression-cost", kind: "run", lang: "en", source: "x".repeat(1000) });

const PING_ROUTE = `export const dynamic = "force-dynamic";
export function GET() {
  return new Response("ok");
}
`;
const ECHO_ROUTE = `export const dynamic = "force-dynamic";
export async function POST(request) {
  const submission = await request.json();
  return Response.json({ id: "s1", status: "queued", exerciseSlug: submission.exerciseSlug, bytes: submission.source.length });
}
`;
const PLAIN_SERVER = `
const http = require("node:http");
http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/api/ping") { res.writeHead(200, { "content-type": "text/plain" }); return res.end("ok"); }
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const submission = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: "s1", status: "queued", exerciseSlug: submission.exerciseSlug, bytes: submission.source.length }));
  });
}).listen(Number(process.env.PORT), "127.0.0.1");
`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Clients at a time in the second measure: bench:web's learners submitting back to back. */
const CONCURRENCY = 20;

/**
 * Server CPU per request (ms), median of ROUNDS rounds of `args.requests` requests, `concurrency` at a time (each
 * client sends its next request when its last is answered).
 */
async function cpuPerRequest(pid: number, base: string, method: "GET" | "POST", concurrency = 1): Promise<number> {
  const once = async () => {
    const response = await fetch(`${base}/api/${method === "GET" ? "ping" : "echo"}`, method === "GET" ? {} : { method, body, headers: { "content-type": "application/json" } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${method} answered ${response.status}`);
  };
  for (let i = 0; i < 100; i++) await once(); // JIT and Next's route caches
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const before = treeCpuMs(pid);
    let sent = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (sent < args.requests) {
          sent++;
          await once();
        }
      }),
    );
    rounds.push((treeCpuMs(pid) - before) / args.requests);
  }
  return round2(median(rounds));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(repoRoot, ".bench-next-floor-"));
  const base = `http://127.0.0.1:${args.port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(args.port) };
  try {
    mkdirSync(path.join(dir, "app", "api", "ping"), { recursive: true });
    mkdirSync(path.join(dir, "app", "api", "echo"), { recursive: true });
    writeFileSync(path.join(dir, "app", "api", "ping", "route.js"), PING_ROUTE);
    writeFileSync(path.join(dir, "app", "api", "echo", "route.js"), ECHO_ROUTE);
    writeFileSync(path.join(dir, "next.config.mjs"), "export default {};\n");
    writeFileSync(path.join(dir, "plain-server.cjs"), PLAIN_SERVER);
    log(`building a minimal Next app in ${dir}`);
    const build = spawnSync(process.execPath, [NEXT_BIN, "build", dir], { cwd: repoRoot, env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);

    /** Starts `node <serverArgs>`, measures both routes once it answers, and stops it. */
    const serverFigures = async (what: string, serverArgs: string[]) => {
      const server = startProcess(serverArgs, env);
      try {
        await waitFor(what, async () => (await fetch(`${base}/api/ping`)).ok, server.output);
        const pid = server.child.pid!;
        return {
          get: await cpuPerRequest(pid, base, "GET"),
          post: await cpuPerRequest(pid, base, "POST"),
          concurrentGet: await cpuPerRequest(pid, base, "GET", CONCURRENCY),
          concurrentPost: await cpuPerRequest(pid, base, "POST", CONCURRENCY),
        };
      } finally {
        await stopProcess(server.child);
      }
    };
    const nextFigures = await serverFigures("next start", [NEXT_BIN, "start", dir, "--port", String(args.port), "--hostname", "127.0.0.1"]);
    log(`Next: GET ${nextFigures.get} ms, POST ${nextFigures.post} ms of CPU per request (${CONCURRENCY} at a time: ${nextFigures.concurrentGet}, ${nextFigures.concurrentPost} ms)`);
    const plainFigures = await serverFigures("node:http", [path.join(dir, "plain-server.cjs")]);

    const result = {
      requestsPerRound: args.requests,
      rounds: ROUNDS,
      cpuCores: os.availableParallelism(),
      loadAverage1m: round2(os.loadavg()[0]!),
      next: nextFigures,
      nodeHttp: plainFigures,
      goalWebCpuMs: GOAL_WEB_CPU_MS,
    };
    if (args.json) console.log(JSON.stringify(result));
    else {
      const row = (name: string, f: typeof nextFigures) =>
        `  ${name.padEnd(18)}${String(f.get).padStart(6)} ms  ${String(f.post).padStart(6)} ms        ${String(f.concurrentGet).padStart(6)} ms  ${String(f.concurrentPost).padStart(6)} ms`;
      console.log(`server CPU per request (median of ${ROUNDS} rounds × ${args.requests} requests, load average ${result.loadAverage1m} on ${result.cpuCores} cores):`);
      console.log(`                    one at a time               ${CONCURRENCY} at a time`);
      console.log(`                    GET "ok"   POST 1 KB JSON   GET "ok"   POST 1 KB JSON`);
      console.log(row("next start", nextFigures));
      console.log(row("node:http", plainFigures));
      console.log(
        `a submission is one Next POST: ${nextFigures.post} ms of it is Next's alone one at a time (${round2((100 * nextFigures.post) / GOAL_WEB_CPU_MS)}% of the ${GOAL_WEB_CPU_MS} ms goal), ${nextFigures.concurrentPost} ms with ${CONCURRENCY} at a time (${round2((100 * nextFigures.concurrentPost) / GOAL_WEB_CPU_MS)}%)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
