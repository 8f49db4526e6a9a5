/**
 * A learner's queue for now, in the order to work through it:
 *
 * 1. (Re)learning cards whose short step is due (due ≤ now), earliest first: minutes-long steps lose their
 *    point if they wait behind a long review session.
 * 2. Review cards due today (their due falls on or before the learner's local today), the weakest topics first
 *    (the item's weakest topic's weakness score, see ../weakness) and, within equal weakness, the lowest
 *    current retrievability first, i.e. the most overdue relative to its stability.
 * 3. New items, at most `dailyNewLimit` minus those already started today (local day), in the order of the
 *    topic map's prerequisites (`topicsInPrerequisiteOrder`): an item tagged with several topics waits for the
 *    latest of them, so it never precedes one of its prerequisites. Ties keep the caller's item order (e.g. an
 *    exercise's order inside its topic).
 *
 * 4. (Re)learning cards whose step comes due within `learnAheadMs` (Anki's learn-ahead limit), earliest first:
 *    what is left of the session once everything due has been seen.
 *
 * With `focusTopic`, all parts keep only that topic's items. `queueCounts` counts the entries by kind: the
 * learning / due / new figures every page shows.
 */
import { topicsInPrerequisiteOrder } from "../../../exercises/topics";
import { CardState, itemKey, localDay, retrievability, type SrsCardState, type SrsReviewLogEntry } from "../core/core";
import type { SchedulerSettings } from "../core/schema";
import { topicWeakness, type TopicItem } from "../weakness/core";
import { queueOptionsSchema, type QueueOptionsInput } from "./schema";

export type QueueEntryKind = "learning" | "review" | "new";

export interface QueueEntry {
  itemType: TopicItem["itemType"];
  itemId: string;
  kind: QueueEntryKind;
  /** null for new items (no card yet). */
  due: Date | null;
  /** Current predicted recall (0 for new items). */
  retrievability: number;
  /** The topic that placed the item: its weakest topic for reviews and steps, its latest prerequisite-order topic for new items. */
  topicId: string | null;
  /** That topic's weakness score; null for new items. */
  topicWeakness: number | null;
}

export interface DueQueue {
  entries: QueueEntry[];
  newStartedToday: number;
  newRemainingToday: number;
}

export interface QueueInput {
  items: readonly TopicItem[];
  cards: readonly SrsCardState[];
  logs: readonly SrsReviewLogEntry[];
  now: Date;
  settings: SchedulerSettings;
  options?: QueueOptionsInput;
  /** Topic ids in introduction order; defaults to the topic map's prerequisite order. */
  topicOrder?: readonly string[];
  /**
   * Each topic's weakness, as the caller computed it (the app: the weakness model with every signal). Without it,
   * the history-averaged difficulty of ../weakness/core.ts from `cards` and `logs`.
   */
  topicWeakness?: ReadonlyMap<string, number | null>;
}

export function buildQueue(input: QueueInput): DueQueue {
  const options = queueOptionsSchema.parse(input.options ?? {});
  const { now, settings } = input;
  const items = options.focusTopic ? input.items.filter((i) => i.topics.includes(options.focusTopic!)) : input.items;
  const cardsByKey = new Map(input.cards.map((c) => [itemKey(c), c]));
  const weaknessByTopic =
    input.topicWeakness ?? new Map(topicWeakness({ items: input.items, cards: input.cards, logs: input.logs, now, settings, options: options.weakness }).map((t) => [t.topicId, t.weakness]));
  const today = localDay(now, settings.timezone, settings.dayStartsAtHour);

  const learning: QueueEntry[] = [];
  const learningAhead: QueueEntry[] = [];
  const reviews: QueueEntry[] = [];
  const fresh: { item: TopicItem; order: number; topicId: string | null; index: number }[] = [];
  const topicRank = new Map((input.topicOrder ?? topicsInPrerequisiteOrder().map((t) => t.id)).map((id, i) => [id, i]));

  items.forEach((item, index) => {
    const card = cardsByKey.get(itemKey(item));
    if (!card || card.state === CardState.New) {
      const ranked = item.topics.filter((t) => topicRank.has(t));
      const latest = ranked.reduce<string | null>((best, t) => (best === null || topicRank.get(t)! > topicRank.get(best)! ? t : best), null);
      fresh.push({ item, order: latest === null ? Number.MAX_SAFE_INTEGER : topicRank.get(latest)!, topicId: latest, index });
      return;
    }
    const r = retrievability(card, now, settings);
    let topicId: string | null = null;
    let weakness: number | null = null;
    for (const t of item.topics) {
      const w = weaknessByTopic.get(t) ?? null;
      if (topicId === null || (w ?? -1) > (weakness ?? -1)) {
        topicId = t;
        weakness = w;
      }
    }
    if (card.state === CardState.Learning || card.state === CardState.Relearning) {
      const entry: QueueEntry = { itemType: item.itemType, itemId: item.itemId, kind: "learning", due: card.due, retrievability: r, topicId, topicWeakness: weakness };
      if (card.due.getTime() <= now.getTime()) learning.push(entry);
      else if (card.due.getTime() <= now.getTime() + options.learnAheadMs) learningAhead.push(entry);
      return;
    }
    if (localDay(card.due, settings.timezone, settings.dayStartsAtHour) > today) return;
    reviews.push({ itemType: item.itemType, itemId: item.itemId, kind: "review", due: card.due, retrievability: r, topicId, topicWeakness: weakness });
  });

  learning.sort((a, b) => a.due!.getTime() - b.due!.getTime());
  learningAhead.sort((a, b) => a.due!.getTime() - b.due!.getTime());
  reviews.sort((a, b) => (b.topicWeakness ?? 0) - (a.topicWeakness ?? 0) || a.retrievability - b.retrievability || a.due!.getTime() - b.due!.getTime());
  const cappedReviews = options.maxReviews === undefined ? reviews : reviews.slice(0, options.maxReviews);

  const newStartedToday = countNewStartedOn(input.logs, today, settings);
  const newRemainingToday = Math.max(0, options.dailyNewLimit - newStartedToday);
  fresh.sort((a, b) => a.order - b.order || a.index - b.index);
  const newEntries: QueueEntry[] = fresh
    .slice(0, newRemainingToday)
    .map(({ item, topicId }) => ({ itemType: item.itemType, itemId: item.itemId, kind: "new", due: null, retrievability: 0, topicId, topicWeakness: null }));

  return { entries: [...learning, ...cappedReviews, ...newEntries, ...learningAhead], newStartedToday, newRemainingToday };
}

export interface QueueCounts {
  /** Items in a (re)learning step due now or within the learn-ahead limit: they come back in this session. */
  learning: number;
  /** Graduated items due on or before the learner's local today (overdue included). */
  review: number;
  /** New items the daily limit still lets in today. */
  new: number;
}

/** The learning / due / new counts of a queue (or of the part of it a page shows, e.g. its flashcards). */
export function queueCounts(entries: readonly Pick<QueueEntry, "kind">[]): QueueCounts {
  const counts: QueueCounts = { learning: 0, review: 0, new: 0 };
  for (const entry of entries) counts[entry.kind] += 1;
  return counts;
}

/** Items the learner started (first kept review of a New card) on the given local day. */
export function countNewStartedOn(logs: readonly SrsReviewLogEntry[], day: string, settings: Pick<SchedulerSettings, "timezone" | "dayStartsAtHour">): number {
  const started = new Set<string>();
  for (const log of logs) {
    if (!log.undone && log.state === CardState.New && localDay(log.review, settings.timezone, settings.dayStartsAtHour) === day) started.add(itemKey(log));
  }
  return started.size;
}
