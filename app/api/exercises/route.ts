// GET /api/exercises: every exercise with the signed-in learner's status and best score.
import { apiUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toResponse } from "@/lib/grading/http";
import { listExercises } from "@/lib/grading/service";
import { whileDatabaseUp } from "@/lib/http/database-unavailable";

export const GET = whileDatabaseUp(async function GET(): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  return toResponse(await listExercises(getDb(), auth.user.id));
});
