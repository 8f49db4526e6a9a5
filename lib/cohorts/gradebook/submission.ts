// A learner's work as the instructor drills into it: one submission (its code and stored report) and the
// timeline of the learner's attempts at that exercise (runs and submits, oldest first), each with how many
// lines changed since the attempt before it. Only a submission of a current learner of the cohort is shown.
import { diffLines, type ChangeObject } from "diff";
import { gradeReportSchema, type GradeReport } from "@/grader/report";
import type { Db } from "@/lib/db";

export interface TimelineEntry {
  id: string;
  kind: string;
  status: string;
  score: number | null;
  passed: boolean | null;
  createdAt: Date;
  /** Misconception ids the grader named in this attempt. */
  misconceptions: string[];
  /** Lines added and removed since the attempt before (null for the first). */
  change: { added: number; removed: number } | null;
}

export interface SubmissionDrilldown {
  learner: { userId: string; name: string | null; email: string };
  submission: { id: string; exerciseSlug: string; kind: string; status: string; score: number | null; passed: boolean | null; createdAt: Date; source: string; error: string | null };
  /** Null when nothing was stored yet, or the stored report does not validate (another grader version). */
  report: GradeReport | null;
  timeline: TimelineEntry[];
  /** This attempt against the one before it (null: the first attempt). */
  diff: { previousId: string; parts: ChangeObject<string>[] } | null;
}

/** Lines added and removed between two sources. */
export function changedLines(before: string, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before, after)) {
    if (part.added) added += part.count ?? 0;
    else if (part.removed) removed += part.count ?? 0;
  }
  return { added, removed };
}

function parseReport(text: string | null): GradeReport | null {
  if (!text) return null;
  try {
    const parsed = gradeReportSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function loadSubmissionDrilldown(db: Db, cohortId: string, submissionId: string): Promise<SubmissionDrilldown | null> {
  const submission = await db.submission.findUnique({ where: { id: submissionId } });
  if (!submission) return null;
  const member = await db.cohortMember.findFirst({
    where: { cohortId, userId: submission.userId, removedAt: null },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!member) return null;
  // At most the latest 200 attempts: enough for any real timeline, bounded for a script that submits in a loop.
  const attempts = await db.submission.findMany({
    where: { userId: submission.userId, exerciseSlug: submission.exerciseSlug },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, kind: true, status: true, score: true, passed: true, createdAt: true, source: true, report: true },
  });
  attempts.reverse();
  const timeline = attempts.map((a, i): TimelineEntry => ({
    id: a.id,
    kind: a.kind,
    status: a.status,
    score: a.score,
    passed: a.passed,
    createdAt: a.createdAt,
    misconceptions: parseReport(a.report)?.diagnosis.map((d) => d.misconceptionId) ?? [],
    change: i === 0 ? null : changedLines(attempts[i - 1]!.source, a.source),
  }));
  const index = attempts.findIndex((a) => a.id === submission.id);
  const previous = index > 0 ? attempts[index - 1]! : null;
  return {
    learner: { userId: member.user.id, name: member.user.name, email: member.user.email },
    submission: {
      id: submission.id,
      exerciseSlug: submission.exerciseSlug,
      kind: submission.kind,
      status: submission.status,
      score: submission.score,
      passed: submission.passed,
      createdAt: submission.createdAt,
      source: submission.source,
      error: submission.error,
    },
    report: parseReport(submission.report),
    timeline,
    diff: previous ? { previousId: previous.id, parts: diffLines(previous.source, submission.source) } : null,
  };
}

/** Per exercise, the learner's latest attempt (run or submit) and the misconceptions it was graded with. */
export async function latestAttempts(db: Db, userId: string, slugs: readonly string[]): Promise<Map<string, { id: string; createdAt: Date; misconceptions: string[] }>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.submission.findMany({
    where: { userId, exerciseSlug: { in: [...slugs] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    distinct: ["exerciseSlug"],
    select: { id: true, exerciseSlug: true, createdAt: true, report: true },
  });
  return new Map(rows.map((r) => [r.exerciseSlug, { id: r.id, createdAt: r.createdAt, misconceptions: parseReport(r.report)?.diagnosis.map((d) => d.misconceptionId) ?? [] }]));
}
