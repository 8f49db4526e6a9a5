// Shared by the submission API tests and bench/web: learners, exercise sources, waiting for a grade.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db, Submission } from "@/lib/db";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");
export const costSlug = "linear-regression-cost";
const costDir = path.join(repoRoot, "exercises", "linear-regression", costSlug);

export const costSolution = (): string => readFileSync(path.join(costDir, "solution.ts"), "utf8");
export const costMisconception = (id: string): string => readFileSync(path.join(costDir, "misconceptions", `${id}.ts`), "utf8");

let counter = 0;
export async function createLearner(db: Db, label = "learner"): Promise<{ id: string; email: string }> {
  counter += 1;
  const email = `${label}-${counter}-${Date.now()}@example.test`;
  return db.user.create({ data: { email, name: label, passwordHash: "not-a-real-hash" }, select: { id: true, email: true } });
}

/** Polls the row until it is graded or errored (or the timeout passes, which fails the test). */
export async function waitForFinished(db: Db, id: string, timeoutMs = 120_000): Promise<Submission> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.submission.findUnique({ where: { id } });
    if (row && (row.status === "graded" || row.status === "error")) return row;
    if (Date.now() > deadline) throw new Error(`submission ${id} still ${row?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
