// Shared by the operations tests: a real pino logger whose JSON lines the test reads back.
import { createLogger, type Logger } from "@/lib/observability/log";

export function capturedLogger(service = "test"): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ service, level: "debug", destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  return { logger, lines };
}

export { sample } from "./exposition";
