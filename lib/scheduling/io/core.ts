/**
 * Moving review history and flashcards in and out of Lacuna.
 *
 * - Review logs ⇄ the FSRS optimizer's CSV: `card_id,review_time,review_rating,review_state,review_duration`
 *   (times in ms since 1970, ratings 1–4, states 0–3 as in ts-fsrs, durations in ms). The same file feeds
 *   fsrs-optimizer, fsrs-rs and @open-spaced-repetition/binding's `convertCsvToFsrsItems`.
 * - Flashcards → a TSV Anki imports (File → Import) as Basic notes: front, back, tags.
 */
import { itemKey, replayReviews, type ItemRef, type SrsCardState, type SrsReviewLogEntry } from "../core/core";
import { CardState, REVIEW_DURATION_MAX_MS, type CardStateValue, type ReviewRating, type SchedulerSettings } from "../core/schema";
import { cellCodes, csvIssue, type CsvIssueParams } from "./messages";
import { ankiCardSchema, requiredReviewCsvColumns, reviewCsvColumns, reviewCsvRowSchema, type AnkiCardInput } from "./schema";

/** A review log row with the database's card id when there is one (else the item key is the card id). */
export type ExportableReviewLog = SrsReviewLogEntry & { cardId?: string | number };

/** Kept (not undone) reviews as the optimizer's CSV, oldest first. */
export function reviewLogsToCsv(logs: readonly ExportableReviewLog[]): string {
  const rows = logs
    .filter((l) => !l.undone)
    .slice()
    .sort((a, b) => a.review.getTime() - b.review.getTime())
    .map((l) => [String(l.cardId ?? itemKey(l)), String(l.review.getTime()), String(l.rating), String(l.state), String(l.durationMs ?? 0)].map(csvCell).join(","));
  return [reviewCsvColumns.join(","), ...rows].join("\n") + "\n";
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface ReviewCsvRow {
  /** 1-based line of the row in the file. */
  line: number;
  cardId: string;
  reviewTime: Date;
  rating: ReviewRating;
  state: CardStateValue | null;
  durationMs: number | null;
}

export interface CsvIssue {
  /** 1-based line number in the file. */
  line: number;
  /** The column the problem is in, when it is about one cell. */
  column?: string;
  /** What the problem is (a key of ./messages.ts) and its values, for a text in the learner's language. */
  code?: string;
  params?: CsvIssueParams;
  /** The problem in English. */
  message: string;
}

/**
 * A valid file's rows, and the rows left out: a row that repeats an earlier one cell for cell (the same review
 * exported twice) is imported once, and named here with its line.
 */
export type CsvParseResult = { ok: true; rows: ReviewCsvRow[]; skipped: CsvIssue[] } | { ok: false; issues: CsvIssue[] };

/**
 * Parse and validate a review-log CSV. Columns may come in any order; `review_state` and `review_duration`
 * are optional. Every problem is reported with its line (and column), not just the first, so a learner can fix
 * a file in one go; nothing is returned unless the whole file is valid. One card has at most one review per
 * millisecond: an exact repeat of a row is skipped (and listed in `skipped`), two different rows for the same
 * card and millisecond (ratings 3 and 1, say) are a problem naming both lines, since either could be the truth.
 */
export function parseReviewLogCsv(text: string): CsvParseResult {
  const steps = reviewCsvSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * parseReviewLogCsv for large files: the same result, with `pause` awaited between rows so a caller can hand
 * the event loop back now and then (a web server stays responsive while it validates ten thousand rows).
 */
export async function parseReviewLogCsvInSlices(text: string, pause: () => Promise<void>): Promise<CsvParseResult> {
  const steps = reviewCsvSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The parser as a generator that yields after each data row: one body for the two drivers above. */
function* reviewCsvSteps(text: string): Generator<void, CsvParseResult, void> {
  const records = splitCsv(text.replace(/^\uFEFF/, ""));
  if ("issue" in records) return { ok: false, issues: [records.issue] };
  const [header, ...data] = records.rows;
  if (!header) return { ok: false, issues: [csvIssue(1, "emptyFile", { columns: reviewCsvColumns.join(",") })] };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const issues: CsvIssue[] = [];
  for (const required of requiredReviewCsvColumns) {
    if (!names.includes(required)) issues.push(csvIssue(header.line, "missingColumn", { column: required, required: requiredReviewCsvColumns.join(", ") }, required));
  }
  names.forEach((n, i) => {
    if (!(reviewCsvColumns as readonly string[]).includes(n)) issues.push(csvIssue(header.line, "unknownColumn", { column: header.cells[i] ?? n, known: reviewCsvColumns.join(", ") }));
    if (names.indexOf(n) !== i) issues.push(csvIssue(header.line, "duplicateColumn", { column: n }, n));
  });
  if (issues.length > 0) return { ok: false, issues };

  const rows: ReviewCsvRow[] = [];
  for (const record of data) {
    yield;
    if (record.cells.length === 1 && record.cells[0]!.trim() === "") continue;
    if (record.cells.length !== names.length) {
      issues.push(csvIssue(record.line, "cellCount", { expected: names.length, found: record.cells.length }));
      continue;
    }
    const parsed = reviewCsvRowSchema.safeParse(Object.fromEntries(names.map((n, i) => [n, record.cells[i]!])));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? "");
        if ((cellCodes as readonly string[]).includes(issue.message)) issues.push(csvIssue(record.line, issue.message, { column, max: REVIEW_DURATION_MAX_MS }, column));
        else issues.push({ line: record.line, column, message: `${column || "row"}: ${issue.message}` });
      }
      continue;
    }
    const r = parsed.data;
    rows.push({ line: record.line, cardId: r.card_id, reviewTime: new Date(r.review_time), rating: r.review_rating, state: r.review_state ?? null, durationMs: r.review_duration ?? null });
  }
  const distinct = withoutRepeats(rows);
  issues.push(...distinct.conflicts);
  return issues.length > 0 ? { ok: false, issues: issues.sort((a, b) => a.line - b.line) } : { ok: true, rows: distinct.rows, skipped: distinct.skipped };
}

/** Rows with at most one per card and millisecond: exact repeats skipped, different rows for one instant refused. */
function withoutRepeats(rows: readonly ReviewCsvRow[]): { rows: ReviewCsvRow[]; skipped: CsvIssue[]; conflicts: CsvIssue[] } {
  const first = new Map<string, ReviewCsvRow>();
  const kept: ReviewCsvRow[] = [];
  const skipped: CsvIssue[] = [];
  const conflicts: CsvIssue[] = [];
  for (const row of rows) {
    const key = `${row.cardId}\u0000${row.reviewTime.getTime()}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, row);
      kept.push(row);
      continue;
    }
    const when = `${row.reviewTime.getTime()} (${row.reviewTime.toISOString()})`;
    if (earlier.rating === row.rating && earlier.state === row.state && earlier.durationMs === row.durationMs) {
      skipped.push(csvIssue(row.line, "repeat", { earlier: earlier.line, cardId: row.cardId, when }));
      continue;
    }
    conflicts.push(
      earlier.rating !== row.rating
        ? csvIssue(row.line, "conflictRating", { cardId: row.cardId, when, earlier: earlier.line, earlierRating: earlier.rating, rating: row.rating }, "review_time")
        : csvIssue(row.line, "conflictField", { cardId: row.cardId, when, earlier: earlier.line, line: row.line, column: earlier.state !== row.state ? "review_state" : "review_duration" }, "review_time"),
    );
  }
  return { rows: kept, skipped, conflicts };
}

/**
 * Which reviews of one card, in time order, start it over: a review whose `state` (the CSV's review_state, the
 * state before the review) is New although an earlier review exists that was not New itself. That is how the
 * FSRS optimizer reads a reset (Anki's "Forget"); a run of New rows is one start, since some tools log each
 * learning step of a new card as New. `state` null (not recorded) counts as not New.
 */
export function resetsIn(history: readonly { state: CardStateValue | null }[]): boolean[] {
  return history.map((entry, i) => i > 0 && entry.state === CardState.New && history[i - 1]!.state !== CardState.New);
}

/** RFC 4180 records with the line each starts on (quoted cells may hold commas, quotes and newlines). */
function splitCsv(text: string): { rows: { line: number; cells: string[] }[] } | { issue: CsvIssue } {
  const rows: { line: number; cells: string[] }[] = [];
  let line = 1;
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let rowLine = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) return { issue: csvIssue(quoteLine, "unclosedQuote") };
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return { rows };
}

/**
 * Rebuild cards and review logs from imported rows by replaying them through the scheduler (so the memory
 * state is FSRS's, whatever the other tool had), resets honoured (`resetsIn`). `itemFor` maps a CSV card id to
 * the Lacuna item it is about; rows whose card id it does not know are returned as `unknownCardIds`. The rows
 * are those of `parseReviewLogCsv`, so no card has two at one millisecond.
 */
export function replayImportedReviews(
  rows: readonly ReviewCsvRow[],
  userId: string,
  itemFor: (cardId: string) => ItemRef | null,
  settings: SchedulerSettings,
): { cards: SrsCardState[]; logs: SrsReviewLogEntry[]; unknownCardIds: string[] } {
  const byCard = new Map<string, ReviewCsvRow[]>();
  for (const row of rows) byCard.set(row.cardId, [...(byCard.get(row.cardId) ?? []), row]);
  const cards: SrsCardState[] = [];
  const logs: SrsReviewLogEntry[] = [];
  const unknownCardIds: string[] = [];
  for (const [cardId, list] of byCard) {
    const item = itemFor(cardId);
    if (!item) {
      unknownCardIds.push(cardId);
      continue;
    }
    list.sort((a, b) => a.reviewTime.getTime() - b.reviewTime.getTime());
    const resets = resetsIn(list);
    const replayed = replayReviews(
      userId,
      item,
      list.map((row, i) => ({ rating: row.rating, review: row.reviewTime, meta: { source: "import" as const, durationMs: row.durationMs }, reset: resets[i]! })),
      settings,
    );
    cards.push(replayed.card);
    logs.push(...replayed.logs.map((l) => l.log));
  }
  return { cards, logs, unknownCardIds };
}

/**
 * Flashcards as a tab-separated file Anki imports directly: headers `#separator:tab`, `#html:true`,
 * `#tags column:3`, then one note per line: front (zh above en), back (zh above en), tags (the topic ids).
 * Text is HTML-escaped (so "<", "&" and quotes show literally), newlines become <br> and tabs &#9;, because
 * a raw tab or newline would split the note. Tags cannot contain spaces in Anki: spaces become "_".
 */
export function flashcardsToAnkiTsv(cards: readonly AnkiCardInput[]): string {
  const lines = ["#separator:tab", "#html:true", "#tags column:3"];
  for (const raw of cards) {
    const card = ankiCardSchema.parse(raw);
    const tags = ["lacuna", ...card.topics].map((t) => t.trim().replace(/\s+/g, "_")).join(" ");
    lines.push([bilingualField(card.front), bilingualField(card.back), tags].join("\t"));
  }
  return lines.join("\n") + "\n";
}

function bilingualField(text: { zh: string; en: string }): string {
  return `<div lang="zh">${htmlText(text.zh)}</div><div lang="en">${htmlText(text.en)}</div>`;
}

function htmlText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r\n|\r|\n/g, "<br>")
    .replace(/\t/g, "&#9;");
}
