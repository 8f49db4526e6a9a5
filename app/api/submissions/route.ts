// POST /api/submissions: store a run/submit (queued), wake the grading daemon, answer 202 {id, status}.
// GET  /api/submissions?slug=…&limit=…: the signed-in learner's history, newest first.
import { apiUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { wakeDaemon } from "@/lib/grading/client";
import { readJsonBody, toResponse } from "@/lib/grading/http";
import { createSubmission, listSubmissions } from "@/lib/grading/service";

export async function POST(request: Request): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return toResponse(body.result);
  return toResponse(await createSubmission(getDb(), auth.user.id, body.data, { wake: () => wakeDaemon() }));
}

export async function GET(request: Request): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return toResponse(await listSubmissions(getDb(), auth.user.id, query));
}
