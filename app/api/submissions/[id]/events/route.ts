// GET /api/submissions/[id]/events: server-sent events until the submission is graded (see lib/grading/events.ts).
import { apiUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { sseHeaders, submissionEventStream } from "@/lib/grading/events";
import { toResponse } from "@/lib/grading/http";
import { checkSubmissionAccess } from "@/lib/grading/service";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const { id } = await context.params;
  const access = await checkSubmissionAccess(getDb(), auth.user.id, id);
  if (access.status !== 200) return toResponse(access);
  return new Response(submissionEventStream(getDb(), id, { signal: request.signal }), { headers: sseHeaders });
}
