// Two web processes (`next start` of the production build, as `npm start` runs it) on two ports against ONE
// throw-away PostgreSQL database, with one grader worker (`npm run worker`'s script): the same learner, one
// cookie, both processes. What must hold (issue 15 item 6):
// - a session made on A is a session on B (the cookie is signed with the shared NEXTAUTH_SECRET; each process
//   has its own data folder, so nothing on disk is shared);
// - the submission rate limit is counted across both: the (N+1)th submission is refused with 429 on either;
// - a grade of a submission made on A reaches an event stream held by B (LISTEN/NOTIFY, no polling).
//
// Uses the production build in LACUNA_NEXT_DIST_DIR (default .next), building it first when stale, like
// npm start. Ports LACUNA_TWO_WEB_PORT and the next one (default 3971, 3972).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { signUp } from "@/lib/accounts";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { buildIfStale, CookieJar, killGroup, signIn, startWeb, waitForWeb, type Web } from "@/tests/helpers/web-app";
import { costSlug, costSolution } from "../api/helpers";
import { waitUntil } from "../durability/helpers";
import { readStream, startWorker, type WorkerProcess } from "./helpers";

const basePort = Number(process.env.LACUNA_TWO_WEB_PORT ?? 3971);
const SECRET = "lacuna-two-web-test-secret-shared";
const LIMIT = 4;
// A loaded machine may have to build first.
const STARTUP_MS = 420_000;
const password = "two-web-password-1";

function submit(web: Web, jar: CookieJar, kind: "run" | "submit"): Promise<Response> {
  return fetch(`${web.origin}/api/submissions`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: web.origin, cookie: jar.header() },
    body: JSON.stringify({ slug: costSlug, kind, source: costSolution() }),
  });
}

let t: TestDb;
let worker: WorkerProcess | undefined;
const webs: Web[] = [];
const dataDirs: string[] = [];

beforeAll(async () => {
  await buildIfStale();
  t = await createTestDb("postgres");
  worker = await startWorker(t.url);
  for (const port of [basePort, basePort + 1]) {
    // Each process its own data folder: nothing on disk is shared, as on two machines.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "lacuna-two-web-"));
    dataDirs.push(dataDir);
    webs.push(
      startWeb(port, {
        DATABASE_URL: t.url,
        LACUNA_DATA_DIR: dataDir,
        NEXTAUTH_SECRET: SECRET,
        LACUNA_SUBMISSION_LIMIT: String(LIMIT),
        LACUNA_SUBMISSION_WINDOW_S: "3600",
      }),
    );
  }
  for (const web of webs) await waitForWeb(web, STARTUP_MS);
}, STARTUP_MS + 180_000);

afterAll(async () => {
  for (const web of webs) killGroup(web.child);
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  await worker?.stop();
  await t?.drop();
});

describe("two web processes on one PostgreSQL", () => {
  it("share the learner's session, the submission rate limit and the grade's event", async () => {
    const [a, b] = webs as [Web, Web];
    const email = `two-web-${Date.now()}@example.test`;
    const created = await signUp(t.db, { email, name: "Two Web", password });
    expect(created.ok).toBe(true);

    // Session: signed in on A, the same cookie is a session on B (and a page needing one renders there).
    const jar = new CookieJar();
    await signIn(a.origin, jar, email, password);
    const session = await fetch(`${b.origin}/api/auth/session`, { headers: { cookie: jar.header() } });
    expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(email);
    const review = await fetch(`${b.origin}/review`, { headers: { cookie: jar.header() }, redirect: "manual" });
    expect(review.status).toBe(200);
    await review.arrayBuffer();

    // Event: a submission made on A, its grade read from a stream B holds (B's LISTEN connection gets the
    // worker's NOTIFY; no process polls the row).
    const first = await submit(a, jar, "submit");
    expect(first.status, await first.clone().text()).toBe(202);
    const { id } = (await first.json()) as { id: string };
    const events = await fetch(`${b.origin}/api/submissions/${id}/events`, { headers: { cookie: jar.header() } });
    expect(events.status).toBe(200);
    const text = await readStream(events.body!);
    expect(text).toMatch(/event: result\ndata: \{"id":"[^"]+","slug":"linear-regression-cost","kind":"submit","status":"graded"/);
    const listeners = new pg.Client({ connectionString: t.url });
    await listeners.connect();
    try {
      const { rows } = await listeners.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'lacuna-listen'`);
      expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
    } finally {
      await listeners.end();
    }

    // Rate limit: LIMIT submissions in the window across A and B, then the next one is refused on either.
    for (let i = 1; i < LIMIT; i++) {
      const response = await submit(i % 2 ? b : a, jar, "run");
      expect(response.status, await response.text()).toBe(202);
    }
    for (const web of [b, a]) {
      const refused = await submit(web, jar, "run");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ code: "rate-limited" });
    }
    expect(await t.db.submission.count()).toBe(LIMIT);

    // Every stored submission is graded (once) by the one worker, whichever process took it.
    await waitUntil(async () => (await t.db.submission.count({ where: { status: "graded" } })) === LIMIT, 180_000, () => worker!.output(), 500);
  }, 420_000);
});
