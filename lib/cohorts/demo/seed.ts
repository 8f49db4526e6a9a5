// The demo cohort's activity: `npm start` on an empty database (scripts/lib/prepare.ts) gives the demo cohort
// eight demo learners with three weeks of work, so its gradebook and analytics show something real at once.
//
// Realistic, not random noise: each learner has an ability and a habit (which of an exercise's two planted
// misconceptions they fall into), works through the course's first six exercises in order (one released every
// four days, each with an assignment and a deadline), fails with their misconception until they pass — or stop,
// as some do — and reviews the topics' flashcards when FSRS says they are due. Every submission carries a real
// grader report (reports.json, `npm run demo:reports`) and goes through the app's own grading listeners (the
// exercise's review, misconception items, in the order the grading daemon runs them); a flashcard's ratings are
// replayed by the scheduler's own `review` and stored in one write per card (`cardMemoryData`, `logData`, as the
// review service stores them). One transaction per learner (a transaction per rating was several times slower).
// Deterministic: seeded generators (exercises/lib/random.ts), two per learner, times relative to `now`. The demo learner
// account (learner@lacuna.local) is left alone.
import type { Db } from "@/lib/db";
import { createRng } from "@/exercises/lib/random";
import { DEMO_PASSWORD } from "@/lib/accounts";
import { hashPassword } from "@/lib/password";
import { recordGradedSubmissionInTransaction } from "@/lib/review/exercise-grades";
import { reviewCatalog } from "@/lib/review/items";
import { recordMisconceptionItemsInTransaction } from "@/lib/review/misconceptions";
import { cardMemoryData, loadSettings, logData, type DbClient } from "@/lib/review/store";
import { createCard, Rating, review, type ReviewRating, type SrsReviewLogEntry } from "@/lib/scheduling";
import { DEMO_EXERCISES, loadDemoReports, type DemoReport } from "./exercises";

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * Who the demo learners are: ability (chance an attempt is right), how many exercises they get to, whether they
 * review flashcards, their habitual misconception, and the exercise they are stuck on (three failed attempts with
 * their misconception, not passed since: they hold it now).
 */
export const DEMO_LEARNERS = [
  { email: "li.wei@demo.lacuna.local", name: "Li Wei 李伟", ability: 0.85, stopsAfter: 6, reviews: true, habit: 0 },
  { email: "maria.garcia@demo.lacuna.local", name: "María García", ability: 0.7, stopsAfter: 6, reviews: true, habit: 1 },
  { email: "chen.jing@demo.lacuna.local", name: "Chen Jing 陈静", ability: 0.55, stopsAfter: 5, reviews: true, habit: 0, stuckOn: 4 },
  { email: "tom.becker@demo.lacuna.local", name: "Tom Becker", ability: 0.4, stopsAfter: 4, reviews: false, habit: 0, stuckOn: 3 },
  { email: "aisha.khan@demo.lacuna.local", name: "Aisha Khan", ability: 0.9, stopsAfter: 6, reviews: true, habit: 1 },
  { email: "sato.yuki@demo.lacuna.local", name: "Sato Yuki 佐藤由纪", ability: 0.6, stopsAfter: 2, reviews: true, habit: 1 },
  { email: "zhang.min@demo.lacuna.local", name: "Zhang Min 张敏", ability: 0.3, stopsAfter: 6, reviews: true, habit: 0, stuckOn: 1 },
  { email: "lucas.silva@demo.lacuna.local", name: "Lucas Silva", ability: 0.75, stopsAfter: 3, reviews: true, habit: 1 },
] as const;

/** Exercise k of the course is released 24 − 4k days before now; its week is due three days later (the last in a week). */
const releasedAt = (k: number, now: Date) => new Date(now.getTime() - (24 - 4 * k) * DAY);

export interface DemoActivity {
  learners: number;
  assignments: number;
  submissions: number;
  reviews: number;
}

async function seedAssignments(db: Db, cohortId: string, now: Date): Promise<number> {
  // The course's exercises by week (the first is the cohort's own first assignment, lib/cohorts.ts seedDemoCohort);
  // week 1 also assigns its topic's flashcards.
  const weeks = [
    { title: "Week 1 · Linear regression / 线性回归", items: DEMO_EXERCISES.slice(1, 2).map((e) => e.slug), topic: "linear-regression", k: 1, dueDays: 3, latePolicy: "per-day" },
    { title: "Week 2 · Gradient descent / 梯度下降", items: [DEMO_EXERCISES[2].slug], topic: null, k: 2, dueDays: 3, latePolicy: "hard" },
    { title: "Week 3 · Logistic regression / 逻辑回归", items: DEMO_EXERCISES.slice(3, 5).map((e) => e.slug), topic: null, k: 4, dueDays: 3, latePolicy: "per-day" },
    { title: "Week 4 · Softmax", items: [DEMO_EXERCISES[5].slug], topic: null, k: 5, dueDays: 7, latePolicy: "none" },
  ] as const;
  for (const week of weeks) {
    const opensAt = releasedAt(week.k - 1, now);
    await db.assignment.create({
      data: {
        cohortId,
        title: week.title,
        opensAt,
        dueAt: new Date(releasedAt(week.k, now).getTime() + week.dueDays * DAY - MINUTE),
        latePolicy: week.latePolicy,
        ...(week.latePolicy === "per-day" ? { latePenaltyPerDay: 0.1, lateFloor: 0.5 } : {}),
        createdAt: opensAt,
        items: { create: [...week.items.map((ref, position) => ({ kind: "exercise", ref, position })), ...(week.topic ? [{ kind: "topic", ref: week.topic, position: week.items.length }] : [])] },
      },
    });
  }
  return weeks.length;
}

function reportOf(reports: readonly DemoReport[], slug: string, variant: string): DemoReport {
  const found = reports.find((r) => r.slug === slug && r.variant === variant);
  if (!found) throw new Error(`no demo report for ${slug} ${variant}: run npm run demo:reports`);
  return found;
}

/** Adds the demo learners and their work to the demo cohort. */
export async function seedDemoActivity(db: Db, cohortId: string, now: Date = new Date()): Promise<DemoActivity> {
  const reports = loadDemoReports();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const activity: DemoActivity = { learners: 0, assignments: await seedAssignments(db, cohortId, now), submissions: 0, reviews: 0 };

  for (const [index, demo] of DEMO_LEARNERS.entries()) {
    const counts = await db.$transaction((tx) => seedLearner(tx, cohortId, index, passwordHash, reports, now), { timeout: 300_000, maxWait: 60_000 });
    activity.learners += 1;
    activity.submissions += counts.submissions;
    activity.reviews += counts.reviews;
  }
  return activity;
}

async function seedLearner(
  db: DbClient,
  cohortId: string,
  index: number,
  passwordHash: string,
  reports: readonly DemoReport[],
  now: Date,
): Promise<{ submissions: number; reviews: number }> {
  const demo = DEMO_LEARNERS[index]!;
  // Each learner's submissions and reviews draw from streams of their own: how many reviews FSRS schedules depends
  // on the time of day (the learner's day rollover), and with one shared stream that changed every later draw, so
  // the demo cohort's attempts differed with the hour `npm start` ran.
  const random = createRng(2026 + 2 * index).next;
  const reviewRandom = createRng(2027 + 2 * index).next;
  const catalog = reviewCatalog();
  const counts = { submissions: 0, reviews: 0 };
  {
    const user = await db.user.create({ data: { email: demo.email, name: demo.name, passwordHash } });
    await db.cohortMember.create({ data: { cohortId, userId: user.id, joinedAt: new Date(now.getTime() - (26 - index * 0.3) * DAY) } });
    const topicsStarted = new Map<string, Date>();
    for (const [k, exercise] of DEMO_EXERCISES.entries()) {
      if (k >= demo.stopsAfter) break;
      let at = new Date(releasedAt(k, now).getTime() + Math.floor(random() * 3 * DAY) + 8 * 3_600_000);
      if (at > now) break;
      const topic = catalog.exercises.get(exercise.slug)?.meta.topics[0];
      if (topic && !topicsStarted.has(topic)) topicsStarted.set(topic, at);
      // Fail with their habitual misconception (sometimes the other) until an attempt is right; the weakest give up.
      for (let attempt = 0; attempt < 6 && at <= now; attempt++) {
        const stuck = "stuckOn" in demo && demo.stuckOn === k;
        const right = !stuck && random() < demo.ability + attempt * 0.08;
        const gaveUp = !right && attempt >= (stuck ? 2 : 3) && demo.ability < 0.6;
        // Stuck, they keep changing their code without finding the error: the other mistake in between, and their
        // habitual one last (the one they hold now).
        const habitual = stuck ? attempt % 2 === 0 : random() < 0.8;
        const variant = right ? "solution" : exercise.misconceptions[habitual ? demo.habit : 1 - demo.habit]!;
        const graded = reportOf(reports, exercise.slug, variant);
        const row = await db.submission.create({
          data: {
            userId: user.id,
            exerciseSlug: exercise.slug,
            kind: "submit",
            source: graded.source,
            lang: graded.report.lang,
            seed: graded.report.seed,
            status: "graded",
            score: graded.report.score,
            passed: graded.report.status === "passed",
            report: JSON.stringify(graded.report),
            gradingAttempts: 1,
            createdAt: at,
            startedAt: at,
            gradedAt: new Date(at.getTime() + 1500),
          },
        });
        // The grading daemon's transactional listeners, in its order: the exercise's review, then misconception items.
        await recordGradedSubmissionInTransaction(db, row);
        await recordMisconceptionItemsInTransaction(db, row);
        counts.submissions += 1;
        if (right || gaveUp) break;
        at = new Date(at.getTime() + (10 + Math.floor(random() * 180)) * MINUTE);
      }
    }
    if (demo.reviews) counts.reviews += await reviewFlashcards(db, user.id, topicsStarted, demo.ability, demo.stopsAfter < 6 ? releasedAt(demo.stopsAfter, now) : now, reviewRandom);
  }
  return counts;
}

/** The flashcards of each started topic, each reviewed whenever FSRS schedules it, until `until`. */
async function reviewFlashcards(db: DbClient, userId: string, topics: Map<string, Date>, ability: number, until: Date, random: () => number): Promise<number> {
  const { items } = reviewCatalog();
  const settings = (await loadSettings(db, userId)).scheduler;
  const reviewed = new Set<string>();
  let count = 0;
  for (const [topic, started] of topics) {
    // Up to twelve cards of the topic (all of linear regression's, which week 1 assigns); a card of several topics
    // once, under the first started.
    for (const item of items.filter((i) => i.itemType === "flashcard" && i.topics.includes(topic) && !reviewed.has(i.itemId)).slice(0, 12)) {
      reviewed.add(item.itemId);
      let at = new Date(started.getTime() + Math.floor(random() * 2 * 3_600_000));
      let card = createCard(userId, item, at);
      const logs: SrsReviewLogEntry[] = [];
      for (let n = 0; n < 12 && at <= until; n++) {
        const recalled = random() < Math.min(0.97, ability + 0.1 + n * 0.04);
        const rating: ReviewRating = !recalled ? Rating.Again : random() < 0.2 ? Rating.Hard : random() < 0.85 ? Rating.Good : Rating.Easy;
        const result = review(card, rating, at, settings, { source: "review", durationMs: 3000 + Math.floor(random() * 9000) });
        card = result.card;
        logs.push(result.log);
        // The learner comes back when the card is due, give or take a few hours.
        at = new Date(Math.max(card.due.getTime(), at.getTime() + MINUTE) + Math.floor(random() * 6 * 3_600_000));
      }
      if (logs.length === 0) continue;
      const { id } = await db.srsCard.create({ data: { userId, itemType: item.itemType, itemId: item.itemId, ...cardMemoryData(card) } });
      await db.srsReviewLog.createMany({ data: logs.map((log) => logData(log, id)) });
      count += logs.length;
    }
  }
  return count;
}
