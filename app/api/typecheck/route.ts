// POST /api/typecheck {slug, source} → 200 {warnings: [{line, column, message}], notice: null | "too-slow" | "too-complex" | "busy"},
// checked by the grading daemon's checker pool (grader/typecheck-pool.ts): a check that overruns its budget or code the
// checker cannot handle gets a notice, never a 5xx.
import { apiUser } from "@/lib/auth";
import { typeCheckViaDaemon } from "@/lib/grading/client";
import { readJsonBody, toResponse } from "@/lib/grading/http";
import { typeCheck } from "@/lib/grading/service";

export async function POST(request: Request): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return toResponse(body.result);
  return toResponse(await typeCheck(body.data, (slug, source) => typeCheckViaDaemon(slug, source)));
}
