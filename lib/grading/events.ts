// Server-sent events for one submission: an event each time its status changes, the full submission (as
// GET /api/submissions/[id] returns it) when it is graded or errored, then the stream ends.
//
//   retry: 1000
//   event: status   data: {"id":"…","status":"running"}
//   event: result   data: <SubmissionView JSON>         (last event when status is graded or error)
//   event: timeout  data: {"id":"…","status":"queued"}  (last event when maxMs passed first)
//   event: error    data: {"id":"…","error":"…"}         (last event when the row vanished or the DB failed)
//
// Polling is shared: one StatusWatcher per database client and interval reads the status column of every
// watched submission in ONE query per tick, so 100 open streams cost what one does.
import type { Db } from "../db";
import { isFinished, toSubmissionView, type SubmissionStatus } from "./service";

type StatusListener = (status: SubmissionStatus | null, error?: unknown) => void;

/** Reads the status of all watched submissions every `intervalMs`, while anyone watches. */
export class StatusWatcher {
  private readonly listeners = new Map<string, Set<StatusListener>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly intervalMs: number,
  ) {}

  watch(id: string, listener: StatusListener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    this.schedule(0);
    return () => {
      const current = this.listeners.get(id);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(id);
    };
  }

  get watched(): number {
    return this.listeners.size;
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.listeners.size === 0) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    const ids = [...this.listeners.keys()];
    try {
      const statuses = new Map<string, SubmissionStatus>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await this.db.submission.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, select: { id: true, status: true } });
        for (const row of rows) statuses.set(row.id, row.status as SubmissionStatus);
      }
      for (const id of ids) for (const listener of [...(this.listeners.get(id) ?? [])]) listener(statuses.get(id) ?? null);
    } catch (error) {
      for (const id of ids) for (const listener of [...(this.listeners.get(id) ?? [])]) listener(null, error);
    } finally {
      this.timer = null;
      this.schedule(this.intervalMs);
    }
  }
}

const watchers = new WeakMap<Db, Map<number, StatusWatcher>>();

export function statusWatcher(db: Db, intervalMs: number): StatusWatcher {
  let byInterval = watchers.get(db);
  if (!byInterval) watchers.set(db, (byInterval = new Map()));
  let watcher = byInterval.get(intervalMs);
  if (!watcher) byInterval.set(intervalMs, (watcher = new StatusWatcher(db, intervalMs)));
  return watcher;
}

export interface EventStreamOptions {
  /** Poll interval of the status column (default 50 ms). */
  intervalMs?: number;
  /** Cap on the stream's life (default 120 s). */
  maxMs?: number;
  /** The request's abort signal: a closed tab stops watching. */
  signal?: AbortSignal;
}

export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The stream for a submission whose ownership was already checked. */
export function submissionEventStream(db: Db, id: string, options: EventStreamOptions = {}): ReadableStream<Uint8Array> {
  const watcher = statusWatcher(db, options.intervalMs ?? 50);
  const maxMs = options.maxMs ?? 120_000;
  const encoder = new TextEncoder();
  let finish: () => void = () => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let done = false;
      let last: SubmissionStatus | null = null;
      const push = (event: string, data: unknown) => {
        if (!done) controller.enqueue(encoder.encode(sseEvent(event, data)));
      };
      const unwatchers: (() => void)[] = [];
      finish = () => {
        if (done) return;
        done = true;
        for (const off of unwatchers) off();
        controller.close();
      };
      // The reconnect delay a browser's EventSource uses if the connection drops.
      controller.enqueue(encoder.encode("retry: 1000\n\n"));
      const deadline = setTimeout(() => {
        push("timeout", { id, status: last });
        finish();
      }, maxMs);
      unwatchers.push(() => clearTimeout(deadline));
      const onAbort = () => finish();
      options.signal?.addEventListener("abort", onAbort);
      unwatchers.push(() => options.signal?.removeEventListener("abort", onAbort));
      let fetchingResult = false;
      unwatchers.push(
        watcher.watch(id, (status, error) => {
          if (done || fetchingResult) return;
          if (status === null) {
            push("error", { id, error: error ? `Reading the submission failed: ${error instanceof Error ? error.message : String(error)}` : `There is no submission "${id}".` });
            return finish();
          }
          if (status !== last) {
            last = status;
            push("status", { id, status });
          }
          if (!isFinished(status)) return;
          fetchingResult = true;
          db.submission
            .findUnique({ where: { id } })
            .then((row) => {
              if (row) push("result", toSubmissionView(row));
              else push("error", { id, error: `There is no submission "${id}".` });
            })
            .catch((failure: unknown) => push("error", { id, error: `Reading the submission failed: ${failure instanceof Error ? failure.message : String(failure)}` }))
            .finally(finish);
        }),
      );
    },
    cancel() {
      finish();
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
