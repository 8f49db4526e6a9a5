// GET /api/health: liveness (the process answers; no database). Readiness is /api/ready.
import { healthResponse } from "@/lib/observability/web";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return healthResponse();
}
