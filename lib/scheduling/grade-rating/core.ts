/**
 * From an exercise grade to an FSRS rating. FSRS learns from four buttons; an exercise yields a score, a
 * verdict and how much help was needed. The mapping (defaults; thresholds configurable):
 *
 *   solution viewed, or score < 0.5                        → Again (1)  "did not recall"
 *   not passed, score ≥ 0.5 (a partly right attempt)       → Hard  (2)  "recalled with serious gaps"
 *   passed, score < 0.8 (a grader whose pass mark is lower) → Hard  (2)
 *   passed, but not first try / hints used / score < 1     → Good  (3)
 *   passed, score = 1, first try, no hints                 → Easy  (4)
 *
 * Lacuna's grader passes an attempt only when every case passes (score 1), so for its exercises a failing
 * attempt is Again or Hard by its share of passed cases, and a pass is Good or Easy by how much help it took.
 * The raw score is returned beside the rating so the log keeps it (SrsReviewLog.score) and a later, better
 * mapping can be re-derived.
 */
import { Rating, type ReviewRating } from "../core/schema";
import { exerciseGradeSchema, gradeRatingOptionsSchema, type ExerciseGradeInput, type GradeRatingOptionsInput } from "./schema";

export interface GradeRating {
  rating: ReviewRating;
  /** The raw score, kept beside the rating. */
  score: number;
  /** Why this rating, for the UI and for debugging the mapping. */
  reason: "failed" | "solution-viewed" | "low-score" | "partial" | "passed-with-help" | "passed-imperfect" | "clean-pass";
}

export function ratingFromGrade(input: ExerciseGradeInput, options: GradeRatingOptionsInput = {}): GradeRating {
  const grade = exerciseGradeSchema.parse(input);
  const { againBelow, goodFrom } = gradeRatingOptionsSchema.parse(options);
  const score = grade.score;
  if (grade.solutionViewed) return { rating: Rating.Again, score, reason: "solution-viewed" };
  if (score < againBelow) return { rating: Rating.Again, score, reason: grade.passed ? "low-score" : "failed" };
  if (!grade.passed || score < goodFrom) return { rating: Rating.Hard, score, reason: "partial" };
  if (!grade.firstTry || grade.hintsUsed > 0) return { rating: Rating.Good, score, reason: "passed-with-help" };
  if (score < 1) return { rating: Rating.Good, score, reason: "passed-imperfect" };
  return { rating: Rating.Easy, score, reason: "clean-pass" };
}
