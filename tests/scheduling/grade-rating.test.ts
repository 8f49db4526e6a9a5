import { describe, expect, it } from "vitest";
import { ratingFromGrade } from "../../lib/scheduling/grade-rating/core";
import { Rating } from "../../lib/scheduling/core/schema";

const clean = { passed: true, firstTry: true, hintsUsed: 0 };

describe("ratingFromGrade", () => {
  it("rates a failed attempt Again below half the cases and Hard from half up, keeping the raw score", () => {
    expect(ratingFromGrade({ score: 0.4999, passed: false, firstTry: true })).toEqual({ rating: Rating.Again, score: 0.4999, reason: "failed" });
    expect(ratingFromGrade({ score: 0, passed: false, firstTry: false, hintsUsed: 3 }).rating).toBe(Rating.Again);
    expect(ratingFromGrade({ score: 0.5, passed: false, firstTry: true })).toEqual({ rating: Rating.Hard, score: 0.5, reason: "partial" });
    expect(ratingFromGrade({ score: 0.95, passed: false, firstTry: true })).toEqual({ rating: Rating.Hard, score: 0.95, reason: "partial" });
  });

  it("puts the Again/Hard boundary at 0.5 (0.5 is Hard)", () => {
    expect(ratingFromGrade({ ...clean, score: 0.4999 })).toMatchObject({ rating: Rating.Again, reason: "low-score" });
    expect(ratingFromGrade({ ...clean, score: 0.5 })).toMatchObject({ rating: Rating.Hard, reason: "partial" });
  });

  it("puts the Hard/Good boundary at 0.8 (0.8 is Good)", () => {
    expect(ratingFromGrade({ ...clean, score: 0.7999 }).rating).toBe(Rating.Hard);
    expect(ratingFromGrade({ ...clean, score: 0.8 })).toMatchObject({ rating: Rating.Good, reason: "passed-imperfect" });
    expect(ratingFromGrade({ ...clean, score: 0.9999 }).rating).toBe(Rating.Good);
  });

  it("gives Easy only to a perfect first try without hints", () => {
    expect(ratingFromGrade({ ...clean, score: 1 })).toEqual({ rating: Rating.Easy, score: 1, reason: "clean-pass" });
    expect(ratingFromGrade({ ...clean, score: 1, hintsUsed: 1 })).toMatchObject({ rating: Rating.Good, reason: "passed-with-help" });
    expect(ratingFromGrade({ ...clean, score: 1, firstTry: false })).toMatchObject({ rating: Rating.Good, reason: "passed-with-help" });
  });

  it("rates Again when the solution was viewed, even on a perfect pass", () => {
    expect(ratingFromGrade({ ...clean, score: 1, solutionViewed: true })).toMatchObject({ rating: Rating.Again, reason: "solution-viewed" });
  });

  it("keeps a partial pass Hard even with hints (help does not lift below Good)", () => {
    expect(ratingFromGrade({ score: 0.6, passed: true, firstTry: false, hintsUsed: 2 }).rating).toBe(Rating.Hard);
  });

  it("honours custom thresholds", () => {
    expect(ratingFromGrade({ ...clean, score: 0.6 }, { againBelow: 0.7, goodFrom: 0.9 }).rating).toBe(Rating.Again);
    expect(ratingFromGrade({ ...clean, score: 0.85 }, { againBelow: 0.7, goodFrom: 0.9 }).rating).toBe(Rating.Hard);
  });

  it("rejects malformed grades and thresholds with a zod message", () => {
    expect(() => ratingFromGrade({ ...clean, score: 1.2 })).toThrow(/score/);
    expect(() => ratingFromGrade({ ...clean, score: 0.5, hintsUsed: -1 })).toThrow(/hintsUsed/);
    expect(() => ratingFromGrade({ ...clean, score: 0.5 }, { againBelow: 0.9, goodFrom: 0.8 })).toThrow(/againBelow must not exceed goodFrom/);
  });
});
