// POST /api/typecheck {slug, source} → 200 {warnings: [{line, column, message}], notice: null | "too-slow" | "too-complex" | "busy"},
// checked by the grading daemon's checker pool (grader/typecheck-pool.ts): a check that overruns its budget or code the
// checker cannot handle gets a notice, never a 5xx. A signed-out visitor gets the same check, counted per client
// address (lib/guest-throttle.ts: 429 + Retry-After over the limit).
import { getSessionUser } from "@/lib/auth";
import { typeCheckViaDaemon } from "@/lib/grading/client";
import { guestTypeCheck } from "@/lib/grading/guest";
import { readJsonBody, toResponse } from "@/lib/grading/http";
import { typeCheck } from "@/lib/grading/service";
import { guestThrottle } from "@/lib/guest-throttle";
import { clientAddress } from "@/lib/sign-in-throttle";

export async function POST(request: Request): Promise<Response> {
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return toResponse(body.result);
  const check = (slug: string, source: string) => typeCheckViaDaemon(slug, source);
  if (user) return toResponse(await typeCheck(body.data, check));
  return toResponse(await guestTypeCheck(body.data, clientAddress(request.headers), { throttle: guestThrottle(), check }));
}
