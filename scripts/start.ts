// `npm start` (and `npm run dev` with --dev): prepare the database, build when needed, then run the web
// server and its sidecar processes together; when one of them exits, or on Ctrl-C/SIGTERM, all stop.
//
// Adding a sidecar (e.g. the grading daemon): append a ProcessSpec to `sidecars()` below. It gets the same
// environment as the web server (DATABASE_URL, NEXTAUTH_SECRET, LACUNA_DATA_DIR, …).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { dataDir, EnvError, parseEnv, type Env } from "../lib/env";
import { buildIsStale, NEXT_BIN } from "./lib/build";
import { prepare } from "./lib/prepare";
import { repoRoot } from "./lib/schemas";

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
}

/** Long-running processes started and stopped together with the web server. */
function sidecars(_env: Env): ProcessSpec[] {
  return [
    // The grading daemon (lib/grading/daemon.ts): owns the grader pool, grades queued submissions; the web
    // server wakes it on 127.0.0.1:LACUNA_GRADER_PORT (default 3901).
    { name: "grader", command: process.execPath, args: ["--import", "tsx", path.join(repoRoot, "scripts", "grading-daemon.ts")] },
  ];
}

function webServer(env: Env, dev: boolean): ProcessSpec {
  return { name: "web", command: process.execPath, args: [NEXT_BIN, dev ? "dev" : "start", "--port", String(env.PORT)] };
}

function supervise(specs: ProcessSpec[], childEnv: NodeJS.ProcessEnv): void {
  const children = new Map<string, ChildProcess>();
  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children.values()) {
      // Each child leads its own process group, so `next start`'s next-server grandchild stops too.
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          /* already gone */
        }
      }
    }
    process.exitCode = code;
  };
  for (const spec of specs) {
    const child = spawn(spec.command, spec.args, { cwd: repoRoot, env: childEnv, stdio: "inherit", detached: true });
    children.set(spec.name, child);
    child.on("exit", (code, signal) => {
      children.delete(spec.name);
      if (!stopping) {
        console.error(`[lacuna] ${spec.name} exited (${signal ?? code}); stopping the others`);
        stopAll(code ?? 1);
      }
    });
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(0));
}

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  // NODE_ENV as the operator set it (default development): "production" is a declaration that this is a
  // deployment, which turns on e.g. the demo-account warning. The children run Next in its own mode anyway.
  const env = parseEnv(process.env);
  const prepared = await prepare(env);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: dev ? "development" : "production",
    PORT: String(env.PORT),
    DATABASE_URL: prepared.databaseUrl,
    LACUNA_DATA_DIR: dataDir(env),
    NEXTAUTH_SECRET: prepared.secret,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!dev && buildIsStale()) {
    console.log("[lacuna] building the app (next build)…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: repoRoot, env: childEnv, stdio: "inherit" });
    if (build.status !== 0) throw new Error(`next build failed (exit ${build.status ?? build.signal})`);
  }
  console.log(`[lacuna] serving on http://localhost:${env.PORT} (${prepared.databaseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL"})`);
  supervise([webServer(env, dev), ...sidecars(env)], childEnv);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
