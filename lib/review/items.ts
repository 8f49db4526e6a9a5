// What can be scheduled: every flashcard and every exercise, each with the topics it trains. A cloze card is one
// review item per deletion number, as in Anki: its first deletion keeps the card's id (so the history recorded
// when the card asked all its deletions at once stays with it), every further deletion N is "<card id>.cN". The
// order of the list matters to the queue (ties among new items keep it): flashcards in topic-map order then file
// order, first deletions before second ones (Anki's "card type, then order gathered", which keeps a card's
// deletions apart), then exercises by topic-map position and difficulty, so within a topic the cards come before
// its exercise.
import { loadCatalog, type ExerciseEntry } from "@/exercises/catalog";
import { clozeNumbers, loadFlashcards, renderCard, renderCloze, type Flashcard, type RenderedCard } from "@/exercises/flashcards";
import type { Lang } from "@/lib/i18n";
import { topicIds } from "@/exercises/topics";
import { itemKey, type ItemRef, type ItemType, type TopicItem } from "@/lib/scheduling";

export interface ReviewCatalog {
  items: TopicItem[];
  /** Every flashcard review item, by item id: a qa card, or one deletion of a cloze card (see `clozeDeletions`). */
  flashcards: Map<string, Flashcard>;
  /** The deletion number a cloze card's review item asks (c1 → 1), by item id. */
  clozeDeletions: Map<string, number>;
  exercises: Map<string, ExerciseEntry>;
}

/** The review item id of deletion `number` of a cloze card: the card's id for its first deletion, else "<id>.cN". */
export function clozeItemId(card: Flashcard, number: number): string {
  return card.kind === "cloze" && number !== clozeNumbers(card.text.en)[0] ? `${card.id}.c${number}` : card.id;
}

/** A flashcard's review items: one per cloze deletion number (with it), a qa card's single one. */
export function flashcardItems(card: Flashcard): { itemId: string; deletion: number | null }[] {
  if (card.kind !== "cloze") return [{ itemId: card.id, deletion: null }];
  return clozeNumbers(card.text.en).map((n) => ({ itemId: clozeItemId(card, n), deletion: n }));
}

/** The question and answer of a flashcard review item in one language: a cloze item asks its one deletion. */
export function flashcardFaces(itemId: string, lang: Lang, catalog: ReviewCatalog = reviewCatalog()): RenderedCard {
  const card = catalog.flashcards.get(itemId);
  if (!card) throw new Error(`unknown flashcard ${itemId}`);
  const deletion = catalog.clozeDeletions.get(itemId);
  return card.kind === "cloze" && deletion !== undefined ? renderCloze(card, lang, { deletion }) : renderCard(card, lang);
}

let cached: ReviewCatalog | undefined;

export function reviewCatalog(): ReviewCatalog {
  if (cached) return cached;
  const flashcards = loadFlashcards();
  const topicRank = (topics: readonly string[]) => (topicIds as readonly string[]).indexOf(topics[0] ?? "");
  const exercises = [...loadCatalog()].sort(
    (a, b) => topicRank(a.meta.topics) - topicRank(b.meta.topics) || a.meta.difficulty - b.meta.difficulty || a.meta.slug.localeCompare(b.meta.slug),
  );
  // Deletion k of every card (in card order) before deletion k + 1 of any.
  const perCard = flashcards.map((card) => ({ card, items: flashcardItems(card) }));
  const deepest = Math.max(0, ...perCard.map((c) => c.items.length));
  const flashcardEntries = Array.from({ length: deepest }, (_, k) => perCard.flatMap(({ card, items }) => (items[k] ? [{ card, ...items[k] }] : []))).flat();
  const items: TopicItem[] = [
    ...flashcardEntries.map((f) => ({ itemType: "flashcard" as const, itemId: f.itemId, topics: [...f.card.topics] })),
    ...exercises.map((e) => ({ itemType: "exercise" as const, itemId: e.meta.slug, topics: [...e.meta.topics] })),
  ];
  cached = {
    items,
    flashcards: new Map(flashcardEntries.map((f) => [f.itemId, f.card])),
    clozeDeletions: new Map(flashcardEntries.flatMap((f) => (f.deletion === null ? [] : [[f.itemId, f.deletion] as const]))),
    exercises: new Map(exercises.map((e) => [e.meta.slug, e])),
  };
  return cached;
}

/** A misconception item's id: "<exercise slug>/<misconception id>" (both kebab-case, so the slash is unambiguous). */
export function misconceptionItemId(exerciseSlug: string, misconceptionId: string): string {
  return `${exerciseSlug}/${misconceptionId}`;
}

/** The exercise and misconception a misconception item's id names, or null when it is not of that form. */
export function parseMisconceptionItemId(itemId: string): { exerciseSlug: string; misconceptionId: string } | null {
  const match = /^([^/]+)\/([^/]+)$/.exec(itemId);
  return match ? { exerciseSlug: match[1]!, misconceptionId: match[2]! } : null;
}

export function isKnownItem(item: ItemRef, catalog: ReviewCatalog = reviewCatalog()): boolean {
  if (item.itemType === "flashcard") return catalog.flashcards.has(item.itemId);
  if (item.itemType === "exercise") return catalog.exercises.has(item.itemId);
  const named = parseMisconceptionItemId(item.itemId);
  return named !== null && (catalog.exercises.get(named.exerciseSlug)?.meta.misconceptions.some((m) => m.id === named.misconceptionId) ?? false);
}

/**
 * The Lacuna item a CSV `card_id` names. Exports write `itemKey` ("flashcard:lr-cost-1-over-2m",
 * "exercise:softmax-forward", "misconception:linear-regression-cost/missing-one-half"), so an exported file
 * imports back into any account; anything else is unknown. (An imported misconception review is history only:
 * the item enters a queue when the grader names it in that account.)
 */
export function itemFromCardId(cardId: string, catalog: ReviewCatalog = reviewCatalog()): ItemRef | null {
  const match = /^(flashcard|exercise|misconception):(.+)$/.exec(cardId.trim());
  if (!match) return null;
  const item = { itemType: match[1] as ItemType, itemId: match[2]! };
  return isKnownItem(item, catalog) ? item : null;
}

export { itemKey };
