// Request limits checked before any handler reads a request (lib/http/limits.ts), and the numeric ranges of the
// schemas that feed 32-bit integer columns. The live answers are in tests/e2e/input-hardening.spec.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bodyLimitFor, declaredLengthRefusal, integerAbove, malformedPathReason, PROXY_BODY_COPY_BYTES, REVIEW_IMPORT_MAX_BYTES, REVIEW_IMPORT_PATH } from "@/lib/http/limits";
import { draftSchema, createSubmissionSchema } from "@/lib/grading/service";
import { REVIEW_DURATION_MAX_MS, reviewMetaSchema } from "@/lib/scheduling/core/schema";
import { parseReviewLogCsv } from "@/lib/scheduling/io/core";
import { reviewCsvColumns, reviewCsvRowSchema } from "@/lib/scheduling/io/schema";
import { reviewPreferencesSchema } from "@/lib/review/settings";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");
const INT32_MAX = 2 ** 31 - 1;

describe("integerAbove", () => {
  it.each([0, 9, 10, 99, 262_144, 5_308_416, 999_999])("matches exactly the integers above %i", (limit) => {
    const pattern = new RegExp(`^${integerAbove(limit)}$`);
    fc.assert(
      fc.property(fc.oneof(fc.nat({ max: limit * 3 + 20 }), fc.integer({ min: Math.max(0, limit - 50), max: limit + 50 }), fc.nat()), fc.nat({ max: 3 }), (n, zeros) => {
        expect(pattern.test("0".repeat(zeros) + String(n))).toBe(n > limit);
      }),
      { seed: 8, numRuns: 400 },
    );
    expect(pattern.test("")).toBe(false);
    expect(pattern.test("1e9")).toBe(false);
  });

  it("is what proxy.ts's matcher skips (Next reads that config without running it)", () => {
    const proxy = readFileSync(path.join(repoRoot, "proxy.ts"), "utf8");
    const patterns = [...proxy.matchAll(/key: "content-length", value: "([^"]+)"/g)].map((m) => JSON.parse(`"${m[1]}"`));
    expect(patterns).toEqual([integerAbove(bodyLimitFor("/")), integerAbove(bodyLimitFor(REVIEW_IMPORT_PATH))]);
  });
});

describe("declared body limits", () => {
  const headers = (length: string) => new Headers({ "content-length": length });
  it("refuse a body over the route's limit with 413, before reading it", () => {
    expect(declaredLengthRefusal("/api/submissions", headers("999999999"))?.status).toBe(413);
    expect(declaredLengthRefusal("/signup", headers(String(bodyLimitFor("/signup") + 1)))?.status).toBe(413);
    expect(declaredLengthRefusal("/api/submissions", headers(String(bodyLimitFor("/api/submissions"))))).toBeNull();
    expect(declaredLengthRefusal(REVIEW_IMPORT_PATH, headers(String(REVIEW_IMPORT_MAX_BYTES)))).toBeNull();
    expect(declaredLengthRefusal("/api/submissions", new Headers())).toBeNull();
  });

  it("refuse a Content-Length that is not a number with 400", () => {
    expect(declaredLengthRefusal("/api/submissions", headers("12abc"))?.status).toBe(400);
  });

  it("copy for the proxy more than any route accepts, so a body Next cuts short is still over its route's limit", () => {
    expect(PROXY_BODY_COPY_BYTES).toBeGreaterThan(bodyLimitFor(REVIEW_IMPORT_PATH) + 64 * 1024);
  });
});

describe("malformed paths", () => {
  it.each(["/api/submissions/%ff", "/join/%ff", "/exercises/%E0%A4%A", "/api/auth/%c3%28", "/%"])("refuse %s", (p) => {
    expect(malformedPathReason(p)).toMatch(/percent-encoded/);
  });
  it.each(["/api/submissions/abc", "/exercises/linear-regression-cost", "/join/%E4%BD%A0", "/"])("pass %s", (p) => {
    expect(malformedPathReason(p)).toBeNull();
  });
});

describe("numeric ranges fit the database's 32-bit integer columns", () => {
  const row = { card_id: "flashcard:x", review_time: "1700000000000", review_rating: "3", review_state: "2" };
  it("review_duration of an import: 100000000000000000000 is a row error, not a database error", () => {
    expect(reviewCsvRowSchema.safeParse({ ...row, review_duration: "100000000000000000000" }).success).toBe(false);
    // What the importer is told: the row, the column and the bound (the schema's issue is a code for the
    // message table, lib/scheduling/io/messages.ts).
    const parsed = parseReviewLogCsv(`${reviewCsvColumns.join(",")}\nflashcard:x,1700000000000,3,2,100000000000000000000\n`);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.issues).toEqual([expect.objectContaining({ line: 2, column: "review_duration", message: expect.stringMatching(/at most 86400000/) })]);
    expect(reviewCsvRowSchema.safeParse({ ...row, review_duration: String(REVIEW_DURATION_MAX_MS) }).success).toBe(true);
    expect(REVIEW_DURATION_MAX_MS).toBeLessThanOrEqual(INT32_MAX);
  });

  it("every integer a learner can send is bounded below 2^31", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: INT32_MAX, max: Number.MAX_SAFE_INTEGER }), fc.constant(1e20)), (huge) => {
        expect(reviewMetaSchema.safeParse({ durationMs: huge }).success).toBe(false);
        expect(draftSchema.safeParse({ source: "", hintsRevealed: huge }).success).toBe(false);
        expect(createSubmissionSchema.safeParse({ slug: "s", source: "", kind: "run", hintsUsed: huge }).success).toBe(false);
        expect(reviewPreferencesSchema.safeParse({ dailyNewLimit: huge, desiredRetention: 0.9, timezone: "UTC" }).success).toBe(false);
      }),
      { seed: 8, numRuns: 50 },
    );
  });
});
