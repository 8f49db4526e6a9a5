// Import and export of review history (the FSRS optimizer's CSV) and of the flashcards (Anki TSV).
//
// Export writes `card_id` as the item key ("flashcard:<id>", "exercise:<slug>"), so a file exported from one
// account imports into any other. Import validates the whole file first (every problem with its line; a review
// time more than a few minutes in the future is one), then merges the rows into each item's history and
// replays it through the scheduler, so the memory state is what FSRS computes from the full history; a
// review_state 0 row after other reviews starts the card over (a reset).
// Imported rows are stored with source "import": history for the scheduler, never work done for a cohort (the
// gradebook counts only reviews made in Lacuna, lib/cohorts/gradebook/load.ts).
// Importing the same file twice adds nothing: a row at the same instant as a stored review of the same item is a
// duplicate (one with another rating is left out and reported with its line, as are rows the file repeats). Large files are processed in time slices, one item per
// transaction (importReviewCsv), so one learner's import does not stall everyone else's requests.
import { loadFlashcards } from "@/exercises/flashcards";
import type { Db } from "@/lib/db";
import { flashcardsToAnkiTsv, itemKey, parseReviewLogCsvInSlices, resetsIn, reviewLogsToCsv, type CsvIssue, type ItemRef, type ReviewCsvRow, type SchedulerSettings } from "@/lib/scheduling";
import { csvIssue } from "@/lib/scheduling/io/messages";
import { timeSlicer } from "@/lib/time-slice";
import { flashcardFaces, flashcardItems, itemFromCardId } from "./items";
import { historyOf, replayHistory, ReviewConflictError, storeReplayedHistory, type HistoryEntry } from "./service";
import { loadSettings, logFromRow } from "./store";

/** The learner's kept reviews as the optimizer's CSV. */
export async function exportReviewCsv(db: Db, userId: string): Promise<string> {
  const rows = await db.srsReviewLog.findMany({ where: { userId, undone: false }, orderBy: { review: "asc" } });
  return reviewLogsToCsv(rows.map((r) => ({ ...logFromRow(r), cardId: itemKey(logFromRow(r)) })));
}

export type ImportResult =
  /** `skipped`: rows left out, with their lines (a repeated row; a row contradicting a stored review). */
  | { ok: true; imported: number; duplicates: number; items: number; skipped: CsvIssue[] }
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
  /** The time the import runs at (rows later than this plus FUTURE_REVIEW_SKEW_MS are refused); default now. */
  now?: Date;
}

/**
 * How far past the server's clock a review time may lie (the learner's device clock may run a little fast).
 * A review later than that has not happened: it would move the card's schedule and its history to a time that
 * has not come, so the row is refused with its line like any other bad cell.
 */
export const FUTURE_REVIEW_SKEW_MS = 5 * 60_000;

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
  if (parsed.rows.length === 0) return { ok: false, issues: [csvIssue(2, "noReviews")] };
  const issues: CsvIssue[] = [];
  const byItem = new Map<string, { item: ItemRef; rows: typeof parsed.rows }>();
  const latest = (options.now ?? new Date()).getTime() + FUTURE_REVIEW_SKEW_MS;
  for (const row of parsed.rows) {
    if (row.reviewTime.getTime() > latest) {
      const when = `${row.reviewTime.getTime()} (${row.reviewTime.toISOString()})`;
      issues.push(csvIssue(row.line, "futureTime", { when, now: new Date(latest - FUTURE_REVIEW_SKEW_MS).toISOString() }, "review_time"));
      continue;
    }
    const item = itemFromCardId(row.cardId);
    if (!item) {
      issues.push(csvIssue(row.line, "notLacunaItem", { cardId: row.cardId }, "card_id"));
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
  // A row repeated in the file is a duplicate as much as a row already stored.
  let duplicates = parsed.skipped.length;
  const skipped = [...parsed.skipped];
  report({ phase: "importing", done, total });
  const settings = (await loadSettings(db, userId)).scheduler;
  for (const { item, rows } of byItem.values()) {
    const outcome = await importItemRows(db, userId, item, rows, settings, pause);
    imported += outcome.imported;
    duplicates += outcome.duplicates;
    skipped.push(...outcome.skipped);
    done += rows.length;
    report({ phase: "importing", done, total });
  }
  return { ok: true, imported, duplicates, items: byItem.size, skipped: skipped.sort((a, b) => a.line - b.line) };
}

const ITEM_ATTEMPTS = 5;

/**
 * One item's rows: read its history, replay it with the new reviews outside any transaction (it may be long),
 * then store it in one short transaction that first checks the card is still the one read. A review of the
 * same card that lands meanwhile makes the item start over with it included.
 */
async function importItemRows(db: Db, userId: string, item: ItemRef, rows: readonly ReviewCsvRow[], settings: SchedulerSettings, pause: () => Promise<void>): Promise<ItemImport> {
  for (let attempt = 1; ; attempt++) {
    const row = await db.srsCard.findUnique({ where: { userId_itemType_itemId: { userId, itemType: item.itemType, itemId: item.itemId } } });
    const kept = row ? (await db.srsReviewLog.findMany({ where: { cardId: row.id, undone: false } })).map(logFromRow) : [];
    const stored = new Map(kept.map((log) => [log.review.getTime(), log]));
    const fresh: ReviewCsvRow[] = [];
    const skipped: CsvIssue[] = [];
    let duplicates = 0;
    for (const csvRow of rows) {
      const same = stored.get(csvRow.reviewTime.getTime());
      if (!same) fresh.push(csvRow);
      else if (same.rating === csvRow.rating) duplicates += 1;
      else {
        skipped.push(csvIssue(csvRow.line, "alreadyReviewed", { item: itemKey(item), when: `${csvRow.reviewTime.getTime()} (${csvRow.reviewTime.toISOString()})`, stored: same.rating, rating: csvRow.rating }, "review_rating"));
      }
    }
    if (fresh.length === 0) return { imported: 0, duplicates, skipped };
    // Resets (review_state 0 after a review that was not New) are judged in the merged history, in time order.
    const merged = [...kept.map((log) => ({ at: log.review.getTime(), state: log.state, row: null })), ...fresh.map((r) => ({ at: r.reviewTime.getTime(), state: r.state, row: r }))].sort((a, b) => a.at - b.at);
    const resets = resetsIn(merged);
    const additions: HistoryEntry[] = merged.flatMap((m, i) =>
      m.row ? [{ rating: m.row.rating, review: m.row.reviewTime, durationMs: m.row.durationMs, source: "import" as const, score: null, submissionId: null, reset: resets[i]! }] : [],
    );
    const replayed = await replayHistory(userId, item, [...kept.map(historyOf), ...additions], settings, pause);
    try {
      await db.$transaction((tx) => storeReplayedHistory(tx, userId, item, row, replayed, true), { maxWait: 15_000, timeout: 30_000 });
      return { imported: additions.length, duplicates, skipped };
    } catch (error) {
      if (!(error instanceof ReviewConflictError) || attempt >= ITEM_ATTEMPTS) throw error;
    }
  }
}

interface ItemImport {
  imported: number;
  duplicates: number;
  skipped: CsvIssue[];
}

/**
 * Every flashcard review item as a TSV Anki imports (front, back, tags), zh above en on each side: a qa card as
 * one note, a cloze card as one note per deletion number, asking that deletion (Anki's Basic type has no
 * deletions; these are the notes its Cloze type would make into cards).
 */
export function flashcardsTsv(): string {
  return flashcardsToAnkiTsv(
    loadFlashcards().flatMap((card) =>
      flashcardItems(card).map(({ itemId }) => {
        const zh = ankiFaces(itemId, "zh");
        const en = ankiFaces(itemId, "en");
        return { id: itemId, front: { zh: zh.front, en: en.front }, back: { zh: zh.back, en: en.back }, topics: [...card.topics] };
      }),
    ),
  );
}

/** A review item as a Basic note's two sides; the explanation, when there is one, follows the answer. */
function ankiFaces(itemId: string, lang: "zh" | "en"): { front: string; back: string } {
  const faces = flashcardFaces(itemId, lang);
  return { front: faces.question, back: faces.extra ? `${faces.answer}\n\n${faces.extra}` : faces.answer };
}
