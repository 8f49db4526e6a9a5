// GET /api/submissions/[id]: the learner's own submission with its source and validated report (403 for
// another learner's, 404 for an unknown id).
import { apiUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toResponse } from "@/lib/grading/http";
import { getSubmission } from "@/lib/grading/service";
import { whileDatabaseUp } from "@/lib/http/database-unavailable";

export const GET = whileDatabaseUp(async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const { id } = await context.params;
  return toResponse(await getSubmission(getDb(), auth.user.id, id));
});
