// Server-sent events for one submission: an event each time its status changes, the full submission (as
// GET /api/submissions/[id] returns it) when it is graded or errored, then the stream ends.
//
//   retry: 1000
//   event: status   data: {"id":"…","status":"running"}
//   event: result   data: <SubmissionView JSON>         (last event when status is graded or error)
//   event: timeout  data: {"id":"…","status":"queued"}  (last event when maxMs passed first)
//   event: error    data: {"id":"…","error":"…"}         (last event when the row vanished or the DB failed)
//
// Where status changes come from is a StatusFeed: on SQLite a StatusWatcher reads the status column of every
// watched submission in ONE query per tick (100 open streams cost what one does), and the grading daemon
// pushes each claim and stored grade to it over its control port (lib/grading/queue/sqlite.ts), so the poll is
// only the safety net; on PostgreSQL the queue pushes them (lib/grading/queue/pg-boss.ts: LISTEN/NOTIFY).
//
// awaitFinished() is the same wait for one submission without a stream: POST /api/submissions with
// `Prefer: wait=N` answers with the grade itself when it lands within N seconds (one request instead of two).
import { phaseEnd, phaseStart } from "../../grader/phase-timing";
import type { Db } from "../db";
import { isFinished, toSubmissionView, type SubmissionStatus, type SubmissionView } from "./service";
import { readSubmission } from "./submission-row";

export type StatusListener = (status: SubmissionStatus | null, error?: unknown) => void;

/**
 * Tells `listener` a submission's status: soon after watch() (its current status) and after each change;
 * null when the row is gone (or, with `error`, could not be read).
 */
export interface StatusFeed {
  /**
   * `known`: the status the caller already knows (a row it stored a moment ago): a feed may skip reading it
   * now and tell only the changes.
   */
  watch(id: string, listener: StatusListener, known?: SubmissionStatus): () => void;
}

/** The statuses of `ids` (absent: no such row), read in chunks. */
export async function readStatuses(db: Db, ids: string[]): Promise<Map<string, SubmissionStatus>> {
  const statuses = new Map<string, SubmissionStatus>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.submission.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, select: { id: true, status: true } });
    for (const row of rows) statuses.set(row.id, row.status as SubmissionStatus);
  }
  return statuses;
}

/** The listeners of each watched submission (a StatusFeed's bookkeeping). */
export class StatusListeners {
  private readonly byId = new Map<string, Set<StatusListener>>();

  /** Adds `listener` for `id`; returns its removal. */
  add(id: string, listener: StatusListener): () => void {
    let set = this.byId.get(id);
    if (!set) this.byId.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      const current = this.byId.get(id);
      current?.delete(listener);
      if (current?.size === 0) this.byId.delete(id);
    };
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  get size(): number {
    return this.byId.size;
  }

  deliver(id: string, status: SubmissionStatus | null, error?: unknown): void {
    for (const listener of [...(this.byId.get(id) ?? [])]) listener(status, error);
  }
}

/**
 * Reads the status of all watched submissions every `intervalMs` (a number, or a function asked before each
 * tick: the SQLite queue polls slowly while the daemon's notices arrive, fast while they do not), while anyone
 * watches. notify() delivers a status heard from elsewhere (the daemon) at once.
 */
export class StatusWatcher implements StatusFeed {
  private readonly listeners = new StatusListeners();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  /** pollSoon() came during a tick: the next tick follows it at once. */
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly intervalMs: number | (() => number),
  ) {}

  watch(id: string, listener: StatusListener, known?: SubmissionStatus): () => void {
    const unwatch = this.listeners.add(id, listener);
    if (known === undefined) this.pollSoon();
    else this.schedule(this.nextDelay());
    return unwatch;
  }

  private nextDelay(): number {
    return typeof this.intervalMs === "number" ? this.intervalMs : this.intervalMs();
  }

  get watched(): number {
    return this.listeners.size;
  }

  /** A status change learnt without reading the row (the daemon's notice, sent after its commit). */
  notify(id: string, status: SubmissionStatus): void {
    if (this.listeners.has(id)) this.listeners.deliver(id, status);
  }

  /** Reads every watched status at the next turn instead of after the interval (a new watcher; notices lost). */
  pollSoon(): void {
    if (this.ticking) {
      this.again = true;
      return;
    }
    if (this.listeners.size === 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), 0);
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.listeners.size === 0) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    this.ticking = true;
    const mark = phaseStart();
    const ids = this.listeners.ids();
    try {
      const statuses = await readStatuses(this.db, ids);
      for (const id of ids) this.listeners.deliver(id, statuses.get(id) ?? null);
    } catch (error) {
      for (const id of ids) this.listeners.deliver(id, null, error);
    } finally {
      phaseEnd("web.poll", mark);
      this.ticking = false;
      const delay = this.again ? 0 : this.nextDelay();
      this.again = false;
      this.schedule(delay);
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
  /** Where status changes come from (the queue's, lib/grading/queue); default a StatusWatcher polling every `intervalMs`. */
  feed?: StatusFeed;
  /** Poll interval of the status column when no feed is given (default 50 ms). */
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
  const watcher = options.feed ?? statusWatcher(db, options.intervalMs ?? 50);
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
          readSubmission(db, id)
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

/**
 * The submission as GET /api/submissions/[id] shows it, once it is graded or errored, if that happens within
 * `waitMs`; null when the wait ran out first, `signal` aborted, or the row could not be read (the caller then
 * answers as if it had not waited: the event stream or GET /api/submissions/[id] give the rest). The ownership
 * of `id` must have been checked. `known`: its status as the caller just stored it (spares the first read).
 */
export function awaitFinished(db: Db, feed: StatusFeed, id: string, waitMs: number, signal?: AbortSignal, known?: SubmissionStatus): Promise<SubmissionView | null> {
  if (waitMs <= 0 || signal?.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    let settled = false;
    let reading = false;
    const cleanup: (() => void)[] = [];
    const settle = (view: SubmissionView | null) => {
      if (settled) return;
      settled = true;
      for (const off of cleanup) off();
      resolve(view);
    };
    const timer = setTimeout(() => settle(null), waitMs);
    cleanup.push(() => clearTimeout(timer));
    const onAbort = () => settle(null);
    signal?.addEventListener("abort", onAbort, { once: true });
    cleanup.push(() => signal?.removeEventListener("abort", onAbort));
    const unwatch = feed.watch(id, (status) => {
      if (settled || reading || status === null || !isFinished(status)) return;
      reading = true;
      readSubmission(db, id).then(
        (row) => settle(row ? toSubmissionView(row) : null),
        () => settle(null),
      );
    }, known);
    if (settled) unwatch();
    else cleanup.push(unwatch);
  });
}

export const sseHeaders: Record<string, string> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  // Tells proxies such as nginx not to buffer the stream.
  "x-accel-buffering": "no",
};
