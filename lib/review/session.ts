// A review session's view of the learner: the due queue (lib/scheduling's buildQueue over every flashcard and
// exercise), the flashcard to show now with its rendered faces and the four buttons' next intervals, the
// exercises to solve again, the weakest topics and the coverage gaps.
import { renderCard } from "@/exercises/flashcards";
import { getTopic, isTopicId, topicIds } from "@/exercises/topics";
import type { Lang } from "@/lib/i18n";
import { renderMarkdown } from "@/lib/markdown";
import {
  buildQueue,
  coverageGaps,
  createCard,
  itemKey,
  previewRatings,
  ratingNames,
  topicWeakness,
  weakestTopics,
  type QueueEntry,
  type RatingName,
  type TopicWeakness,
} from "@/lib/scheduling";
import type { Db } from "@/lib/db";
import { reviewCatalog } from "./items";
import { loadLearnerState, type LearnerState } from "./store";

/** How far ahead a (re)learning step may be shown when nothing else is due (Anki's "learn ahead limit"). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface RatingButton {
  rating: number;
  name: RatingName;
  /** The next interval if this rating is chosen ("10m", "4d"). */
  interval: string;
}

/** A flashcard ready to show: its faces as HTML (Markdown + KaTeX), the buttons, and what to send back. */
export interface CardView {
  itemId: string;
  kind: QueueEntry["kind"];
  topicId: string | null;
  topicName: string | null;
  questionHtml: string;
  answerHtml: string;
  extraHtml: string | null;
  buttons: RatingButton[];
  /** The card's last review (ISO) when shown; sent back with the rating so a stale screen cannot rate. */
  lastReview: string | null;
}

export interface SolveAgainItem {
  slug: string;
  title: string;
  kind: QueueEntry["kind"];
  topicName: string | null;
}

export interface TopicSummary {
  topicId: string;
  name: string;
  weakness: number | null;
  coverageGap: number;
  studiedItems: number;
  totalItems: number;
}

export interface SessionView {
  focusTopic: string | null;
  focusTopicName: string | null;
  current: CardView | null;
  /** Flashcards left in the queue, by kind (the current one included). */
  remaining: { learning: number; review: number; new: number };
  solveAgain: SolveAgainItem[];
  weakest: TopicSummary[];
  gaps: TopicSummary[];
  newLimit: number;
  newStartedToday: number;
  /** There is a rating given in a review session that undo would take back. */
  canUndo: boolean;
}

/** Position of a topic in the topic map (the notes' order); unknown ids last. */
export function topicRank(topicId: string): number {
  const index = (topicIds as readonly string[]).indexOf(topicId);
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

export function topicName(topicId: string | null, lang: Lang): string | null {
  if (!topicId) return null;
  return isTopicId(topicId) ? getTopic(topicId).name[lang] : topicId;
}

function summary(t: TopicWeakness, lang: Lang): TopicSummary {
  return { topicId: t.topicId, name: topicName(t.topicId, lang) ?? t.topicId, weakness: t.weakness, coverageGap: t.coverageGap, studiedItems: t.studiedItems, totalItems: t.totalItems };
}

export function cardView(state: LearnerState, entry: Pick<QueueEntry, "itemId" | "kind" | "topicId">, now: Date, lang: Lang): CardView {
  const catalog = reviewCatalog();
  const flashcard = catalog.flashcards.get(entry.itemId);
  if (!flashcard) throw new Error(`unknown flashcard ${entry.itemId}`);
  const item = { itemType: "flashcard" as const, itemId: entry.itemId };
  const card = state.cards.find((c) => itemKey(c) === itemKey(item)) ?? createCard("", item, now);
  const faces = renderCard(flashcard, lang);
  const previews = previewRatings(card, now, state.settings.scheduler);
  return {
    itemId: entry.itemId,
    kind: entry.kind,
    topicId: entry.topicId ?? flashcard.topics[0] ?? null,
    topicName: topicName(entry.topicId ?? flashcard.topics[0] ?? null, lang),
    questionHtml: renderMarkdown(faces.question),
    answerHtml: renderMarkdown(faces.answer),
    extraHtml: faces.extra ? renderMarkdown(faces.extra) : null,
    buttons: ratingNames.map((name) => ({ rating: previews[name].rating, name, interval: previews[name].label })),
    lastReview: card.lastReview?.toISOString() ?? null,
  };
}

export interface SessionOptions {
  focusTopic?: string | null;
  lang: Lang;
  now?: Date;
  /** Show this flashcard first (the card whose rating was just undone), whatever the queue order. */
  showFirst?: string | null;
}

/** The session for a learner from an already loaded state (pure apart from rendering). */
export function sessionFromState(state: LearnerState, options: SessionOptions): SessionView {
  const now = options.now ?? new Date();
  const { items } = reviewCatalog();
  const focusTopic = options.focusTopic && isTopicId(options.focusTopic) ? options.focusTopic : null;
  const settings = state.settings.scheduler;
  const queue = buildQueue({
    items,
    cards: state.cards,
    logs: state.logs,
    now,
    settings,
    options: { dailyNewLimit: state.settings.dailyNewLimit, ...(focusTopic ? { focusTopic } : {}) },
  });
  const flashcards = queue.entries.filter((e) => e.itemType === "flashcard");
  const undone = options.showFirst && reviewCatalog().flashcards.has(options.showFirst) ? options.showFirst : null;
  let currentEntry: Pick<QueueEntry, "itemId" | "kind" | "topicId"> | undefined = undone
    ? (flashcards.find((e) => e.itemId === undone) ?? { itemId: undone, kind: "review", topicId: null })
    : flashcards[0];
  if (!currentEntry) {
    // Nothing due now: show a (re)learning step due within the learn-ahead limit rather than ending the session
    // one minute before a card comes back.
    const focusItems = focusTopic ? new Set(items.filter((i) => i.topics.includes(focusTopic)).map(itemKey)) : null;
    const ahead = state.cards
      .filter((c) => c.itemType === "flashcard" && (c.state === 1 || c.state === 3) && c.due.getTime() <= now.getTime() + LEARN_AHEAD_MS)
      .filter((c) => !focusItems || focusItems.has(itemKey(c)))
      .sort((a, b) => a.due.getTime() - b.due.getTime())[0];
    if (ahead && reviewCatalog().flashcards.has(ahead.itemId)) currentEntry = { itemId: ahead.itemId, kind: "learning", topicId: null };
  }
  const count = (kind: QueueEntry["kind"]) => flashcards.filter((e) => e.kind === kind).length;
  const catalog = reviewCatalog();
  const solveAgain = queue.entries
    .filter((e) => e.itemType === "exercise")
    .flatMap((e) => {
      const exercise = catalog.exercises.get(e.itemId);
      return exercise ? [{ slug: e.itemId, title: exercise.meta.title[options.lang], kind: e.kind, topicName: topicName(focusTopic ?? e.topicId, options.lang) }] : [];
    });
  const weakness = topicWeakness({ items, cards: state.cards, logs: state.logs, now, settings });
  return {
    focusTopic,
    focusTopicName: topicName(focusTopic, options.lang),
    // In a focused session every item is shown under the focus topic, not under another topic it also trains.
    current: currentEntry ? cardView(state, focusTopic ? { ...currentEntry, topicId: focusTopic } : currentEntry, now, options.lang) : null,
    remaining: { learning: count("learning"), review: count("review"), new: count("new") },
    solveAgain,
    weakest: weakestTopics(weakness, 5).map((t) => summary(t, options.lang)),
    // Gaps inside topics already started come first (the learner is mid-way there), then untouched topics in
    // the topic map's order, which is the order the queue will introduce them in.
    gaps: [
      ...coverageGaps(weakness).filter((t) => t.studiedItems > 0),
      ...coverageGaps(weakness)
        .filter((t) => t.studiedItems === 0)
        .sort((a, b) => topicRank(a.topicId) - topicRank(b.topicId)),
    ]
      .slice(0, 8)
      .map((t) => summary(t, options.lang)),
    newLimit: state.settings.dailyNewLimit,
    newStartedToday: queue.newStartedToday,
    canUndo: state.logs.some((l) => !l.undone && l.source === "review"),
  };
}

/**
 * Logs older than this do not change a session: the queue counts today's new items and the weakness score
 * looks 14 days back (lib/scheduling's default `recentDays`); a day of slack covers the learner's day boundary.
 */
export const SESSION_LOG_DAYS = 15;

export async function loadSession(db: Db, userId: string, options: SessionOptions): Promise<SessionView> {
  const now = options.now ?? new Date();
  return sessionFromState(await loadLearnerState(db, userId, new Date(now.getTime() - SESSION_LOG_DAYS * 86_400_000)), { ...options, now });
}
