// GET /api/submissions/[id]/events: server-sent events until the submission is graded (see lib/grading/events.ts), pushed
// by the queue on PostgreSQL (LISTEN/NOTIFY) and by the grading daemon's notices on SQLite (a slow poll as the safety net).
// The exercise page opens it only when POST /api/submissions answered 202 (its grade took longer than Prefer: wait).
import { apiUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { sseHeaders, submissionEventStream } from "@/lib/grading/events";
import { toResponse } from "@/lib/grading/http";
import { gradingQueue } from "@/lib/grading/queue";
import { checkSubmissionAccess } from "@/lib/grading/service";
import { whileDatabaseUp } from "@/lib/http/database-unavailable";

export const GET = whileDatabaseUp(async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const { id } = await context.params;
  const access = await checkSubmissionAccess(getDb(), auth.user.id, id);
  if (access.status !== 200) return toResponse(access);
  return new Response(submissionEventStream(getDb(), id, { signal: request.signal, feed: gradingQueue().statusFeed }), { headers: sseHeaders });
});
