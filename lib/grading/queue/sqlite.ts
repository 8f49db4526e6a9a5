// The grading queue on SQLite (the default): the submission rows are the queue and the grading daemon beside the
// web server claims them (lib/grading/daemon.ts, rowWorkSource). Enqueuing is the row insert itself; after the
// commit the web process wakes the daemon over 127.0.0.1 (which also polls). Event streams hear each status
// change from the daemon's notice stream (GET /notices on the same port) and poll the status column only as a
// safety net: every STATUS_SAFETY_POLL_MS while the notices flow, every STATUS_POLL_MS while they do not.
import type { Db } from "../../db";
import { followDaemonNotices } from "../client";
import { createGradingDaemon } from "../daemon";
import { StatusWatcher } from "../events";
import type { GradingQueue, QueueDepth } from "./types";

/** Poll interval of the event streams' status reads on SQLite while the daemon's notices do not arrive. */
export const STATUS_POLL_MS = 50;
/**
 * … and while they do: a change nobody announced (a row re-queued by another daemon's recovery, a notice lost
 * as the daemon restarted) still reaches the stream within this.
 */
export const STATUS_SAFETY_POLL_MS = 1000;

/**
 * The status feed of SQLite's event streams: a StatusWatcher fed by the daemon's notices. `daemonPort` null:
 * polling only (the daemon runs in this process, or there is none).
 */
export function daemonStatusFeed(db: Db, daemonPort: number | null): StatusWatcher {
  const notices =
    daemonPort === null
      ? null
      : followDaemonNotices(
          {
            onNotice: ({ id, status }) => watcher.notify(id, status),
            // Opened: what changed before it opened is read now. Dropped: back to the fast poll at once.
            onConnection: () => watcher.pollSoon(),
          },
          daemonPort,
        );
  const watcher: StatusWatcher = new StatusWatcher(db, () => {
    notices?.ensure();
    return notices?.connected ? STATUS_SAFETY_POLL_MS : STATUS_POLL_MS;
  });
  return watcher;
}

export function createDaemonQueue(db: Db, wake: () => unknown, daemonPort: number | null = null): GradingQueue {
  return {
    engine: "sqlite-daemon",
    async enqueue() {
      // The "queued" row the transaction inserts is the job.
    },
    committed() {
      // Stored first, then woken: a lost wake-up only delays grading until the daemon's next poll.
      void Promise.resolve()
        .then(wake)
        .catch(() => undefined);
    },
    async depth(): Promise<QueueDepth> {
      const counts = await db.submission.groupBy({ by: ["status"], where: { status: { in: ["queued", "running"] } }, _count: { _all: true } });
      const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
      return { engine: "sqlite-daemon", waiting: count("queued"), active: count("running"), deadLettered: null };
    },
    statusFeed: daemonStatusFeed(db, daemonPort),
    worker(options) {
      return createGradingDaemon({ ...options, db });
    },
    async close() {},
  };
}
