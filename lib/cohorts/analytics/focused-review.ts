// "Send a focused review": an instructor puts one topic in front of some of the cohort's learners, now.
//
// What it does (decided for issue 14, item 3): for each learner, every card of the topic they have studied —
// the topic's flashcards and exercises, and their misconception items of the topic's exercises — that is not
// due yet is made due now (`due` = now). Nothing else of the card changes (stability, difficulty, history), so
// FSRS simply sees an early review, as after Anki's "set due date"; an undo of a later rating still restores
// that card's due. The cards then lead the learner's /review queue (due today), and /review?topic=<id> (the link
// the result gives) focuses a session on the topic, which also introduces its new cards within the daily limit.
// Items the learner never studied are left to that focused session: a card cannot be "due" before it exists.
import type { Db } from "@/lib/db";
import { isTopicId } from "@/exercises/topics";
import { reviewCatalog } from "@/lib/review/items";
import { misconceptionItemId } from "@/lib/review/items";
import { CardState, type ItemType } from "@/lib/scheduling";
import { focusedReviewSchema } from "./schema";

export interface FocusedReviewSent {
  topicId: string;
  learners: number;
  /** Cards made due now, over all the learners. */
  cards: number;
  /** The learners' focused session. */
  href: string;
}

export type FocusedReviewResult = { ok: true; value: FocusedReviewSent } | { ok: false; error: string };

export function focusedReviewHref(topicId: string): string {
  return `/review?topic=${encodeURIComponent(topicId)}`;
}

export async function sendFocusedReview(db: Db, cohortId: string, raw: unknown, now: Date = new Date()): Promise<FocusedReviewResult> {
  const parsed = focusedReviewSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message.startsWith("cohorts.") ? parsed.error.issues[0].message : "cohorts.analytics.errors.noLearners" };
  const { topicId, learnerIds } = parsed.data;
  if (!isTopicId(topicId)) return { ok: false, error: "cohorts.analytics.errors.topicUnknown" };
  const members = await db.cohortMember.count({ where: { cohortId, removedAt: null, userId: { in: learnerIds } } });
  if (members !== learnerIds.length) return { ok: false, error: "cohorts.analytics.errors.notMember" };

  const catalog = reviewCatalog();
  const ids: Record<ItemType, string[]> = { flashcard: [], exercise: [], misconception: [] };
  for (const item of catalog.items) if (item.topics.includes(topicId)) ids[item.itemType].push(item.itemId);
  const topicExercises = new Set(ids.exercise);
  const misconceptions = await db.misconceptionItem.findMany({
    where: { userId: { in: learnerIds }, activeKey: { not: null }, exerciseSlug: { in: [...topicExercises] } },
    select: { exerciseSlug: true, misconceptionId: true },
  });
  ids.misconception = [...new Set(misconceptions.map((m) => misconceptionItemId(m.exerciseSlug, m.misconceptionId)))];
  const which = (Object.keys(ids) as ItemType[]).filter((t) => ids[t].length > 0).map((itemType) => ({ itemType, itemId: { in: ids[itemType] } }));
  const { count } = which.length
    ? await db.srsCard.updateMany({
        where: { userId: { in: learnerIds }, state: { not: CardState.New }, due: { gt: now }, OR: which },
        data: { due: now },
      })
    : { count: 0 };
  return { ok: true, value: { topicId, learners: learnerIds.length, cards: count, href: focusedReviewHref(topicId) } };
}
