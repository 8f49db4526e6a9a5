/**
 * Statistics over a learner's cards and review logs. Every function skips undone reviews.
 */
import { CardState, itemKey, localDay, localDayNumber, retrievability, type SrsCardState, type SrsReviewLogEntry } from "../core/core";
import { Rating, type SchedulerSettings } from "../core/schema";
import type { TopicItem } from "../weakness/core";
import { masteryOptionsSchema, reviewFiguresOptionsSchema, type MasteryOptionsInput, type ReviewFiguresOptionsInput } from "./schema";

const DAY_MS = 86_400_000;

/** A local day number (`localDayNumber`) as the day's name, "YYYY-MM-DD" (what `localDay` returns). */
const dayName = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

export interface TrueRetention {
  /** First-of-day reviews of cards in the Review state, in the window: the reviews that qualify. */
  reviews: number;
  /** Of those, recalled (Hard, Good or Easy). */
  recalled: number;
  /** recalled / reviews, null without reviews. */
  retention: number | null;
  target: number;
  /** retention − target, null without reviews: below 0 means the learner forgets more than intended. */
  gap: number | null;
  /** Every kept review in the window, qualifying or not: "`reviews` of your `considered` reviews qualify". */
  considered: number;
  /** Left out because the card had not graduated before the review (New, Learning or Relearning). */
  notGraduated: number;
  /** Left out as a later review of a graduated card on the same local day. */
  sameDay: number;
}

/**
 * True retention (Anki's definition): of the reviews of cards that had graduated to Review, counting only the
 * first review of an item on each local day, the share that was recalled, against the desired retention. The
 * reviews left out are counted too (`considered` = `reviews` + `notGraduated` + `sameDay`), so a page can say
 * why a learner with 9 reviews has no retention yet: none of them was of a graduated card.
 */
export function trueRetention(logs: readonly SrsReviewLogEntry[], target: number, window?: { from: Date; to: Date }): TrueRetention {
  let reviews = 0;
  let recalled = 0;
  let considered = 0;
  let notGraduated = 0;
  let sameDay = 0;
  for (const log of logs) {
    if (log.undone) continue;
    if (window && (log.review < window.from || log.review >= window.to)) continue;
    considered += 1;
    if (log.state !== CardState.Review) notGraduated += 1;
    else if (!log.firstOfDay) sameDay += 1;
    else {
      reviews += 1;
      if (log.rating !== Rating.Again) recalled += 1;
    }
  }
  const retention = reviews === 0 ? null : recalled / reviews;
  return { reviews, recalled, retention, target, gap: retention === null ? null : retention - target, considered, notGraduated, sameDay };
}

/** The local days a statistics window covers: the last `days` of them, today included. */
export interface LocalDayWindow {
  /** Local day numbers (days since 1970-01-01 of the learner's day, `localDayNumber`) of the first day and today. */
  firstDay: number;
  lastDay: number;
  /** Their names ("YYYY-MM-DD"), oldest first. */
  days: string[];
}

export function lastLocalDays(now: Date, days: number, settings: Pick<SchedulerSettings, "timezone" | "dayStartsAtHour">): LocalDayWindow {
  const lastDay = localDayNumber(now, settings.timezone, settings.dayStartsAtHour);
  const firstDay = lastDay - Math.max(1, days) + 1;
  return { firstDay, lastDay, days: Array.from({ length: lastDay - firstDay + 1 }, (_, i) => dayName(firstDay + i)) };
}

export interface ReviewFigures {
  /** Every kept (not undone) review up to now: ratings in review sessions, graded exercise submits, imports. */
  total: number;
  /** The last `days` local days, today included: the days of `perDay`, so `reviews` is the chart's sum. */
  recent: { days: number; reviews: number; retention: TrueRetention };
  allTime: TrueRetention;
  perDay: DayCount[];
}

/**
 * Every review figure the pages show, from one set of definitions: the total, the recent window (the same local
 * days for the per-day chart, its sum and its true retention) and true retention with the reviews it leaves out.
 */
export function reviewFigures(
  logs: readonly SrsReviewLogEntry[],
  now: Date,
  settings: Pick<SchedulerSettings, "timezone" | "dayStartsAtHour" | "desiredRetention">,
  options: ReviewFiguresOptionsInput = {},
): ReviewFigures {
  const { days } = reviewFiguresOptionsSchema.parse(options);
  const kept = logs.filter((l) => !l.undone && l.review.getTime() <= now.getTime());
  const window = lastLocalDays(now, days, settings);
  const recent = kept.filter((l) => localDayNumber(l.review, settings.timezone, settings.dayStartsAtHour) >= window.firstDay);
  return {
    total: kept.length,
    recent: { days: window.days.length, reviews: recent.length, retention: trueRetention(recent, settings.desiredRetention) },
    allTime: trueRetention(kept, settings.desiredRetention),
    perDay: reviewsPerDay(kept, now, days, settings),
  };
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
  const dayList = lastLocalDays(now, days, settings).days;
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
  const todayNumber = localDayNumber(now, settings.timezone, settings.dayStartsAtHour);
  const dayList = Array.from({ length: days }, (_, i) => dayName(todayNumber + i));
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

export type MasteryBand = "not-started" | "attempted" | "familiar" | "proficient" | "mastered";

export interface TopicMastery {
  topicId: string;
  band: MasteryBand;
  /** The topic's flashcards and exercises the learner has studied (card not New). */
  studiedItems: number;
  totalItems: number;
  /** Recall: mean predicted recall now (FSRS retrievability) of the studied items only; null when none is studied. */
  recall: number | null;
  /**
   * Mastery: predicted recall now summed over ALL the topic's items, unstudied ones counting 0, over their number;
   * equal to studiedItems / totalItems × recall. 2 of 3 items studied and recalled for sure: recall 100 %, mastery 67 %.
   */
  mastery: number;
}

/**
 * One definition of a topic's mastery, shown by /progress and /review/stats alike: how much of the topic the
 * learner has studied (coverage) times how well they would recall it now (FSRS), plus Khan-Academy-like bands:
 *   not-started  no item studied
 *   attempted    some items studied, recall < 0.7
 *   familiar     recall ≥ 0.7 (any coverage)
 *   proficient   every item studied and recall ≥ 0.9
 *   mastered     proficient and every item mature (stability ≥ 21 days): it has survived spaced reviews,
 *                the FSRS analogue of Khan's "mastered through a mixed challenge later"
 */
export function topicMastery(items: readonly TopicItem[], cards: readonly SrsCardState[], now: Date, settings: Pick<SchedulerSettings, "parameters">, options: MasteryOptionsInput = {}): TopicMastery[] {
  return topicMasteryOf(items, options)(cards, now, settings);
}

/**
 * topicMastery with the items grouped by topic once: the cohort heatmap asks it for hundreds of learners over the
 * same items, and grouping them (and naming each item's key) per learner was most of its time.
 */
export function topicMasteryOf(items: readonly TopicItem[], options: MasteryOptionsInput = {}): (cards: readonly SrsCardState[], now: Date, settings: Pick<SchedulerSettings, "parameters">) => TopicMastery[] {
  const o = masteryOptionsSchema.parse(options);
  const byTopic = new Map<string, string[]>();
  for (const item of items) {
    const key = itemKey(item);
    for (const t of item.topics) {
      const list = byTopic.get(t);
      if (list) list.push(key);
      else byTopic.set(t, [key]);
    }
  }
  const topics = [...byTopic];
  return (cards, now, settings) => {
    const cardsByKey = new Map(cards.map((c) => [itemKey(c), c]));
    return topics.map(([topicId, topicItems]) => {
      const studied: SrsCardState[] = [];
      for (const key of topicItems) {
        const c = cardsByKey.get(key);
        if (c && c.state !== CardState.New) studied.push(c);
      }
      const recallSum = studied.reduce((s, c) => s + retrievability(c, now, settings), 0);
      const recall = studied.length === 0 ? null : recallSum / studied.length;
      const complete = studied.length === topicItems.length;
      let band: MasteryBand;
      if (recall === null) band = "not-started";
      else if (complete && recall >= o.proficientRecall) band = studied.every((c) => c.stability >= o.masteredStabilityDays) ? "mastered" : "proficient";
      else if (recall >= o.familiarRecall) band = "familiar";
      else band = "attempted";
      return { topicId, band, studiedItems: studied.length, totalItems: topicItems.length, recall, mastery: recallSum / topicItems.length };
    });
  };
}
