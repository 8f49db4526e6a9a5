/**
 * `lacuna check` on misconceptions' review items (exercise.json `misconceptions[].review`, the card a learner's
 * review queue gets when the grader names that misconception in their submission): each misconception has one,
 * and its question and answer are short in both languages; a missing or too long item is a problem. Empty,
 * untranslated or ASCII-punctuated text is reported with the exercise's other texts (check.ts `bilingualProblems`).
 */
import { REVIEW_ANSWER_MAX_CHARS, REVIEW_QUESTION_MAX_CHARS, type ExerciseMeta, type Localized } from "../exercises/schema";

/** Characters as a reader counts them (code points: one per Chinese character or symbol). */
function length(text: string): number {
  return [...text].length;
}

/** Every misconception has a review item, short enough in both languages. */
export function reviewItemProblems(meta: ExerciseMeta): string[] {
  const problems: string[] = [];
  for (const m of meta.misconceptions) {
    if (!m.review) {
      problems.push(
        `misconception ${m.id} has no review item: give it "review": { "question": { "en", "zh" }, "answer": { "en", "zh" } } (the card a learner reviews after the grader names it)`,
      );
      continue;
    }
    const limits: [string, Localized, number][] = [
      ["question", m.review.question, REVIEW_QUESTION_MAX_CHARS],
      ["answer", m.review.answer, REVIEW_ANSWER_MAX_CHARS],
    ];
    for (const [part, text, max] of limits) {
      for (const lang of ["en", "zh"] as const) {
        const chars = length(text[lang]);
        if (chars > max) problems.push(`misconception ${m.id} review ${part} (${lang}) is ${chars} characters long; at most ${max}`);
      }
    }
  }
  return problems;
}
