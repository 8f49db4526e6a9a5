// What grading does, as events for whoever measures it (metrics, logs): a grade stored, a retry, a give-up.
// Emitted by the grading daemon whatever queue feeds it (lib/grading/queue); listeners must be cheap and must
// not throw (one that throws is ignored: grading never fails for its observers).
import type { GradeReport } from "../../grader/report";

export type GradingEvent =
  | {
      type: "stored";
      submissionId: string;
      /** The x-request-id of the request that stored the submission (its log lines carry it). */
      requestId: string | null;
      kind: string;
      status: "graded" | "error";
      /** From the row's creation to the claim that graded it (queue wait), in ms; null if unknown. */
      waitMs: number | null;
      /** From the claim to the stored grade (sandbox and database), in ms. */
      gradeMs: number;
      /** Which claim of the row this was (1 = first delivery). */
      attempt: number;
      /** The grader's report (null when the grader itself failed): sandbox timeouts and kills are read from it. */
      report: GradeReport | null;
    }
  | { type: "retry" | "given-up"; submissionId: string; requestId: string | null; kind: string; reason: string };

type GradingObserver = (event: GradingEvent) => void;

const observers = new Set<GradingObserver>();

/** Registers `observer` for every grading event in this process; returns its removal. */
export function onGradingEvent(observer: GradingObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

export function emitGradingEvent(event: GradingEvent): void {
  for (const observer of observers) {
    try {
      observer(event);
    } catch {
      // an observer's failure is its own
    }
  }
}
