// POST /api/review/rate { itemId, rating 1–4, lastReview, durationMs?, topic? } → { session } (409 when stale).
import { apiUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getLang } from "@/lib/i18n/server";
import { rateResponse } from "@/lib/review/http";

export async function POST(request: Request): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  return rateResponse(getDb(), auth.user.id, await getLang(), request);
}
