// The web process's request observer on a real Node http server (the mechanism instrumentation.ts installs in
// Next's server), and the /api/health and /api/metrics handlers as the routes call them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeMatcher } from "@/lib/observability/core";
import { serveMetrics } from "@/lib/observability/grading";
import { installHttpObserver } from "@/lib/observability/http-observer";
import { createMetrics, getMetrics } from "@/lib/observability/metrics";
import { healthResponse, metricsResponse } from "@/lib/observability/web";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { capturedLogger, sample } from "./helpers";

const metrics = createMetrics();
const { logger, lines } = capturedLogger("web");
let server: http.Server;
let base: string;
let uninstall: () => void;
let t: TestDb;

beforeAll(async () => {
  // The web process's queue depth gauge reads the configured database: this test's.
  t = await createTestDb("sqlite");
  process.env.DATABASE_URL = t.url;
  const routeOf = routeMatcher([{ page: "/api/health", regex: "^/api/health(?:/)?$" }], [{ page: "/api/submissions/[id]", regex: "^/api/submissions/([^/]+?)(?:/)?$" }]);
  uninstall = installHttpObserver({ routeOf, metrics, logger });
  // The handler answers with the id it sees, as a route handler reads it from its request's headers.
  server = http.createServer((req, res) => {
    const seen = req.headers["x-request-id"];
    res.writeHead(req.url?.startsWith("/api/submissions/") ? 404 : 200, { "content-type": "application/json" });
    res.end(JSON.stringify({ seen }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  uninstall();
  await new Promise((resolve) => server.close(resolve));
  await t.drop();
});

describe("every request gets an id, a latency sample by route and a log line", () => {
  it("keeps the caller's x-request-id, gives one to a request without, and the handler sees the same id", async () => {
    const given = await fetch(`${base}/api/health`, { headers: { "x-request-id": "lb-7f3a9c" } });
    expect(given.headers.get("x-request-id")).toBe("lb-7f3a9c");
    expect(await given.json()).toEqual({ seen: "lb-7f3a9c" });

    for (const headers of [{}, { "x-request-id": "not an id <script>" }] as Record<string, string>[]) {
      const response = await fetch(`${base}/api/health`, { headers });
      const id = response.headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await response.json()).toEqual({ seen: id });
    }
  });

  it("counts latency by method, route pattern and status, never by raw URL, and logs the path without its query", async () => {
    await fetch(`${base}/api/submissions/cm-one?token=secret`);
    await fetch(`${base}/api/submissions/cm-two`);
    await fetch(`${base}/no/such/page`);
    const text = await metrics.registry.metrics();
    expect(sample(text, "lacuna_http_request_duration_seconds_count", { method: "GET", route: "/api/submissions/[id]", status: "404" })).toBe(2);
    expect(sample(text, "lacuna_http_request_duration_seconds_count", { method: "GET", route: "/api/health", status: "200" })).toBe(3);
    expect(sample(text, "lacuna_http_request_duration_seconds_count", { method: "GET", route: "unmatched", status: "200" })).toBe(1);
    expect(text).not.toContain("cm-one");
    const line = lines.find((l) => l.path === "/api/submissions/cm-one");
    expect(line).toMatchObject({ msg: "request", service: "web", level: 30, method: "GET", route: "/api/submissions/[id]", status: 404, requestId: expect.any(String) });
    expect(typeof line?.ms).toBe("number");
    expect(JSON.stringify(lines)).not.toContain("secret");
  });
});

describe("GET /api/health and GET /api/metrics", () => {
  it("answers liveness without touching a database", async () => {
    const response = healthResponse();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", pid: process.pid, uptimeS: expect.any(Number) });
  });

  const scrape = (headers: Record<string, string>, token?: string) => metricsResponse(new Request("http://localhost/api/metrics", { headers }), token);

  it("serves Prometheus text to 127.0.0.1 and to the token's bearer, and refuses others with the reason", async () => {
    getMetrics().httpDuration.observe({ method: "GET", route: "/api/health", status: "200" }, 0.004);
    const local = await scrape({ "x-forwarded-for": "127.0.0.1" });
    expect(local.status).toBe(200);
    expect(local.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await local.text();
    for (const name of ["lacuna_http_request_duration_seconds", "lacuna_grading_latency_seconds", "lacuna_grade_duration_seconds", "lacuna_sandbox_timeouts_total", "lacuna_sandbox_kills_total", "lacuna_grading_queue_depth", "lacuna_process_resident_memory_bytes"]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(sample(text, "lacuna_grading_queue_depth", { state: "waiting" })).toBe(0);

    const token = "metrics-token-for-the-test-0123";
    expect((await scrape({ "x-forwarded-for": "203.0.113.9", authorization: `Bearer ${token}` }, token)).status).toBe(200);
    const remote = await scrape({ "x-forwarded-for": "203.0.113.9" }, token);
    expect(remote.status).toBe(403);
    expect(await remote.json()).toEqual({ error: "metrics are served to 127.0.0.1, or with Authorization: Bearer <LACUNA_METRICS_TOKEN>", code: "forbidden" });
    const wrong = await scrape({ "x-forwarded-for": "127.0.0.1", authorization: "Bearer nope" }, token);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
  });
});

describe("a worker's own metrics port (LACUNA_METRICS_PORT)", () => {
  it("decides by the connection's real address: loopback, or another address with the bearer token", async () => {
    const token = "worker-metrics-token-0123456789";
    const served = await serveMetrics({ port: 0, host: "0.0.0.0", token, health: () => ({ inFlight: 0 }) });
    try {
      const local = `http://127.0.0.1:${served.port}`;
      expect((await fetch(`${local}/metrics`)).status).toBe(200);
      expect(await (await fetch(`${local}/health`)).json()).toEqual({ inFlight: 0 });
      expect((await fetch(`${local}/nothing`)).status).toBe(404);
      // This machine's own non-loopback address: the server sees a remote peer, whatever headers say.
      const external = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === "IPv4" && !a.internal)?.address;
      if (external) {
        const remote = `http://${external}:${served.port}/metrics`;
        const refused = await fetch(remote, { headers: { "x-forwarded-for": "127.0.0.1" } });
        expect(refused.status).toBe(403);
        expect((await fetch(remote, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      }
    } finally {
      await served.close();
    }
  });
});
