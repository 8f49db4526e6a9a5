// The browser's side of the submission API (lib/grading/service.ts): requests and zod-checked responses.
// Every failure becomes an ApiFailure with the server's message (already specific: zod issue, size limit,
// rate limit with Retry-After) so the page can show it as is.
import "@/lib/zod-jitless";
import { z } from "zod";
import { gradeReportSchema } from "@/grader/report";

export const submissionStatusSchema = z.enum(["queued", "running", "graded", "error"]);
export type SubmissionStatus = z.infer<typeof submissionStatusSchema>;
export const submissionKindSchema = z.enum(["run", "submit"]);
export type SubmissionKind = z.infer<typeof submissionKindSchema>;

export const submissionViewSchema = z.object({
  id: z.string(),
  slug: z.string(),
  kind: submissionKindSchema,
  status: submissionStatusSchema,
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  report: gradeReportSchema.nullable(),
  error: z.string().nullable(),
  source: z.string(),
  createdAt: z.string(),
});
export type SubmissionView = z.infer<typeof submissionViewSchema>;

export const historyEntrySchema = z.object({
  id: z.string(),
  kind: submissionKindSchema,
  status: submissionStatusSchema,
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  createdAt: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const createdSchema = z.object({ id: z.string(), status: submissionStatusSchema });
const historySchema = z.object({ submissions: z.array(historyEntrySchema) });
const typeCheckSchema = z.object({
  warnings: z.array(z.object({ line: z.number(), column: z.number(), message: z.string() })),
  notice: z.enum(["too-slow", "too-complex", "busy"]).nullable().default(null),
});
const errorBodySchema = z.object({ error: z.string(), code: z.string().optional() });

export type EditorWarning = z.infer<typeof typeCheckSchema>["warnings"][number];

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    /** Seconds from a Retry-After header (429, 503). */
    readonly retryAfter: number | null,
  ) {
    super(message);
    this.name = "ApiFailure";
  }
}

async function request<T extends z.ZodType>(schema: T, url: string, init?: RequestInit): Promise<z.output<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers }, cache: "no-store" });
  } catch (error) {
    throw new ApiFailure((error as Error).message, 0, "network", null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    const retry = Number(response.headers.get("retry-after"));
    throw new ApiFailure(
      parsed.success ? parsed.data.error : `HTTP ${response.status}`,
      response.status,
      parsed.success ? (parsed.data.code ?? null) : null,
      Number.isFinite(retry) && retry > 0 ? retry : null,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiFailure(`Unexpected answer from ${url}: ${parsed.error.issues[0]?.message ?? "invalid"}`, response.status, "unexpected", null);
  return parsed.data;
}

/**
 * How long POST /api/submissions may hold its answer for the grade (`Prefer: wait`, RFC 7240, whole seconds): a
 * grade that lands in time comes with the answer, and no event stream is opened for it.
 */
export const SUBMIT_WAIT_SECONDS = 2;

/** A stored submission and, when it was graded within SUBMIT_WAIT_SECONDS, its result (else follow it: watchSubmission). */
export async function createSubmission(input: { slug: string; source: string; kind: SubmissionKind; hintsUsed: number; lang: "en" | "zh" }): Promise<{ id: string; status: SubmissionStatus; finished: SubmissionView | null }> {
  const answer = await request(z.union([submissionViewSchema, createdSchema]), "/api/submissions", {
    method: "POST",
    headers: { prefer: `wait=${SUBMIT_WAIT_SECONDS}` },
    body: JSON.stringify(input),
  });
  const finished = "report" in answer && (answer.status === "graded" || answer.status === "error") ? answer : null;
  return { id: answer.id, status: answer.status, finished };
}

export function fetchSubmission(id: string): Promise<SubmissionView> {
  return request(submissionViewSchema, `/api/submissions/${encodeURIComponent(id)}`);
}

export async function fetchHistory(slug: string): Promise<HistoryEntry[]> {
  return (await request(historySchema, `/api/submissions?slug=${encodeURIComponent(slug)}&limit=50`)).submissions;
}

export function saveDraft(slug: string, draft: { source: string; hintsRevealed: number }, keepalive = false) {
  return request(z.object({ saved: z.boolean() }), `/api/drafts/${encodeURIComponent(slug)}`, {
    method: "PUT",
    body: JSON.stringify(draft),
    keepalive,
  });
}

const guestRunSchema = z.object({ report: gradeReportSchema });

/** A signed-out visitor's "Run visible cases": graded at once, stored nowhere (POST /api/guest/run). */
export async function guestRun(input: { slug: string; source: string; lang: "en" | "zh" }) {
  return (await request(guestRunSchema, "/api/guest/run", { method: "POST", body: JSON.stringify(input) })).report;
}

const syntaxCheckSchema = z.object({
  errors: z.array(z.object({ line: z.number().nullable(), column: z.number().nullable(), message: z.string() })),
});
export type SyntaxProblem = z.infer<typeof syntaxCheckSchema>["errors"][number];

/** The compile errors the grader would report (parse errors with line:column), from the web server at once. */
export async function syntaxCheck(slug: string, source: string, lang: "en" | "zh", signal: AbortSignal): Promise<SyntaxProblem[]> {
  return (await request(syntaxCheckSchema, "/api/syntax-check", { method: "POST", body: JSON.stringify({ slug, source, lang }), signal })).errors;
}

export type TypeCheckNotice = NonNullable<z.infer<typeof typeCheckSchema>["notice"]>;

/** The warnings, or a notice when the check was skipped (too slow, too complex, too many waiting). */
export async function typeCheck(slug: string, source: string, signal: AbortSignal): Promise<z.infer<typeof typeCheckSchema>> {
  return request(typeCheckSchema, "/api/typecheck", { method: "POST", body: JSON.stringify({ slug, source }), signal });
}

const statusEventSchema = z.object({ id: z.string(), status: submissionStatusSchema });

/**
 * Follows a submission until it is graded: server-sent events (status changes, then the result), falling back
 * to polling GET /api/submissions/[id] if the stream fails or times out. Returns a function that stops it.
 */
export function watchSubmission(
  id: string,
  onStatus: (status: SubmissionStatus) => void,
  onResult: (submission: SubmissionView) => void,
  onFailure: (error: ApiFailure) => void,
): () => void {
  let stopped = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  const source = new EventSource(`/api/submissions/${encodeURIComponent(id)}/events`);

  const poll = async () => {
    if (stopped) return;
    try {
      const submission = await fetchSubmission(id);
      if (stopped) return;
      onStatus(submission.status);
      if (submission.status === "graded" || submission.status === "error") {
        stopped = true;
        onResult(submission);
        return;
      }
    } catch (error) {
      if (error instanceof ApiFailure && error.status >= 400 && error.status < 500) {
        stopped = true;
        onFailure(error);
        return;
      }
    }
    pollTimer = setTimeout(poll, 1000);
  };
  const fallBackToPolling = () => {
    source.close();
    if (!stopped && pollTimer === undefined) void poll();
  };

  source.addEventListener("status", (event) => {
    const parsed = statusEventSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
    if (parsed.success && !stopped) onStatus(parsed.data.status);
  });
  source.addEventListener("result", (event) => {
    source.close();
    const parsed = submissionViewSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
    if (stopped) return;
    if (parsed.success) {
      stopped = true;
      onResult(parsed.data);
    } else fallBackToPolling();
  });
  source.addEventListener("timeout", fallBackToPolling);
  // A network error, or the server's own "error" event: either way, ask the plain endpoint.
  source.addEventListener("error", fallBackToPolling);

  return () => {
    stopped = true;
    source.close();
    if (pollTimer !== undefined) clearTimeout(pollTimer);
  };
}
