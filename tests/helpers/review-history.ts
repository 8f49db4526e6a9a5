// A large, valid review-log CSV (the format /api/review/export.csv writes) for the import's tests and bench.
import { loadFlashcards } from "@/exercises/flashcards";
import { reviewCsvColumns } from "@/lib/scheduling/io/schema";

/**
 * `rows` reviews spread over every flashcard on disk, one hour apart from 2025-01-01, ratings cycling 1–4: the
 * export of a long-time learner. (The flashcards as they are on disk: a server started before flashcards were
 * added would not know the new ones.)
 */
export function reviewHistoryCsv(rows: number): string {
  const ids = loadFlashcards().map((card) => card.id);
  const start = Date.parse("2025-01-01T08:00:00Z");
  const lines = [reviewCsvColumns.join(",")];
  for (let i = 0; i < rows; i++) lines.push(`flashcard:${ids[i % ids.length]},${start + i * 3_600_000},${1 + ((i * 7) % 4)},1,${4000 + (i % 9000)}`);
  return `${lines.join("\n")}\n`;
}
