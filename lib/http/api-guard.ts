// The proxy's checks, run inside a route handler that proxy.ts skips. POST/GET /api/submissions is a learner's
// hottest path, and running the proxy costs every request ~3 ms of the web server's CPU (issue 16: about a
// third of a submission's; `npm run bench:next-floor` measures Next's own share). That route gets the same
// refusals here, from the same function as the proxy, and its security headers from next.config.ts's headers().
import { REQUEST_ID_HEADER } from "@/lib/observability/core";
import { checkStateChangingRequest } from "@/lib/web-security";
import { declaredLengthRefusal, malformedPathReason } from "./limits";

/**
 * The refusal every request gets before its route runs, in proxy.ts or in a route it skips: a path that does not
 * percent-decode (400); a declared body over the route's limit (413, or 400 for a Content-Length that is no
 * number); a state-changing request from another origin (403) or with the wrong body type (415). Null when the
 * request may go on.
 */
export function requestRefusal(request: { method: string; pathname: string; headers: Headers }): { status: number; error: string } | null {
  const badPath = malformedPathReason(request.pathname);
  if (badPath) return { status: 400, error: badPath };
  return declaredLengthRefusal(request.pathname, request.headers) ?? checkStateChangingRequest(request);
}

/** requestRefusal as the `{ error }` JSON answer a route handler returns. */
export function proxyRefusal(request: Request): Response | null {
  const refusal = requestRefusal({ method: request.method, pathname: new URL(request.url).pathname, headers: request.headers });
  return refusal ? Response.json({ error: refusal.error }, { status: refusal.status }) : null;
}

/**
 * `handler` behind proxyRefusal, its answer carrying the request's x-request-id (the one the request observer
 * gave it: lib/observability/http-observer.ts), as every answer through the proxy does.
 */
export function guardedRoute<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    const [request] = args;
    const response = proxyRefusal(request) ?? (await handler(...args));
    const requestId = request.headers.get(REQUEST_ID_HEADER);
    if (requestId && !response.headers.has(REQUEST_ID_HEADER)) response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  };
}
