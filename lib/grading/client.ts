// The web server's side of the grading daemon's control port (127.0.0.1:LACUNA_GRADER_PORT). Loads nothing
// heavy: no isolated-vm, no TypeScript checker.
import { z } from "zod";
import { gradingConfig } from "./config";
import { GraderUnavailableError, typeCheckNotices, type TypeCheckAnswer } from "./service";

function daemonUrl(pathname: string, port: number): string {
  return `http://127.0.0.1:${port}${pathname}`;
}

/** Per daemon port: the wake-up on its way, and whether another one must follow it. */
const wakes = new Map<number, { sending: Promise<boolean>; followUp: Promise<boolean> | null }>();

/**
 * Asks the daemon to claim queued rows now. Never throws: a missed wake-up is covered by the daemon's poll.
 * A burst of submissions sends few requests: while one wake-up is on its way, callers share ONE follow-up
 * sent after it (the daemon may have looked before their rows were stored; the follow-up covers them all,
 * since the daemon claims every queued row it finds).
 */
export function wakeDaemon(port: number = gradingConfig().LACUNA_GRADER_PORT): Promise<boolean> {
  const current = wakes.get(port);
  if (current) {
    current.followUp ??= current.sending.then(() => wakeDaemon(port));
    return current.followUp;
  }
  const state: { sending: Promise<boolean>; followUp: Promise<boolean> | null } = { sending: Promise.resolve(false), followUp: null };
  state.sending = sendWake(port).finally(() => {
    if (wakes.get(port) === state) wakes.delete(port);
  });
  wakes.set(port, state);
  return state.sending;
}

async function sendWake(port: number): Promise<boolean> {
  try {
    const response = await fetch(daemonUrl("/wake", port), { method: "POST", signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
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
