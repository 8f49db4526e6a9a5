// GET /api/ready: 200 when the database and the grading side answer, else 503 + Retry-After (lib/observability).
import { readyResponse } from "@/lib/observability/web";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return readyResponse();
}
