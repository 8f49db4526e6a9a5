// Framework-free request/response helpers shared by the submission routes: every outcome is an ApiResult
// (status, JSON body, headers) that a route handler turns into a Response and a test asserts directly.
import { z } from "zod";
import { readBodyCapped } from "@/lib/http/limits";
import { BODY_MAX_BYTES, SOURCE_MAX_BYTES } from "./config";

export interface ApiResult<T = unknown> {
  status: number;
  body: T | ApiError;
  headers?: Record<string, string>;
}

export interface ApiError {
  error: string;
  /** Machine-readable reason for the UI to translate: "invalid", "too-large", "unknown-exercise", … */
  code: string;
  issues?: { path: string; message: string }[];
}

export function ok<T>(body: T, status = 200, headers?: Record<string, string>): ApiResult<T> {
  return { status, body, headers };
}

export function fail(status: number, code: string, error: string, extra: Partial<ApiError> = {}, headers?: Record<string, string>): ApiResult<never> {
  return { status, body: { error, code, ...extra }, headers };
}

/** 400 with every zod issue as "path: message", the same text in `error` and per issue. */
export function invalid(error: z.ZodError): ApiResult<never> {
  const issues = error.issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message }));
  return fail(400, "invalid", `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, { issues });
}

export function parseWith<T extends z.ZodType>(schema: T, raw: unknown): { ok: true; data: z.output<T> } | { ok: false; result: ApiResult<never> } {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, result: invalid(parsed.error) };
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** 413 when a source file is over the grader's limit, with both sizes in the message. */
export function sourceTooLarge(source: string): ApiResult<never> | null {
  const bytes = byteLength(source);
  if (bytes <= SOURCE_MAX_BYTES) return null;
  return fail(413, "too-large", `The source is ${bytes} bytes; the limit is ${SOURCE_MAX_BYTES} bytes (64 KB). Shorten the file and try again.`);
}

/** The body as UTF-8 text, or null as soon as it passes `limit` bytes (a chunked upload is never buffered whole). */
async function readCapped(request: Request, limit: number): Promise<string | null> {
  const bytes = await readBodyCapped(request, limit);
  return bytes === null ? null : bytes.toString("utf8");
}

/** The request's JSON body, or a 400/413 result; reads at most BODY_MAX_BYTES. */
export async function readJsonBody(request: Request): Promise<{ ok: true; data: unknown } | { ok: false; result: ApiResult<never> }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > BODY_MAX_BYTES) return { ok: false, result: fail(413, "too-large", `The request body is ${declared} bytes; the limit is ${BODY_MAX_BYTES} bytes.`) };
  let text: string;
  try {
    const read = await readCapped(request, BODY_MAX_BYTES);
    if (read === null) return { ok: false, result: fail(413, "too-large", `The request body is over the limit of ${BODY_MAX_BYTES} bytes.`) };
    text = read;
  } catch {
    return { ok: false, result: fail(400, "invalid", "The request body could not be read.") };
  }
  if (!text.trim()) return { ok: false, result: fail(400, "invalid", "The request body is empty; send JSON.") };
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (error) {
    return { ok: false, result: fail(400, "invalid", `The request body is not valid JSON: ${(error as Error).message}`) };
  }
}

/** The longest a request may ask the server to hold its answer with `Prefer: wait=N` (seconds). */
export const MAX_PREFER_WAIT_S = 5;

/**
 * The `wait` preference of a Prefer header (RFC 7240 §4.3: "Prefer: wait=2", delta-seconds, among other
 * comma-separated preferences), capped at MAX_PREFER_WAIT_S; 0 when absent or malformed (a preference the
 * server does not understand is ignored, as the RFC says, never refused).
 */
export function preferredWaitSeconds(prefer: string | null): number {
  if (!prefer) return 0;
  for (const preference of prefer.split(",")) {
    const [name, rawValue] = (preference.split(";")[0] ?? "").split("=", 2).map((part) => part.trim());
    if (name?.toLowerCase() !== "wait" || rawValue === undefined) continue;
    const value = rawValue.replace(/^"(.*)"$/, "$1");
    if (!/^\d{1,6}$/.test(value)) return 0;
    return Math.min(Number(value), MAX_PREFER_WAIT_S);
  }
  return 0;
}

/**
 * The result as a JSON response, never cached, and never compressed on the way (`no-transform`: Next's gzip
 * skips it): these answers are a few KB at most (a graded submission with its report), and gzipping them took
 * ~5% of the web server's CPU in bench:web's profile (Submit → result through the app).
 */
export function toResponse(result: ApiResult): Response {
  return Response.json(result.body, { status: result.status, headers: { "cache-control": "no-store, no-transform", ...result.headers } });
}
