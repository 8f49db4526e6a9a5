// GET /api/metrics: Prometheus text, to 127.0.0.1 or with Authorization: Bearer $LACUNA_METRICS_TOKEN.
import { metricsResponse } from "@/lib/observability/web";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return metricsResponse(request);
}
