// Request → response logic of the review API that is worth testing without a server: the route handlers in
// app/api/review/** only authenticate and call these with the database and the signed-in user.
import { z } from "zod";
import type { Db } from "@/lib/db";
import { REVIEW_IMPORT_MAX_BYTES as MAX_IMPORT_BYTES } from "@/lib/http/limits";
import type { Lang } from "@/lib/i18n";
import { getLogger } from "@/lib/observability/log";
import { reviewCsvColumns } from "@/lib/scheduling";
import { csvIssue } from "@/lib/scheduling/io/messages";
import { exportReviewCsv, importReviewCsv, MAX_IMPORT_ROWS, type ImportResult } from "./io";
import { reviewCatalog } from "./items";
import { MisconceptionItemNotActiveError, rateMisconceptionItem, reopenAfterUndo } from "./misconceptions";
import { ReviewConflictError, reviewItem, undoLastReview } from "./service";
import { loadSession } from "./session";

function tooLarge(): Response {
  const issue = csvIssue(0, "fileTooLarge", { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 });
  return Response.json({ error: issue.message, code: issue.code, params: issue.params }, { status: 413 });
}

/** The CSV text of an import request: a multipart form's "file" field, or the raw body (text/csv). */
async function csvText(request: Request): Promise<{ text: string } | { response: Response }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_BYTES) return { response: tooLarge() };
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return { response: Response.json({ error: "the form could not be read" }, { status: 400 }) };
    }
    const file = form.get("file");
    if (!(file instanceof Blob)) return { response: Response.json({ error: 'choose a CSV file (form field "file")' }, { status: 400 }) };
    if (file.size > MAX_IMPORT_BYTES) return { response: tooLarge() };
    return { text: await file.text() };
  }
  const text = await request.text();
  if (text.length > MAX_IMPORT_BYTES) return { response: tooLarge() };
  return { text };
}

/** `code` and `params` name the problem for a text in the learner's language (lib/scheduling/io/messages.ts). */
const csvIssueSchema = z.object({ line: z.number(), column: z.string().optional(), code: z.string().optional(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional(), message: z.string() });

export const importResponseSchema = z.union([
  /** `skipped`: rows left out with their lines (repeats of a row; a row contradicting a stored review). */
  z.object({ imported: z.number(), duplicates: z.number(), items: z.number(), skipped: z.array(csvIssueSchema) }),
  /** `code` and `params`: a file-level problem (too large, too many rows) for a text in the learner's language. */
  z.object({ error: z.string(), code: z.string().optional(), params: csvIssueSchema.shape.params, issues: z.array(csvIssueSchema).optional() }),
]);

/** A line of the progress stream (Accept: application/x-ndjson): progress while it runs, then the answer. */
export const importStreamLineSchema = z.union([
  z.object({ progress: z.object({ phase: z.enum(["checking", "importing"]), done: z.number(), total: z.number() }) }),
  z.object({ status: z.number(), body: importResponseSchema }),
]);

/** The status and JSON body an import's result is answered with. */
function importAnswer(result: ImportResult): { status: number; body: z.infer<typeof importResponseSchema> } {
  if (result.ok) return { status: 200, body: { imported: result.imported, duplicates: result.duplicates, items: result.items, skipped: result.skipped } };
  if ("tooManyRows" in result) {
    const issue = csvIssue(0, "tooManyRows", { rows: result.tooManyRows, max: MAX_IMPORT_ROWS });
    return { status: 413, body: { error: issue.message, code: issue.code, params: issue.params } };
  }
  const first = result.issues[0]!;
  return { status: 400, body: { error: `line ${first.line}: ${first.message}${result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : ""}`, issues: result.issues } };
}

/**
 * POST /api/review/import: 200 with counts, 400 with every problem and its line, 413 over the size or row cap.
 * With `Accept: application/x-ndjson` the answer is 200 at once and streams one JSON line per progress step,
 * then a last line { status, body } with what the plain request would have answered.
 */
export async function importReviewResponse(db: Db, userId: string, request: Request): Promise<Response> {
  const body = await csvText(request);
  if ("response" in body) return body.response;
  if (!body.text.trim()) return Response.json({ error: "the file is empty", issues: [csvIssue(1, "emptyFile", { columns: reviewCsvColumns.join(",") })] }, { status: 400 });
  const text = body.text;
  if (!(request.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    const answer = importAnswer(await importReviewCsv(db, userId, text));
    return Response.json(answer.body, { status: answer.status });
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // A reader that goes away (a closed tab) does not stop the import: it finishes, as the plain request would.
      const send = (line: z.infer<typeof importStreamLineSchema>) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          // the stream was cancelled
        }
      };
      void importReviewCsv(db, userId, text, { onProgress: (progress) => send({ progress }) })
        .then((result) => send(importAnswer(result)))
        .catch((error: unknown) => {
          getLogger().error({ err: error, userId }, "the review import failed part-way");
          send({ status: 500, body: { error: "the import failed part-way; importing the same file again completes it" } });
        })
        .finally(() => {
          try {
            controller.close();
          } catch {
            // already closed by the reader
          }
        });
    },
  });
  // no-transform: a compressing layer would otherwise hold the progress lines back until the end.
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store, no-transform" } });
}

/** GET /api/review/export.csv */
export async function exportReviewResponse(db: Db, userId: string, now = new Date()): Promise<Response> {
  return new Response(await exportReviewCsv(db, userId), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="lacuna-reviews-${now.toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}

/** Body of POST /api/review/rate. */
export const rateRequestSchema = z.object({
  /** A flashcard (the default) or one of the learner's active misconception items ("<slug>/<misconception id>"). */
  itemType: z.enum(["flashcard", "misconception"]).default("flashcard"),
  itemId: z.string().min(1).max(400),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)" }),
  /** The card's last review as shown (ISO), null for a card never reviewed: a stale screen cannot rate. */
  lastReview: z.iso.datetime().nullable(),
  durationMs: z.number().int().min(0).max(3_600_000).nullable().default(null),
  topic: z.string().min(1).nullable().default(null),
});

/** Body of POST /api/review/undo. */
export const undoRequestSchema = z.object({ topic: z.string().min(1).nullable().default(null) });

async function jsonBody(request: Request): Promise<{ value: unknown } | { response: Response }> {
  try {
    return { value: await request.json() };
  } catch {
    return { response: Response.json({ error: "the body must be JSON" }, { status: 400 }) };
  }
}

function zodError(error: z.ZodError): Response {
  return Response.json({ error: error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") }, { status: 400 });
}

/** POST /api/review/rate: store the rating, answer with the session's next card (409 + fresh session if stale). */
export async function rateResponse(db: Db, userId: string, lang: Lang, request: Request, now = new Date()): Promise<Response> {
  const body = await jsonBody(request);
  if ("response" in body) return body.response;
  const parsed = rateRequestSchema.safeParse(body.value);
  if (!parsed.success) return zodError(parsed.error);
  const input = parsed.data;
  const expectedLastReview = input.lastReview === null ? null : new Date(input.lastReview);
  if (input.itemType === "flashcard" && !reviewCatalog().flashcards.has(input.itemId)) return Response.json({ error: `no flashcard "${input.itemId}"` }, { status: 404 });
  try {
    if (input.itemType === "misconception") {
      await rateMisconceptionItem(db, { userId, itemId: input.itemId, rating: input.rating, now, durationMs: input.durationMs, expectedLastReview });
    } else {
      await reviewItem(db, {
        userId,
        item: { itemType: "flashcard", itemId: input.itemId },
        rating: input.rating,
        now,
        meta: { durationMs: input.durationMs, source: "review" },
        expectedLastReview,
      });
    }
  } catch (error) {
    if (error instanceof MisconceptionItemNotActiveError) return Response.json({ error: error.message }, { status: 404 });
    if (error instanceof ReviewConflictError) {
      return Response.json({ error: error.message, session: await loadSession(db, userId, { lang, focusTopic: input.topic, now }) }, { status: 409 });
    }
    throw error;
  }
  return Response.json({ session: await loadSession(db, userId, { lang, focusTopic: input.topic, now }) });
}

/** POST /api/review/undo: take back the latest session rating and show that card again. */
export async function undoResponse(db: Db, userId: string, lang: Lang, request: Request, now = new Date()): Promise<Response> {
  const body = await jsonBody(request);
  if ("response" in body) return body.response;
  const parsed = undoRequestSchema.safeParse(body.value ?? {});
  if (!parsed.success) return zodError(parsed.error);
  // Refused, the answer carries the session as it is now, whose Undo is then off.
  const refused = async (error: string) =>
    Response.json({ error, session: await loadSession(db, userId, { lang, focusTopic: parsed.data.topic, now }) }, { status: 409 });
  let undone;
  try {
    undone = await undoLastReview(db, userId);
  } catch (error) {
    if (error instanceof ReviewConflictError) return refused(error.message);
    throw error;
  }
  if (!undone) return refused("there is no rating to undo");
  // The rating may have retired a misconception item: undone, the item is back in the queue.
  await reopenAfterUndo(db, userId, undone.item, undone.log.id);
  const session = await loadSession(db, userId, { lang, focusTopic: parsed.data.topic, now, showFirst: undone.item });
  return Response.json({ undone: undone.item, session });
}
