// The one interface the app sees of the grading queue (lib/grading/queue/README in ../README.md, "Queue"):
// SQLite's in-process daemon (sqlite.ts) and pg-boss on PostgreSQL (pg-boss.ts) both implement it.
import type { GraderPool } from "../../../grader/index";
import type { GradingDaemon, GradingDaemonOptions } from "../daemon";
import type { StatusFeed } from "../events";
import type { DbTransaction } from "../hooks";

/** What waits in the queue: jobs not yet started, jobs being graded, jobs given up (null: no such count). */
export interface QueueDepth {
  engine: QueueEngine;
  waiting: number;
  active: number;
  deadLettered: number | null;
}

export type QueueEngine = "sqlite-daemon" | "pg-boss";

/** What a grader worker process needs beyond the queue: its sandbox pool and its settings. */
export type WorkerOptions = Omit<GradingDaemonOptions, "db" | "source">;

export interface GradingQueue {
  readonly engine: QueueEngine;
  /**
   * Inside the transaction that inserts the submission row (status "queued"): makes sure it will be graded.
   * It commits or rolls back with the row.
   */
  enqueue(tx: DbTransaction, submissionId: string): Promise<void>;
  /** After that transaction committed (SQLite: wakes the local daemon). Never throws. */
  committed(submissionId: string): void;
  depth(): Promise<QueueDepth>;
  /** Status changes of submissions, for their event streams (polled on SQLite, pushed on PostgreSQL). */
  readonly statusFeed: StatusFeed;
  /** A grader worker on this queue, with `pool` grading; start() it, stop() it. */
  worker(options: WorkerOptions & { pool: GraderPool }): GradingDaemon;
  close(): Promise<void>;
}
