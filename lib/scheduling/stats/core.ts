/**
 * Statistics over a learner's cards and review logs. Every function skips undone reviews.
 */
import { CardState, itemKey, localDay, retrievability, type SrsCardState, type SrsReviewLogEntry } from "../core/core";
import { Rating, type SchedulerSettings } from "../core/schema";
import type { TopicItem } from "../weakness/core";
import { masteryOptionsSchema, type MasteryOptionsInput } from "./schema";

const DAY_MS = 86_400_000;

export interface TrueRetention {
  /** First-of-day reviews of cards in the Review state, in the window. */
  reviews: number;
  /** Of those, recalled (Hard, Good or Easy). */
  recalled: number;
  /** recalled / reviews, null without reviews. */
  retention: number | null;
  target: number;
  /** retention − target, null without reviews: below 0 means the learner forgets more than intended. */
  gap: number | null;
}

/**
 * True retention (Anki's definition): of the reviews of cards that had graduated to Review, counting only the
 * first review of an item on each local day, the share that was recalled, against the desired retention.
 */
export function trueRetention(logs: readonly SrsReviewLogEntry[], target: number, window?: { from: Date; to: Date }): TrueRetention {
  let reviews = 0;
  let recalled = 0;
  for (const log of logs) {
    if (log.undone || !log.firstOfDay || log.state !== CardState.Review) continue;
    if (window && (log.review < window.from || log.review >= window.to)) continue;
    reviews += 1;
    if (log.rating !== Rating.Again) recalled += 1;
  }
  const retention = reviews === 0 ? null : recalled / reviews;
  return { reviews, recalled, retention, target, gap: retention === null ? null : retention - target };
}

export interface DayCount {
  /** Local day "YYYY-MM-DD". */
  day: string;
  reviews: number;
  /** Of which rated Again. */
  again: number;
  /** Of which started a new item. */
  newItems: number;
}

/** Reviews per local day for the `days` days ending today (oldest first, zero-filled). */
export function reviewsPerDay(logs: readonly SrsReviewLogEntry[], now: Date, days: number, settings: Pick<SchedulerSettings, "timezone" | "dayStartsAtHour">): DayCount[] {
  const dayList = lastLocalDays(now, days, settings);
  const byDay = new Map(dayList.map((day) => [day, { day, reviews: 0, again: 0, newItems: 0 }]));
  for (const log of logs) {
    if (log.undone) continue;
    const entry = byDay.get(localDay(log.review, settings.timezone, settings.dayStartsAtHour));
    if (!entry) continue;
    entry.reviews += 1;
    if (log.rating === Rating.Again) entry.again += 1;
    if (log.state === CardState.New) entry.newItems += 1;
  }
  return dayList.map((d) => byDay.get(d)!);
}

export interface ForecastDay {
  day: string;
  /** Cards falling due that day; day 0 also holds everything already overdue. */
  due: number;
}

/** How many studied cards fall due on each of the next `days` local days (default 30), today first. */
export function dueForecast(cards: readonly SrsCardState[], now: Date, settings: Pick<SchedulerSettings, "timezone" | "dayStartsAtHour">, days = 30): ForecastDay[] {
  const dayList = Array.from({ length: days }, (_, i) => localDay(new Date(now.getTime() + i * DAY_MS), settings.timezone, settings.dayStartsAtHour));
  const counts = new Map(dayList.map((d) => [d, 0]));
  const today = dayList[0]!;
  for (const card of cards) {
    if (card.state === CardState.New) continue;
    const day = localDay(card.due, settings.timezone, settings.dayStartsAtHour);
    const key = day < today ? today : day;
    if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
  }
  return dayList.map((day) => ({ day, due: counts.get(day)! }));
}

function lastLocalDays(now: Date, days: number, settings: Pick<SchedulerSettings, "timezone" | "dayStartsAtHour">): string[] {
  const list: string[] = [];
  for (let i = days - 1; i >= 0; i--) list.push(localDay(new Date(now.getTime() - i * DAY_MS), settings.timezone, settings.dayStartsAtHour));
  return [...new Set(list)];
}

export type MasteryBand = "not-started" | "attempted" | "familiar" | "proficient" | "mastered";

export interface TopicMastery {
  topicId: string;
  band: MasteryBand;
  studiedItems: number;
  totalItems: number;
  /** Mean predicted recall of studied items now; null when none is studied. */
  recall: number | null;
}

/**
 * Khan-Academy-like mastery bands per topic, from coverage and FSRS memory:
 *   not-started  no item studied
 *   attempted    some items studied, mean recall now < 0.7
 *   familiar     mean recall now ≥ 0.7 (any coverage)
 *   proficient   every item studied and mean recall now ≥ 0.9
 *   mastered     proficient and every item mature (stability ≥ 21 days): it has survived spaced reviews,
 *                the FSRS analogue of Khan's "mastered through a mixed challenge later"
 */
export function topicMastery(items: readonly TopicItem[], cards: readonly SrsCardState[], now: Date, settings: Pick<SchedulerSettings, "parameters">, options: MasteryOptionsInput = {}): TopicMastery[] {
  const o = masteryOptionsSchema.parse(options);
  const cardsByKey = new Map(cards.map((c) => [itemKey(c), c]));
  const byTopic = new Map<string, TopicItem[]>();
  for (const item of items) for (const t of item.topics) byTopic.set(t, [...(byTopic.get(t) ?? []), item]);
  return [...byTopic].map(([topicId, topicItems]) => {
    const studied = topicItems.flatMap((i) => {
      const c = cardsByKey.get(itemKey(i));
      return c && c.state !== CardState.New ? [c] : [];
    });
    const recall = studied.length === 0 ? null : studied.reduce((s, c) => s + retrievability(c, now, settings), 0) / studied.length;
    const complete = studied.length === topicItems.length;
    let band: MasteryBand;
    if (recall === null) band = "not-started";
    else if (complete && recall >= o.proficientRecall) band = studied.every((c) => c.stability >= o.masteredStabilityDays) ? "mastered" : "proficient";
    else if (recall >= o.familiarRecall) band = "familiar";
    else band = "attempted";
    return { topicId, band, studiedItems: studied.length, totalItems: topicItems.length, recall };
  });
}
