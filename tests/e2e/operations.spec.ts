// Operations on the real app as `npm start` runs it (issue 15, part B): liveness and readiness, the request
// id from the HTTP request into the stored submission, and the Prometheus metrics of the web server (by route
// pattern) and of the grading daemon (grading latency, the grade's outcome).
import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/auth";
import { e2eDb } from "./helpers/db";
import { sameOrigin, signedInRequest } from "./helpers/http";
import { sample as sampleOf } from "../observability/exposition";

const graderPort = Number(process.env.LACUNA_GRADER_PORT ?? 3902);

test.describe("health, readiness, request ids and metrics", () => {
  test("liveness and readiness answer with their checks; every response carries a request id", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", pid: expect.any(Number) });
    expect(health.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

    // The grading daemon starts beside the web server: ready once its first sandbox worker is.
    await expect
      .poll(async () => (await request.get("/api/ready")).status(), { timeout: 60_000 })
      .toBe(200);
    const ready = await (await request.get("/api/ready")).json();
    expect(ready).toMatchObject({
      status: "ready",
      checks: {
        database: { ok: true, detail: "answers" },
        queue: { ok: true, detail: expect.stringMatching(/^sqlite-daemon: \d+ waiting, \d+ being graded$/) },
        workers: { ok: true, detail: expect.stringMatching(/sandbox workers ready$/) },
      },
    });

    const page = await request.get("/exercises/sigmoid", { headers: { "x-request-id": "e2e-page-42" } });
    expect(page.status()).toBe(200);
    expect(page.headers()["x-request-id"]).toBe("e2e-page-42");
    const refused = await request.post("/api/submissions", { data: {}, headers: { "x-request-id": "e2e-refused-1" } });
    expect(refused.status()).toBe(403); // no Origin: refused by proxy.ts, and still with its id
    expect(refused.headers()["x-request-id"]).toBe("e2e-refused-1");
  });

  test("a submission keeps its request's id, and both processes' metrics count it", async ({ playwright, baseURL, request }) => {
    const learner = await signedInRequest(playwright, baseURL!, DEMO.learner);
    const requestId = `e2e-submit-${Date.now()}`;
    const created = await learner.post("/api/submissions", {
      data: { slug: "sigmoid", kind: "run", source: "export function sigmoid(z: number[]): number[] { return z.map((v) => 1 / (1 + Math.exp(-v))); }" },
      headers: { ...sameOrigin(baseURL!), "x-request-id": requestId },
    });
    expect(created.status(), await created.text()).toBe(202);
    expect(created.headers()["x-request-id"]).toBe(requestId);
    const { id } = (await created.json()) as { id: string };
    const db = e2eDb();
    try {
      await expect.poll(async () => (await db.submission.findUnique({ where: { id } }))?.status, { timeout: 90_000 }).toMatch(/^(graded|error)$/);
      expect((await db.submission.findUniqueOrThrow({ where: { id } })).requestId).toBe(requestId);
    } finally {
      await db.$disconnect();
    }
    await learner.get(`/api/submissions/${id}`);
    await learner.dispose();

    const web = await (await request.get("/api/metrics")).text();
    expect(sampleOf(web, "lacuna_http_request_duration_seconds_count", { method: "POST", route: "/api/submissions", status: "202" })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(web, "lacuna_http_request_duration_seconds_count", { method: "GET", route: "/api/submissions/[id]", status: "200" })).toBeGreaterThanOrEqual(1);
    expect(web).not.toContain(id);

    const grader = await (await request.get(`http://127.0.0.1:${graderPort}/metrics`)).text();
    expect(sampleOf(grader, "lacuna_grading_latency_seconds_count", { kind: "run" })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(grader, "lacuna_grades_total", { kind: "run", outcome: "graded" })).toBeGreaterThanOrEqual(1);
    expect(grader).toContain("# TYPE lacuna_sandbox_kills_total counter");
  });
});
