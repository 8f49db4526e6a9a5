// Cohorts as instructors and learners use them: create a cohort, share its code, join, see the learner,
// assign an exercise and see it on both sides. Two browser contexts = two people at two computers.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, gotoHydrated, signIn, signUpFreshLearner, waitForHydration } from "./helpers/auth";

const CODE = /[A-Z2-9]{4}-[A-Z2-9]{4}/;

async function personAt(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("an instructor creates a cohort, a learner joins with the code, the instructor sees the learner", async ({ browser }) => {
  const instructor = await personAt(browser);
  await signIn(instructor, DEMO.instructor, "/cohorts");
  await expect(instructor.getByRole("heading", { name: "Cohorts", level: 1 })).toBeVisible();
  await waitForHydration(instructor, "main form");

  // The name is required: the message sits next to the field.
  await instructor.getByRole("button", { name: "Create cohort" }).click();
  await expect(instructor.locator("#cohort-name-error")).toHaveText("Give the cohort a name.");

  const cohortName = `Evening group ${Date.now().toString(36)}`;
  await instructor.getByLabel("Cohort name").fill(cohortName);
  await instructor.getByRole("button", { name: "Create cohort" }).click();
  const created = instructor.getByTestId("cohort-created");
  await expect(created).toContainText(`Cohort “${cohortName}” created.`);
  const code = (await created.textContent())?.match(CODE)?.[0];
  expect(code, "the confirmation shows the join code").toBeTruthy();
  await expect(instructor.getByRole("row", { name: new RegExp(cohortName) })).toContainText(code!);

  // The learner types the code badly first, then in lower case (case and dashes do not matter).
  const learnerPage = await personAt(browser);
  const learner = await signUpFreshLearner(learnerPage, "joiner", "Joan Joiner");
  await gotoHydrated(learnerPage, "/join");
  await learnerPage.getByLabel("Join code").fill("ABC");
  await learnerPage.getByRole("button", { name: "Join", exact: true }).click();
  await expect(learnerPage.locator("#join-code-error")).toHaveText("A join code has 8 letters and digits, like ABCD-2345.");
  await learnerPage.getByLabel("Join code").fill(code === "ABCD-EFGH" ? "ABCD-EFGJ" : "ABCD-EFGH");
  await learnerPage.getByRole("button", { name: "Join", exact: true }).click();
  await expect(learnerPage.locator("#join-code-error")).toHaveText("No cohort has this join code. Check it with your instructor.");
  await learnerPage.getByLabel("Join code").fill(code!.toLowerCase());
  await learnerPage.getByRole("button", { name: "Join", exact: true }).click();
  await expect(learnerPage.getByRole("status")).toHaveText(`You joined “${cohortName}”.`);
  await expect(learnerPage.getByTestId("my-cohort").filter({ hasText: cohortName })).toContainText("Nothing assigned yet.");

  // The instructor opens the cohort and sees the learner, with nothing attempted yet.
  await instructor.reload();
  await instructor.getByRole("link", { name: cohortName }).click();
  await expect(instructor.getByRole("heading", { name: cohortName, level: 1 })).toBeVisible();
  await expect(instructor.getByTestId("join-code")).toHaveText(code!);
  await waitForHydration(instructor, "main form:has(#exerciseSlug)");
  const row = instructor.getByTestId("member-row").filter({ hasText: "Joan Joiner" });
  await expect(row).toContainText(learner.email);
  await expect(row).toContainText("0 / 0");

  // Assigning: an exercise is required; then one with a due date shows up for the instructor and the learner.
  await instructor.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(instructor.locator("#exerciseSlug-error")).toHaveText("Choose an exercise.");
  await instructor.getByLabel("Exercise").selectOption("linear-regression-cost");
  await instructor.getByLabel(/Due date/).fill("2030-06-30");
  await instructor.getByRole("button", { name: "Assign", exact: true }).click();
  const assignment = instructor.getByTestId("assignment-row");
  await expect(assignment).toHaveCount(1);
  await expect(assignment).toContainText("2030-06-30");
  await expect(assignment).toContainText("0 of 1 done");
  await expect(assignment).toContainText("Not yet");

  await learnerPage.reload();
  const mine = learnerPage.getByTestId("my-cohort").filter({ hasText: cohortName });
  await expect(mine).toContainText("2030-06-30");
  await expect(mine).toContainText("Not yet");
});

test("a join link shows the cohort first and joins on the button", async ({ browser }) => {
  const instructor = await personAt(browser);
  await signIn(instructor, DEMO.instructor, "/cohorts");
  await waitForHydration(instructor, "main form");
  const cohortName = `Link group ${Date.now().toString(36)}`;
  await instructor.getByLabel("Cohort name").fill(cohortName);
  await instructor.getByRole("button", { name: "Create cohort" }).click();
  const code = (await instructor.getByTestId("cohort-created").textContent())?.match(CODE)?.[0];
  expect(code).toBeTruthy();

  // Signed out, the link goes through sign-up/sign-in and comes back to the invitation.
  const learnerPage = await personAt(browser);
  await learnerPage.goto(`/join/${code}`);
  await expect(learnerPage).toHaveURL(new RegExp(`/signin\\?callbackUrl=%2Fjoin%2F${code}$`));
  await signUpFreshLearner(learnerPage, "linker", "Lin Linker");
  await learnerPage.goto(`/join/${code}`);
  await expect(learnerPage.getByRole("heading", { name: `Join “${cohortName}”?` })).toBeVisible();
  await expect(learnerPage.getByText("Instructor: Demo Instructor")).toBeVisible();
  await expect(learnerPage.getByText(code!)).toBeVisible();
  await learnerPage.getByRole("button", { name: "Join", exact: true }).click();
  await expect(learnerPage).toHaveURL(/\/join\?joined=/);
  await expect(learnerPage.getByRole("status")).toHaveText(`You joined “${cohortName}”.`);
  await expect(learnerPage.getByTestId("my-cohort").filter({ hasText: cohortName })).toBeVisible();
  // Opening the link again says so instead of offering to join twice.
  await learnerPage.goto(`/join/${code}`);
  await expect(learnerPage.getByText(`You are already a member of “${cohortName}”.`)).toBeVisible();
  await expect(learnerPage.getByRole("button", { name: "Join", exact: true })).toHaveCount(0);

  await learnerPage.goto("/join/ZZZZ-ZZZZ");
  await expect(learnerPage.getByRole("alert").filter({ hasText: "This join code" })).toHaveText(
    "This join code does not belong to any cohort. Check it with your instructor.",
  );
});

test("the demo instructor's demo cohort holds the demo learner; the demo learner sees it and its assignment", async ({ browser }) => {
  const instructor = await personAt(browser);
  await signIn(instructor, DEMO.instructor, "/cohorts");
  await instructor.getByRole("link", { name: "Demo cohort · 示例小组" }).click();
  await expect(instructor.getByTestId("member-row").filter({ hasText: "learner@lacuna.local" })).toBeVisible();
  await expect(instructor.getByTestId("assignment-row")).toHaveCount(1);

  const learnerPage = await personAt(browser);
  await signIn(learnerPage, DEMO.learner, "/join");
  await expect(learnerPage.getByTestId("my-cohort").filter({ hasText: "Demo cohort · 示例小组" })).toContainText("Instructor: Demo Instructor");
});

test("cohort pages are for instructors and admins: a learner gets 403, an unknown cohort is not found", async ({ browser }) => {
  const instructor = await personAt(browser);
  await signIn(instructor, DEMO.instructor, "/cohorts");
  await instructor.getByRole("link", { name: "Demo cohort · 示例小组" }).click();
  await expect(instructor).toHaveURL(/\/cohorts\/[^/]+$/);
  const cohortUrl = new URL(instructor.url()).pathname;
  const missing = await instructor.goto("/cohorts/no-such-cohort");
  expect(missing?.status()).toBe(404);
  await expect(instructor.getByRole("heading", { name: "Page not found" })).toBeVisible();

  const learnerPage = await personAt(browser);
  await signIn(learnerPage, DEMO.learner);
  const forbidden = await learnerPage.goto(cohortUrl);
  expect(forbidden?.status()).toBe(403);
  await expect(learnerPage.getByRole("heading", { name: "Not allowed" })).toBeVisible();

  // An admin may look at any cohort.
  const adminPage = await personAt(browser);
  await signIn(adminPage, DEMO.admin, cohortUrl);
  await expect(adminPage.getByRole("heading", { name: "Demo cohort · 示例小组", level: 1 })).toBeVisible();
});

const COST_DIR = path.join(process.cwd(), "exercises", "linear-regression", "linear-regression-cost");

/** Submits through the app's real API (stored, then graded by the grading daemon) and waits for the grade. */
async function submitAndWaitForGrade(page: Page, source: string): Promise<void> {
  // The Origin a browser sends: state-changing API requests from elsewhere are refused (proxy.ts).
  const response = await page.request.post("/api/submissions", { headers: { origin: new URL(page.url()).origin }, data: { slug: "linear-regression-cost", source, kind: "submit", lang: "en" } });
  expect(response.status(), await response.text()).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/submissions/${id}`)).json()) as { status: string }).status, { timeout: 60_000 })
    .toBe("graded");
}

test("the instructor sees a learner's scores, the misconception the grader named, and the assignment done", async ({ browser }) => {
  const instructor = await personAt(browser);
  await signIn(instructor, DEMO.instructor, "/cohorts");
  await waitForHydration(instructor, "main form");
  const cohortName = `Graded group ${Date.now().toString(36)}`;
  await instructor.getByLabel("Cohort name").fill(cohortName);
  await instructor.getByRole("button", { name: "Create cohort" }).click();
  const code = (await instructor.getByTestId("cohort-created").textContent())?.match(CODE)?.[0];
  expect(code).toBeTruthy();
  await instructor.getByTestId("cohort-created").getByRole("link").click();
  await expect(instructor.getByRole("heading", { name: cohortName, level: 1 })).toBeVisible();
  await waitForHydration(instructor, "main form:has(#exerciseSlug)");
  await instructor.getByLabel("Exercise").selectOption("linear-regression-cost");
  await instructor.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(instructor.getByTestId("assignment-row")).toHaveCount(1);

  const learnerPage = await personAt(browser);
  await signUpFreshLearner(learnerPage, "graded", "Gus Graded");
  await gotoHydrated(learnerPage, "/join");
  await learnerPage.getByLabel("Join code").fill(code!);
  await learnerPage.getByRole("button", { name: "Join", exact: true }).click();
  await expect(learnerPage.getByRole("status")).toHaveText(`You joined “${cohortName}”.`);

  // A submission with the classic slip (the 1/2 dropped from the cost): graded for real, diagnosed.
  await submitAndWaitForGrade(learnerPage, readFileSync(path.join(COST_DIR, "misconceptions", "missing-one-half.ts"), "utf8"));
  await instructor.reload();
  const row = instructor.getByTestId("member-row").filter({ hasText: "Gus Graded" });
  await expect(row).toContainText("0 / 1");
  await expect(row).toContainText("Dropped the 1/2: divided by m only");
  await expect(row).toContainText("×1");
  await expect(instructor.getByTestId("assignment-row")).toContainText("Not yet");

  // Then the correct solution: passed, best score 100%, the assignment done.
  await submitAndWaitForGrade(learnerPage, readFileSync(path.join(COST_DIR, "solution.ts"), "utf8"));
  await instructor.reload();
  await expect(row).toContainText("1 / 1");
  await expect(row).toContainText("The linear-regression cost J(w,b): 100%");
  await expect(instructor.getByTestId("assignment-row")).toContainText("1 of 1 done");
  await expect(instructor.getByTestId("assignment-row")).toContainText("Done");

  // In Chinese, the misconception is named in Chinese (from the exercise's catalog entry).
  await waitForHydration(instructor, "header button[lang=zh]");
  await instructor.getByRole("button", { name: "中文" }).click();
  await expect(instructor.getByTestId("member-row").filter({ hasText: "Gus Graded" })).toContainText("漏掉了 1/2");
});
