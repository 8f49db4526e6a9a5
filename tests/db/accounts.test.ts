// Sign-up, credentials and demo seeding against a real migrated database (SQLite, then PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials, DEMO_PASSWORD, DEMO_USERS, seedDemoUsers, signUp } from "@/lib/accounts";
import { createTestDb, testDbFlavor, type TestDb } from "@/tests/helpers/db";

describe(`accounts on ${testDbFlavor()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.drop();
  });

  it("reports each bad field with its own message key and creates nothing", async () => {
    const result = await signUp(t.db, { email: "not-an-email", name: "x".repeat(81), password: "short" });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { email: "auth.errors.emailInvalid", name: "auth.errors.nameTooLong", password: "auth.errors.passwordTooShort" },
    });
    expect(await t.db.user.count({ where: { email: "not-an-email" } })).toBe(0);
  });

  it("creates a learner with a normalised email and a bcrypt hash, never the password", async () => {
    const result = await signUp(t.db, { email: "  Ada@Example.TEST ", name: "Ada", password: "correct horse" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user).toMatchObject({ email: "ada@example.test", name: "Ada", role: "learner" });
    expect(result.user.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(result.user.passwordHash).not.toContain("correct horse");
  });

  it("answers a duplicate email (any case) with a clear field message, not an error", async () => {
    const again = await signUp(t.db, { email: "ADA@example.test", password: "another password" });
    expect(again).toEqual({ ok: false, fieldErrors: { email: "auth.errors.emailTaken" } });
    expect(await t.db.user.count({ where: { email: "ada@example.test" } })).toBe(1);
  });

  it("answers two simultaneous sign-ups for one email with one account and one emailTaken", async () => {
    const results = await Promise.all([
      signUp(t.db, { email: "race@example.test", password: "password-1" }),
      signUp(t.db, { email: "race@example.test", password: "password-2" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.fieldErrors))).toEqual([{ email: "auth.errors.emailTaken" }]);
  });

  it("checks credentials: right password → the user, wrong password or unknown email → null", async () => {
    expect((await checkCredentials(t.db, "ada@example.test", "correct horse"))?.email).toBe("ada@example.test");
    expect(await checkCredentials(t.db, "ada@example.test", "wrong horse")).toBeNull();
    expect(await checkCredentials(t.db, "nobody@example.test", "correct horse")).toBeNull();
    expect(await checkCredentials(t.db, undefined, "correct horse")).toBeNull();
  });

  it("seeds the three demo accounts only into an empty database", async () => {
    expect(await seedDemoUsers(t.db)).toEqual([]); // not empty: Ada exists
    const fresh = await createTestDb(t.flavor);
    try {
      expect(await seedDemoUsers(fresh.db)).toEqual(DEMO_USERS.map((u) => u.email));
      const admin = await checkCredentials(fresh.db, "admin@lacuna.local", DEMO_PASSWORD);
      expect(admin?.role).toBe("admin");
      expect(await seedDemoUsers(fresh.db)).toEqual([]);
    } finally {
      await fresh.drop();
    }
  });
});
