// A signed-out visitor's "Run visible cases" (POST /api/guest/run) and live type check, end to end on a real
// SQLite file, the REAL grading daemon (its /grade-visible control route) and sandbox: the route handler itself
// for the status codes a browser gets (200 with the report, 400/404/413 for bad input, 429 + Retry-After per
// client address, 503 when the daemon is down or busy), nothing stored, and the throttle shared by two web
// processes' database clients.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, gradeReportSchema, type GradeReport, type GraderPool } from "@/grader/index";
import { createDb, type Db } from "@/lib/db";
import { gradeVisibleViaDaemon, typeCheckViaDaemon } from "@/lib/grading/client";
import { SOURCE_MAX_BYTES, VISIBLE_SEED } from "@/lib/grading/config";
import { createGradingDaemon, VISIBLE_GRADES_PER_WORKER, type GradingDaemon } from "@/lib/grading/daemon";
import { guestRun, guestTypeCheck } from "@/lib/grading/guest";
import { createGuestThrottle, type GuestLimits } from "@/lib/guest-throttle";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { costMisconception, costSlug, costSolution } from "./helpers";

// The route reads its limits from the environment once (lib/grading/config.ts), and its database through
// getDb(); both are set before the route module is first loaded.
const ROUTE_RUNS = 4;
process.env.LACUNA_GUEST_RUN_LIMIT = String(ROUTE_RUNS);
process.env.LACUNA_GUEST_TYPECHECK_LIMIT = "1000";
process.env.LACUNA_GUEST_WINDOW_S = "600";

let t: TestDb;
let secondProcess: Db;
let pool: GraderPool;
let daemon: GradingDaemon;
let port: number;
let route: { POST: (request: Request) => Promise<Response> };

const starter = `export function computeCost(X: number[][], y: number[], w: number[], b: number): number {
  throw new Error("computeCost is not implemented yet");
}`;

let addressCounter = 0;
/** A client address no other test uses (each test gets a fresh count). */
function freshAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

function post(body: unknown, address: string, raw = false): Request {
  return new Request("http://localhost/api/guest/run", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: raw ? (body as string) : JSON.stringify(body),
  });
}

async function answer(response: Response): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | null }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, retryAfter: response.headers.get("retry-after") };
}

beforeAll(async () => {
  t = await createTestDb("sqlite");
  secondProcess = createDb(t.url);
  pool = createGraderPool({ workers: 1 });
  daemon = createGradingDaemon({ db: t.db, pool, concurrency: 1, port: 0, pollMs: 60_000, ownsPool: false, log: () => undefined });
  port = (await daemon.start()).port!;
  process.env.LACUNA_GRADER_PORT = String(port);
  (globalThis as { __lacunaDb?: Db }).__lacunaDb = t.db;
  route = await import("@/app/api/guest/run/route");
});

afterAll(async () => {
  await daemon?.stop();
  await pool?.close();
  await secondProcess?.$disconnect();
  delete (globalThis as { __lacunaDb?: Db }).__lacunaDb;
  await t?.drop();
});

describe("POST /api/guest/run", () => {
  it("grades the visible cases at once and stores nothing: the starter fails them, a known mistake is named, the solution passes", async () => {
    const address = freshAddress();
    const first = await answer(await route.POST(post({ slug: costSlug, source: starter, lang: "en" }, address)));
    expect(first.status).toBe(200);
    const report = gradeReportSchema.parse(first.body.report);
    expect(report).toMatchObject({ slug: costSlug, mode: "visible", seed: VISIBLE_SEED, status: "failed", lang: "en" });
    expect(report.cases.length).toBeGreaterThan(0);
    expect(report.cases.every((c) => c.visible && c.inputs !== null && c.expected !== null)).toBe(true);
    expect(report.cases[0]!.error?.message).toContain("computeCost is not implemented yet");

    const wrong = await answer(await route.POST(post({ slug: costSlug, source: costMisconception("missing-one-half"), lang: "zh" }, address)));
    expect(wrong.status).toBe(200);
    const wrongReport = wrong.body.report as GradeReport;
    expect(wrongReport.lang).toBe("zh");
    expect(wrongReport.diagnosis.map((d) => d.misconceptionId)).toContain("missing-one-half");

    const right = await answer(await route.POST(post({ slug: costSlug, source: costSolution() }, address)));
    expect(right.status).toBe(200);
    expect(right.body.report).toMatchObject({ status: "passed", score: 1, lang: "en" });

    expect(await t.db.submission.count()).toBe(0);
    expect(await t.db.draft.count()).toBe(0);
  });

  it("refuses bad input with a specific 4xx before counting it", async () => {
    const address = freshAddress();
    const cases: [string | unknown, boolean, number, string | RegExp][] = [
      ["{slug:", true, 400, /^The request body is not valid JSON/],
      ["", true, 400, "The request body is empty; send JSON."],
      [{ source: starter }, false, 400, "Invalid request: slug: must be a string"],
      [{ slug: costSlug, source: 42 }, false, 400, "Invalid request: source: must be a string"],
      [{ slug: costSlug, source: starter, lang: "fr" }, false, 400, 'Invalid request: lang: must be "en" or "zh"'],
      [{ slug: "no-such-exercise", source: starter }, false, 404, 'There is no exercise "no-such-exercise".'],
      [{ slug: costSlug, source: "x".repeat(SOURCE_MAX_BYTES + 1) }, false, 413, "The source is 65537 bytes; the limit is 65536 bytes (64 KB). Shorten the file and try again."],
      ["x".repeat(5 * SOURCE_MAX_BYTES), true, 413, /^The request body is over the limit/],
    ];
    for (const [body, raw, status, error] of cases) {
      const got = await answer(await route.POST(post(body, address, raw)));
      expect(got.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      if (typeof error === "string") expect(got.body.error).toBe(error);
      else expect(got.body.error).toMatch(error);
    }
    // None of them was counted: the address still has all its runs.
    for (let i = 0; i < ROUTE_RUNS; i++) expect((await route.POST(post({ slug: costSlug, source: costSolution() }, address))).status).toBe(200);
  });

  it("answers 429 with Retry-After once an address has used its runs; another address is not affected", async () => {
    const address = freshAddress();
    for (let i = 0; i < ROUTE_RUNS; i++) expect((await route.POST(post({ slug: costSlug, source: starter }, address))).status).toBe(200);
    const limited = await answer(await route.POST(post({ slug: costSlug, source: starter }, address)));
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe("rate-limited");
    expect(limited.body.error).toMatch(new RegExp(`^Too many runs from this address: at most ${ROUTE_RUNS} every 600 seconds without an account\\. Try again in \\d+ s, or sign in\\.$`));
    const retryAfter = Number(limited.retryAfter);
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // The address is the last X-Forwarded-For entry (the one the server's own proxy appended).
    expect((await route.POST(post({ slug: costSlug, source: starter }, `${address}, ${freshAddress()}`))).status).toBe(200);
    expect((await route.POST(post({ slug: costSlug, source: starter }, `${freshAddress()}, ${address}`))).status).toBe(429);
  });
});

describe("the guest throttle and the daemon behind the service", () => {
  const limits: GuestLimits = { runs: 2, typeChecks: 3, windowSeconds: 60 };
  const grade = (input: { slug: string; source: string; lang: "en" | "zh" }) => gradeVisibleViaDaemon(input, port);

  it("counts in the database, so two web processes share one limit per address", async () => {
    const web1 = { throttle: createGuestThrottle(t.db, limits), grade };
    const web2 = { throttle: createGuestThrottle(secondProcess, limits), grade };
    const address = freshAddress();
    expect((await guestRun({ slug: costSlug, source: starter }, address, web1)).status).toBe(200);
    expect((await guestRun({ slug: costSlug, source: starter }, address, web2)).status).toBe(200);
    const third = await guestRun({ slug: costSlug, source: starter }, address, web1);
    expect(third.status).toBe(429);
    expect(Number(third.headers?.["retry-after"])).toBeGreaterThan(0);
    expect((await guestRun({ slug: costSlug, source: starter }, address, web2)).status).toBe(429);
  });

  it("503 with Retry-After when the daemon is down, and when it is busy with other visitors' runs", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await guestRun({ slug: costSlug, source: starter }, freshAddress(), {
      throttle: createGuestThrottle(t.db, limits),
      grade: (input) => gradeVisibleViaDaemon(input, deadPort),
    });
    expect(down).toMatchObject({ status: 503, body: { code: "grader-unavailable" }, headers: { "retry-after": "5" } });

    // Runs that take their time (each case spins for 150 ms): one worker takes VISIBLE_GRADES_PER_WORKER at once.
    const slow = costSolution().replace("{", "{ const until = Date.now() + 150; while (Date.now() < until) { /* spin */ }");
    const generous = createGuestThrottle(t.db, { runs: 100, typeChecks: 100, windowSeconds: 60 });
    const runs = await Promise.all(
      Array.from({ length: VISIBLE_GRADES_PER_WORKER + 1 }, () => guestRun({ slug: costSlug, source: slow }, freshAddress(), { throttle: generous, grade })),
    );
    const statuses = runs.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(VISIBLE_GRADES_PER_WORKER).fill(200), 503]);
    expect(runs.find((r) => r.status === 503)).toMatchObject({ body: { code: "grader-busy" }, headers: { "retry-after": "5" } });
  });

  it("the daemon's control route refuses a malformed request with 400", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/grade-visible`, { method: "POST", body: JSON.stringify({ slug: costSlug, source: starter, lang: "fr" }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^lang: /);
    const notJson = await fetch(`http://127.0.0.1:${port}/grade-visible`, { method: "POST", body: "{" });
    expect(notJson.status).toBe(400);
  });

  it("a guest's type check: warnings, the same 4xx for bad input, 429 over its own limit", async () => {
    const deps = { throttle: createGuestThrottle(t.db, limits), check: (slug: string, source: string) => typeCheckViaDaemon(slug, source, port) };
    const address = freshAddress();
    const checked = await guestTypeCheck({ slug: costSlug, source: "export const x: number = 'a';" }, address, deps);
    expect(checked.status).toBe(200);
    expect((checked.body as { warnings: { message: string }[] }).warnings[0]?.message).toMatch(/not assignable to type 'number'/);
    expect((await guestTypeCheck({ slug: costSlug }, address, deps)).status).toBe(400);
    expect((await guestTypeCheck({ slug: "nope", source: "" }, address, deps)).status).toBe(404);
    expect((await guestTypeCheck({ slug: costSlug, source: "x".repeat(SOURCE_MAX_BYTES + 1) }, address, deps)).status).toBe(413);
    expect((await guestTypeCheck({ slug: costSlug, source: starter }, address, deps)).status).toBe(200);
    expect((await guestTypeCheck({ slug: costSlug, source: starter }, address, deps)).status).toBe(200);
    const limited = await guestTypeCheck({ slug: costSlug, source: starter }, address, deps);
    expect(limited).toMatchObject({ status: 429, body: { code: "rate-limited" } });
    expect((limited.body as { error: string }).error).toMatch(/^Too many type checks from this address: at most 3 every 60 seconds/);
    // Runs are counted apart from type checks.
    expect((await guestRun({ slug: costSlug, source: starter }, address, { throttle: deps.throttle, grade })).status).toBe(200);
  });
});
