// GET /api/review/flashcards.tsv: every flashcard as a TSV Anki imports (File → Import; Basic notes: front,
// back, tags), zh above en on each side.
import { apiUser } from "@/lib/auth";
import { flashcardsTsv } from "@/lib/review/io";

export async function GET(): Promise<Response> {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  return new Response(flashcardsTsv(), {
    headers: { "content-type": "text/tab-separated-values; charset=utf-8", "content-disposition": 'attachment; filename="lacuna-flashcards.tsv"' },
  });
}
