// GET/PUT /api/drafts/[slug]: the signed-in learner's own draft of one exercise ({source, hintsRevealed}).
import { apiUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { readJsonBody, toResponse } from "@/lib/grading/http";
import { getDraft, putDraft } from "@/lib/grading/service";
import { whileDatabaseUp } from "@/lib/http/database-unavailable";

type Context = { params: Promise<{ slug: string }> };

export const GET = whileDatabaseUp(async function GET(_request: Request, context: Context): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const { slug } = await context.params;
  return toResponse(await getDraft(getDb(), auth.user.id, slug));
});

export const PUT = whileDatabaseUp(async function PUT(request: Request, context: Context): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const { slug } = await context.params;
  const body = await readJsonBody(request);
  if (!body.ok) return toResponse(body.result);
  return toResponse(await putDraft(getDb(), auth.user.id, slug, body.data));
});
