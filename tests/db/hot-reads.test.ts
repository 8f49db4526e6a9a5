// The reads on every request of the grading hot path (issue 16) answer exactly what Prisma's findUnique answers,
// on SQLite (where they bypass Prisma's query engine) and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionUserByEmail } from "@/lib/accounts";
import { readSubmission } from "@/lib/grading/submission-row";
import { createTestDb, testDbFlavor, type TestDb } from "@/tests/helpers/db";

describe(`hot-path reads on ${testDbFlavor()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.drop();
  });

  it("reads a submission with every field as Prisma does: nulls, booleans both ways, times to the millisecond", async () => {
    const user = await t.db.user.create({ data: { email: "rows@example.test", passwordHash: "x" } });
    const base = { userId: user.id, exerciseSlug: "linear-regression-cost", kind: "submit", source: "const j = 0; // 代价函数", lang: "zh", seed: 1_234_567 };
    const queued = await t.db.submission.create({ data: base });
    const startedAt = new Date(Date.UTC(2026, 11, 2, 7, 0, 0, 123));
    const passed = await t.db.submission.create({
      data: { ...base, status: "graded", score: 1, passed: true, report: JSON.stringify({ status: "passed" }), hintsUsed: 2, gradingAttempts: 3, workerId: "w-1", requestId: "req-1", startedAt, gradedAt: new Date(startedAt.getTime() + 7) },
    });
    const failed = await t.db.submission.create({ data: { ...base, kind: "run", status: "error", score: 0.25, passed: false, error: "The grader failed: 超时", startedAt } });

    for (const row of [queued, passed, failed]) {
      const read = await readSubmission(t.db, row.id);
      expect(read).toEqual(await t.db.submission.findUnique({ where: { id: row.id } }));
      expect(read).toEqual(row);
    }
    expect((await readSubmission(t.db, passed.id))!.gradedAt!.getTime() - startedAt.getTime()).toBe(7);
    expect((await readSubmission(t.db, failed.id))!.passed).toBe(false);
    expect(await readSubmission(t.db, "no-such-submission")).toBeNull();
  });

  it("sees a grade stored by another connection at once", async () => {
    const user = await t.db.user.create({ data: { email: "fresh@example.test", passwordHash: "x" } });
    const row = await t.db.submission.create({ data: { userId: user.id, exerciseSlug: "linear-regression-cost", kind: "run", source: "x", lang: "en", seed: 0 } });
    expect((await readSubmission(t.db, row.id))!.status).toBe("queued");
    await t.db.submission.update({ where: { id: row.id }, data: { status: "graded", passed: true, score: 1 } });
    expect(await readSubmission(t.db, row.id)).toMatchObject({ status: "graded", passed: true, score: 1 });
  });

  it("reads a session's user by email as Prisma does, with or without a name, and null for an unknown address", async () => {
    const named = await t.db.user.create({ data: { email: "named@example.test", name: "林 Ada", passwordHash: "x", role: "instructor" } });
    const unnamed = await t.db.user.create({ data: { email: "unnamed@example.test", passwordHash: "x" } });
    for (const user of [named, unnamed]) {
      const read = await sessionUserByEmail(t.db, user.email);
      expect(read).toEqual({ id: user.id, email: user.email, name: user.name, role: user.role });
      expect(read).toEqual(await t.db.user.findUnique({ where: { email: user.email }, select: { id: true, email: true, name: true, role: true } }));
    }
    expect(await sessionUserByEmail(t.db, "nobody@example.test")).toBeNull();
    // A role changed a moment ago counts on the next request.
    await t.db.user.update({ where: { id: unnamed.id }, data: { role: "admin" } });
    expect((await sessionUserByEmail(t.db, unnamed.email))!.role).toBe("admin");
  });
});
