// Next 16's request proxy (formerly middleware), in front of every page, route handler and server action:
// - refuses state-changing requests from other origins or with the wrong body type (lib/web-security.ts);
// - gives every response its security headers, pages a Content-Security-Policy with a fresh nonce (Next reads
//   it from the request's CSP header and puts it on its own scripts);
// - passes the requested path to server components so guards (lib/auth.ts requireUser/requireRole) can send a
//   signed-out visitor to /signin?callbackUrl=<that path>.
import { NextResponse, type NextRequest } from "next/server";
import { checkStateChangingRequest, contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "@/lib/web-security";

function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const csp = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const refusal = checkStateChangingRequest({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers });
  if (refusal) return withSecurityHeaders(NextResponse.json({ error: refusal.error }, { status: refusal.status }), csp);
  const headers = new Headers(request.headers);
  headers.set("x-lacuna-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp);
}

// Static build output gets its headers from next.config.ts (no proxy work per asset).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
