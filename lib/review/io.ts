// Import and export of review history (the FSRS optimizer's CSV) and of the flashcards (Anki TSV).
//
// Export writes `card_id` as the item key ("flashcard:<id>", "exercise:<slug>"), so a file exported from one
// account imports into any other. Import validates the whole file first (every problem with its line), then
// merges the rows into each item's history and replays it through the scheduler, so the memory state is what
// FSRS computes from the full history. Importing the same file twice adds nothing: a row at the same instant as
// a stored review of the same item is a duplicate. Large files are processed in time slices, one item per
// transaction (importReviewCsv), so one learner's import does not stall everyone else's requests.
import { loadFlashcards, renderCard, type Flashcard } from "@/exercises/flashcards";
import type { Db } from "@/lib/db";
import { flashcardsToAnkiTsv, itemKey, parseReviewLogCsvInSlices, reviewLogsToCsv, type CsvIssue, type ItemRef, type ReviewCsvRow, type SchedulerSettings } from "@/lib/scheduling";
import { timeSlicer } from "@/lib/time-slice";
import { itemFromCardId } from "./items";
import { historyOf, replayHistory, ReviewConflictError, storeReplayedHistory, type HistoryEntry } from "./service";
import { loadSettings, logFromRow } from "./store";

/** The learner's kept reviews as the optimizer's CSV. */
export async function exportReviewCsv(db: Db, userId: string): Promise<string> {
  const rows = await db.srsReviewLog.findMany({ where: { userId, undone: false }, orderBy: { review: "asc" } });
  return reviewLogsToCsv(rows.map((r) => ({ ...logFromRow(r), cardId: itemKey(logFromRow(r)) })));
}

export type ImportResult =
  | { ok: true; imported: number; duplicates: number; items: number }
  | { ok: false; issues: CsvIssue[] }
  | { ok: false; tooManyRows: number };

/** At most this many reviews per import (a decade of daily study is far fewer); larger files are split. */
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportProgress {
  phase: "checking" | "importing";
  /** Rows checked, or reviews stored, so far. */
  done: number;
  total: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Awaited between steps of the work; the default hands the event loop back every few milliseconds. */
  pause?: () => Promise<void>;
}

// Upper bound on the rows of a file, from its line breaks, so an oversized file is refused before any parsing.
function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines += 1;
  return text.endsWith("\n") ? lines : lines + 1;
}

/** How often progress is reported: about a hundred times per file. */
function progressStep(total: number): number {
  return Math.max(1, Math.ceil(total / 100));
}

/**
 * Validate and merge a review-log CSV into the learner's history. Nothing is written unless the whole file is
 * valid. The work runs in slices (see `pause`) and each item is written in its own short transaction, so a large
 * import never holds the event loop or the database from other learners for long. An import that stops half-way
 * (a crash, a stop) can simply be repeated: the reviews already stored count as duplicates.
 */
export async function importReviewCsv(db: Db, userId: string, text: string, options: ImportOptions = {}): Promise<ImportResult> {
  const pause = options.pause ?? timeSlicer();
  const report = options.onProgress ?? (() => undefined);
  const lines = countLines(text.trim()) - 1;
  if (lines > MAX_IMPORT_ROWS) return { ok: false, tooManyRows: lines };

  let checked = 0;
  const checkStep = progressStep(lines);
  const parsed = await parseReviewLogCsvInSlices(text, async () => {
    checked += 1;
    if (checked % checkStep === 0) report({ phase: "checking", done: checked, total: lines });
    await pause();
  });
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

  const total = parsed.rows.length;
  let done = 0;
  let imported = 0;
  let duplicates = 0;
  report({ phase: "importing", done, total });
  const settings = (await loadSettings(db, userId)).scheduler;
  for (const { item, rows } of byItem.values()) {
    const outcome = await importItemRows(db, userId, item, rows, settings, pause);
    imported += outcome.imported;
    duplicates += outcome.duplicates;
    done += rows.length;
    report({ phase: "importing", done, total });
  }
  return { ok: true, imported, duplicates, items: byItem.size };
}

const ITEM_ATTEMPTS = 5;

/**
 * One item's rows: read its history, replay it with the new reviews outside any transaction (it may be long),
 * then store it in one short transaction that first checks the card is still the one read. A review of the
 * same card that lands meanwhile makes the item start over with it included.
 */
async function importItemRows(db: Db, userId: string, item: ItemRef, rows: readonly ReviewCsvRow[], settings: SchedulerSettings, pause: () => Promise<void>): Promise<{ imported: number; duplicates: number }> {
  for (let attempt = 1; ; attempt++) {
    const row = await db.srsCard.findUnique({ where: { userId_itemType_itemId: { userId, itemType: item.itemType, itemId: item.itemId } } });
    const kept = row ? (await db.srsReviewLog.findMany({ where: { cardId: row.id, undone: false } })).map(logFromRow) : [];
    const seen = new Set(kept.map((log) => log.review.getTime()));
    const additions: HistoryEntry[] = [];
    let duplicates = 0;
    for (const csvRow of rows) {
      if (seen.has(csvRow.reviewTime.getTime())) {
        duplicates += 1;
        continue;
      }
      seen.add(csvRow.reviewTime.getTime());
      additions.push({ rating: csvRow.rating, review: csvRow.reviewTime, durationMs: csvRow.durationMs, source: "import", score: null, submissionId: null });
    }
    if (additions.length === 0) return { imported: 0, duplicates };
    const replayed = await replayHistory(userId, item, [...kept.map(historyOf), ...additions], settings, pause);
    try {
      await db.$transaction((tx) => storeReplayedHistory(tx, userId, item, row, replayed, true), { maxWait: 15_000, timeout: 30_000 });
      return { imported: additions.length, duplicates };
    } catch (error) {
      if (!(error instanceof ReviewConflictError) || attempt >= ITEM_ATTEMPTS) throw error;
    }
  }
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
