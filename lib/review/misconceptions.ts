// Misconception items: what the grader names in a learner's graded submission comes back in their review queue.
//
// - Naming. `recordMisconceptionItemsInTransaction` is a transactional listener of the grading hook
//   (lib/grading/hooks.ts): in the transaction that stores a graded "submit", every misconception the report's
//   diagnosis names whose exercise metadata has a review item (`misconceptions[].review`, question and answer in
//   zh and en) becomes an active MisconceptionItem (its origin: the submission and when it was made) and its card
//   (itemType "misconception", itemId "<slug>/<misconception id>") gets an Again review from the grade (source
//   "exercise", at the submission's time): the mistake is a failed recall, so a new card enters its first
//   learning step (due a minute later) and a learnt one lapses. A "run" does not count: it grades the visible
//   cases only, as practice, and the grading hook fires for submits only (as for the exercise's own review).
//   Misconceptions without a review item yet create nothing.
// - Idempotent: the Again review has the fixed id `namingLogId(submission, misconception)`; a grade delivered a
//   second time finds it and changes nothing. At most one item per misconception is active (`activeKey` is
//   unique while active), so naming it again while active adds the review, never a second item.
// - Leaving. An active item is retired (kept, with `retiredAt`) once the learner has passed the exercise again (a
//   passing graded submit made after the item's last naming) AND then recalled the item (Good or Easy in a
//   review session after that pass). `settleItem` decides it from the stored facts, whichever arrives last: the
//   pass (this listener), the rating (`rateMisconceptionItem`) or an undo (`reopenAfterUndo`).
import { isTransientDbError, withWriteRetry, type Db, type MisconceptionItem, type Submission } from "@/lib/db";
import { Rating, type ItemRef, type ReviewRating, type SchedulerSettings } from "@/lib/scheduling";
import type { ExerciseEntry } from "@/exercises/catalog";
import type { MisconceptionMeta, MisconceptionReview } from "@/exercises/schema";
import type { Lang } from "@/lib/i18n";
import { z } from "zod";
import { misconceptionItemId, parseMisconceptionItemId, reviewCatalog, type ReviewCatalog } from "./items";
import { settleMisconception } from "./misconception-rule";
import { answer, prismaReviewRows, runAwaiting, type ReviewRows, type Steps } from "./rows";
import { ReviewConflictError, reviewInTransaction, reviewSteps } from "./service";
import { loadSettings, settingsFromRow, type DbClient } from "./store";

/** The log id of the Again review that a submission's naming of a misconception records. */
export function namingLogId(submissionId: string, misconceptionId: string): string {
  return `misconception-${submissionId}-${misconceptionId}`;
}

/** The unique key of a misconception's active item (null once retired). */
export function activeKeyOf(userId: string, exerciseSlug: string, misconceptionId: string): string {
  return `${userId}/${exerciseSlug}/${misconceptionId}`;
}

export function misconceptionItemRef(exerciseSlug: string, misconceptionId: string): ItemRef {
  return { itemType: "misconception", itemId: misconceptionItemId(exerciseSlug, misconceptionId) };
}

export interface MisconceptionContent {
  exercise: ExerciseEntry;
  misconception: MisconceptionMeta;
  review: MisconceptionReview;
}

/** A misconception's review item as authored in its exercise's metadata; null when it has none (yet). */
export function misconceptionContent(exerciseSlug: string, misconceptionId: string, catalog: ReviewCatalog = reviewCatalog()): MisconceptionContent | null {
  const exercise = catalog.exercises.get(exerciseSlug);
  const misconception = exercise?.meta.misconceptions.find((m) => m.id === misconceptionId);
  return exercise && misconception?.review ? { exercise, misconception, review: misconception.review } : null;
}

// Only what this module reads of the stored report: it is validated in full where it is shown.
const storedDiagnosisSchema = z.object({ diagnosis: z.array(z.object({ misconceptionId: z.string().min(1) })) });

/** The misconceptions a stored report's diagnosis names, each once, in the report's order. */
export function namedMisconceptions(report: string | null): string[] {
  if (!report) return [];
  let json: unknown;
  try {
    json = JSON.parse(report);
  } catch {
    return [];
  }
  const parsed = storedDiagnosisSchema.safeParse(json);
  return parsed.success ? [...new Set(parsed.data.diagnosis.map((d) => d.misconceptionId))] : [];
}

type GradedSubmit = Submission & { passed: boolean };

function isGradedSubmit(s: Submission): s is GradedSubmit {
  return s.kind === "submit" && s.status === "graded" && s.passed !== null;
}

export interface MisconceptionRecording {
  /** Misconceptions whose naming was recorded now (a repeat of the same grade records none). */
  named: string[];
  /** Active items of the exercise this submission retired (a pass that came after their recall). */
  retired: string[];
}

/** The grading hook's listener: this graded submit's named misconceptions and its pass, in the grade's transaction. */
export async function recordMisconceptionItemsInTransaction(tx: DbClient, submission: Submission, given?: SchedulerSettings): Promise<MisconceptionRecording> {
  return runAwaiting(recordMisconceptionItemsSteps(prismaReviewRows(tx), submission, given));
}

/** recordMisconceptionItemsInTransaction's steps over either store (./rows.ts). */
export function* recordMisconceptionItemsSteps(rows: ReviewRows, submission: Submission, given?: SchedulerSettings): Steps<MisconceptionRecording> {
  const outcome: MisconceptionRecording = { named: [], retired: [] };
  if (!isGradedSubmit(submission)) return outcome;
  const slug = submission.exerciseSlug;
  const named = namedMisconceptions(submission.report).filter((id) => misconceptionContent(slug, id) !== null);
  let settings: SchedulerSettings | null = given ?? null;
  for (const misconceptionId of named) {
    const logId = namingLogId(submission.id, misconceptionId);
    if (yield* answer(rows.reviewLogExists(logId))) continue;
    settings ??= settingsFromRow(yield* answer(rows.settings(submission.userId))).scheduler;
    yield* noteNaming(rows, submission, misconceptionId);
    yield* recordNamingReview(rows, submission, misconceptionId, logId, settings);
    outcome.named.push(misconceptionId);
  }
  if (submission.passed) {
    const active = yield* answer(rows.activeMisconceptionItems(submission.userId, slug));
    for (const item of active) if ((yield* settleItemSteps(rows, item)).retiredAt) outcome.retired.push(item.misconceptionId);
  }
  return outcome;
}

/** The same in a transaction of its own (the hook's fallback, reconciliation, scripts), repeated while it loses a race. */
export async function recordMisconceptionItems(db: Db, submission: Submission): Promise<MisconceptionRecording> {
  return withWriteRetry(() => db.$transaction((tx) => recordMisconceptionItemsInTransaction(tx, submission)), { attempts: 3, retryOn: isRace });
}

/** Another writer changed the card or the item meanwhile, or the database was busy: repeating may succeed. */
function isRace(error: unknown): boolean {
  return error instanceof ReviewConflictError || isTransientDbError(error);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** The item this naming belongs to: the active one (origin and last naming widened), or a new one. */
function* noteNaming(rows: ReviewRows, submission: GradedSubmit, misconceptionId: string): Steps<void> {
  const { userId, exerciseSlug } = submission;
  const at = submission.createdAt;
  const items = yield* answer(rows.misconceptionItems(userId, exerciseSlug, misconceptionId));
  // A naming older than the pass that let an item retire belongs to that item's past (it arrived late): its
  // review is history, it does not reopen anything.
  if (items.some((r) => r.retiredAt !== null && r.passedAt !== null && at.getTime() <= r.passedAt.getTime())) return;
  const active = items.find((r) => r.activeKey !== null);
  if (active) {
    const earlier = at.getTime() < active.namedAt.getTime();
    const later = at.getTime() > active.lastNamedAt.getTime();
    if (!earlier && !later) return;
    const updated = yield* answer(
      rows.updateMisconceptionItem(active.id, {
        ...(earlier ? { submissionId: submission.id, namedAt: at } : {}),
        ...(later ? { lastSubmissionId: submission.id, lastNamedAt: at } : {}),
      }),
    );
    yield* settleItemSteps(rows, updated);
    return;
  }
  let created: MisconceptionItem;
  try {
    created = yield* answer(
      rows.createMisconceptionItem({
        userId,
        exerciseSlug,
        misconceptionId,
        activeKey: activeKeyOf(userId, exerciseSlug, misconceptionId),
        submissionId: submission.id,
        namedAt: at,
        lastSubmissionId: submission.id,
        lastNamedAt: at,
      }),
    );
  } catch (error) {
    // Another grade of this learner named it at the same moment: repeat the transaction, which then finds it.
    if (isUniqueViolation(error)) throw new ReviewConflictError(`the misconception ${misconceptionId} was named elsewhere at the same time`);
    throw error;
  }
  // A pass (and a recall after it) recorded before this older naming arrived may already settle it.
  yield* settleItemSteps(rows, created);
}

/** The naming as a review of the item's card: Again, at the submission's time, from the grade. */
function* recordNamingReview(rows: ReviewRows, submission: GradedSubmit, misconceptionId: string, logId: string, settings: SchedulerSettings): Steps<void> {
  const item = misconceptionItemRef(submission.exerciseSlug, misconceptionId);
  const at = submission.createdAt;
  const meta = { source: "exercise" as const, score: submission.score === null ? null : Math.min(1, Math.max(0, submission.score)), submissionId: submission.id, durationMs: null };
  const card = yield* answer(rows.card(submission.userId, item));
  if (card?.lastReview && at.getTime() < card.lastReview.getTime()) {
    // A later review of the card is stored already: replay its history with this one in its place.
    yield* answer(rows.rewriteHistory(submission.userId, item, [{ id: logId, rating: Rating.Again, review: at, ...meta }], settings));
  } else {
    yield* reviewSteps(rows, { userId: submission.userId, item, rating: Rating.Again, now: at, meta, logId }, settings, card);
  }
}

/**
 * Re-decides an active item from the stored facts with the rule (./misconception-rule.ts): its pass (the first
 * passing graded submit of the exercise after its last naming) and, after that pass, its recall (the first kept
 * Good or Easy of its card in a review session), which retires it. The queries fetch just those candidates; the
 * rule decides. Returns the row as stored.
 */
export async function settleItem(tx: DbClient, item: MisconceptionItem): Promise<MisconceptionItem> {
  return runAwaiting(settleItemSteps(prismaReviewRows(tx), item));
}

function* settleItemSteps(rows: ReviewRows, item: MisconceptionItem): Steps<MisconceptionItem> {
  if (item.activeKey === null) return item;
  const pass = yield* answer(rows.firstPassAfter(item.userId, item.exerciseSlug, item.lastNamedAt));
  const cardId = pass ? yield* answer(rows.cardId(item.userId, misconceptionItemRef(item.exerciseSlug, item.misconceptionId))) : null;
  const recall = pass && cardId ? yield* answer(rows.firstRecallAfter(cardId, pass.createdAt, Rating.Good)) : null;
  const settled = settleMisconception({
    lastNamedAt: item.lastNamedAt,
    passes: pass ? [{ id: pass.id, at: pass.createdAt }] : [],
    reviews: recall ? [{ id: recall.id, at: recall.review, rating: recall.rating as ReviewRating, source: recall.source, undone: recall.undone }] : [],
  });
  const data = {
    passSubmissionId: settled.pass?.id ?? null,
    passedAt: settled.pass?.at ?? null,
    ...(settled.recall ? { retiredAt: settled.recall.at, retiredByLogId: settled.recall.id, activeKey: null } : {}),
  };
  const unchanged = item.passSubmissionId === data.passSubmissionId && !settled.recall;
  return unchanged ? item : yield* answer(rows.updateMisconceptionItem(item.id, data));
}

/** The item is not in the learner's queue (never named, retired, or its review content is gone). */
export class MisconceptionItemNotActiveError extends Error {
  constructor(itemId: string) {
    super(`no active review item for the misconception "${itemId}"`);
    this.name = "MisconceptionItemNotActiveError";
  }
}

export interface MisconceptionRatingInput {
  userId: string;
  itemId: string;
  rating: ReviewRating;
  now: Date;
  durationMs: number | null;
  /** The card's last review as the learner saw it: a stale screen cannot rate (ReviewConflictError). */
  expectedLastReview: Date | null;
}

/** A rating in a review session of an active misconception item, and its retirement when it completes one. */
export async function rateMisconceptionItem(db: Db, input: MisconceptionRatingInput): Promise<{ retired: boolean }> {
  const named = parseMisconceptionItemId(input.itemId);
  if (!named || !misconceptionContent(named.exerciseSlug, named.misconceptionId)) throw new MisconceptionItemNotActiveError(input.itemId);
  return withWriteRetry(() =>
    db.$transaction(async (tx) => {
      const item = await tx.misconceptionItem.findUnique({ where: { activeKey: activeKeyOf(input.userId, named.exerciseSlug, named.misconceptionId) } });
      if (!item) throw new MisconceptionItemNotActiveError(input.itemId);
      const settings = (await loadSettings(tx, input.userId)).scheduler;
      await reviewInTransaction(
        tx,
        {
          userId: input.userId,
          item: misconceptionItemRef(named.exerciseSlug, named.misconceptionId),
          rating: input.rating,
          now: input.now,
          meta: { durationMs: input.durationMs, source: "review" },
          expectedLastReview: input.expectedLastReview,
        },
        settings,
      );
      return { retired: (await settleItem(tx, item)).activeKey === null };
    }),
  );
}

/**
 * After an undo of a misconception item's rating: the item that rating retired is active again (unless the
 * misconception has a newer active item), and is settled anew from the reviews that remain.
 */
export async function reopenAfterUndo(db: Db, userId: string, item: ItemRef, undoneLogId: string): Promise<void> {
  if (item.itemType !== "misconception") return;
  await withWriteRetry(() =>
    db.$transaction(async (tx) => {
      const retired = await tx.misconceptionItem.findFirst({ where: { userId, retiredByLogId: undoneLogId } });
      if (!retired) return;
      const key = activeKeyOf(userId, retired.exerciseSlug, retired.misconceptionId);
      if (await tx.misconceptionItem.findUnique({ where: { activeKey: key }, select: { id: true } })) return;
      await settleItem(tx, await tx.misconceptionItem.update({ where: { id: retired.id }, data: { activeKey: key, retiredAt: null, retiredByLogId: null } }));
    }),
  );
}

/** A learner's misconception items, newest first (active and retired): for pages and tests. */
export async function listMisconceptionItems(db: DbClient, userId: string): Promise<MisconceptionItem[]> {
  return db.misconceptionItem.findMany({ where: { userId }, orderBy: [{ namedAt: "desc" }, { id: "asc" }] });
}

/** Why a misconception item is in the queue, as its review card shows it. */
export interface MisconceptionOrigin {
  exerciseSlug: string;
  exerciseTitle: string;
  misconceptionTitle: string;
  submissionId: string;
  /** When the submission was made (ISO), and that day in the learner's time zone and language ("30 Nov", "11月30日"). */
  namedAt: string;
  date: string;
  /** The exercise page with that submission opened in its results. */
  href: string;
  /** The exercise has been passed since it was last named: a Good or Easy now retires the item. */
  passedAgain: boolean;
}

/** The exercise page with one of the learner's submissions opened (the attempt history's "Open"). */
export function attemptHref(exerciseSlug: string, submissionId: string): string {
  return `/exercises/${encodeURIComponent(exerciseSlug)}?attempt=${encodeURIComponent(submissionId)}`;
}

/** A day as a short date in the learner's time zone: "30 Nov" / "11月30日", with the year when it is not this year's. */
export function formatOriginDate(date: Date, lang: Lang, timeZone: string, now: Date): string {
  const year = (d: Date) => new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(d);
  const options: Intl.DateTimeFormatOptions = { timeZone, day: "numeric", month: lang === "zh" ? "long" : "short", ...(year(date) === year(now) ? {} : { year: "numeric" }) };
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", options).format(date);
}

export function misconceptionOrigin(
  active: { exerciseSlug: string; submissionId: string; namedAt: Date; passedAt: Date | null },
  content: MisconceptionContent,
  lang: Lang,
  timeZone: string,
  now: Date,
): MisconceptionOrigin {
  return {
    exerciseSlug: active.exerciseSlug,
    exerciseTitle: content.exercise.meta.title[lang],
    misconceptionTitle: content.misconception.title[lang],
    submissionId: active.submissionId,
    namedAt: active.namedAt.toISOString(),
    date: formatOriginDate(active.namedAt, lang, timeZone, now),
    href: attemptHref(active.exerciseSlug, active.submissionId),
    passedAgain: active.passedAt !== null,
  };
}
