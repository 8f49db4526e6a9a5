// Next 16's request proxy (formerly middleware): passes the requested path to server components so guards
// (lib/auth.ts requireUser/requireRole) can send a signed-out visitor to /signin?callbackUrl=<that path>.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("x-lacuna-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth).*)"],
};
