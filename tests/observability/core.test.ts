// lib/observability/core.ts: request ids, route labels, readiness verdicts, sandbox events, metrics access.
import { describe, expect, it } from "vitest";
import {
  acceptRequestId,
  metricsAccess,
  readinessOf,
  routeMatcher,
  sandboxEventsOf,
  STATIC_ROUTE,
  storedRequestId,
  UNMATCHED_ROUTE,
} from "@/lib/observability/core";
import { parseObservabilityConfig } from "@/lib/observability/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("request ids", () => {
  it("keeps a caller's reasonable id and replaces anything else with a new UUID", () => {
    for (const id of ["b5f0c0de-1", "Root=1-67891233-abcdef012345678912345678", "req_42.a:b/c+d=", "x".repeat(128)]) expect(acceptRequestId(id)).toBe(id);
    expect(acceptRequestId("  padded-id  ")).toBe("padded-id");
    for (const bad of [null, undefined, "", "   ", "x".repeat(129), "has space", "new\nline", "<script>", "引号"]) expect(acceptRequestId(bad)).toMatch(UUID);
    expect(acceptRequestId(null)).not.toBe(acceptRequestId(null));
    expect(storedRequestId("ok-1")).toBe("ok-1");
    expect(storedRequestId("bad id")).toBeNull();
    expect(storedRequestId(undefined)).toBeNull();
  });
});

describe("route labels", () => {
  // The shapes of Next's routes-manifest.json entries.
  const routeOf = routeMatcher(
    [{ page: "/", regex: "^/(?:/)?$" }, { page: "/api/submissions", regex: "^/api/submissions(?:/)?$" }, { page: "/api/health", regex: "^/api/health(?:/)?$" }],
    [
      { page: "/api/submissions/[id]/events", regex: "^/api/submissions/([^/]+?)/events(?:/)?$" },
      { page: "/api/submissions/[id]", regex: "^/api/submissions/([^/]+?)(?:/)?$" },
      { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
    ],
  );

  it("labels a request by the route that answers it, never by its raw URL", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/api/submissions?slug=sigmoid&limit=5")).toBe("/api/submissions");
    expect(routeOf("/api/submissions/")).toBe("/api/submissions");
    expect(routeOf("/api/submissions/cm123abc")).toBe("/api/submissions/[id]");
    expect(routeOf("/api/submissions/cm123abc/events")).toBe("/api/submissions/[id]/events");
    expect(routeOf("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routeOf("/_next/static/chunks/app.js")).toBe(STATIC_ROUTE);
    expect(routeOf("/wp-admin/install.php")).toBe(UNMATCHED_ROUTE);
  });
});

describe("readiness", () => {
  it("is ready only when every check passed", () => {
    const good = { ok: true, ms: 3, detail: "answers" };
    expect(readinessOf({ database: good, queue: good }).status).toBe("ready");
    expect(readinessOf({ database: good, workers: { ok: false, ms: 2000, detail: "no answer within 2000 ms" } })).toEqual({
      status: "not-ready",
      checks: { database: good, workers: { ok: false, ms: 2000, detail: "no answer within 2000 ms" } },
    });
  });
});

describe("what a report says about the sandbox", () => {
  const timeoutCase = { ran: true, error: { kind: "timeout" as const, message: "", location: null } };
  const notRun = { ran: false, error: { kind: "timeout" as const, message: "", location: null } };
  const passed = { ran: true, error: null };
  it("counts cases stopped by their own limit, a submission out of time, and a worker that died on the code", () => {
    expect(sandboxEventsOf({ runtimeError: null, cases: [passed, timeoutCase, timeoutCase] } as never)).toEqual({ caseTimeouts: 2, submissionTimeout: false, workerDeath: null });
    expect(sandboxEventsOf({ runtimeError: { kind: "timeout", message: "", location: null }, cases: [timeoutCase, notRun, notRun] } as never)).toEqual({
      caseTimeouts: 1,
      submissionTimeout: true,
      workerDeath: null,
    });
    expect(sandboxEventsOf({ runtimeError: { kind: "memory", message: "", location: null }, cases: [notRun] } as never).workerDeath).toBe("memory");
    expect(sandboxEventsOf({ runtimeError: { kind: "crash", message: "", location: null }, cases: [] } as never).workerDeath).toBe("crash");
    expect(sandboxEventsOf({ runtimeError: { kind: "exception", message: "", location: null }, cases: [] } as never)).toEqual({ caseTimeouts: 0, submissionTimeout: false, workerDeath: null });
  });
});

describe("who may read the metrics", () => {
  const token = "a-metrics-token-of-32-characters";
  it("serves loopback without a token, anyone with the right bearer token, and says why it refuses", () => {
    expect(metricsAccess({ authorization: null, clientAddress: "127.0.0.1" }, undefined)).toEqual({ allowed: true });
    expect(metricsAccess({ authorization: null, clientAddress: "::1" }, token)).toEqual({ allowed: true });
    expect(metricsAccess({ authorization: null, clientAddress: "::ffff:127.0.0.1" }, undefined)).toEqual({ allowed: true });
    expect(metricsAccess({ authorization: `Bearer ${token}`, clientAddress: "203.0.113.7" }, token)).toEqual({ allowed: true });
    expect(metricsAccess({ authorization: null, clientAddress: "203.0.113.7" }, undefined)).toMatchObject({ allowed: false, status: 403, reason: expect.stringMatching(/127\.0\.0\.1 only.*LACUNA_METRICS_TOKEN/) });
    expect(metricsAccess({ authorization: null, clientAddress: "203.0.113.7" }, token)).toMatchObject({ allowed: false, status: 403 });
    expect(metricsAccess({ authorization: "Bearer wrong", clientAddress: "127.0.0.1" }, token)).toMatchObject({ allowed: false, status: 401, reason: "wrong metrics token" });
    expect(metricsAccess({ authorization: `Bearer ${token}`, clientAddress: "203.0.113.7" }, undefined)).toMatchObject({ allowed: false, status: 401, reason: expect.stringMatching(/not set/) });
  });

  it("checks its settings with a message naming the variable", () => {
    expect(parseObservabilityConfig({})).toMatchObject({ LACUNA_LOG_LEVEL: "info", LACUNA_METRICS_HOST: "127.0.0.1" });
    expect(() => parseObservabilityConfig({ LACUNA_METRICS_TOKEN: "short" })).toThrow(/LACUNA_METRICS_TOKEN must be at least 16 characters/);
    expect(() => parseObservabilityConfig({ LACUNA_LOG_LEVEL: "loud" })).toThrow(/LACUNA_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
    expect(() => parseObservabilityConfig({ LACUNA_METRICS_PORT: "70000" })).toThrow(/LACUNA_METRICS_PORT must be between 1 and 65535/);
  });
});
