// The visible cases of an exercise as the exercise page lists them (name, note, inputs, expected output), read
// from the grading daemon's visible-case report of the starter code: the daemon owns the exercises' case
// generators and TensorFlow.js references (the web server loads neither), and every field comes out formatted
// exactly as the results panel shows it after a run. The seed is fixed, so a web process asks once per exercise
// and language and keeps the answer.
import type { ExerciseEntry } from "@/exercises/catalog";
import type { Lang } from "@/exercises/schema";
import { gradeVisibleViaDaemon, type VisibleGradeAnswer } from "./grading/client";

export interface VisibleCase {
  name: string;
  /** What the case is there to teach, in the page's language. */
  note: string | null;
  inputs: string;
  expected: string;
}

type Grade = (request: { slug: string; source: string; lang: Lang }) => Promise<VisibleGradeAnswer>;

const cache = new Map<string, Promise<VisibleCase[] | null>>();

/** How long the page waits for the daemon before it lists no cases (the statement is never held up: Suspense). */
const PREVIEW_TIMEOUT_MS = 10_000;

/** The exercise's visible cases, or null when the grading daemon cannot say right now (asked again next time). */
export function visibleCases(entry: ExerciseEntry, lang: Lang, grade: Grade = (request) => gradeVisibleViaDaemon(request, undefined, PREVIEW_TIMEOUT_MS)): Promise<VisibleCase[] | null> {
  const key = `${entry.meta.slug}\0${lang}`;
  let cases = cache.get(key);
  if (!cases) {
    cases = grade({ slug: entry.meta.slug, source: entry.starter, lang }).then((answer) => {
      const listed = answer.ok
        ? answer.report.cases.flatMap((c) => (c.visible && c.inputs !== null && c.expected !== null ? [{ name: c.name, note: c.note, inputs: c.inputs, expected: c.expected }] : []))
        : [];
      if (listed.length === 0) {
        cache.delete(key);
        return null;
      }
      return listed;
    });
    cache.set(key, cases);
  }
  return cases;
}
