/**
 * The flashcard format. One JSON file per topic, `exercises/flashcards/<topic-id>.json`, holds an array of cards:
 *
 *   { "id": "lr-cost-1-over-2m",            stable kebab-case, unique across all files (review history keys on it)
 *     "kind": "qa" | "cloze",
 *     "topics": ["linear-regression", …],    ≥1 ids from ./topics; the file's own topic first
 *     "front": {zh,en}, "back": {zh,en}      qa only: Markdown with KaTeX math ($…$, $$…$$)
 *     "text": {zh,en}                        cloze only: Markdown with Anki cloze deletions {{c1::answer}} or
 *                                            {{c1::answer::hint}}; a deletion may sit inside a formula
 *     "extra": {zh,en}                       optional explanation shown with the answer
 *     "notesSection": "…" }                  the notes' heading (or phrase) the card traces to, verbatim
 *
 * Deletions follow Anki's own parsing (the first `}}` closes a deletion), so the files can be exported to Anki
 * as they are: write `{{c1::\frac{1}{2m} }}` with a space, never `{{c1::\frac{1}{2m}}}`. The validator rejects
 * the latter because the deletion's braces would not balance.
 *
 * Like exercise metadata, flashcards are plain JSON so the web app and the scheduler read them without tfjs.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { exercisesRoot } from "./catalog";
import { localizedSchema, langs, type Lang, type Localized } from "./schema";
import { isTopicId, topicIds, type TopicId } from "./topics";

const cardIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case");

const topicListSchema = z
  .array(z.string().refine(isTopicId, "unknown topic id (see exercises/topics.ts)"))
  .min(1)
  .refine((ids) => new Set(ids).size === ids.length, "topics must not repeat") as unknown as z.ZodType<TopicId[]>;

const common = {
  id: cardIdSchema,
  topics: topicListSchema,
  extra: localizedSchema.optional(),
  notesSection: z.string().min(1),
};

export const qaCardSchema = z
  .object({ ...common, kind: z.literal("qa"), front: localizedSchema, back: localizedSchema })
  .strict();

export const clozeCardSchema = z
  .object({ ...common, kind: z.literal("cloze"), text: localizedSchema })
  .strict()
  .superRefine((card, ctx) => {
    const numbers: Partial<Record<Lang, number[]>> = {};
    for (const lang of langs) {
      const parsed = parseCloze(card.text[lang]);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", path: ["text", lang], message: parsed.error });
        continue;
      }
      const found = deletionNumbers(parsed.segments);
      if (found.length === 0) {
        ctx.addIssue({ code: "custom", path: ["text", lang], message: "a cloze card needs at least one deletion {{c1::…}}" });
      }
      numbers[lang] = found;
    }
    if (numbers.zh && numbers.en && numbers.zh.join(",") !== numbers.en.join(",")) {
      ctx.addIssue({
        code: "custom",
        path: ["text"],
        message: `zh and en must use the same deletion numbers (zh: c${numbers.zh.join(", c")}; en: c${numbers.en.join(", c")})`,
      });
    }
  });

export const flashcardSchema = z.discriminatedUnion("kind", [qaCardSchema, clozeCardSchema]);
export const flashcardFileSchema = z.array(z.unknown()).min(1, "a flashcard file holds at least one card");

export type QaCard = z.infer<typeof qaCardSchema>;
export type ClozeCard = z.infer<typeof clozeCardSchema>;
export type Flashcard = z.infer<typeof flashcardSchema>;

export class FlashcardFormatError extends Error {
  constructor(readonly problems: string[]) {
    super(`flashcards are malformed:\n  - ${problems.join("\n  - ")}`);
    this.name = "FlashcardFormatError";
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cloze parsing and rendering

/** A piece of cloze text: plain Markdown, or a deletion `{{cN::answer::hint}}`. `inMath` says whether it sits inside
 * a $…$ / $$…$$ span, which decides how the deletion is hidden and revealed (a KaTeX box or Markdown). */
export type ClozeSegment =
  | { type: "text"; text: string }
  | { type: "deletion"; number: number; answer: string; hint?: string; inMath: boolean };

type ParseResult = { ok: true; segments: ClozeSegment[] } | { ok: false; error: string };

const openingPattern = /\{\{c(\d+)::/g;

/** Counts the `$` / `$$` delimiters of `text` (ignoring `\$`), to know whether a position is inside math. */
function mathDelimiterState(text: string, start: { display: boolean; inline: boolean }): { display: boolean; inline: boolean } {
  const state = { ...start };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch !== "$") continue;
    if (text[i + 1] === "$" && !state.inline) {
      state.display = !state.display;
      i++;
    } else if (!state.display) {
      state.inline = !state.inline;
    }
  }
  return state;
}

function bracesBalance(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === "{") depth++;
    if (ch === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

/** Splits cloze text into plain text and deletions the way Anki does (the first `}}` closes a deletion). */
export function parseCloze(text: string): ParseResult {
  const segments: ClozeSegment[] = [];
  let mathState = { display: false, inline: false };
  let cursor = 0;
  openingPattern.lastIndex = 0;
  for (let match = openingPattern.exec(text); match; match = openingPattern.exec(text)) {
    const before = text.slice(cursor, match.index);
    mathState = mathDelimiterState(before, mathState);
    if (before) segments.push({ type: "text", text: before });
    const bodyStart = match.index + match[0].length;
    const close = text.indexOf("}}", bodyStart);
    if (close < 0) return { ok: false, error: `deletion {{c${match[1]}:: at offset ${match.index} is never closed with }}` };
    const body = text.slice(bodyStart, close);
    if (body.includes("{{")) return { ok: false, error: `deletion {{c${match[1]}::…}} contains another "{{" (nested deletions are not supported)` };
    const hintAt = body.indexOf("::");
    const answer = hintAt < 0 ? body : body.slice(0, hintAt);
    const hint = hintAt < 0 ? undefined : body.slice(hintAt + 2);
    const number = Number(match[1]);
    if (number < 1) return { ok: false, error: `deletion numbers start at c1 (found c${match[1]})` };
    if (!answer.trim()) return { ok: false, error: `deletion c${number} has an empty answer` };
    if (!bracesBalance(answer)) {
      return {
        ok: false,
        error: `deletion c${number} "${answer}" has unbalanced braces: Anki closes a deletion at the first "}}", so end a formula with a space before it ("…} }}")`,
      };
    }
    const inMath = mathState.display || mathState.inline;
    if (inMath && answer.includes("$")) return { ok: false, error: `deletion c${number} sits inside math and must not contain "$"` };
    if (!inMath && mathDelimiterState(answer, { display: false, inline: false }).inline) {
      return { ok: false, error: `deletion c${number} opens a $…$ span it does not close` };
    }
    segments.push(hint === undefined ? { type: "deletion", number, answer, inMath } : { type: "deletion", number, answer, hint, inMath });
    cursor = close + 2;
    openingPattern.lastIndex = cursor;
  }
  const rest = text.slice(cursor);
  if (rest) segments.push({ type: "text", text: rest });
  const endState = mathDelimiterState(rest, mathState);
  if (endState.display || endState.inline) return { ok: false, error: "a $…$ or $$…$$ math span is never closed" };
  return { ok: true, segments };
}

/** The deletion numbers (1 for c1, …) used in cloze text, ascending; throws on malformed text. */
export function clozeNumbers(text: string): number[] {
  const parsed = parseCloze(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return deletionNumbers(parsed.segments);
}

function deletionNumbers(segments: readonly ClozeSegment[]): number[] {
  const numbers = new Set<number>();
  for (const s of segments) if (s.type === "deletion") numbers.add(s.number);
  return [...numbers].sort((a, b) => a - b);
}

/** Escapes text so it can stand inside KaTeX's \text{…}. */
function katexText(text: string): string {
  return text.replace(/[\\{}$&#%^_~]/g, (ch) => (ch === "\\" ? "\\textbackslash{}" : `\\${ch}`));
}

function hiddenDeletion(segment: Extract<ClozeSegment, { type: "deletion" }>): string {
  if (segment.inMath) return segment.hint ? `\\boxed{\\text{${katexText(segment.hint)}}}` : "\\boxed{\\,?\\,}";
  return segment.hint ? `[${segment.hint}]` : "[…]";
}

function revealedDeletion(segment: Extract<ClozeSegment, { type: "deletion" }>): string {
  return segment.inMath ? `\\boxed{${segment.answer}}` : `**${segment.answer}**`;
}

export interface RenderedCard {
  question: string;
  answer: string;
  extra?: string;
}

/**
 * The question and answer of a cloze card in one language, as Markdown with KaTeX math. Each deletion number is
 * its own review item, as in Anki (lib/review: the card's id for c1, `<card id>.cN` for the others), asked with
 * `deletion: n`, which hides only cN and shows the others; without it every deletion is hidden at once (the
 * whole card at a glance, e.g. in `lacuna cards`).
 * Hidden deletions become "[…]" (or "[hint]") in text and a boxed "?" in math; revealed ones are bold or boxed.
 */
export function renderCloze(card: ClozeCard, lang: Lang, options: { deletion?: number } = {}): RenderedCard {
  const parsed = parseCloze(card.text[lang]);
  if (!parsed.ok) throw new FlashcardFormatError([`card "${card.id}" text.${lang}: ${parsed.error}`]);
  const asked = (n: number): boolean => options.deletion === undefined || options.deletion === n;
  if (options.deletion !== undefined && !deletionNumbers(parsed.segments).includes(options.deletion)) {
    throw new RangeError(`card "${card.id}" has no deletion c${options.deletion}`);
  }
  const question = parsed.segments
    .map((s) => (s.type === "text" ? s.text : asked(s.number) ? hiddenDeletion(s) : s.answer))
    .join("");
  const answer = parsed.segments
    .map((s) => (s.type === "text" ? s.text : asked(s.number) ? revealedDeletion(s) : s.answer))
    .join("");
  return card.extra ? { question, answer, extra: card.extra[lang] } : { question, answer };
}

/** Question and answer of any card in one language (qa: front and back; cloze: see `renderCloze`). */
export function renderCard(card: Flashcard, lang: Lang): RenderedCard {
  if (card.kind === "cloze") return renderCloze(card, lang);
  const faces = { question: card.front[lang], answer: card.back[lang] };
  return card.extra ? { ...faces, extra: card.extra[lang] } : faces;
}

/** Every Localized text of a card, labelled by its field, for checks that walk all of a card's content. */
export function cardTexts(card: Flashcard): { field: string; text: Localized }[] {
  const texts = card.kind === "qa" ? [{ field: "front", text: card.front }, { field: "back", text: card.back }] : [{ field: "text", text: card.text }];
  return card.extra ? [...texts, { field: "extra", text: card.extra }] : texts;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

export function flashcardsRoot(): string {
  return process.env.LACUNA_FLASHCARDS_DIR ?? path.join(exercisesRoot(), "flashcards");
}

function issuePath(issuePathParts: readonly PropertyKey[]): string {
  return issuePathParts.map(String).join(".") || "(card)";
}

/** Reads and validates one topic file; problems name the file, the card (by id, or index if it has none) and field. */
export function readFlashcardFile(file: string): { cards: Flashcard[]; problems: string[] } {
  const name = path.basename(file);
  const topic = name.replace(/\.json$/, "");
  const problems: string[] = [];
  if (!isTopicId(topic)) return { cards: [], problems: [`${name}: the file name must be a topic id + ".json" (see exercises/topics.ts)`] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { cards: [], problems: [`${name}: ${(error as Error).message}`] };
  }
  const list = flashcardFileSchema.safeParse(raw);
  if (!list.success) return { cards: [], problems: [`${name}: ${list.error.issues.map((i) => i.message).join("; ")}`] };
  const cards: Flashcard[] = [];
  list.data.forEach((rawCard, index) => {
    const rawId = (rawCard as { id?: unknown } | null)?.id;
    const label = typeof rawId === "string" && rawId ? `card "${rawId}"` : `card #${index + 1}`;
    const parsed = flashcardSchema.safeParse(rawCard);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${name} ${label} ${issuePath(issue.path)}: ${issue.message}`);
      return;
    }
    if (parsed.data.topics[0] !== topic) {
      problems.push(`${name} ${label} topics: the first topic must be the file's topic "${topic}" (found "${parsed.data.topics[0]}")`);
      return;
    }
    cards.push(parsed.data);
  });
  return { cards, problems };
}

let cached: { root: string; cards: Flashcard[] } | undefined;

/** Every flashcard, validated, in topic-map order then file order; read once per process per root. */
export function loadFlashcards(root = flashcardsRoot()): Flashcard[] {
  if (cached?.root === root) return cached.cards;
  if (!existsSync(root)) throw new FlashcardFormatError([`${root}: no flashcards folder`]);
  const files = readdirSync(root).filter((f) => f.endsWith(".json"));
  const order = (f: string): number => {
    const i = (topicIds as readonly string[]).indexOf(f.replace(/\.json$/, ""));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  files.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const problems: string[] = [];
  const cards: Flashcard[] = [];
  const fileOfId = new Map<string, string>();
  for (const file of files) {
    const result = readFlashcardFile(path.join(root, file));
    problems.push(...result.problems);
    for (const card of result.cards) {
      const other = fileOfId.get(card.id);
      if (other) problems.push(`${file} card "${card.id}" id: already used in ${other}`);
      else fileOfId.set(card.id, file);
      cards.push(card);
    }
  }
  if (problems.length) throw new FlashcardFormatError(problems);
  cached = { root, cards };
  return cards;
}

/** Cards tagged with `topic` (as their main topic or a secondary one). */
export function cardsByTopic(topic: TopicId, cards: readonly Flashcard[] = loadFlashcards()): Flashcard[] {
  return cards.filter((c) => (c.topics as readonly string[]).includes(topic));
}

/** Card counts per main topic (the file a card lives in), every topic of the map included. */
export function cardCountsByTopic(cards: readonly Flashcard[] = loadFlashcards()): Record<TopicId, number> {
  const counts = Object.fromEntries(topicIds.map((t) => [t, 0])) as Record<TopicId, number>;
  for (const card of cards) counts[card.topics[0] as TopicId] += 1;
  return counts;
}

export function findCard(id: string, cards: readonly Flashcard[] = loadFlashcards()): Flashcard | undefined {
  return cards.find((c) => c.id === id);
}

/** The `$…$` and `$$…$$` spans of Markdown text (their TeX, and whether display), ignoring `\$`. */
export function mathSpans(markdown: string): { tex: string; display: boolean }[] {
  const spans: { tex: string; display: boolean }[] = [];
  const pattern = /\$\$([\s\S]+?)\$\$|\$((?:\\.|[^$\\])+?)\$/g;
  const text = markdown.replace(/\\\$/g, "  ");
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[1] !== undefined) spans.push({ tex: m[1], display: true });
    else if (m[2] !== undefined) spans.push({ tex: m[2], display: false });
  }
  return spans;
}
