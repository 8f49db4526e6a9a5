// Where next.config.ts's rewrite sends a request whose Content-Length is over its route's limit
// (lib/http/limits.ts): 413 at once, without reading the body the client announced, and the connection closed
// so the server never waits for it either.
import { fail, toResponse } from "@/lib/grading/http";
import { bodyLimitFor } from "@/lib/http/limits";

function tooLarge(request: Request): Response {
  // A rewrite keeps the address the client asked for.
  const { pathname } = new URL(request.url);
  const declared = (request.headers.get("content-length") ?? "(not given)").slice(0, 40);
  return toResponse(fail(413, "too-large", `The request body is ${declared} bytes; ${pathname.slice(0, 200)} accepts at most ${bodyLimitFor(pathname)} bytes.`, {}, { connection: "close" }));
}

export { tooLarge as DELETE, tooLarge as GET, tooLarge as PATCH, tooLarge as POST, tooLarge as PUT };
