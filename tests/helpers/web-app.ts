// The real app's web server as the tests and benches that talk HTTP to it start it: the production build
// (rebuilt when stale, one build at a time in this shared tree), `next start` in its own process group, a
// readiness wait, and a learner signed in through next-auth's credentials endpoint.
//
//   await buildIfStale(log);
//   const web = startWeb(port, { DATABASE_URL, NEXTAUTH_SECRET, … });   await waitForWeb(web);
//   const jar = new CookieJar();   await signIn(web.origin, jar, email, password);   fetch(…, { headers: { cookie: jar.header() } })
//   await stopProcess(web.child);
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { z } from "zod";
import { BUILD_INPUTS, buildIsStale, NEXT_BIN, NEXT_DIST_DIR } from "@/scripts/lib/build";
import { repoRoot } from "@/scripts/lib/schemas";

export interface Spawned {
  child: ChildProcess;
  output: () => string;
}

/** `node <args>` in the repository, leading its own process group, its output kept (the last 20 kB). */
export function startProcess(args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  child.stdout?.on("data", (c: Buffer) => (text = (text + c.toString()).slice(-20_000)));
  child.stderr?.on("data", (c: Buffer) => (text = (text + c.toString()).slice(-20_000)));
  return { child, output: () => text };
}

/** SIGTERM to the process group (next start's next-server child too), SIGKILL after 15 s. */
export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve();
    const timer = setTimeout(() => killGroup(child), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      killGroup(child); // whatever the leader left behind
      resolve();
    });
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      resolve();
    }
  });
}

export function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}

export async function buildIfStale(log: (m: string) => void = () => undefined): Promise<void> {
  // Another engineer's `next build` (npm start, e2e tests) may hold the build folder: wait for it, then re-check.
  for (let attempt = 0; ; attempt++) {
    try {
      return buildOnceIfStale(log);
    } catch (error) {
      if (attempt >= 20 || !/Another next build process is already running/.test((error as Error).message)) throw error;
      log("another next build is running; waiting…");
      await new Promise((resolve) => setTimeout(resolve, 15_000));
    }
  }
}

function buildOnceIfStale(log: (m: string) => void): void {
  if (!buildIsStale()) return;
  log("building the app (next build)…");
  // One build at a time in this shared tree; a build that finished while we waited is reused.
  const build = spawnSync(
    "flock",
    ["/tmp/lacuna-next-build.lock", "sh", "-c", `test -f ${NEXT_DIST_DIR}/BUILD_ID && [ -z "$(find ${BUILD_INPUTS.join(" ")} -newer ${NEXT_DIST_DIR}/BUILD_ID -print -quit 2>/dev/null)" ] || "${process.execPath}" "${NEXT_BIN}" build`],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout.toString().slice(-3000)}\n${build.stderr.toString().slice(-3000)}`);
}

export interface Web extends Spawned {
  origin: string;
}

/** `next start --port <port>` of the production build with `env` over the process's own (NODE_ENV production). */
export function startWeb(port: number, env: Record<string, string>): Web {
  const spawned = startProcess([NEXT_BIN, "start", "--port", String(port)], {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    ...env,
  });
  return { ...spawned, origin: `http://localhost:${port}` };
}

/** Polls `check` every 200 ms until it holds; throws with `output()` after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not become ready:\n${output()}`);
}

/** Until GET /api/health answers 200 (throws at once if the server exited). */
export async function waitForWeb(web: Web, timeoutMs = 240_000): Promise<void> {
  await waitFor(
    `next start on ${web.origin}`,
    async () => {
      if (web.child.exitCode !== null) throw new Error(`next start on ${web.origin} exited (${web.child.exitCode}):\n${web.output()}`);
      const response = await fetch(`${web.origin}/api/health`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      return response.status === 200;
    },
    web.output,
    timeoutMs,
  );
  if (web.child.exitCode !== null) throw new Error(`next start on ${web.origin} exited (${web.child.exitCode}):\n${web.output()}`);
}

/** Cookies by name, as a browser keeps them for localhost (cookies do not depend on the port). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }
  has(suffix: string): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith(suffix));
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** Signs in through next-auth's credentials endpoint of `origin`, as the sign-in form does; the session lands in `jar`. */
export async function signIn(origin: string, jar: CookieJar, email: string, password: string): Promise<void> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = z.object({ csrfToken: z.string() }).parse(await csrf.json());
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    // Origin as a browser sends it: proxy.ts refuses state-changing requests without this site's Origin.
    headers: { "content-type": "application/x-www-form-urlencoded", origin, cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/`, json: "true" }),
  });
  jar.take(response);
  const text = await response.text();
  if (!jar.has("next-auth.session-token")) throw new Error(`sign-in of ${email} on ${origin} failed (${response.status}): ${text.slice(0, 300)}`);
}
