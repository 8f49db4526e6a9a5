// Structured logs: one pino logger per process, JSON lines on stdout (time, level, pid, hostname, service,
// msg and the fields of the event). A line about a request or a grade carries its `requestId`, so one id
// follows a submission from the web server's POST to the worker that graded it.
import pino, { type DestinationStream, type Logger } from "pino";
import { parseObservabilityConfig } from "./schema";

export type { Logger } from "pino";

export interface LoggerOptions {
  /** Which process writes: "web", "grader", "worker", … */
  service?: string;
  level?: string;
  /** Where the lines go (default stdout); tests pass a stream to read them. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? parseObservabilityConfig().LACUNA_LOG_LEVEL;
  const settings = {
    level,
    base: { pid: process.pid, hostname: process.env.HOSTNAME, service: options.service ?? "web" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Errors as {type, message, stack}, under `err` as pino expects.
    serializers: { err: pino.stdSerializers.err },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

// Kept on globalThis: Next bundles route handlers separately, and they must share one logger (one stdout stream).
const holder = globalThis as typeof globalThis & { __lacunaLogger?: Logger };

/** The process's logger (service "web" unless setProcessLogger chose another). */
export function getLogger(): Logger {
  holder.__lacunaLogger ??= createLogger();
  return holder.__lacunaLogger;
}

/** Makes `logger` the process's logger: the grading daemon and the worker call this at start. */
export function setProcessLogger(logger: Logger): Logger {
  holder.__lacunaLogger = logger;
  return logger;
}

/** The process logger with the request's id on every line. */
export function requestLogger(requestId: string | null | undefined, logger: Logger = getLogger()): Logger {
  return requestId ? logger.child({ requestId }) : logger;
}

/** An error's message for a log line's text (the error itself goes in `err`). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
