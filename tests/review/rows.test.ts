// The two ways lib/review/rows.ts runs recording steps: over promises (Prisma) and over answers already there
// (SQLite's synchronous transaction). A step's failure reaches the steps' own try/catch either way, as the
// recording's handling of a unique violation needs.
import { describe, expect, it } from "vitest";
import { answer, runAwaiting, runNow, type Steps } from "@/lib/review/rows";

class Conflict extends Error {}

/** Reads a count, then writes it doubled; a failed write becomes a Conflict, as reviewSteps turns P2002 into one. */
function* doubled(read: () => unknown, write: (n: number) => unknown): Steps<number> {
  const n = (yield* answer(read())) as number;
  try {
    yield* answer(write(n * 2));
  } catch (error) {
    throw new Conflict(`write failed: ${(error as Error).message}`);
  }
  return n * 2;
}

describe("recording steps", () => {
  it("run the same over promises and over plain answers", async () => {
    const written: number[] = [];
    expect(await runAwaiting(doubled(() => Promise.resolve(21), (n) => Promise.resolve(written.push(n))))).toBe(42);
    expect(runNow(doubled(() => 21, (n) => written.push(n)))).toBe(42);
    expect(written).toEqual([42, 42]);
  });

  it("deliver a failed step to the steps' own catch, rejected or thrown", async () => {
    await expect(runAwaiting(doubled(() => Promise.resolve(1), () => Promise.reject(new Error("P2002"))))).rejects.toThrow(Conflict);
    expect(() =>
      runNow(
        doubled(
          () => 1,
          () => {
            throw new Error("UNIQUE constraint failed");
          },
        ),
      ),
    ).toThrow(Conflict);
  });

  it("refuse to wait for a promise inside a synchronous transaction", () => {
    expect(() => runNow(doubled(() => Promise.resolve(1), () => 0))).toThrow(/promise inside a synchronous transaction/);
  });
});
