// What can be scheduled: every flashcard and every exercise, each with the topics it trains. The order of the
// list matters to the queue (ties among new items keep it): flashcards in topic-map order then file order, then
// exercises by topic-map position and difficulty, so within a topic the cards come before its exercise.
import { loadCatalog, type ExerciseEntry } from "@/exercises/catalog";
import { loadFlashcards, type Flashcard } from "@/exercises/flashcards";
import { topicIds } from "@/exercises/topics";
import { itemKey, type ItemRef, type ItemType, type TopicItem } from "@/lib/scheduling";

export interface ReviewCatalog {
  items: TopicItem[];
  flashcards: Map<string, Flashcard>;
  exercises: Map<string, ExerciseEntry>;
}

let cached: ReviewCatalog | undefined;

export function reviewCatalog(): ReviewCatalog {
  if (cached) return cached;
  const flashcards = loadFlashcards();
  const topicRank = (topics: readonly string[]) => (topicIds as readonly string[]).indexOf(topics[0] ?? "");
  const exercises = [...loadCatalog()].sort(
    (a, b) => topicRank(a.meta.topics) - topicRank(b.meta.topics) || a.meta.difficulty - b.meta.difficulty || a.meta.slug.localeCompare(b.meta.slug),
  );
  const items: TopicItem[] = [
    ...flashcards.map((c) => ({ itemType: "flashcard" as const, itemId: c.id, topics: [...c.topics] })),
    ...exercises.map((e) => ({ itemType: "exercise" as const, itemId: e.meta.slug, topics: [...e.meta.topics] })),
  ];
  cached = { items, flashcards: new Map(flashcards.map((c) => [c.id, c])), exercises: new Map(exercises.map((e) => [e.meta.slug, e])) };
  return cached;
}

export function isKnownItem(item: ItemRef, catalog: ReviewCatalog = reviewCatalog()): boolean {
  return item.itemType === "flashcard" ? catalog.flashcards.has(item.itemId) : catalog.exercises.has(item.itemId);
}

/**
 * The Lacuna item a CSV `card_id` names. Exports write `itemKey` ("flashcard:lr-cost-1-over-2m",
 * "exercise:softmax-forward"), so an exported file imports back into any account; anything else is unknown.
 */
export function itemFromCardId(cardId: string, catalog: ReviewCatalog = reviewCatalog()): ItemRef | null {
  const match = /^(flashcard|exercise):(.+)$/.exec(cardId.trim());
  if (!match) return null;
  const item = { itemType: match[1] as ItemType, itemId: match[2]! };
  return isKnownItem(item, catalog) ? item : null;
}

export { itemKey };
