/**
 * Moving review history and flashcards in and out of Lacuna.
 *
 * - Review logs ⇄ the FSRS optimizer's CSV: `card_id,review_time,review_rating,review_state,review_duration`
 *   (times in ms since 1970, ratings 1–4, states 0–3 as in ts-fsrs, durations in ms). The same file feeds
 *   fsrs-optimizer, fsrs-rs and @open-spaced-repetition/binding's `convertCsvToFsrsItems`.
 * - Flashcards → a TSV Anki imports (File → Import) as Basic notes: front, back, tags.
 */
import { itemKey, review, createCard, type ItemRef, type SrsCardState, type SrsReviewLogEntry } from "../core/core";
import type { CardStateValue, ReviewRating, SchedulerSettings } from "../core/schema";
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
  message: string;
}

export type CsvParseResult = { ok: true; rows: ReviewCsvRow[] } | { ok: false; issues: CsvIssue[] };

/**
 * Parse and validate a review-log CSV. Columns may come in any order; `review_state` and `review_duration`
 * are optional. Every problem is reported with its line (and column), not just the first, so a learner can fix
 * a file in one go; nothing is returned unless the whole file is valid.
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
  if (!header) return { ok: false, issues: [{ line: 1, message: "the file is empty; expected a header line " + reviewCsvColumns.join(",") }] };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const issues: CsvIssue[] = [];
  for (const required of requiredReviewCsvColumns) {
    if (!names.includes(required)) issues.push({ line: header.line, column: required, message: `missing column "${required}" (header must contain ${requiredReviewCsvColumns.join(", ")})` });
  }
  names.forEach((n, i) => {
    if (!(reviewCsvColumns as readonly string[]).includes(n)) issues.push({ line: header.line, message: `unknown column "${header.cells[i]}" (known: ${reviewCsvColumns.join(", ")})` });
    if (names.indexOf(n) !== i) issues.push({ line: header.line, column: n, message: `column "${n}" appears twice` });
  });
  if (issues.length > 0) return { ok: false, issues };

  const rows: ReviewCsvRow[] = [];
  for (const record of data) {
    yield;
    if (record.cells.length === 1 && record.cells[0]!.trim() === "") continue;
    if (record.cells.length !== names.length) {
      issues.push({ line: record.line, message: `expected ${names.length} cells, found ${record.cells.length}` });
      continue;
    }
    const parsed = reviewCsvRowSchema.safeParse(Object.fromEntries(names.map((n, i) => [n, record.cells[i]!])));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ line: record.line, column: String(issue.path[0] ?? ""), message: `${String(issue.path[0] ?? "row")}: ${issue.message}` });
      continue;
    }
    const r = parsed.data;
    rows.push({ line: record.line, cardId: r.card_id, reviewTime: new Date(r.review_time), rating: r.review_rating, state: r.review_state ?? null, durationMs: r.review_duration ?? null });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
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
  if (quoted) return { issue: { line: quoteLine, message: "a quoted cell is never closed" } };
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return { rows };
}

/**
 * Rebuild cards and review logs from imported rows by replaying them through the scheduler (so the memory
 * state is FSRS's, whatever the other tool had). `itemFor` maps a CSV card id to the Lacuna item it is
 * about; rows whose card id it does not know are returned as `unknownCardIds`.
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
    let card = createCard(userId, item, list[0]!.reviewTime);
    for (const row of list) {
      const result = review(card, row.rating, row.reviewTime, settings, { source: "import", durationMs: row.durationMs });
      card = result.card;
      logs.push(result.log);
    }
    cards.push(card);
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
