/**
 * The phase board: one small file per grading worker, where the worker notes what it is doing for the current job
 * (host work, or a run in the sandbox with its budget and, for the learner's own code, the cases it runs) and the
 * pool reads it only when it needs to know: when its watchdog timer fires, when the worker dies, and for `stats()`.
 *
 * The pool used to learn each phase from an IPC message, two per job, each waking the daemon to deserialise,
 * validate and re-arm a timer: ~0.09 ms of the daemon's CPU per submission, a fifth of its whole share, for news it
 * reads on almost no job. A write to the board is one `pwrite` in the worker and nothing in the daemon.
 *
 * The file holds one JSON line at offset 0 (`PhaseEntry`, then "\n"); a shorter line leaves the end of a longer one
 * behind it, so readers stop at the first newline. A reader that meets a line being rewritten (or none) gets null.
 */
import { openSync, readFileSync, writeSync } from "node:fs";
import { z } from "zod";
import { caseResultSchema } from "./report";

export const phaseEntrySchema = z.object({
  /** The job (the pool's id) this phase belongs to. */
  id: z.number().int(),
  phase: z.enum(["host", "sandbox"]),
  /** When the phase began, in ms since the epoch (Date.now(): the worker and the pool share the clock). */
  since: z.number(),
  /** The most the phase may take (a sandbox run's budget); the pool adds its slack. 0 for host work. */
  budgetMs: z.number().nonnegative(),
  /** Only the learner's own run names its cases; a misconception's run (trusted code) leaves them out. */
  cases: z.array(caseResultSchema.pick({ name: true, visible: true, weight: true })).optional(),
});
export type PhaseEntry = z.infer<typeof phaseEntrySchema>;

/** The worker's side: a writer for the board at `file` (created, or emptied), open for the worker's life. */
export function openPhaseBoard(file: string): { write(entry: PhaseEntry): void } {
  const fd = openSync(file, "w");
  return {
    write(entry) {
      writeSync(fd, `${JSON.stringify(entry)}\n`, 0);
    },
  };
}

/** The pool's side: the board's current entry, or null (no entry yet, a line being rewritten, no file). */
export function readPhaseBoard(file: string): PhaseEntry | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const end = text.indexOf("\n");
  if (end === -1) return null;
  try {
    const parsed = phaseEntrySchema.safeParse(JSON.parse(text.slice(0, end)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
