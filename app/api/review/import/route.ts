// POST /api/review/import: a review-log CSV (raw text/csv body or multipart field "file"), merged into the
// learner's history. 200 { imported, duplicates, items }; 400 { error, issues: [{ line, column?, message }] }.
import { apiUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { importReviewResponse } from "@/lib/review/http";

export async function POST(request: Request): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  return importReviewResponse(getDb(), auth.user.id, request);
}
