import { describe, expect, it } from "vitest";
import { warmUpSettled } from "./warm-up";

describe("warmUpSettled", () => {
  // bench:web's web + grader CPU per submission (ms) in 5 s windows of a 120 s warm-up, 2026-12-01.
  const measured = [17.6, 13.9, 11.2, 10.5, 10.4, 9.6, 9.2, 8.9, 9.1, 9.7, 9.2];

  it("keeps warming while the CPU per submission still falls, and stops at the plateau", () => {
    const settledAt = measured.findIndex((_, i) => warmUpSettled(measured.slice(0, i + 1)));
    // Windows 4–8 still fall by 8–31 % against the two before; window 9 (8.9, 9.1 against 9.6, 9.2) is flat.
    expect(settledAt + 1).toBe(9);
  });

  it("never stops before the minimum, even on a flat start", () => {
    expect(warmUpSettled([5, 5, 5])).toBe(false);
    expect(warmUpSettled([5, 5, 5, 5])).toBe(true);
  });

  it("does not mistake one noisy window for a plateau", () => {
    // The last window alone is above the one before it, but the mean of the last two still fell by 10 %.
    expect(warmUpSettled([12, 10, 8.6, 9.4])).toBe(false);
  });

  it("refuses a rule that cannot compare", () => {
    expect(() => warmUpSettled([1, 2, 3, 4], { compare: 2, settledRatio: 0.9, minWindows: 3 })).toThrow(/cannot compare/);
    expect(() => warmUpSettled([1, 2], { compare: 0, settledRatio: 0.9, minWindows: 2 })).toThrow(/cannot compare/);
  });
});
