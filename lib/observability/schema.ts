// Settings of logs and metrics, validated with zod from the environment (each bad value named).
import { z } from "zod";

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const observabilityConfigSchema = z.object({
  /** pino's level for every process (web, grading daemon, worker). */
  LACUNA_LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(logLevels, { error: `LACUNA_LOG_LEVEL must be one of ${logLevels.join(", ")}` }).default("info")),
  /** Bearer token that lets a scraper read /api/metrics from another address than 127.0.0.1. */
  LACUNA_METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, { error: "LACUNA_METRICS_TOKEN must be at least 16 characters" }).optional()),
  /** `npm run worker` only: serve GET /metrics and /health on this port (the daemon has its control port). */
  LACUNA_METRICS_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: "LACUNA_METRICS_PORT must be a number" }).int({ error: "LACUNA_METRICS_PORT must be a whole number" }).min(1, { error: "LACUNA_METRICS_PORT must be between 1 and 65535" }).max(65535, { error: "LACUNA_METRICS_PORT must be between 1 and 65535" }).optional(),
  ),
  /** The address that port listens on: 127.0.0.1, or 0.0.0.0 for a scraper on another machine (with the token). */
  LACUNA_METRICS_HOST: z.preprocess(emptyToUndefined, z.string().default("127.0.0.1")),
});
export type ObservabilityConfig = z.infer<typeof observabilityConfigSchema>;

export function parseObservabilityConfig(source: Record<string, string | undefined> = process.env): ObservabilityConfig {
  const result = observabilityConfigSchema.safeParse(source);
  if (result.success) return result.data;
  throw new Error(`Invalid environment:\n${result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`);
}

export const checkResultSchema = z.object({ ok: z.boolean(), ms: z.number().nonnegative(), detail: z.string() });
/** GET /api/ready's body (200 or 503). */
export const readinessSchema = z.object({ status: z.enum(["ready", "not-ready"]), checks: z.record(z.string(), checkResultSchema) });
/** GET /api/health's body. */
export const livenessSchema = z.object({ status: z.literal("ok"), pid: z.number().int(), uptimeS: z.number().nonnegative() });
