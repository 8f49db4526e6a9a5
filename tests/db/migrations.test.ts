// The committed migrations build the schema on a fresh database (SQLite and PostgreSQL) and are recorded
// in Prisma's _prisma_migrations table exactly as `prisma migrate deploy` would record them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { migrateDatabase } from "@/scripts/lib/migrate";
import { readMigrations } from "@/scripts/lib/migrations";
import { migrationsDir } from "@/scripts/lib/schemas";
import { createEmptyDatabase, testDbFlavor } from "@/tests/helpers/db";

const flavor = testDbFlavor();

describe(`migrations on a fresh ${flavor} database`, () => {
  let empty: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    empty = await createEmptyDatabase(flavor);
  });
  afterAll(async () => {
    await empty.drop();
  });

  it("applies every committed migration, records it with Prisma's checksum, then has nothing pending", async () => {
    const committed = readMigrations(migrationsDir[flavor]);
    expect(committed.length).toBeGreaterThan(0);

    const first = await migrateDatabase(empty.url);
    expect(first.applied).toEqual(committed.map((m) => m.name));

    const db = createDb(empty.url);
    try {
      const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: unknown; applied_steps_count: unknown }[]>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(committed.map((m) => [m.name, m.checksum]));
      expect(rows.every((r) => r.finished_at !== null && Number(r.applied_steps_count) === 1)).toBe(true);

      const second = await migrateDatabase(empty.url);
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toEqual(committed.map((m) => m.name));

      // The migrated schema is usable through the generated client, cascades included.
      const user = await db.user.create({ data: { email: "m@example.test", passwordHash: "x" } });
      expect(user.role).toBe("learner");
      await db.submission.create({ data: { userId: user.id, exerciseSlug: "softmax", kind: "submit", source: "", lang: "ts", seed: 7 } });
      await db.srsSettings.create({ data: { userId: user.id } });
      const settings = await db.srsSettings.findUniqueOrThrow({ where: { userId: user.id } });
      expect(settings).toMatchObject({ dailyNewLimit: 20, desiredRetention: 0.9, timezone: "UTC" });
      await db.user.delete({ where: { id: user.id } });
      expect(await db.submission.count()).toBe(0);
      expect(await db.srsSettings.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});

describe(`migration runner safety on ${flavor}`, () => {
  it("refuses to continue past a migration recorded as started but unfinished", async () => {
    const empty = await createEmptyDatabase(flavor);
    try {
      await migrateDatabase(empty.url);
      const db = createDb(empty.url);
      try {
        await db.$executeRawUnsafe(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, applied_steps_count) VALUES ('x-1', 'abc', '29990101000000_half_done', 0)`,
        );
      } finally {
        await db.$disconnect();
      }
      await expect(migrateDatabase(empty.url)).rejects.toThrow(/29990101000000_half_done failed earlier and is unfinished/);
    } finally {
      await empty.drop();
    }
  });

  it("reports an applied migration whose SQL was edited afterwards", async () => {
    const empty = await createEmptyDatabase(flavor);
    try {
      await migrateDatabase(empty.url);
      const first = readMigrations(migrationsDir[flavor])[0]!;
      const db = createDb(empty.url);
      try {
        await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = '${first.name}'`);
      } finally {
        await db.$disconnect();
      }
      expect((await migrateDatabase(empty.url)).modified).toEqual([first.name]);
    } finally {
      await empty.drop();
    }
  });
});
