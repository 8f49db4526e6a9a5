// The cohort analytics page on the demo cohort that `npm start` seeds (lib/cohorts/demo/seed.ts): the heatmap,
// the misconceptions with who holds them now, a focused review sent to them, struggling learners and the activity
// charts; only the cohort's instructors (and admins) see it.
import { type Page } from "@playwright/test";
import { expect, test } from "./helpers/people";
import AxeBuilder from "@axe-core/playwright";
import { DEMO, signIn, waitForHydration } from "./helpers/auth";

async function demoCohortAnalytics(page: Page): Promise<string> {
  await signIn(page, DEMO.instructor, "/cohorts");
  await page.getByRole("link", { name: "Demo cohort · 示例小组" }).click();
  await expect(page).toHaveURL(/\/cohorts\/[^/]+$/);
  const url = `${new URL(page.url()).pathname}/analytics`;
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demo cohort · 示例小组: analytics");
  return url;
}

test("the demo cohort's analytics: heatmap, misconceptions held now, a focused review, struggling learners, activity", async ({ personAt }) => {
  const page = await personAt();
  await demoCohortAnalytics(page);

  // One heatmap row per learner (the demo learner has done nothing yet: every cell empty), a cohort mean row.
  const rows = page.getByTestId("heatmap-row");
  await expect(rows).toHaveCount(9);
  await expect(rows.filter({ hasText: "Li Wei 李伟" }).locator("td").first()).toHaveText(/^\d+%$/);
  await expect(rows.filter({ hasText: "Demo Learner" }).locator("td").first()).toHaveText("—");
  await expect(page.getByTestId("heatmap-mean").locator("td").first()).toHaveText(/^\d+%$/);
  await expect(page.getByRole("columnheader", { name: "Linear regression and the cost function" })).toBeVisible();

  // Misconceptions: each with the times named, and who holds it now, each name a link to the submission.
  const held = page.getByTestId("misconception-row").filter({ has: page.getByTestId("holders").getByRole("link") }).first();
  await expect(held).toBeVisible();
  const holder = await held.getByTestId("holders").getByRole("link").first().textContent();
  await expect(held.getByTestId("holders").getByRole("link").first()).toHaveAttribute("href", /\/cohorts\/[^/]+\/submissions\/[^/]+$/);
  await waitForHydration(page, "[data-testid=focused-review] button");
  await held.getByRole("button", { name: /Send a focused review of .+ to \d+ learners?/ }).click();
  await expect(held.getByRole("status")).toHaveText(/Sent to (1 learner|\d+ learners): (1 card of .+ is|\d+ cards of .+ are) due now\./);
  await expect(held.getByRole("link", { name: "Their focused session" })).toHaveAttribute("href", /^\/review\?topic=[a-z-]+$/);
  expect(holder).toBeTruthy();

  // Struggling: the demo learner joined today and is not flagged; demo learners who stopped are, with reasons.
  const struggling = page.getByTestId("struggling-learner");
  await expect(struggling.first()).toBeVisible();
  await expect(page.getByTestId("struggling")).toContainText(/No activity for \d+ days|failed submits in a row|reviews overdue/);
  // A longer inactivity threshold flags fewer learners; a bad one says what is wrong.
  const before = await struggling.count();
  await page.getByLabel("Days without activity").fill("60");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\?inactive=60$/);
  expect(await page.getByTestId("struggling-learner").count()).toBeLessThanOrEqual(before);
  await page.goto(`${new URL(page.url()).pathname}?inactive=abc`);
  await expect(page.getByTestId("struggling").getByRole("alert")).toHaveText("Enter a number of days from 1 to 365.");

  // Activity charts with an accessible name, and the page passes axe.
  await expect(page.getByRole("img", { name: "Graded submissions per day" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Review-session ratings per day" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // In Chinese.
  await waitForHydration(page, "header button[lang=zh]");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "各主题掌握度" })).toBeVisible();
  await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
});

test("a learner cannot open a cohort's analytics; an unknown cohort is not found", async ({ personAt }) => {
  const instructor = await personAt();
  const url = await demoCohortAnalytics(instructor);
  const learner = await personAt();
  await signIn(learner, DEMO.learner);
  const response = await learner.goto(url);
  expect(response?.status()).toBe(403);
  const missing = await instructor.goto("/cohorts/no-such-cohort/analytics");
  expect(missing?.status()).toBe(404);
});
