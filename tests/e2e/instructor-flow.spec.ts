// Issue 14's flow, end to end in the browser: an instructor creates a cohort and an assignment with a late
// policy, two learners join and submit — one late, one with a misconception — and the instructor sees the
// gradebook with the late penalty applied, the heatmap, the misconception with its learner, and downloads the
// CSV, whose content is checked. "Late" is real: the due time is in the past, confirmed explicitly by the
// instructor, and the other learner gets an extension; the server's clock is never touched.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./helpers/people";
import { DEMO, signIn, signUpFreshLearner, waitForHydration } from "./helpers/auth";
import { createCohortAndOpen, joinWithCode, submitAndWaitForGrade } from "./helpers/cohorts";

const COST_DIR = path.join(process.cwd(), "exercises", "linear-regression", "linear-regression-cost");
const HOUR = 3_600_000;

/** A datetime-local value in UTC (the new cohort's time zone). */
function localInput(date: Date): string {
  return date.toISOString().slice(0, 16);
}

test("cohort → late-policy assignment → a late learner and a misconception → gradebook, heatmap, misconception, CSV", async ({ personAt }) => {
  test.setTimeout(240_000);
  const instructor = await personAt({ acceptDownloads: true });
  await signIn(instructor, DEMO.instructor, "/cohorts");
  const { name: cohortName, code, path: cohortPath } = await createCohortAndOpen(instructor, "Flow group");

  // Two learners join with the code.
  const latePage = await personAt({ acceptDownloads: true });
  const late = await signUpFreshLearner(latePage, "late", "Lena Late");
  await joinWithCode(latePage, code, cohortName);
  const slipPage = await personAt({ acceptDownloads: true });
  const slip = await signUpFreshLearner(slipPage, "slip", "Sam Slip");
  await joinWithCode(slipPage, code, cohortName);

  // The assignment: due 26 hours ago (two started days by the time anyone submits), 10% a day down to 50%.
  await instructor.reload();
  await waitForHydration(instructor, "main form:has([name=latePolicy])");
  const title = "Week 1: the cost";
  await instructor.getByLabel("Title (optional)").fill(title);
  await instructor.getByRole("checkbox", { name: "The linear-regression cost J(w,b)" }).check();
  await instructor.getByLabel("Due (optional)").fill(localInput(new Date(Date.now() - 26 * HOUR)));
  await instructor.getByRole("radio", { name: "Penalty per day late, down to a floor" }).check();
  await instructor.getByLabel("Penalty per day late (% of full marks)").fill("10");
  await instructor.getByLabel("Lowest score a penalty leaves (%)").fill("50");
  await instructor.getByRole("button", { name: "Assign", exact: true }).click();
  // A due time in the past is not taken silently: the instructor confirms it.
  await expect(instructor.locator("#dueAt-error")).toHaveText("This due time is already past. Tick the box below to keep it, or choose a later one.");
  await instructor.getByRole("checkbox", { name: "Yes, this due time is in the past: learners' work after it is late." }).check();
  await instructor.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(instructor.getByText("Assigned.")).toBeVisible();

  // Sam gets an extension to next week: his work is on time.
  await instructor.getByRole("row", { name: new RegExp(title) }).getByRole("link", { name: "Edit" }).click();
  await waitForHydration(instructor, "main form:has(#extension-user)");
  await instructor.getByLabel("Learner", { exact: true }).selectOption({ label: "Sam Slip" });
  await instructor.getByLabel("Their due time").fill(localInput(new Date(Date.now() + 7 * 24 * HOUR)));
  await instructor.getByRole("button", { name: "Grant extension" }).click();
  await expect(instructor.getByText("Extension granted.")).toBeVisible();

  // Lena submits the right solution, late; Sam submits the classic slip (the 1/2 dropped), on time.
  await submitAndWaitForGrade(latePage, "linear-regression-cost", readFileSync(path.join(COST_DIR, "solution.ts"), "utf8"));
  await submitAndWaitForGrade(slipPage, "linear-regression-cost", readFileSync(path.join(COST_DIR, "misconceptions", "missing-one-half.ts"), "utf8"));

  // The gradebook: Lena's 100% counts as 80% (two days late, −20%); Sam's attempt counts as it is, not late.
  await instructor.goto(`${cohortPath}/gradebook`);
  const lenaRow = instructor.getByTestId("gradebook-row").filter({ hasText: "Lena Late" });
  // A row's cells: the total, the late count, then one per assignment (this cohort has one).
  const lenaCell = lenaRow.locator("td").nth(2);
  await expect(lenaCell).toContainText("80%");
  await expect(lenaCell.getByTestId("late-mark")).toContainText("2");
  await expect(lenaCell.getByTestId("late-mark")).toContainText("20%");
  const samCell = instructor.getByTestId("gradebook-row").filter({ hasText: "Sam Slip" }).locator("td").nth(2);
  await expect(samCell.getByTestId("late-mark")).toHaveCount(0);
  const samScore = (await samCell.locator("b").textContent())!.trim();
  expect(samScore).toMatch(/^\d+(\.\d)?%$/);
  expect(Number.parseFloat(samScore)).toBeLessThan(50);

  // The CSV for Canvas: its header, then each learner with the score that counts, in points.
  const downloadPromise = instructor.waitForEvent("download");
  await instructor.getByTestId("csv-canvas").click();
  const download = await downloadPromise;
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split(/\r\n/);
  expect(lines[0]).toMatch(new RegExp(`^Student,ID,SIS User ID,SIS Login ID,Section,${title} \\([^)]+\\)$`));
  expect(lines[1]).toMatch(/^\s*Points Possible,/);
  const lenaLine = lines.find((line) => line.includes(late.email));
  expect(lenaLine, csv).toBeDefined();
  expect(lenaLine!.split(",").at(-1)).toBe("80");
  const samLine = lines.find((line) => line.includes(slip.email))!;
  expect(Number(samLine.split(",").at(-1))).toBeCloseTo(Number.parseFloat(samScore), 0);

  // Analytics: both learners in the heatmap; the misconception with Sam holding it, linked to his submission.
  await instructor.goto(`${cohortPath}/analytics`);
  const heatRows = instructor.getByTestId("heatmap-row");
  await expect(heatRows).toHaveCount(2);
  await expect(instructor.getByRole("columnheader", { name: "Linear regression and the cost function" })).toBeVisible();
  await expect(heatRows.filter({ hasText: "Lena Late" }).locator("td[data-topic=linear-regression]")).toHaveText(/^\d+%$/);
  await expect(heatRows.filter({ hasText: "Sam Slip" }).locator("td[data-topic=linear-regression]")).toHaveText(/^\d+%$/);
  const misconception = instructor.getByTestId("misconception-row").filter({ hasText: "Dropped the 1/2: divided by m only" });
  await expect(misconception).toBeVisible();
  await expect(misconception.getByTestId("holders").getByRole("link")).toHaveText(["Sam Slip"]);
  await misconception.getByTestId("holders").getByRole("link", { name: "Sam Slip" }).click();
  await expect(instructor).toHaveURL(/\/submissions\/[^/]+$/);
});
