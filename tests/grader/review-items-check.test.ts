// `lacuna check` on misconceptions' review items: missing or too long is a problem; the texts are checked for both languages with the exercise's others.
import { describe, expect, it } from "vitest";
import { findExercise } from "@/exercises/catalog";
import type { ExerciseMeta } from "@/exercises/schema";
import { reviewItemProblems } from "@/grader/review-items-check";

const meta = findExercise("linear-regression-cost")!.meta;

function withReview(change: (m: ExerciseMeta["misconceptions"][number]) => ExerciseMeta["misconceptions"][number]): ExerciseMeta {
  return { ...meta, misconceptions: meta.misconceptions.map((m, i) => (i === 0 ? change(m) : m)) };
}

describe("review items in lacuna check", () => {
  it("finds nothing in an exercise whose misconceptions all have short items", () => {
    expect(meta.misconceptions.every((m) => m.review)).toBe(true);
    expect(reviewItemProblems(meta)).toEqual([]);
  });

  it("reports a misconception without an item as a problem", () => {
    const missing = withReview(({ review: _review, ...rest }) => rest);
    const message = 'misconception missing-one-half has no review item: give it "review": { "question": { "en", "zh" }, "answer": { "en", "zh" } } (the card a learner reviews after the grader names it)';
    expect(reviewItemProblems(missing)).toEqual([message]);
  });

  it("refuses a question over 200 or an answer over 300 characters, counting each Chinese character once", () => {
    const long = withReview((m) => ({
      ...m,
      review: { question: { en: "x".repeat(200), zh: "长".repeat(201) }, answer: { en: "y".repeat(301), zh: "答".repeat(300) } },
    }));
    expect(reviewItemProblems(long)).toEqual([
      "misconception missing-one-half review question (zh) is 201 characters long; at most 200",
      "misconception missing-one-half review answer (en) is 301 characters long; at most 300",
    ]);
  });
});
