// POST /api/syntax-check {slug, source, lang?} → 200 {errors: [{line, column, message}]}: the compile errors the grader
// would report (esbuild's parse errors with line:column, imports, a missing function), found in the web server by the
// grader's transpile step in about a millisecond (lib/grading/syntax.ts). Open to everyone, like the exercise page:
// it stores nothing and asks nothing of the grading daemon.
import { readJsonBody, toResponse } from "@/lib/grading/http";
import { syntaxCheck } from "@/lib/grading/syntax";

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return toResponse(body.result);
  return toResponse(await syntaxCheck(body.data));
}
