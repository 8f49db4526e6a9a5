// POST /api/submissions: store a run/submit (queued) and enqueue its grading job in one transaction, answer
// 202 {id, status}. With `Prefer: wait=N` (RFC 7240, N ≤ 5 seconds) the answer waits up to N s for the grade
// and, when it lands in time, is 200 with the graded submission as GET /api/submissions/[id] shows it (and
// `Preference-Applied: wait=N`): one request instead of the POST and the event stream. A grade slower than
// that still gets 202 {id, status}, and the event stream follows it as before.
// Both routes answer 503 + Retry-After while the database is unreachable.
// GET  /api/submissions?slug=…&limit=…: the signed-in learner's history, newest first.
import { apiUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { awaitFinished } from "@/lib/grading/events";
import { preferredWaitSeconds, readJsonBody, toResponse } from "@/lib/grading/http";
import { gradingQueue } from "@/lib/grading/queue";
import { createSubmission, listSubmissions } from "@/lib/grading/service";
import { guardedRoute } from "@/lib/http/api-guard";
import { whileDatabaseUp } from "@/lib/http/database-unavailable";
import { REQUEST_ID_HEADER } from "@/lib/observability/core";

export const POST = guardedRoute(
  whileDatabaseUp(async function POST(request: Request): Promise<Response> {
    const auth = await apiUser();
    if (!auth.ok) return auth.response;
    const body = await readJsonBody(request);
    if (!body.ok) return toResponse(body.result);
    const queue = gradingQueue();
    const created = await createSubmission(getDb(), auth.user.id, body.data, { queue, requestId: request.headers.get(REQUEST_ID_HEADER) });
    const waitSeconds = preferredWaitSeconds(request.headers.get("prefer"));
    if (created.status !== 202 || waitSeconds === 0 || !("id" in created.body)) return toResponse(created);
    // The row is the learner's own, stored just now: no ownership check to repeat.
    const graded = await awaitFinished(getDb(), queue.statusFeed, created.body.id, waitSeconds * 1000, request.signal, created.body.status);
    if (!graded) return toResponse(created);
    return toResponse({ status: 200, body: graded, headers: { ...created.headers, "preference-applied": `wait=${waitSeconds}` } });
  }),
);

export const GET = guardedRoute(
  whileDatabaseUp(async function GET(request: Request): Promise<Response> {
    const auth = await apiUser();
    if (!auth.ok) return auth.response;
    const query = Object.fromEntries(new URL(request.url).searchParams);
    return toResponse(await listSubmissions(getDb(), auth.user.id, query));
  }),
);
