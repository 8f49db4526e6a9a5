// GET /api/review/session?topic=<topic id>: the learner's review session (next flashcard, counts, solve-again
// exercises, weakest topics, gaps) as JSON.
import { apiUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getLang } from "@/lib/i18n/server";
import { loadSession } from "@/lib/review/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const topic = new URL(request.url).searchParams.get("topic");
  return Response.json(await loadSession(getDb(), auth.user.id, { lang: await getLang(), focusTopic: topic }));
}
