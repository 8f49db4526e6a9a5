// The learning loop in the real app: a learner submits a planted mistake (a misconception file of
// linear-regression-cost), the grader names it, and its review item comes up in the /review session with why it is
// there ("From your submission to … on <date>", the date in the learner's time zone) and a link that opens that
// attempt on the exercise page.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { gotoHydrated, signUpFreshLearner } from "./helpers/auth";

const slug = "linear-regression-cost";
const mistake = "missing-one-half";
const exerciseDir = path.join(import.meta.dirname, "..", "..", "exercises", "linear-regression", slug);
const plantedMistake = readFileSync(path.join(exerciseDir, "misconceptions", `${mistake}.ts`), "utf8");
const solution = readFileSync(path.join(exerciseDir, "solution.ts"), "utf8");

/** Replaces the editor's text the way a learner pasting code would. */
async function replaceCode(page: Page, code: string): Promise<void> {
  const editor = page.getByRole("textbox", { name: /Code editor|代码编辑器/ });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
  await expect(editor).toContainText("export function computeCost");
}

test("a misconception the grader names in a submission comes back in the review session with its origin", async ({ page }) => {
  // Grading and page loads take long on a loaded machine (the CI box shares 2 cores with the server and the grader).
  test.setTimeout(360_000);
  await signUpFreshLearner(page, "mistake");

  // The learner's day is Shanghai's; no new flashcards today, so the session starts with what is due.
  await gotoHydrated(page, "/review/settings");
  await page.locator("#dailyNewLimit").fill("0");
  await page.locator("#timezone").fill("Asia/Shanghai");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();

  await page.goto(`/exercises/${slug}`);
  await replaceCode(page, plantedMistake);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const results = page.getByTestId("results");
  await expect(results.getByText("Graded", { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(results.getByTestId("misconception")).toContainText("Dropped the 1/2: divided by m only");
  const submittedAt = new Date();
  // Then a run of the right code: the latest attempt, and practice only (the item stays as it was).
  await replaceCode(page, solution);
  await page.getByRole("button", { name: "Run visible cases", exact: true }).click();
  await expect(results.getByTestId("results-headline")).toContainText("All visible cases pass.", { timeout: 120_000 });
  await expect(results.getByTestId("misconception")).toHaveCount(0);

  await page.goto("/review");
  const card = page.getByTestId("review-card");
  await expect(card).toHaveAttribute("data-item-type", "misconception");
  await expect(card).toHaveAttribute("data-item-id", `${slug}/${mistake}`);
  await expect(page.getByTestId("review-question")).toContainText("J(w,b) for linear regression divides the summed squared error by ___?");
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", day: "numeric", month: "short" }).format(submittedAt);
  const origin = page.getByTestId("review-origin");
  await expect(origin).toContainText(`From your submission to “The linear-regression cost J(w,b)” on ${day}`);
  await expect(origin).toContainText("until you pass the exercise again and then recall it");

  // Its answer, then the four ratings, as every card.
  await page.keyboard.press("Space");
  await expect(page.getByTestId("review-answer")).toContainText("2m");
  for (const rating of [1, 2, 3, 4]) await expect(page.getByTestId(`rate-${rating}`)).toBeVisible();

  // The origin links to that attempt (not the latest one): the exercise page opens with its results.
  await origin.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/exercises/${slug}\\?attempt=`));
  await expect(page.getByTestId("results").getByTestId("misconception")).toContainText("Dropped the 1/2: divided by m only", { timeout: 60_000 });

  // In Chinese, the same card says where it came from in Chinese.
  await page.context().addCookies([{ name: "lacuna-lang", value: "zh", url: new URL(page.url()).origin }]);
  await page.goto("/review");
  const zhDay = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", day: "numeric", month: "long" }).format(submittedAt);
  await expect(page.getByTestId("review-origin")).toContainText(`来自你 ${zhDay} 对「线性回归的代价函数 J(w,b)」的提交`);
});
