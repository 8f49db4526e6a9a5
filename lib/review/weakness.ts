// A learner's weak topics as every page shows them (the review session's list and queue order, the cohort
// analytics' struggling learners): lib/scheduling's weakness model (weakness/model.ts) fed with what the database
// knows: the review logs and cards, the graded exercise submits (their reports' failed hidden cases and named
// misconceptions, hints used, time to pass) and the active misconception items.
import { z } from "zod";
import type { Submission } from "@/lib/db";
import { weaknessModel, type ExerciseAttempt, type LearnerSignalsInput, type ModelTopicWeakness, type RecallSettings, type SrsCardState, type SrsReviewLogEntry } from "@/lib/scheduling";
import { reviewCatalog } from "./items";
import { namedMisconceptions } from "./misconceptions";
import type { DbClient } from "./store";

// Only what the model reads of a stored report (validated in full where it is shown).
const storedCasesSchema = z.object({ cases: z.array(z.object({ visible: z.boolean(), passed: z.boolean() })) });

type AttemptRow = Pick<Submission, "exerciseSlug" | "kind" | "status" | "passed" | "report" | "hintsUsed" | "createdAt">;

/**
 * One learner's graded submits as the model's attempts, in time order. Time to pass: from the first submission
 * (a run or a submit) of the exercise after its previous pass, to the passing submit.
 */
export function attemptsFromSubmissions(rows: readonly AttemptRow[]): ExerciseAttempt[] {
  const sorted = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const roundStart = new Map<string, Date>();
  const attempts: ExerciseAttempt[] = [];
  for (const row of sorted) {
    if (!roundStart.has(row.exerciseSlug)) roundStart.set(row.exerciseSlug, row.createdAt);
    if (row.kind !== "submit" || row.status !== "graded" || row.passed === null) continue;
    const cases = parseCases(row.report);
    const hidden = cases.filter((c) => !c.visible);
    const start = roundStart.get(row.exerciseSlug)!;
    attempts.push({
      exerciseId: row.exerciseSlug,
      at: row.createdAt,
      passed: row.passed,
      hiddenCases: hidden.length,
      failedHiddenCases: hidden.filter((c) => !c.passed).length,
      hintsUsed: row.hintsUsed,
      minutesToPass: row.passed ? (row.createdAt.getTime() - start.getTime()) / 60_000 : null,
      misconceptionsNamed: namedMisconceptions(row.report).length,
    });
    if (row.passed) roundStart.delete(row.exerciseSlug);
  }
  return attempts;
}

function parseCases(report: string | null): { visible: boolean; passed: boolean }[] {
  if (!report) return [];
  try {
    const parsed = storedCasesSchema.safeParse(JSON.parse(report));
    return parsed.success ? parsed.data.cases : [];
  } catch {
    return [];
  }
}

/** The model's evidence beyond reviews for each learner: their submissions and active misconception items. */
export async function loadWeaknessSignals(db: DbClient, userIds: readonly string[]): Promise<Map<string, LearnerSignalsInput>> {
  const [submissions, active] = await Promise.all([
    db.submission.findMany({
      where: { userId: { in: [...userIds] } },
      select: { userId: true, exerciseSlug: true, kind: true, status: true, passed: true, report: true, hintsUsed: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.misconceptionItem.findMany({ where: { userId: { in: [...userIds] }, activeKey: { not: null } }, select: { userId: true, exerciseSlug: true, misconceptionId: true } }),
  ]);
  // Grouped in one pass: filtering every row per learner was quadratic (500 learners × 37k submissions in a
  // large cohort's analytics, bench/cohort.ts).
  const rowsOf = new Map<string, AttemptRow[]>(userIds.map((userId) => [userId, []]));
  const activeOf = new Map<string, { exerciseId: string; misconceptionId: string }[]>(userIds.map((userId) => [userId, []]));
  for (const s of submissions) rowsOf.get(s.userId)?.push(s);
  for (const m of active) activeOf.get(m.userId)?.push({ exerciseId: m.exerciseSlug, misconceptionId: m.misconceptionId });
  return new Map(userIds.map((userId) => [userId, { attempts: attemptsFromSubmissions(rowsOf.get(userId)!), activeMisconceptions: activeOf.get(userId)! }]));
}

/**
 * Every topic of the catalogue with the model's weakness for this learner (null: nothing studied there).
 * `settings`: the learner's scheduler settings (SrsSettings): the model's recall feature uses their parameters,
 * the fitted ones when the product's rule kept them, else FSRS's defaults.
 */
export function learnerWeakness(cards: readonly SrsCardState[], logs: readonly SrsReviewLogEntry[], signals: LearnerSignalsInput, settings: RecallSettings): ModelTopicWeakness[] {
  return weaknessModel({ items: reviewCatalog().items, cards, logs, signals, settings }).topics;
}
