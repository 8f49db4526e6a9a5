// Numbers that agree (issue 13, item 5), in the real app: a learner with a seeded review history (two flashcards
// learnt ten days ago and reviewed since, two exercises passed three days ago; nothing due) rates a new card Again in
// the review session. The review header, the home page and /review/stats then show the same learning / due /
// new counts (with the card just failed as 1 learning); /review/stats says how many of the reviews true
// retention counts and why; /progress and /review/stats show the same mastery, items studied and recall for the
// topic of the passed exercises. In English and in Chinese.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signUp } from "../../lib/accounts";
import { Rating } from "../../lib/scheduling";
import { recordGradedSubmission } from "../../lib/review/exercise-grades";
import { reviewCatalog } from "../../lib/review/items";
import { reviewItem } from "../../lib/review/service";
import { currentUser, uniqueEmail, waitForHydration } from "./helpers/auth";
import { e2eDb } from "./helpers/db";
import { signedInRequest } from "./helpers/http";

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Seeds 10 reviews through the app's own layers: 3 qualify for true retention (2 recalled), 7 are of new or
 * (re)learning cards. Nothing is due today afterwards (a in 13 days, b in 7, the exercises in 5), so the
 * session starts with a new card.
 */
async function seedLearner(account: { email: string; password: string }): Promise<{ topic: string; studied: string[] }> {
  const db = e2eDb();
  try {
    const created = await signUp(db, { ...account, name: "Numbers Learner" });
    if (!created.ok) throw new Error(`sign-up refused: ${JSON.stringify(created.fieldErrors)}`);
    const userId = created.user.id;
    const catalog = reviewCatalog();
    const now = Date.now();
    const at = (ms: number) => new Date(now - ms);
    const [a, b] = [...catalog.flashcards.keys()].slice(0, 2).map((itemId) => ({ itemType: "flashcard" as const, itemId }));
    // a: learnt ten days ago (New, Learning: left out), recalled five days ago (counted).
    await reviewItem(db, { userId, item: a!, rating: Rating.Good, now: at(10 * DAY) });
    await reviewItem(db, { userId, item: a!, rating: Rating.Good, now: at(10 * DAY - 10 * MINUTE) });
    await reviewItem(db, { userId, item: a!, rating: Rating.Good, now: at(5 * DAY) });
    // b: learnt ten days ago, forgotten five days ago (counted), relearnt ten minutes later (left out), recalled
    // yesterday (counted).
    await reviewItem(db, { userId, item: b!, rating: Rating.Good, now: at(10 * DAY) });
    await reviewItem(db, { userId, item: b!, rating: Rating.Good, now: at(10 * DAY - 10 * MINUTE) });
    await reviewItem(db, { userId, item: b!, rating: Rating.Again, now: at(5 * DAY) });
    await reviewItem(db, { userId, item: b!, rating: Rating.Good, now: at(5 * DAY - 10 * MINUTE) });
    await reviewItem(db, { userId, item: b!, rating: Rating.Easy, now: at(DAY) });
    // Two exercises of one topic passed cleanly three days ago: graded submits, recorded as the daemon records them.
    const exercises = [...catalog.exercises.values()];
    const topic = exercises.map((e) => e.meta.topics[0]!).find((id) => exercises.filter((e) => e.meta.topics.includes(id)).length >= 3)!;
    const passed = exercises.filter((e) => e.meta.topics.includes(topic)).slice(0, 2);
    for (const exercise of passed) {
      const submission = await db.submission.create({
        data: { userId, exerciseSlug: exercise.meta.slug, kind: "submit", source: "export {}", lang: "ts", seed: 1, status: "graded", score: 1, passed: true, hintsUsed: 0, createdAt: at(3 * DAY), gradedAt: at(3 * DAY) },
      });
      await recordGradedSubmission(db, submission);
    }
    return { topic, studied: [a!.itemId, b!.itemId, ...passed.map((e) => e.meta.slug)] };
  } finally {
    await db.$disconnect();
  }
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? "").trim();

async function mastery(row: ReturnType<Page["getByTestId"]>) {
  return {
    value: ((await row.getByTestId("mastery-value").textContent()) ?? "").trim(),
    studied: ((await row.getByTestId("mastery-studied").textContent()) ?? "").trim(),
    recall: ((await row.getByTestId("mastery-recall").textContent()) ?? "").trim(),
  };
}

test("the review header, the home page, /review/stats and /progress show the same numbers", async ({ page, playwright, baseURL }) => {
  test.setTimeout(240_000);
  // The account and its history go straight into the server's database (signing up through the form is
  // auth.spec.ts's subject); the browser then signs in through next-auth like the sign-in form.
  const learner = { email: uniqueEmail("numbers"), password: `pw-${randomBytes(6).toString("hex")}` };
  const seeded = await seedLearner(learner);
  const { topic } = seeded;
  const request = await signedInRequest(playwright, baseURL!, learner);
  await page.context().addCookies((await request.storageState()).cookies);
  await request.dispose();

  // Rate the first card of the session Again: it is back in a minute, so it is counted as learning.
  await page.goto("/review");
  await expect(currentUser(page)).toHaveText(learner.email);
  await waitForHydration(page, "[data-testid=show-answer]");
  await expect(page.getByTestId("review-card")).toContainText("New");
  const rated = (await page.getByTestId("review-card").getAttribute("data-item-id"))!;
  const before = await text(page, "review-remaining");
  const learningBefore = Number(/(\d+) learning/.exec(before)![1]);
  const newBefore = Number(/(\d+) new/.exec(before)![1]);
  await page.keyboard.press("Space");
  await page.getByTestId("rate-1").click();
  await expect(page.getByTestId("review-remaining")).toContainText(`${learningBefore + 1} learning`);
  await expect(page.getByTestId("review-remaining")).toContainText(`${newBefore - 1} new`);
  const header = await text(page, "review-remaining");
  await expect(page.getByText("Learning: cards in a short step, back within 20 minutes.")).toBeVisible();

  await page.goto("/");
  await expect(page.getByTestId("home-today-counts")).toHaveText(header);

  await page.goto("/review/stats");
  await expect(page.getByTestId("stats-today-counts")).toHaveText(header);
  // 10 seeded reviews and the Again just given; 3 qualify for true retention, 2 of them recalled.
  await expect(page.getByTestId("stats-total")).toHaveText("11 reviews in total.");
  await expect(page.getByTestId("stats-recent")).toHaveText("11 reviews in the last 30 days.");
  const all = page.getByTestId("retention-all");
  await expect(all.getByTestId("retention-value")).toHaveText("66.7%");
  await expect(all.getByTestId("retention-qualify")).toHaveText(
    "True retention counts only the first review of the day of graduated cards: 3 of your 11 reviews qualify. Left out: 8 of cards that were new or in learning steps, 0 repeated the same day.",
  );
  await expect(page.getByTestId("retention-recent").getByTestId("retention-qualify")).toContainText("3 of your 11 reviews qualify");
  const statsRow = page.locator(`[data-testid=mastery-row][data-topic="${topic}"]`);
  const statsMastery = await mastery(statsRow);
  const inTopic = reviewCatalog().items.filter((i) => i.topics.includes(topic));
  const studied = inTopic.filter((i) => [...seeded.studied, rated].includes(i.itemId)).length;
  const total = inTopic.length;
  expect(studied).toBeGreaterThanOrEqual(2);
  expect(statsMastery.studied).toBe(`${studied} of ${total} items studied`);
  const recall = Number(/recall (\d+)%/.exec(statsMastery.recall)![1]);
  expect(recall).toBeGreaterThan(80);
  // Mastery = studied share × recall, to the rounding of the two percentages shown.
  expect(Math.abs(Number(/mastery (\d+)%/.exec(statsMastery.value)![1]) - (studied / total) * recall)).toBeLessThanOrEqual(1);

  await page.goto("/progress");
  const progressRow = page.locator(`[data-testid=topic-row][data-topic="${topic}"]`);
  await expect(progressRow.getByTestId("topic-passed")).toContainText("2 of");
  expect(await mastery(progressRow)).toEqual(statsMastery);

  // The same figures in Chinese, with their explanations.
  await page.context().addCookies([{ name: "lacuna-lang", value: "zh", url: page.url() }]);
  await page.goto("/review/stats");
  await expect(page.getByTestId("stats-total")).toHaveText("共 11 次复习。");
  await expect(page.getByTestId("retention-all").getByTestId("retention-qualify")).toContainText("你的 11 次复习中有 3 次计入");
  const zhStats = await mastery(page.locator(`[data-testid=mastery-row][data-topic="${topic}"]`));
  const zhHeader = await text(page, "stats-today-counts");
  await page.goto("/progress");
  expect(await mastery(page.locator(`[data-testid=topic-row][data-topic="${topic}"]`))).toEqual(zhStats);
  await page.goto("/review");
  await expect(page.getByTestId("review-remaining")).toHaveText(zhHeader);
  await expect(page.getByTestId("review-remaining")).toContainText(`学习中 ${learningBefore + 1}`);
});
