import { z } from "zod";

/** What the grader says about one exercise attempt, as far as the scheduler cares. */
export const exerciseGradeSchema = z.object({
  /** Fraction of the graded cases (or points) that passed, 0..1. */
  score: z.number().min(0).max(1),
  /** The grader's verdict: every required case passed. */
  passed: z.boolean(),
  /** This was the learner's first submission of the exercise in this review (no retry after feedback). */
  firstTry: z.boolean(),
  /** Hints the learner opened before submitting. */
  hintsUsed: z.number().int().min(0).max(100).default(0),
  /** Whether the learner looked at the solution before this submission: then nothing was recalled. */
  solutionViewed: z.boolean().default(false),
});
export type ExerciseGradeInput = z.input<typeof exerciseGradeSchema>;
export type ExerciseGrade = z.output<typeof exerciseGradeSchema>;

/** Thresholds of the mapping; the defaults follow the research note (< 0.5 Again, partial Hard). */
export const gradeRatingOptionsSchema = z
  .object({
    /** Scores below this are Again even when the grader passed the attempt. */
    againBelow: z.number().min(0).max(1).default(0.5),
    /** A passed attempt scoring from `againBelow` up to (excluding) this is Hard, as is any failed one above `againBelow`. */
    goodFrom: z.number().min(0).max(1).default(0.8),
  })
  .refine((o) => o.againBelow <= o.goodFrom, { message: "againBelow must not exceed goodFrom" });
export type GradeRatingOptionsInput = z.input<typeof gradeRatingOptionsSchema>;
