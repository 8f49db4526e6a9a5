// GET /api/review/export.csv: the learner's kept reviews in the FSRS optimizer's CSV format
// (card_id,review_time,review_rating,review_state,review_duration), card_id = "flashcard:<id>" / "exercise:<slug>".
import { apiUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { exportReviewResponse } from "@/lib/review/http";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  return exportReviewResponse(getDb(), auth.user.id);
}
