// POST /api/syntax-check, framework-free: the compile errors the grader would report for a source (esbuild's parse
// errors with line:column, an import, a missing function), found in the web server itself by the grader's own
// transpile step. esbuild takes about a millisecond for an exercise-sized file and needs neither the grading daemon
// nor the TypeScript checker, so the editor shows a syntax error as the learner types, before any type check.
import { z } from "zod";
import { findExercise } from "../../exercises/catalog";
import { transpileSubmission } from "../../grader/transpile";
import { SOURCE_MAX_BYTES } from "./config";
import { fail, ok, parseWith, sourceTooLarge, type ApiResult } from "./http";
import { typeCheckSchema } from "./service";

export const syntaxCheckSchema = typeCheckSchema.extend({
  /** Language of the messages: the grader's own (an import, a missing function) and esbuild's commonest parse errors (grader/messages.ts parseError). */
  lang: z.enum(["en", "zh"], { error: 'must be "en" or "zh"' }).default("en"),
});

export interface SyntaxError {
  message: string;
  /** 1-based, columns in UTF-16 code units as editors count; null when the error has no place in the file. */
  line: number | null;
  column: number | null;
}

export interface SyntaxCheckAnswer {
  errors: SyntaxError[];
}

export async function syntaxCheck(raw: unknown): Promise<ApiResult<SyntaxCheckAnswer>> {
  const parsed = parseWith(syntaxCheckSchema, raw);
  if (!parsed.ok) return parsed.result;
  const { slug, source, lang } = parsed.data;
  const entry = findExercise(slug);
  if (!entry) return fail(404, "unknown-exercise", `There is no exercise "${slug}".`);
  const tooLarge = sourceTooLarge(source);
  if (tooLarge) return tooLarge;
  const compiled = await transpileSubmission({ source, functionName: entry.meta.functionName, params: entry.meta.params, lang, maxSourceBytes: SOURCE_MAX_BYTES });
  if (compiled.ok) return ok({ errors: [] });
  return ok({ errors: compiled.errors.map((e) => ({ message: e.message, line: e.location?.line ?? null, column: e.location?.column ?? null })) });
}
