// Sign-in throttling and equal-cost credential checks, against a real migrated database (SQLite, then
// PostgreSQL): rate-limiter-flexible's Prisma store through Prisma 7's driver adapters, shared by two clients
// as two web processes would share it.
import bcrypt from "bcryptjs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkCredentials, signUp } from "@/lib/accounts";
import { createDb, type Db } from "@/lib/db";
import { clientAddress, createSignInThrottle } from "@/lib/sign-in-throttle";
import { createTestDb, testDbFlavor, type TestDb } from "@/tests/helpers/db";

describe(`sign-in throttle on ${testDbFlavor()}`, () => {
  let t: TestDb;
  let secondProcess: Db;
  const limits = { accountFailures: 3, addressFailures: 5, windowSeconds: 600 };
  beforeAll(async () => {
    t = await createTestDb();
    secondProcess = createDb(t.url);
  });
  afterAll(async () => {
    await secondProcess.$disconnect();
    await t.drop();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("blocks an account after its failures, across processes, and says for how long", async () => {
    const web1 = createSignInThrottle(t.db, limits);
    const web2 = createSignInThrottle(secondProcess, limits);
    // Failures land on both processes; the count is the database's.
    await web1.recordFailure("Victim@Example.test", "10.0.0.1");
    await web2.recordFailure("victim@example.test ", "10.0.0.2");
    expect(await web1.retryAfter("victim@example.test", "10.0.0.3")).toBeNull();
    await web1.recordFailure("victim@example.test", "10.0.0.4");
    for (const throttle of [web1, web2]) {
      const wait = await throttle.retryAfter("VICTIM@example.test", "10.0.0.5");
      expect(wait).toBeGreaterThan(limits.windowSeconds - 60);
      expect(wait).toBeLessThanOrEqual(limits.windowSeconds);
    }
    // Another account from the same addresses is not affected.
    expect(await web2.retryAfter("someone-else@example.test", "10.0.0.1")).toBeNull();
  });

  it("blocks a client address that sprays many accounts", async () => {
    const throttle = createSignInThrottle(t.db, limits);
    for (let i = 0; i < limits.addressFailures; i++) await throttle.recordFailure(`spray-${i}@example.test`, "192.0.2.7");
    expect(await throttle.retryAfter("fresh@example.test", "192.0.2.7")).toBeGreaterThan(0);
    expect(await throttle.retryAfter("fresh@example.test", "192.0.2.8")).toBeNull();
  });

  it("a correct password clears the account's count", async () => {
    const throttle = createSignInThrottle(t.db, limits);
    await throttle.recordFailure("forgetful@example.test", "198.51.100.1");
    await throttle.recordFailure("forgetful@example.test", "198.51.100.1");
    await throttle.recordSuccess("forgetful@example.test");
    await throttle.recordFailure("forgetful@example.test", "198.51.100.1");
    await throttle.recordFailure("forgetful@example.test", "198.51.100.1");
    expect(await throttle.retryAfter("forgetful@example.test", "198.51.100.2")).toBeNull();
  });

  it("a window that has passed starts again", async () => {
    const throttle = createSignInThrottle(t.db, { ...limits, accountFailures: 1, windowSeconds: 3 });
    await throttle.recordFailure("patient@example.test", "203.0.113.9");
    expect(await throttle.retryAfter("patient@example.test", "203.0.113.10")).toBeLessThanOrEqual(3);
    await vi.waitFor(async () => expect(await throttle.retryAfter("patient@example.test", "203.0.113.10")).toBeNull(), { timeout: 10_000, interval: 200 });
  });

  it("takes the address the server saw last in X-Forwarded-For", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.1, 10.1.2.3" }))).toBe("10.1.2.3");
    expect(clientAddress(new Headers())).toBe("unknown");
  });

  it("an unknown e-mail costs the same bcrypt work as a wrong password", async () => {
    await signUp(t.db, { email: "known@example.test", password: "correct horse" });
    const compare = vi.spyOn(bcrypt, "compare");
    expect(await checkCredentials(t.db, "known@example.test", "wrong horse")).toBeNull();
    expect(await checkCredentials(t.db, "unknown@example.test", "wrong horse")).toBeNull();
    expect(compare).toHaveBeenCalledTimes(2);
    const [known, unknown] = compare.mock.calls.map((call) => String(call[1]));
    // Both compared against a bcrypt hash of the same cost (the "$2b$10$" prefix): the same work.
    expect(unknown!.slice(0, 7)).toBe(known!.slice(0, 7));
    expect(unknown).toMatch(/^\$2[ab]\$10\$/);
  });
});
