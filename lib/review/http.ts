// Request → response logic of the review API that is worth testing without a server: the route handlers in
// app/api/review/** only authenticate and call these with the database and the signed-in user.
import { z } from "zod";
import type { Db } from "@/lib/db";
import { exportReviewCsv, importReviewCsv } from "./io";

/** Larger uploads are refused before parsing (≈ 100,000 reviews; a learner's full history is far smaller). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

function tooLarge(): Response {
  return Response.json({ error: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }, { status: 413 });
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

export const importResponseSchema = z.union([
  z.object({ imported: z.number(), duplicates: z.number(), items: z.number() }),
  z.object({ error: z.string(), issues: z.array(z.object({ line: z.number(), column: z.string().optional(), message: z.string() })).optional() }),
]);

/** POST /api/review/import: 200 with counts, or 400 with every problem and its line. */
export async function importReviewResponse(db: Db, userId: string, request: Request): Promise<Response> {
  const body = await csvText(request);
  if ("response" in body) return body.response;
  if (!body.text.trim()) return Response.json({ error: "the file is empty", issues: [{ line: 1, message: "the file is empty; expected the header card_id,review_time,review_rating,review_state,review_duration" }] }, { status: 400 });
  const result = await importReviewCsv(db, userId, body.text);
  if (!result.ok) {
    const first = result.issues[0]!;
    return Response.json({ error: `line ${first.line}: ${first.message}${result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : ""}`, issues: result.issues }, { status: 400 });
  }
  return Response.json({ imported: result.imported, duplicates: result.duplicates, items: result.items });
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
