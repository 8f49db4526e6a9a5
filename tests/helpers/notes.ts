/**
 * The study notes every exercise, flashcard and topic traces to. They live in the workspace's shared/ folder
 * beside the checkout (CI lays a copy there too), not in the repository; LACUNA_NOTES_FILE points elsewhere.
 * Tests that check traceability skip only where the notes are absent, e.g. in a clone copied elsewhere.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const notesFile = process.env.LACUNA_NOTES_FILE ?? path.join(process.cwd(), "..", "shared", "seed", "ml-notes.zh.md");

export const notesAvailable = existsSync(notesFile);

export function readNotes(): string {
  return readFileSync(notesFile, "utf8");
}
