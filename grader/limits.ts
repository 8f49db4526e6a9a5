/** Resource limits of the sandbox. Tests pass smaller ones through the pool options to stay fast. */
import { z } from "zod";

export const graderLimitsSchema = z.object({
  /** Wall time for one case (one call of the learner's function, result serialisation included). */
  caseMs: z.number().int().positive().default(1000),
  /** Wall time for the whole submission: top-level code and every case. */
  submissionMs: z.number().int().positive().default(4000),
  /** isolated-vm memoryLimit of the submission's isolate. */
  memoryMb: z.number().int().min(8).default(64),
  /** Heap of each worker process (its own code and the TensorFlow.js oracle, not the isolate). */
  workerHeapMb: z.number().int().min(64).default(512),
  /** Captured console output, in characters. */
  consoleChars: z.number().int().positive().default(8000),
  /** Size of the learner's source file, in bytes. */
  sourceBytes: z.number().int().positive().default(64 * 1024),
  /** Serialised result of one call, in characters. */
  outputChars: z.number().int().positive().default(2_000_000),
  /** Extra time the parent's watchdog grants over submissionMs before it kills a worker. */
  watchdogSlackMs: z.number().int().positive().default(2000),
  /** Time the parent grants a worker for host-side work (oracle, compile) on one job before killing it. */
  hostPhaseMs: z.number().int().positive().default(60_000),
  /** Wall time one type check may take once a checker has started it; an overrun is abandoned with a notice. */
  typeCheckMs: z.number().int().positive().default(5000),
});
export type GraderLimits = z.output<typeof graderLimitsSchema>;
export type GraderLimitsInput = z.input<typeof graderLimitsSchema>;

export function resolveLimits(input: GraderLimitsInput = {}): GraderLimits {
  return graderLimitsSchema.parse(input);
}
