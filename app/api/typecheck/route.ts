// POST /api/typecheck {slug, source} → {warnings: [{line, column, message}]}, checked by the grading daemon.
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
