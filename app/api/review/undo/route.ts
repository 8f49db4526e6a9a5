// POST /api/review/undo { topic? } → { undone, session } with the undone card shown again (409: nothing to undo).
import { apiUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getLang } from "@/lib/i18n/server";
import { undoResponse } from "@/lib/review/http";

export async function POST(request: Request): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  return undoResponse(getDb(), auth.user.id, await getLang(), request);
}
