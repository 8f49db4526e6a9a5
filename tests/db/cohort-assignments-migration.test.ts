// The migration to assignments of several exercises and topics keeps every existing assignment working:
// each keeps its one exercise (now its first AssignmentItem), its due time, and gets the defaults (no late
// policy, no attempt limit, not deleted); cohorts get the UTC time zone and members stay members.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { migrateDatabase } from "@/scripts/lib/migrate";
import { createEmptyDatabase, testDbFlavor } from "@/tests/helpers/db";

const flavor = testDbFlavor();
const BEFORE = "20261130100520_misconception_items";

describe(`the cohort assignments migration on ${flavor}`, () => {
  let empty: { url: string; drop: () => Promise<void> };
  let db: Db | undefined;
  beforeAll(async () => {
    empty = await createEmptyDatabase(flavor);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await empty.drop();
  });

  it("turns each old assignment's exercise into its item and keeps its due time", async () => {
    await migrateDatabase(empty.url, { until: BEFORE });
    // Rows as the previous schema stored them, written in SQL: today's client no longer matches that schema.
    const old = createDb(empty.url);
    const due = new Date("2026-12-01T23:59:59.999Z");
    try {
      await old.$executeRawUnsafe(`INSERT INTO "User" ("id", "email", "passwordHash", "role", "updatedAt") VALUES ('u1', 'i@example.test', 'x', 'instructor', CURRENT_TIMESTAMP), ('u2', 'l@example.test', 'x', 'learner', CURRENT_TIMESTAMP)`);
      await old.$executeRawUnsafe(`INSERT INTO "Cohort" ("id", "name", "instructorId", "joinCode") VALUES ('c1', 'Old cohort', 'u1', 'ABCD2345')`);
      await old.$executeRawUnsafe(`INSERT INTO "CohortMember" ("cohortId", "userId") VALUES ('c1', 'u2')`);
      await old.$executeRaw`INSERT INTO "Assignment" ("id", "cohortId", "exerciseSlug", "dueAt") VALUES ('a1', 'c1', 'softmax', ${due}), ('a2', 'c1', 'linear-regression-cost', NULL)`;
    } finally {
      await old.$disconnect();
    }

    const result = await migrateDatabase(empty.url);
    expect(result.applied).toContain("20261130125443_cohort_assignments_v2");

    db = createDb(empty.url);
    const assignments = await db.assignment.findMany({ orderBy: { id: "asc" }, include: { items: true } });
    expect(assignments.map((a) => ({ id: a.id, dueAt: a.dueAt, items: a.items.map((i) => [i.kind, i.ref]), latePolicy: a.latePolicy, attemptLimit: a.attemptLimit, deletedAt: a.deletedAt, title: a.title }))).toEqual([
      { id: "a1", dueAt: due, items: [["exercise", "softmax"]], latePolicy: "none", attemptLimit: null, deletedAt: null, title: "" },
      { id: "a2", dueAt: null, items: [["exercise", "linear-regression-cost"]], latePolicy: "none", attemptLimit: null, deletedAt: null, title: "" },
    ]);
    expect(await db.cohort.findUniqueOrThrow({ where: { id: "c1" } })).toMatchObject({ name: "Old cohort", joinCode: "ABCD2345", timeZone: "UTC" });
    expect(await db.cohortMember.findMany()).toMatchObject([{ cohortId: "c1", userId: "u2", removedAt: null }]);
  });
});
