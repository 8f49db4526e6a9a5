// Every HTTP request the web process serves — pages, route handlers, server actions, static files — seen from
// Node's own http server through diagnostics_channel (installed once by instrumentation.ts), so no route has
// to wrap its handler:
// - at the start, the request gets its id (the caller's x-request-id if it is a reasonable one, else a new
//   UUID), written into the request's headers before Next reads them (proxy.ts, route handlers and server
//   code see it) and echoed in the response's x-request-id;
// - at the end, its latency goes into lacuna_http_request_duration_seconds by route pattern (Next's
//   routes-manifest.json: /api/submissions/[id], never the raw URL) and one log line is written.
import diagnosticsChannel from "node:diagnostics_channel";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { acceptRequestId, REQUEST_ID_HEADER, routeMatcher, STATIC_ROUTE, UNMATCHED_ROUTE, type RouteMatcher, type RoutePattern } from "./core";
import { getLogger, type Logger } from "./log";
import { getMetrics, type Metrics } from "./metrics";

const START_CHANNEL = "http.server.request.start";

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
}

export interface HttpObserverOptions {
  routeOf: RouteMatcher;
  metrics?: Metrics;
  logger?: Logger;
}

/** Observes every request of every http server in this process until the returned function is called. */
export function installHttpObserver(options: HttpObserverOptions): () => void {
  const metrics = options.metrics ?? getMetrics();
  const logger = options.logger ?? getLogger();
  const onStart = (message: unknown) => {
    const { request, response } = message as RequestStart;
    const incoming = request.headers[REQUEST_ID_HEADER];
    const requestId = acceptRequestId(Array.isArray(incoming) ? incoming[0] : incoming);
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    // "close" comes after the last byte or when the client went away (an event stream closed by its page).
    response.once("close", () => {
      const seconds = (performance.now() - started) / 1000;
      const route = options.routeOf(request.url ?? "/");
      const status = response.writableFinished ? response.statusCode : 499;
      metrics.httpDuration.observe({ method: request.method ?? "GET", route, status: String(status) }, seconds);
      const pathname = (request.url ?? "/").split("?")[0];
      const line = { requestId, method: request.method, route, path: pathname, status, ms: Math.round(seconds * 1000) };
      if (route === STATIC_ROUTE) logger.debug(line, "request");
      else logger.info(line, "request");
    });
  };
  diagnosticsChannel.subscribe(START_CHANNEL, onStart);
  return () => void diagnosticsChannel.unsubscribe(START_CHANNEL, onStart);
}

interface RoutesManifest {
  staticRoutes?: RoutePattern[];
  dynamicRoutes?: RoutePattern[];
}

/**
 * The route matcher of a Next build (its routes-manifest.json; `next dev` keeps its own under dev/); every path
 * is UNMATCHED_ROUTE without one.
 */
export function routeMatcherOfBuild(distDir: string): RouteMatcher {
  const file = [path.join(distDir, "routes-manifest.json"), path.join(distDir, "dev", "routes-manifest.json")].find((f) => existsSync(f));
  if (!file) return () => UNMATCHED_ROUTE;
  const manifest = JSON.parse(readFileSync(file, "utf8")) as RoutesManifest;
  return routeMatcher(manifest.staticRoutes ?? [], manifest.dynamicRoutes ?? []);
}

/** instrumentation.ts: the web server's request ids, HTTP metrics and request log, once per process. */
export function observeWebServer(): void {
  const holder = globalThis as typeof globalThis & { __lacunaHttpObserved?: boolean };
  if (holder.__lacunaHttpObserved) return;
  holder.__lacunaHttpObserved = true;
  const distDir = path.resolve(process.env.LACUNA_NEXT_DIST_DIR ?? ".next");
  installHttpObserver({ routeOf: routeMatcherOfBuild(distDir) });
}
