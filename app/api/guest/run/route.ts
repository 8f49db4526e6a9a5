// POST /api/guest/run {slug, source, lang?} → 200 {report}: "Run visible cases" for a signed-out visitor (anyone
// may call it), graded at once by the daemon on the visible seed and stored nowhere. Counted per client address
// (429 + Retry-After); 400/404/413 for a bad request, 503 + Retry-After when the grader is down or busy.
import { clientAddress } from "@/lib/sign-in-throttle";
import { gradeVisibleViaDaemon } from "@/lib/grading/client";
import { guestRun } from "@/lib/grading/guest";
import { readJsonBody, toResponse } from "@/lib/grading/http";
import { guestThrottle } from "@/lib/guest-throttle";
import { whileDatabaseUp } from "@/lib/http/database-unavailable";

export const POST = whileDatabaseUp(async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return toResponse(body.result);
  return toResponse(await guestRun(body.data, clientAddress(request.headers), { throttle: guestThrottle(), grade: (input) => gradeVisibleViaDaemon(input) }));
});
