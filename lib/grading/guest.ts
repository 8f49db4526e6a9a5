// What a signed-out visitor may do with the grader, framework-free (a request body, a client address and the
// throttle in, an ApiResult out) so tests call it directly and assert the status codes the routes send:
// - POST /api/guest/run: the exercise's visible cases, graded at once by the daemon and stored nowhere;
// - POST /api/typecheck without a session: the editor's live type check.
// Both are counted per client address (lib/guest-throttle.ts). A bad request is refused before it is counted.
import { z } from "zod";
import { findExercise } from "../../exercises/catalog";
import type { GradeReport } from "../../grader/report";
import type { GuestThrottle } from "../guest-throttle";
import type { VisibleGradeAnswer } from "./client";
import { fail, ok, parseWith, sourceTooLarge, type ApiResult } from "./http";
import { typeCheck, typeCheckSchema, type TypeCheckAnswer, type TypeChecker } from "./service";

export const guestRunSchema = typeCheckSchema.extend({
  /** Language of the report's messages and case notes. */
  lang: z.enum(["en", "zh"], { error: 'must be "en" or "zh"' }).default("en"),
});
export type GuestRunInput = z.input<typeof guestRunSchema>;

export type VisibleGrader = (request: z.output<typeof guestRunSchema>) => Promise<VisibleGradeAnswer>;

/** Validation shared by both guest routes: 400 (zod), 404 (no such exercise), 413 (source over 64 KB). */
function checkGuestRequest<T extends z.ZodType<{ slug: string; source: string }>>(schema: T, raw: unknown): { ok: true; data: z.output<T> } | { ok: false; result: ApiResult<never> } {
  const parsed = parseWith(schema, raw);
  if (!parsed.ok) return parsed;
  const { slug, source } = parsed.data as { slug: string; source: string };
  if (!findExercise(slug)) return { ok: false, result: fail(404, "unknown-exercise", `There is no exercise "${slug}".`) };
  const tooLarge = sourceTooLarge(source);
  if (tooLarge) return { ok: false, result: tooLarge };
  return parsed;
}

function rateLimited(what: string, limit: number, windowSeconds: number, retryAfter: number): ApiResult<never> {
  return fail(
    429,
    "rate-limited",
    `Too many ${what} from this address: at most ${limit} every ${windowSeconds} seconds without an account. Try again in ${retryAfter} s, or sign in.`,
    {},
    { "retry-after": String(retryAfter) },
  );
}

export async function guestRun(raw: unknown, address: string, deps: { throttle: GuestThrottle; grade: VisibleGrader }): Promise<ApiResult<{ report: GradeReport }>> {
  const checked = checkGuestRequest(guestRunSchema, raw);
  if (!checked.ok) return checked.result;
  const wait = await deps.throttle.take("run", address);
  if (wait !== null) return rateLimited("runs", deps.throttle.limits.runs, deps.throttle.limits.windowSeconds, wait);
  const answer = await deps.grade(checked.data);
  if (answer.ok) return ok({ report: answer.report });
  switch (answer.reason) {
    case "unreachable":
      return fail(503, "grader-unavailable", `The grading service is not reachable (${answer.detail}); try again in a few seconds.`, {}, { "retry-after": "5" });
    case "busy":
      return fail(503, "grader-busy", "The grading service is busy with other runs; try again in a few seconds.", {}, { "retry-after": "5" });
    case "failed":
      return fail(502, "grade-failed", `The run could not be graded: ${answer.detail}`);
  }
}

export async function guestTypeCheck(raw: unknown, address: string, deps: { throttle: GuestThrottle; check: TypeChecker }): Promise<ApiResult<TypeCheckAnswer>> {
  const checked = checkGuestRequest(typeCheckSchema, raw);
  if (!checked.ok) return checked.result;
  const wait = await deps.throttle.take("typecheck", address);
  if (wait !== null) return rateLimited("type checks", deps.throttle.limits.typeChecks, deps.throttle.limits.windowSeconds, wait);
  return typeCheck(checked.data, deps.check);
}
