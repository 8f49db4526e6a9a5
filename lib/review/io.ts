// Import and export of review history (the FSRS optimizer's CSV) and of the flashcards (Anki TSV).
//
// Export writes `card_id` as the item key ("flashcard:<id>", "exercise:<slug>"), so a file exported from one
// account imports into any other. Import validates the whole file first (every problem with its line), then
// merges the rows into each item's history and replays it through the scheduler, so the memory state is what
// FSRS computes from the full history. Importing the same file twice adds nothing: a row at the same instant as
// a stored review of the same item is a duplicate.
import { loadFlashcards, renderCard, type Flashcard } from "@/exercises/flashcards";
import type { Db } from "@/lib/db";
import { flashcardsToAnkiTsv, itemKey, parseReviewLogCsv, reviewLogsToCsv, type CsvIssue, type ItemRef } from "@/lib/scheduling";
import { itemFromCardId } from "./items";
import { rewriteItemHistory, type HistoryEntry } from "./service";
import { loadSettings, logFromRow } from "./store";

/** The learner's kept reviews as the optimizer's CSV. */
export async function exportReviewCsv(db: Db, userId: string): Promise<string> {
  const rows = await db.srsReviewLog.findMany({ where: { userId, undone: false }, orderBy: { review: "asc" } });
  return reviewLogsToCsv(rows.map((r) => ({ ...logFromRow(r), cardId: itemKey(logFromRow(r)) })));
}

export type ImportResult =
  | { ok: true; imported: number; duplicates: number; items: number }
  | { ok: false; issues: CsvIssue[] };

/** Validate and merge a review-log CSV into the learner's history. Nothing is written unless the whole file is valid. */
export async function importReviewCsv(db: Db, userId: string, text: string): Promise<ImportResult> {
  const parsed = parseReviewLogCsv(text);
  if (!parsed.ok) return parsed;
  if (parsed.rows.length === 0) return { ok: false, issues: [{ line: 2, message: "the file has a header but no reviews" }] };
  const issues: CsvIssue[] = [];
  const byItem = new Map<string, { item: ItemRef; rows: typeof parsed.rows }>();
  for (const row of parsed.rows) {
    const item = itemFromCardId(row.cardId);
    if (!item) {
      issues.push({ line: row.line, column: "card_id", message: `card_id "${row.cardId}" is not a Lacuna item (expected flashcard:<card id> or exercise:<slug>, as exported)` });
      continue;
    }
    const key = itemKey(item);
    const group = byItem.get(key) ?? { item, rows: [] };
    group.rows.push(row);
    byItem.set(key, group);
  }
  if (issues.length > 0) return { ok: false, issues };

  let imported = 0;
  let duplicates = 0;
  await db.$transaction(
    async (tx) => {
      const settings = (await loadSettings(tx, userId)).scheduler;
      for (const { item, rows } of byItem.values()) {
        const stored = await tx.srsReviewLog.findMany({ where: { userId, itemType: item.itemType, itemId: item.itemId, undone: false }, select: { review: true } });
        const seen = new Set(stored.map((s) => s.review.getTime()));
        const additions: HistoryEntry[] = [];
        for (const row of rows) {
          if (seen.has(row.reviewTime.getTime())) {
            duplicates += 1;
            continue;
          }
          seen.add(row.reviewTime.getTime());
          additions.push({ rating: row.rating, review: row.reviewTime, durationMs: row.durationMs, source: "import", score: null, submissionId: null });
        }
        if (additions.length === 0) continue;
        await rewriteItemHistory(tx, userId, item, additions, settings);
        imported += additions.length;
      }
    },
    { timeout: 60_000 },
  );
  return { ok: true, imported, duplicates, items: byItem.size };
}

/** Every flashcard as a TSV Anki imports (front, back, tags), zh above en on each side. */
export function flashcardsTsv(): string {
  return flashcardsToAnkiTsv(
    loadFlashcards().map((card) => {
      const zh = ankiFaces(card, "zh");
      const en = ankiFaces(card, "en");
      return { id: card.id, front: { zh: zh.front, en: en.front }, back: { zh: zh.back, en: en.back }, topics: [...card.topics] };
    }),
  );
}

/**
 * A card as a Basic note's two sides: qa cards as written; cloze cards (Anki's Basic type has no deletions) ask
 * the hidden version and answer with the revealed one. The explanation, when there is one, follows the answer.
 */
function ankiFaces(card: Flashcard, lang: "zh" | "en"): { front: string; back: string } {
  const faces = renderCard(card, lang);
  return { front: faces.question, back: faces.extra ? `${faces.answer}\n\n${faces.extra}` : faces.answer };
}
