// Operations, the pure part: request ids, route patterns for metrics, readiness verdicts, what a grade report
// says about the sandbox, and who may read the metrics. No Next.js, no Prisma, no I/O.
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { GradeReport } from "../../grader/report";

// ---------------------------------------------------------------------------------------------------------
// Request ids

export const REQUEST_ID_HEADER = "x-request-id";

/** What an incoming id may look like: a proxy's or load balancer's id (UUIDs, hex, base64url, dotted). */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The caller's id when it is a reasonable one, else a new UUID (never echo arbitrary text into logs). */
export function acceptRequestId(incoming: string | null | undefined): string {
  const value = incoming?.trim();
  return value && REQUEST_ID_PATTERN.test(value) ? value : randomUUID();
}

/** A stored id (a submission's requestId) when it still looks like one; null otherwise. */
export function storedRequestId(value: string | null | undefined): string | null {
  return value && REQUEST_ID_PATTERN.test(value) ? value : null;
}

// ---------------------------------------------------------------------------------------------------------
// Route patterns: metrics are labelled by the route that answered (/api/submissions/[id]), never the raw URL,
// so the number of label values stays bounded whatever URLs clients send.

export interface RoutePattern {
  /** The route as written in app/: "/api/submissions/[id]/events". */
  page: string;
  /** Its anchored regular expression source, as in Next's routes-manifest.json. */
  regex: string;
}

export interface RouteMatcher {
  (pathname: string): string;
}

/** Label for requests no known route matches (404s, probes of random paths). */
export const UNMATCHED_ROUTE = "unmatched";
/** Label for Next's build output (scripts, styles, images). */
export const STATIC_ROUTE = "/_next/static";

/**
 * A function from a request path to its route label: static routes by equality, dynamic ones by their regex
 * in the manifest's order (Next lists the most specific first), `/_next/…` as STATIC_ROUTE, else UNMATCHED_ROUTE.
 */
export function routeMatcher(staticRoutes: RoutePattern[], dynamicRoutes: RoutePattern[]): RouteMatcher {
  const exact = new Set(staticRoutes.map((r) => r.page));
  const dynamic = dynamicRoutes.map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (rawPath: string) => {
    const pathname = (rawPath.split("?")[0] ?? "/").replace(/(.)\/+$/, "$1") || "/";
    if (pathname.startsWith("/_next/")) return STATIC_ROUTE;
    if (exact.has(pathname)) return pathname;
    for (const route of dynamic) if (route.regex.test(pathname)) return route.page;
    return UNMATCHED_ROUTE;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Readiness

export interface CheckResult {
  ok: boolean;
  /** How long the check took, in ms. */
  ms: number;
  /** What was found: a short sentence, a count, the reason it failed. */
  detail: string;
}

export interface Readiness {
  status: "ready" | "not-ready";
  checks: Record<string, CheckResult>;
}

/** Seconds a load balancer or client should wait before asking again when not ready. */
export const READY_RETRY_AFTER_S = 5;

export function readinessOf(checks: Record<string, CheckResult>): Readiness {
  return { status: Object.values(checks).every((c) => c.ok) ? "ready" : "not-ready", checks };
}

// ---------------------------------------------------------------------------------------------------------
// What a grade report says about the sandbox

export type SandboxKillReason = "watchdog" | "memory" | "crash";

export interface SandboxEvents {
  /** Cases stopped by their own wall-time limit inside the isolate. */
  caseTimeouts: number;
  /** The submission as a whole ran out of time (its budget, or the watchdog). */
  submissionTimeout: boolean;
  /** The worker process running the learner's code died on it: out of memory, or crashed. */
  workerDeath: Exclude<SandboxKillReason, "watchdog"> | null;
}

export function sandboxEventsOf(report: Pick<GradeReport, "runtimeError" | "cases">): SandboxEvents {
  const kind = report.runtimeError?.kind;
  return {
    caseTimeouts: report.cases.filter((c) => c.error?.kind === "timeout" && c.ran).length,
    submissionTimeout: kind === "timeout",
    workerDeath: kind === "memory" || kind === "crash" ? kind : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Who may read /api/metrics

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3}|localhost)$/i;

export function isLoopbackAddress(address: string): boolean {
  return LOOPBACK.test(address.trim());
}

export type MetricsAccess = { allowed: true } | { allowed: false; status: 401 | 403; reason: string };

/**
 * A scrape is allowed with the right bearer token (LACUNA_METRICS_TOKEN), or without one from the loopback
 * address. A wrong token is refused even from loopback, so a misconfigured scraper notices.
 */
export function metricsAccess(request: { authorization: string | null; clientAddress: string }, token: string | undefined): MetricsAccess {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? "")?.[1];
  if (bearer !== undefined) {
    if (token && constantTimeEqual(bearer, token)) return { allowed: true };
    return { allowed: false, status: 401, reason: token ? "wrong metrics token" : "LACUNA_METRICS_TOKEN is not set on this server: scrape from 127.0.0.1 without a token" };
  }
  if (isLoopbackAddress(request.clientAddress)) return { allowed: true };
  return {
    allowed: false,
    status: 403,
    reason: token ? "metrics are served to 127.0.0.1, or with Authorization: Bearer <LACUNA_METRICS_TOKEN>" : "metrics are served to 127.0.0.1 only (set LACUNA_METRICS_TOKEN to scrape from elsewhere)",
  };
}

function constantTimeEqual(a: string, b: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(a), digest(b));
}
