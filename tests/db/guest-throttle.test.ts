// The signed-out visitors' throttle (runs and type checks per client address) on a real migrated database, SQLite
// then PostgreSQL: rate-limiter-flexible's Prisma store shared by two clients as two web processes share it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { createGuestThrottle } from "@/lib/guest-throttle";
import { createTestDb, testDbFlavor, type TestDb } from "@/tests/helpers/db";

describe(`guest throttle on ${testDbFlavor()}`, () => {
  let t: TestDb;
  let secondProcess: Db;
  beforeAll(async () => {
    t = await createTestDb();
    secondProcess = createDb(t.url);
  });
  afterAll(async () => {
    await secondProcess.$disconnect();
    await t.drop();
  });

  it("lets an address make its runs, then says how long to wait, across processes; other addresses and type checks are apart", async () => {
    const limits = { runs: 3, typeChecks: 2, windowSeconds: 600 };
    const web1 = createGuestThrottle(t.db, limits);
    const web2 = createGuestThrottle(secondProcess, limits);
    expect(await web1.take("run", "203.0.113.9")).toBeNull();
    expect(await web2.take("run", "203.0.113.9")).toBeNull();
    expect(await web1.take("run", "203.0.113.9")).toBeNull();
    for (const throttle of [web1, web2]) {
      const wait = await throttle.take("run", "203.0.113.9");
      expect(wait).toBeGreaterThan(limits.windowSeconds - 60);
      expect(wait).toBeLessThanOrEqual(limits.windowSeconds);
    }
    expect(await web2.take("run", "203.0.113.10")).toBeNull();
    expect(await web2.take("typecheck", "203.0.113.9")).toBeNull();
    expect(await web1.take("typecheck", "203.0.113.9")).toBeNull();
    expect(await web1.take("typecheck", "203.0.113.9")).toBeGreaterThan(0);
    // The table holds hashes and counts, never the address.
    const rows = await t.db.rateLimit.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.key.includes("203.0.113"))).toBe(false);
  });

  it("counts concurrent requests exactly, and starts a new window once the old one is over", async () => {
    // A window of a few seconds: the eight requests must land inside it even on a loaded machine.
    const throttle = createGuestThrottle(t.db, { runs: 5, typeChecks: 5, windowSeconds: 3 });
    const waits = await Promise.all(Array.from({ length: 8 }, () => throttle.take("run", "192.0.2.50")));
    expect(waits.filter((w) => w === null)).toHaveLength(5);
    expect(waits.filter((w) => w !== null).every((w) => w !== null && w >= 1 && w <= 3)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    expect(await throttle.take("run", "192.0.2.50")).toBeNull();
  });
});
