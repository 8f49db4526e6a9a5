// The gradebook in the browser, on the demo cohort `npm start` seeds (eight learners, four weeks of work with
// real grader reports): sort and filter, a learner's page, the drill-down into a submission (code, per-case
// results, the named misconception, the timeline of attempts and the diff from the one before), the CSV for
// Canvas and Moodle, the Gradescope bundle; and who may not see it.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./helpers/auth";

async function openGradebook(page: Page): Promise<string> {
  await signIn(page, DEMO.instructor, "/cohorts");
  await page.getByRole("link", { name: "Demo cohort · 示例小组" }).first().click();
  await page.getByRole("link", { name: "Gradebook", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Gradebook · Demo cohort/ })).toBeVisible();
  return new URL(page.url()).pathname;
}

const percents = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).allTextContents()).map((text) => Number(text.replace("%", "")));

test("an instructor sorts and filters the gradebook and drills into a learner's attempts", async ({ page }) => {
  test.setTimeout(180_000);
  const gradebook = await openGradebook(page);
  const rows = page.getByTestId("gradebook-row");
  await expect(rows).toHaveCount(9); // the eight demo learners and the demo learner account
  await expect(page.getByTestId("gradebook").getByRole("columnheader")).toContainText(["Learner", "Total", "Late", "Week 1 · Linear regression / 线性回归"]);
  // The late policy shows in the cells: some demo learners passed Week 1 late and lost points for it.
  await expect(page.getByTestId("late-mark").filter({ hasText: /d late, −\d/ }).first()).toBeVisible();

  // Sort by total: the first click ascending, the second descending.
  await page.getByTestId("sort-total").click();
  await expect(page).toHaveURL(/sort=total/);
  const ascending = await percents(page, "total");
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await page.getByTestId("sort-total").click();
  await expect(page).toHaveURL(/dir=desc/);
  const descending = await percents(page, "total");
  expect(descending).toEqual([...ascending].reverse());

  // Filter by status, then by name.
  await page.getByLabel("Status").selectOption("overdue");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=overdue/);
  const overdue = await rows.count();
  expect(overdue).toBeGreaterThan(0);
  for (let i = 0; i < overdue; i++) await expect(rows.nth(i).getByText("Overdue").first()).toBeVisible();
  await page.getByRole("link", { name: "Clear the filter" }).click();
  await page.getByLabel("Learner name or e-mail").fill("zhang");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(1);

  // Zhang Min's page: every assignment with the score that counts; then her latest attempt at an exercise.
  await rows.getByRole("link", { name: "Zhang Min 张敏" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Zhang Min 张敏" })).toBeVisible();
  await expect(page.getByTestId("learner-assignment")).toHaveCount(5);
  await page.getByRole("link", { name: /^Latest attempt/ }).first().click();

  // The drill-down: code with line numbers, the per-case results panel, the timeline and the change.
  await expect(page.getByRole("heading", { level: 1, name: /: Zhang Min 张敏$/ })).toBeVisible();
  await expect(page.getByTestId("submission-code")).toContainText("export function");
  await expect(page.getByRole("heading", { name: "Results", exact: true })).toBeVisible();
  const timeline = page.getByTestId("timeline").getByRole("listitem");
  expect(await timeline.count()).toBeGreaterThan(1);
  await expect(timeline.last()).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("attempt-diff")).toBeVisible();
  // An earlier attempt in which the grader named a misconception: its results panel names it too.
  const named = page.getByTestId("timeline").getByRole("listitem").filter({ has: page.locator(".bg-amber-100") }).first();
  const misconception = (await named.locator(".bg-amber-100").first().textContent())!;
  await named.getByRole("link", { name: "Open" }).click();
  await expect(page.getByRole("heading", { name: "Results", exact: true })).toBeVisible();
  await expect(page.getByText(misconception).first()).toBeVisible();
  await expect(page.getByTestId("timeline").locator('[aria-current="true"]')).toContainText(misconception);

  // Back to the gradebook; an assignment's page by exercise.
  await page.goto(gradebook);
  await page.getByRole("link", { name: "By exercise" }).first().click();
  await expect(page.getByTestId("late-policy")).toHaveText(/per day late|No credit|counts in full/);
  await expect(page.getByTestId("assignment-gradebook").getByTestId("gradebook-row")).toHaveCount(9);
});

test("the gradebook downloads as the CSV Canvas and Moodle import, and an assignment as a Gradescope autograder", async ({ page }) => {
  test.setTimeout(120_000);
  await openGradebook(page);
  const [canvas] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-canvas").click()]);
  expect(canvas.suggestedFilename()).toBe("demo-cohort-gradebook-canvas.csv");
  const canvasLines = readFileSync((await canvas.path())!, "utf8").replace(/^\uFEFF/, "").split("\r\n");
  expect(canvasLines[0]).toMatch(/^Student,ID,SIS User ID,SIS Login ID,Section,Week 1 · Linear regression \/ 线性回归 \(\w+\),/);
  expect(canvasLines[1]).toMatch(/^ {4}Points Possible,,,,,100,/);
  expect(canvasLines.find((l) => l.startsWith("Zhang Min 张敏,"))).toMatch(/^Zhang Min 张敏,,,zhang\.min@demo\.lacuna\.local,Demo cohort · 示例小组,/);

  const [moodle] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-moodle").click()]);
  const moodleLines = readFileSync((await moodle.path())!, "utf8").replace(/^\uFEFF/, "").split("\r\n");
  expect(moodleLines[0]).toMatch(/^First name,Last name,Email address,Week 1 · Linear regression \/ 线性回归,/);
  expect(moodleLines.filter((l) => l.includes("@")).length).toBe(9);

  await page.getByRole("link", { name: "By exercise" }).first().click();
  const [bundle] = await Promise.all([page.waitForEvent("download"), page.getByTestId("gradescope-bundle").click()]);
  expect(bundle.suggestedFilename()).toMatch(/^lacuna-gradescope-\w+\.zip$/);
  expect(readFileSync((await bundle.path())!).subarray(0, 2).toString()).toBe("PK");
});

test("a learner gets no gradebook, CSV or drill-down", async ({ page }) => {
  await signIn(page, DEMO.learner);
  for (const path of ["/cohorts/x/gradebook", "/cohorts/x/learners/y", "/cohorts/x/submissions/z"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  expect((await page.request.get("/api/cohorts/x/gradebook.csv")).status()).toBe(403);
});
