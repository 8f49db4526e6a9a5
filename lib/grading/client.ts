// The web server's side of the grading daemon's control port (127.0.0.1:LACUNA_GRADER_PORT). Loads nothing
// heavy: no isolated-vm, no TypeScript checker.
import dgram from "node:dgram";
import http from "node:http";
import { z } from "zod";
import { gradeReportSchema, type GradeReport } from "../../grader/report";
import { gradingConfig, WAKE_DATAGRAM } from "./config";
import { GraderUnavailableError, typeCheckNotices, type TypeCheckAnswer } from "./service";

function daemonUrl(pathname: string, port: number): string {
  return `http://127.0.0.1:${port}${pathname}`;
}

let wakeSocket: dgram.Socket | null = null;

/**
 * Wakes the daemon with one UDP datagram to 127.0.0.1:`port` (the daemon listens for it on its control port's
 * number): one system call, where a POST /wake on a kept-alive connection costs the web process ~0.5 ms of CPU
 * and the daemon as much again (issue 16). Unacknowledged: a datagram lost (the daemon down or its buffer full)
 * only delays grading until the daemon's next poll, as a lost POST does. Never throws.
 */
export function signalDaemon(port: number = gradingConfig().LACUNA_GRADER_PORT): void {
  if (!wakeSocket) {
    wakeSocket = dgram.createSocket("udp4");
    // Nothing to do with a send error but rely on the poll; an unhandled 'error' would end the process.
    wakeSocket.on("error", () => undefined);
    wakeSocket.unref();
  }
  wakeSocket.send(WAKE_DATAGRAM, port, "127.0.0.1", () => undefined);
}

/**
 * Asks the daemon over HTTP (POST /wake) to claim queued rows now, and says whether it answered: for scripts and
 * tests that need the answer; the web process signals with `signalDaemon`. Never throws: a missed wake-up is
 * covered by the daemon's poll.
 */
export async function wakeDaemon(port: number = gradingConfig().LACUNA_GRADER_PORT): Promise<boolean> {
  try {
    const response = await fetch(daemonUrl("/wake", port), { method: "POST", signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

const noticeSchema = z.object({ id: z.string(), status: z.enum(["queued", "running", "graded", "error"]) });
export type DaemonNotice = z.infer<typeof noticeSchema>;

export interface DaemonNotices {
  /** Whether the notice stream is open now (while it is not, the caller polls as it did before). */
  readonly connected: boolean;
  /** Opens the stream if it is not open (and not being opened). */
  ensure(): void;
  close(): void;
}

/**
 * Follows the daemon's GET /notices (one line of JSON per claim or stored grade, lib/grading/daemon.ts):
 * `onNotice` for each line, `onConnection` when the stream opens or drops. It stays open while the process
 * lives; after a drop it is opened again on the next ensure(), at most once per `retryMs`. Never throws.
 */
export function followDaemonNotices(
  handlers: { onNotice: (notice: DaemonNotice) => void; onConnection: (connected: boolean) => void },
  port: number = gradingConfig().LACUNA_GRADER_PORT,
  retryMs = 1000,
): DaemonNotices {
  let connected = false;
  let opening = false;
  let closed = false;
  let lastAttempt = 0;
  let request: http.ClientRequest | null = null;

  const dropped = () => {
    request = null;
    opening = false;
    if (connected) {
      connected = false;
      handlers.onConnection(false);
    }
  };

  const open = () => {
    if (closed || connected || opening || Date.now() - lastAttempt < retryMs) return;
    opening = true;
    lastAttempt = Date.now();
    // Its own socket (no agent): the response never ends, so it must not hold a socket of the global agent.
    const current = http.get({ host: "127.0.0.1", port, path: "/notices", agent: false }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        return dropped();
      }
      opening = false;
      connected = true;
      handlers.onConnection(true);
      response.setEncoding("utf8");
      let pending = "";
      response.on("data", (chunk: string) => {
        pending += chunk;
        let newline: number;
        while ((newline = pending.indexOf("\n")) >= 0) {
          const line = pending.slice(0, newline);
          pending = pending.slice(newline + 1);
          if (!line) continue;
          try {
            const parsed = noticeSchema.safeParse(JSON.parse(line));
            if (parsed.success) handlers.onNotice(parsed.data);
          } catch {
            // not JSON: not a notice (the poll still covers the row)
          }
        }
      });
      response.on("close", dropped);
      response.on("error", dropped);
    });
    current.on("error", dropped);
    request = current;
  };

  return {
    get connected() {
      return connected;
    },
    ensure: open,
    close() {
      closed = true;
      request?.destroy();
    },
  };
}

const typeCheckResponseSchema = z.object({
  warnings: z.array(z.object({ message: z.string(), location: z.object({ line: z.number().int(), column: z.number().int() }) })),
  notice: z.enum(typeCheckNotices).nullable().default(null),
});

/** The daemon's type checker; throws GraderUnavailableError when the daemon cannot be reached. */
export async function typeCheckViaDaemon(slug: string, source: string, port: number = gradingConfig().LACUNA_GRADER_PORT): Promise<TypeCheckAnswer> {
  let response: Response;
  try {
    response = await fetch(daemonUrl("/typecheck", port), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ slug, source }),
      signal: AbortSignal.timeout(35_000),
    });
  } catch (error) {
    throw new GraderUnavailableError(error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = z.object({ error: z.string() }).safeParse(body);
    throw new Error(message.success ? message.data.error : `the grading service answered ${response.status}`);
  }
  const parsed = typeCheckResponseSchema.safeParse(body);
  if (!parsed.success) throw new Error("the grading service sent an invalid type-check answer");
  return { warnings: parsed.data.warnings.map((w) => ({ line: w.location.line, column: w.location.column, message: w.message })), notice: parsed.data.notice };
}

/** The daemon's answer to a visible-case grade: the report, or why there is none. */
export type VisibleGradeAnswer =
  | { ok: true; report: GradeReport }
  | { ok: false; reason: "unreachable" | "busy" | "failed"; detail: string };

/**
 * Grades `source` on the exercise's visible cases (seed VISIBLE_SEED) in the daemon, at once and stored nowhere:
 * a signed-out visitor's run and the exercise page's list of visible cases. Never throws.
 */
export async function gradeVisibleViaDaemon(
  request: { slug: string; source: string; lang: "en" | "zh" },
  port: number = gradingConfig().LACUNA_GRADER_PORT,
  timeoutMs = 60_000,
): Promise<VisibleGradeAnswer> {
  let response: Response;
  try {
    response = await fetch(daemonUrl("/grade-visible", port), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { ok: false, reason: "unreachable", detail: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 503) return { ok: false, reason: "busy", detail: "the grading service is busy" };
  if (!response.ok) {
    const message = z.object({ error: z.string() }).safeParse(body);
    return { ok: false, reason: "failed", detail: message.success ? message.data.error : `the grading service answered ${response.status}` };
  }
  const parsed = gradeReportSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: "failed", detail: "the grading service sent an invalid report" };
  return { ok: true, report: parsed.data };
}
