import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/password";
import { decideAccess, roleAllows, safeCallbackPath, type SessionUser } from "@/lib/roles";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one; hashes are salted", async () => {
    const hash = await hashPassword("lacuna-demo");
    expect(hash).not.toContain("lacuna-demo");
    expect(await verifyPassword("lacuna-demo", hash)).toBe(true);
    expect(await verifyPassword("lacuna-demO", hash)).toBe(false);
    expect(await hashPassword("lacuna-demo")).not.toBe(hash);
  });
});

const user = (role: SessionUser["role"]): SessionUser => ({ id: "u1", email: `${role}@x.test`, name: null, role });

describe("role guards", () => {
  it("ranks roles: admin ⊇ instructor ⊇ learner", () => {
    expect(roleAllows("admin", "instructor")).toBe(true);
    expect(roleAllows("instructor", "instructor")).toBe(true);
    expect(roleAllows("learner", "instructor")).toBe(false);
    expect(roleAllows("instructor", "admin")).toBe(false);
    expect(roleAllows("learner", "learner")).toBe(true);
  });

  it("sends a signed-out caller to sign in, refuses a low role with a reason, allows the rest", () => {
    expect(decideAccess(null)).toEqual({ kind: "signin", reason: "Sign in required" });
    expect(decideAccess(user("learner"), "instructor")).toEqual({
      kind: "forbidden",
      reason: "This needs the instructor role; you are signed in as learner",
    });
    expect(decideAccess(user("admin"), "instructor")).toEqual({ kind: "allow", user: user("admin") });
    expect(decideAccess(user("learner"))).toEqual({ kind: "allow", user: user("learner") });
  });

  it("follows only same-site callback paths", () => {
    expect(safeCallbackPath("/exercises/softmax?tab=1")).toBe("/exercises/softmax?tab=1");
    expect(safeCallbackPath("https://evil.test/")).toBe("/");
    expect(safeCallbackPath("//evil.test/")).toBe("/");
    expect(safeCallbackPath("/\\evil.test")).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });

  it("checks callback paths after the URL parser's own normalisation (tabs, newlines, backslashes, dot segments)", () => {
    // Each of these is what a browser reads as another host once it parses the Location header.
    for (const raw of ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "\\\\evil.example", "/\t\\evil.example", "/.//evil.example", "/a/..//evil.example", " //evil.example", "javascript:alert(1)", "evil.example", "?next=/x"]) {
      expect(safeCallbackPath(raw), JSON.stringify(raw)).toBe("/");
    }
    // What is returned is the parser's normalised path, so the check and the redirect see the same thing.
    expect(safeCallbackPath("/review/../exercises?x=1#h")).toBe("/exercises?x=1#h");
    expect(safeCallbackPath("/%09/evil.example")).toBe("/%09/evil.example");
  });

  it("accepts absolute URLs only on the given origin (next-auth's redirect callback)", () => {
    expect(safeCallbackPath("http://localhost:3000/review?x=1", "http://localhost:3000")).toBe("/review?x=1");
    expect(safeCallbackPath("http://localhost:3001/review", "http://localhost:3000")).toBe("/");
    expect(safeCallbackPath("http://evil.example/", "http://localhost:3000")).toBe("/");
    expect(safeCallbackPath("/\t/evil.example", "http://localhost:3000")).toBe("/");
    expect(safeCallbackPath("/cohorts", "http://localhost:3000")).toBe("/cohorts");
  });
});
