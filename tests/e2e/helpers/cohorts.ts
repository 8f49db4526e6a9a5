// Cohort steps several specs take the way an instructor and a learner take them.
//
//   const { name, code } = await createCohortAndOpen(instructor, "Evening group");  // on /cohorts, then its page
//   await joinWithCode(learner, code, name);
//   await submitAndWaitForGrade(learner, "linear-regression-cost", source);       // the real API and daemon
import { expect, type Page } from "@playwright/test";
import { gotoHydrated, waitForHydration } from "./auth";

const CODE = /[A-Z2-9]{4}-[A-Z2-9]{4}/;

/** Creates a cohort named `<prefix> <unique>` from /cohorts (the page must be open) and opens its page. */
export async function createCohortAndOpen(page: Page, prefix: string): Promise<{ name: string; code: string; path: string }> {
  await waitForHydration(page, "main form");
  const name = `${prefix} ${Date.now().toString(36)}`;
  await page.getByLabel("Cohort name").fill(name);
  await page.getByRole("button", { name: "Create cohort" }).click();
  const code = (await page.getByTestId("cohort-created").textContent())?.match(CODE)?.[0];
  expect(code, "the confirmation shows the join code").toBeTruthy();
  await page.getByTestId("cohort-created").getByRole("link").click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  return { name, code: code!, path: new URL(page.url()).pathname };
}

export async function joinWithCode(page: Page, code: string, cohortName: string): Promise<void> {
  await gotoHydrated(page, "/join");
  await page.getByLabel("Join code").fill(code);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`You joined “${cohortName}”.`);
}

/** Submits through the app's real API (stored, then graded by the grading daemon) and waits for the grade. */
export async function submitAndWaitForGrade(page: Page, slug: string, source: string): Promise<void> {
  // The Origin a browser sends: state-changing API requests from elsewhere are refused (proxy.ts).
  const response = await page.request.post("/api/submissions", { headers: { origin: new URL(page.url()).origin }, data: { slug, source, kind: "submit", lang: "en" } });
  expect(response.status(), await response.text()).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/submissions/${id}`)).json()) as { status: string }).status, { timeout: 90_000 })
    .toBe("graded");
}
