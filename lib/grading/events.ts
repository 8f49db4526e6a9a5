// Server-sent events for one submission: an event each time its status changes, the full submission (as
// GET /api/submissions/[id] returns it) when it is graded or errored, then the stream ends. The row's status
// column is polled (one indexed primary-key read every `intervalMs`), capped at `maxMs`.
//
//   event: status   data: {"id":"…","status":"running"}
//   event: result   data: <SubmissionView JSON>         (last event when status is graded or error)
//   event: timeout  data: {"id":"…","status":"queued"}  (last event when maxMs passed first)
import type { Db } from "../db";
import { isFinished, submissionStatus, toSubmissionView } from "./service";

export interface EventStreamOptions {
  intervalMs?: number;
  maxMs?: number;
  /** The request's abort signal: a closed tab stops the polling. */
  signal?: AbortSignal;
}

export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The stream for a submission whose ownership was already checked. */
export function submissionEventStream(db: Db, id: string, options: EventStreamOptions = {}): ReadableStream<Uint8Array> {
  const intervalMs = options.intervalMs ?? 50;
  const maxMs = options.maxMs ?? 120_000;
  const encoder = new TextEncoder();
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const push = (event: string, data: unknown) => {
        if (!cancelled) controller.enqueue(encoder.encode(sseEvent(event, data)));
      };
      const onAbort = () => {
        cancelled = true;
      };
      options.signal?.addEventListener("abort", onAbort);
      const deadline = Date.now() + maxMs;
      let last: string | null = null;
      try {
        // The reconnect delay a browser's EventSource uses if the connection drops.
        if (!cancelled) controller.enqueue(encoder.encode("retry: 1000\n\n"));
        while (!cancelled) {
          const status = await submissionStatus(db, id);
          if (status === null) {
            push("error", { id, error: `There is no submission "${id}".` });
            break;
          }
          if (status !== last) {
            last = status;
            push("status", { id, status });
          }
          if (isFinished(status)) {
            const row = await db.submission.findUnique({ where: { id } });
            if (row) push("result", toSubmissionView(row));
            break;
          }
          if (Date.now() >= deadline) {
            push("timeout", { id, status });
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, intervalMs));
        }
      } catch (error) {
        push("error", { id, error: `Reading the submission failed: ${error instanceof Error ? error.message : String(error)}` });
      } finally {
        options.signal?.removeEventListener("abort", onAbort);
        if (!cancelled) controller.close();
      }
    },
    cancel() {
      cancelled = true;
    },
  });
}

export const sseHeaders: Record<string, string> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  // Tells proxies such as nginx not to buffer the stream.
  "x-accel-buffering": "no",
};
