// Next 16's request proxy (formerly middleware), in front of every page, route handler and server action:
// - refuses state-changing requests from other origins or with the wrong body type (lib/web-security.ts);
// - gives every response its security headers, pages a Content-Security-Policy with a fresh nonce (Next reads
//   it from the request's CSP header and puts it on its own scripts);
// - passes the requested path to server components so guards (lib/auth.ts requireUser/requireRole) can send a
//   signed-out visitor to /signin?callbackUrl=<that path>;
// - carries the request id (x-request-id: the caller's, or the one lib/observability/http-observer.ts gave the
//   request, or a new one) to the route and back in the response, refusals included.
import { NextResponse, type NextRequest } from "next/server";
import { checkServerActionRequest } from "@/lib/actions/guard";
import { requestRefusal } from "@/lib/http/api-guard";
import { acceptRequestId, REQUEST_ID_HEADER } from "@/lib/observability/core";
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "@/lib/web-security";

function withSecurityHeaders(response: NextResponse, csp: string, requestId: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const csp = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const requestId = acceptRequestId(request.headers.get(REQUEST_ID_HEADER));
  const refuse = (status: number, error: string) => withSecurityHeaders(NextResponse.json({ error }, { status }), csp, requestId);
  // A path that does not percent-decode, a body larger than the route takes, another origin, a wrong body type.
  const refusal = requestRefusal({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers });
  if (refusal) return refuse(refusal.status, refusal.error);
  // A server action's arguments must have the action's shape (lib/actions/guard.ts), else Next answers 500.
  const badAction = await checkServerActionRequest(request);
  if (badAction) return refuse(badAction.status, badAction.error);
  const headers = new Headers(request.headers);
  headers.set("x-lacuna-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("Content-Security-Policy", csp);
  headers.set(REQUEST_ID_HEADER, requestId);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp, requestId);
}

// Static build output gets its headers from next.config.ts (no proxy work per asset). So does POST/GET
// /api/submissions, a learner's hottest path: it runs the same refusals itself (lib/http/api-guard.ts
// guardedRoute), saving the ~3 ms of CPU the proxy costs a request (issue 16). Only that static path: a dynamic
// one (/api/submissions/[id]) with a malformed percent-encoding fails in Next's own parameter decoding, before
// any route code could refuse it, so it needs the proxy's 400.
// A request declaring a body over its route's limit skips the proxy (Next would wait for the whole body before
// sending the proxy's answer) and is refused at once by next.config.ts's rewrite to /api/request-too-large. The
// two Content-Length patterns are integerAbove(bodyLimitFor(path)) from lib/http/limits.ts, written out because
// Next reads this config without running it (tests/security/limits.test.ts keeps them equal).
export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|api/submissions$|api/review/import$).*)",
      missing: [{ type: "header", key: "content-length", value: "0*(?:[1-9]\\d{6,}|[3-9]\\d{5}|2[7-9]\\d{4}|26[3-9]\\d{3}|262[2-9]\\d{2}|2621[5-9]\\d{1}|26214[5-9])" }],
    },
    {
      source: "/api/review/import",
      missing: [{ type: "header", key: "content-length", value: "0*(?:[1-9]\\d{7,}|[6-9]\\d{6}|5[4-9]\\d{5}|53[1-9]\\d{4}|5309\\d{3}|5308[5-9]\\d{2}|53084[2-9]\\d{1}|530841[7-9])" }],
    },
  ],
};
