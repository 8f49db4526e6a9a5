// A review session's view of the learner: the due queue (lib/scheduling's buildQueue over every flashcard and
// exercise, and the learner's active misconception items), the card to show now (a flashcard, or a misconception
// item with its origin) with its rendered faces and the four buttons' next intervals, the exercises to solve
// again, the weakest topics and the coverage gaps.
import { getTopic, isTopicId, topicIds } from "@/exercises/topics";
import type { Lang } from "@/lib/i18n";
import { renderMarkdown } from "@/lib/markdown";
import {
  buildQueue,
  coverageGaps,
  createCard,
  itemKey,
  queueCounts,
  previewRatings,
  ratingNames,
  topicWeakness,
  weakestTopics,
  type DueQueue,
  type QueueCounts,
  type QueueEntry,
  type RatingName,
  type ItemRef,
  type LearnerSignalsInput,
  type ModelTopicWeakness,
  type TopicItem,
  type TopicWeakness,
} from "@/lib/scheduling";
import type { Db } from "@/lib/db";
import { flashcardFaces, reviewCatalog } from "./items";
import { misconceptionContent, misconceptionOrigin, type MisconceptionOrigin } from "./misconceptions";
import { undoableRating } from "./service";
import { loadLearnerState, type LearnerState } from "./store";
import { learnerWeakness, loadWeaknessSignals } from "./weakness";

/** How far ahead a (re)learning step may be shown when nothing else is due (Anki's "learn ahead limit"). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface RatingButton {
  rating: number;
  name: RatingName;
  /** The next interval if this rating is chosen ("10m", "4d"). */
  interval: string;
}

/**
 * A card ready to show: its faces as HTML (Markdown + KaTeX), the buttons, and what to send back. A flashcard, or
 * a misconception item (its question and answer from the exercise's metadata, and why it is there: `origin`).
 */
export interface CardView {
  itemType: "flashcard" | "misconception";
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
  /** A misconception item's origin (the submission that named it); null for a flashcard. */
  origin: MisconceptionOrigin | null;
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
  /** The weakness model's score (./weakness.ts) for the weakest topics; the coverage gaps carry none. */
  weakness: number | null;
  /** A studied prerequisite weaker still, which explains part of this topic's weakness (its id and name). */
  explainedBy: { topicId: string; name: string } | null;
  coverageGap: number;
  studiedItems: number;
  totalItems: number;
}

export interface SessionView {
  focusTopic: string | null;
  focusTopicName: string | null;
  current: CardView | null;
  /** Flashcards left in the queue, by kind (the current one included): `todayCounts`. */
  remaining: QueueCounts;
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

function gapSummary(t: TopicWeakness, lang: Lang): TopicSummary {
  return { topicId: t.topicId, name: topicName(t.topicId, lang) ?? t.topicId, weakness: null, explainedBy: null, coverageGap: t.coverageGap, studiedItems: t.studiedItems, totalItems: t.totalItems };
}

function weakSummary(t: ModelTopicWeakness, coverage: TopicWeakness | undefined, lang: Lang): TopicSummary {
  const { studiedItems, totalItems } = t.cardinality;
  return {
    topicId: t.topicId,
    name: topicName(t.topicId, lang) ?? t.topicId,
    weakness: t.weakness,
    explainedBy: t.explainedBy ? { topicId: t.explainedBy, name: topicName(t.explainedBy, lang) ?? t.explainedBy } : null,
    coverageGap: coverage?.coverageGap ?? (totalItems - studiedItems) / Math.max(1, totalItems),
    studiedItems,
    totalItems,
  };
}

/** What a session shows a card for: an entry of the queue (or the item an undo brings back). */
export type SessionEntry = Pick<QueueEntry, "itemType" | "itemId" | "kind" | "topicId">;

function ratingFaces(state: LearnerState, item: ItemRef, now: Date): Pick<CardView, "buttons" | "lastReview"> {
  const card = state.cards.find((c) => itemKey(c) === itemKey(item)) ?? createCard("", item, now);
  const previews = previewRatings(card, now, state.settings.scheduler);
  return {
    buttons: ratingNames.map((name) => ({ rating: previews[name].rating, name, interval: previews[name].label })),
    lastReview: card.lastReview?.toISOString() ?? null,
  };
}

export function cardView(state: LearnerState, entry: SessionEntry, now: Date, lang: Lang): CardView {
  if (entry.itemType === "misconception") return misconceptionCardView(state, entry, now, lang);
  const catalog = reviewCatalog();
  const flashcard = catalog.flashcards.get(entry.itemId);
  if (!flashcard) throw new Error(`unknown flashcard ${entry.itemId}`);
  const faces = flashcardFaces(entry.itemId, lang, catalog);
  return {
    itemType: "flashcard",
    itemId: entry.itemId,
    kind: entry.kind,
    topicId: entry.topicId ?? flashcard.topics[0] ?? null,
    topicName: topicName(entry.topicId ?? flashcard.topics[0] ?? null, lang),
    questionHtml: renderMarkdown(faces.question),
    answerHtml: renderMarkdown(faces.answer),
    extraHtml: faces.extra ? renderMarkdown(faces.extra) : null,
    ...ratingFaces(state, { itemType: "flashcard", itemId: entry.itemId }, now),
    origin: null,
  };
}

/** A misconception item: its review question and answer; after the answer, what the grader saw (title, explanation). */
function misconceptionCardView(state: LearnerState, entry: SessionEntry, now: Date, lang: Lang): CardView {
  const active = state.misconceptions.find((m) => m.itemId === entry.itemId);
  const content = active ? misconceptionContent(active.exerciseSlug, active.misconceptionId) : null;
  if (!active || !content) throw new Error(`no active misconception item ${entry.itemId}`);
  const topicId = entry.topicId ?? content.exercise.meta.topics[0] ?? null;
  return {
    itemType: "misconception",
    itemId: entry.itemId,
    kind: entry.kind,
    topicId,
    topicName: topicName(topicId, lang),
    questionHtml: renderMarkdown(content.review.question[lang]),
    answerHtml: renderMarkdown(content.review.answer[lang]),
    extraHtml: renderMarkdown(`**${content.misconception.title[lang]}**\n\n${content.misconception.explanation[lang]}`),
    ...ratingFaces(state, { itemType: "misconception", itemId: entry.itemId }, now),
    origin: misconceptionOrigin(active, content, lang, state.settings.scheduler.timezone, now),
  };
}

/** The learner's active misconception items as queue items (those whose review content is still authored). */
export function misconceptionQueueItems(state: LearnerState): TopicItem[] {
  return state.misconceptions.flatMap((m) => {
    const content = misconceptionContent(m.exerciseSlug, m.misconceptionId);
    return content ? [{ itemType: "misconception" as const, itemId: m.itemId, topics: [...content.exercise.meta.topics] }] : [];
  });
}

export interface SessionOptions {
  focusTopic?: string | null;
  lang: Lang;
  now?: Date;
  /** Show this card first (the card whose rating was just undone), whatever the queue order. */
  showFirst?: ItemRef | null;
  /**
   * The weakness model's evidence beyond reviews (loadWeaknessSignals: submissions, active misconception items);
   * without it, the active misconception items of `state` only.
   */
  signals?: LearnerSignalsInput;
}

/**
 * Today's queue for a learner: the one place the session, its counts and the statistics page take it from. Reviews
 * are ordered weakest topic first by `weakness` (the model's, as the session computes it); the counts do not depend on it.
 */
export function sessionQueue(state: LearnerState, now: Date, focusTopic: string | null = null, weakness?: ReadonlyMap<string, number | null>): DueQueue {
  return buildQueue({
    ...(weakness ? { topicWeakness: weakness } : {}),
    items: [...reviewCatalog().items, ...misconceptionQueueItems(state)],
    cards: state.cards,
    logs: state.logs,
    now,
    settings: state.settings.scheduler,
    options: { dailyNewLimit: state.settings.dailyNewLimit, learnAheadMs: LEARN_AHEAD_MS, ...(focusTopic ? { focusTopic } : {}) },
  });
}

/**
 * The day's counts as the review header shows them (and /review/stats and the home page with it): the cards of
 * the session by kind (learning / due / new, `queueCounts`: flashcards and misconception items, both reviewed
 * here), and the exercises due, which are solved on their own page.
 */
export interface TodayCounts {
  flashcards: QueueCounts;
  exercises: number;
  newStartedToday: number;
  newLimit: number;
}

/** Reviewed in the session (flashcards, misconception items), not solved on an exercise's page. */
function isSessionCard(entry: Pick<QueueEntry, "itemType">): boolean {
  return entry.itemType !== "exercise";
}

export function todayCounts(state: LearnerState, queue: DueQueue): TodayCounts {
  return {
    flashcards: queueCounts(queue.entries.filter(isSessionCard)),
    exercises: queue.entries.filter((e) => e.itemType === "exercise").length,
    newStartedToday: queue.newStartedToday,
    newLimit: state.settings.dailyNewLimit,
  };
}

/** Whether the session can show this item as a card: a known flashcard, or an active misconception item. */
function canShow(state: LearnerState, item: ItemRef): boolean {
  if (item.itemType === "flashcard") return reviewCatalog().flashcards.has(item.itemId);
  return item.itemType === "misconception" && misconceptionQueueItems(state).some((m) => m.itemId === item.itemId);
}

/** The session for a learner from an already loaded state (pure apart from rendering). */
export function sessionFromState(state: LearnerState, options: SessionOptions): SessionView {
  const now = options.now ?? new Date();
  const { items } = reviewCatalog();
  const focusTopic = options.focusTopic && isTopicId(options.focusTopic) ? options.focusTopic : null;
  const settings = state.settings.scheduler;
  const signals = options.signals ?? { activeMisconceptions: state.misconceptions.map((m) => ({ exerciseId: m.exerciseSlug, misconceptionId: m.misconceptionId })) };
  const model = learnerWeakness(state.cards, state.logs, signals, settings);
  const queue = sessionQueue(state, now, focusTopic, new Map(model.map((t) => [t.topicId, t.weakness])));
  const cards = queue.entries.filter(isSessionCard);
  const undone = options.showFirst && canShow(state, options.showFirst) ? options.showFirst : null;
  // Nothing due now but a (re)learning step due within the learn-ahead limit: the queue ends with it, so the
  // session shows it rather than ending one minute before the card comes back, and counts it as learning.
  const currentEntry: SessionEntry | undefined = undone
    ? (cards.find((e) => itemKey(e) === itemKey(undone)) ?? { itemType: undone.itemType, itemId: undone.itemId, kind: "review", topicId: null })
    : cards[0];
  const counts = todayCounts(state, queue);
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
    remaining: counts.flashcards,
    solveAgain,
    weakest: weakestTopics(model, 5).map((t) => weakSummary(t, weakness.find((w) => w.topicId === t.topicId), options.lang)),
    // Gaps inside topics already started come first (the learner is mid-way there), then untouched topics in
    // the topic map's order, which is the order the queue will introduce them in.
    gaps: [
      ...coverageGaps(weakness).filter((t) => t.studiedItems > 0),
      ...coverageGaps(weakness)
        .filter((t) => t.studiedItems === 0)
        .sort((a, b) => topicRank(a.topicId) - topicRank(b.topicId)),
    ]
      .slice(0, 8)
      .map((t) => gapSummary(t, options.lang)),
    newLimit: counts.newLimit,
    newStartedToday: counts.newStartedToday,
    canUndo: canUndoLastRating(state),
  };
}

/** Whether the session's Undo would take a rating back now: undoLastReview's choice over the loaded logs. */
function canUndoLastRating(state: LearnerState): boolean {
  const ratings = state.logs.filter((l) => !l.undone && l.source === "review");
  const latest = ratings.reduce<(typeof ratings)[number] | null>((a, b) => (!a || b.review > a.review || (b.review.getTime() === a.review.getTime() && b.id > a.id) ? b : a), null);
  const card = latest && state.cards.find((c) => c.id === latest.cardId);
  if (!latest || !card) return false;
  const sameInstant = ratings.filter((l) => l.cardId === latest.cardId && l.review.getTime() === latest.review.getTime());
  return undoableRating(latest, sameInstant, card) !== null;
}

/**
 * Logs older than this do not change today's counts: the queue counts today's new items; a day of slack covers the
 * learner's day boundary. (A session loads every log: the weakness model weighs the whole history.)
 */
export const SESSION_LOG_DAYS = 15;

export async function loadSession(db: Db, userId: string, options: SessionOptions): Promise<SessionView> {
  const now = options.now ?? new Date();
  const [state, signals] = await Promise.all([loadLearnerState(db, userId), loadWeaknessSignals(db, [userId])]);
  return sessionFromState(state, { ...options, now, signals: signals.get(userId)! });
}
