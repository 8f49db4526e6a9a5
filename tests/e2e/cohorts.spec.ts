// Cohorts as instructors and learners use them: create a cohort, share its code, join, see the learner,
// assign an exercise and see it on both sides. Two browser contexts = two people at two computers.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./helpers/people";
import { DEMO, gotoHydrated, signIn, signUpFreshLearner, waitForHydration } from "./helpers/auth";
import { e2eDb } from "./helpers/db";
import { submitAndWaitForGrade } from "./helpers/cohorts";

const CODE = /[A-Z2-9]{4}-[A-Z2-9]{4}/;

test("an instructor creates a cohort, a learner joins with the code, the instructor sees the learner", async ({ personAt }) => {
  test.slow(); // two people, eleven page loads and the language switch: over 60 s at a load of 30 on 2 cores
  const instructor = await personAt();
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
  const learnerPage = await personAt();
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
  await waitForHydration(instructor, "main form[data-testid=assignment-form]");
  const row = instructor.getByTestId("member-row").filter({ hasText: "Joan Joiner" });
  await expect(row).toContainText(learner.email);
  await expect(row).toContainText("0 / 0");

  // Assigning: an exercise (or topic) is required; then one with a due time shows up for both sides.
  await instructor.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(instructor.locator("#exercises-error")).toHaveText("Choose at least one exercise or topic.");
  await instructor.getByRole("checkbox", { name: "The linear-regression cost J(w,b)" }).check();
  await instructor.getByLabel("Due (optional)").fill("2030-06-30T23:59");
  await instructor.getByRole("button", { name: "Assign", exact: true }).click();
  const assignment = instructor.getByTestId("assignment-row");
  await expect(assignment).toHaveCount(1);
  await expect(assignment).toContainText("Sun, 30 Jun 2030, 23:59 UTC");
  await expect(assignment).toContainText("0 of 1 done");
  await expect(assignment).toContainText("Not yet");

  await learnerPage.reload();
  const mine = learnerPage.getByTestId("my-cohort").filter({ hasText: cohortName });
  await expect(mine).toContainText("Sun, 30 Jun 2030, 23:59 UTC");
  await expect(mine).toContainText("Not yet");

  // The assignment shows where the learner looks: the home page, the exercise browser and the exercise page,
  // with the time left, in both languages.
  const dueLine = new RegExp(`Assigned in ${cohortName} · due in \\d+ years \\(Sun, 30 Jun 2030, 23:59 UTC\\)`);
  // The signed-in home page has no form: wait for its assignment links (next/link, hydrated) instead.
  await gotoHydrated(learnerPage, "/", "[data-testid=home-assignments] a");
  await expect(learnerPage.getByTestId("home-assignments").getByRole("link", { name: "The linear-regression cost J(w,b)" })).toBeVisible();
  await expect(learnerPage.getByTestId("home-assignments").getByTestId("assignment-tag").filter({ hasText: cohortName })).toHaveText(dueLine);
  await gotoHydrated(learnerPage, "/exercises");
  const card = learnerPage.getByTestId("exercise-card").filter({ has: learnerPage.getByTestId("assignment-tag").filter({ hasText: cohortName }) });
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute("href", "/exercises/linear-regression-cost");
  await learnerPage.getByLabel("Status").selectOption("assigned");
  await expect(learnerPage.getByTestId("exercise-card").filter({ hasText: cohortName })).toHaveCount(1);
  // The exercise page has no form (its title is statement HTML, not React's): the assignment tag is React's.
  await gotoHydrated(learnerPage, "/exercises/linear-regression-cost", "main [data-testid=assignment-tag]");
  await expect(learnerPage.getByTestId("exercise-assignment").getByTestId("assignment-tag").filter({ hasText: cohortName })).toHaveText(dueLine);
  await learnerPage.getByRole("group", { name: "Language" }).getByRole("button", { name: "中文" }).click();
  await expect(learnerPage.getByTestId("exercise-assignment")).toContainText(new RegExp(`${cohortName} 布置的作业 · \\d+年后截止（2030年6月30日周日`));
  await learnerPage.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
});

test("a join link shows the cohort first and joins on the button", async ({ personAt }) => {
  const instructor = await personAt();
  await signIn(instructor, DEMO.instructor, "/cohorts");
  await waitForHydration(instructor, "main form");
  const cohortName = `Link group ${Date.now().toString(36)}`;
  await instructor.getByLabel("Cohort name").fill(cohortName);
  await instructor.getByRole("button", { name: "Create cohort" }).click();
  const code = (await instructor.getByTestId("cohort-created").textContent())?.match(CODE)?.[0];
  expect(code).toBeTruthy();

  // Signed out, the link goes through sign-up/sign-in and comes back to the invitation.
  const learnerPage = await personAt();
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

test("the demo instructor's demo cohort holds the demo learner and the demo course's learners; the demo learner sees it and its assignment", async ({ personAt }) => {
  const instructor = await personAt();
  await signIn(instructor, DEMO.instructor, "/cohorts");
  await instructor.getByRole("link", { name: "Demo cohort · 示例小组" }).click();
  await expect(instructor.getByTestId("member-row").filter({ hasText: "learner@lacuna.local" })).toBeVisible();
  // Its own first assignment and the four weeks of the demo learners' course (lib/cohorts/demo/seed.ts).
  await expect(instructor.getByTestId("member-row")).toHaveCount(9);
  await expect(instructor.getByTestId("assignment-row")).toHaveCount(5);

  const learnerPage = await personAt();
  await signIn(learnerPage, DEMO.learner, "/join");
  await expect(learnerPage.getByTestId("my-cohort").filter({ hasText: "Demo cohort · 示例小组" })).toContainText("Instructor: Demo Instructor");
});

test("cohort pages are for instructors and admins: a learner gets 403, an unknown cohort is not found", async ({ browser, personAt }) => {
  const instructor = await personAt();
  await signIn(instructor, DEMO.instructor, "/cohorts");
  await instructor.getByRole("link", { name: "Demo cohort · 示例小组" }).click();
  await expect(instructor).toHaveURL(/\/cohorts\/[^/]+$/);
  const cohortUrl = new URL(instructor.url()).pathname;
  const missing = await instructor.goto("/cohorts/no-such-cohort");
  expect(missing?.status()).toBe(404);
  await expect(instructor.getByRole("heading", { name: "Page not found" })).toBeVisible();

  const learnerPage = await personAt();
  await signIn(learnerPage, DEMO.learner);
  const forbidden = await learnerPage.goto(cohortUrl);
  expect(forbidden?.status()).toBe(403);
  await expect(learnerPage.getByRole("heading", { name: "Not allowed" })).toBeVisible();

  // Every page and download of the cohort, as the demo learner (a member of it) and signed out: refused. The
  // grants inside the instructor role are tested in tests/security/cohort-access.test.ts.
  await instructor.goto(cohortUrl);
  const assignmentHref = await instructor.getByTestId("assignment-row").first().getByRole("link", { name: "Edit" }).getAttribute("href");
  const assignmentId = assignmentHref!.split("/").at(-1)!;
  const pages = [`${cohortUrl}/assignments/${assignmentId}`, `${cohortUrl}/gradebook`, `${cohortUrl}/gradebook/${assignmentId}`, `${cohortUrl}/analytics`];
  const downloads = [`/api${cohortUrl}/gradebook.csv?format=canvas`, `/api${cohortUrl}/assignments/${assignmentId}/gradescope.zip`];
  for (const url of pages) expect((await learnerPage.goto(url))?.status(), url).toBe(403);
  for (const url of downloads) expect([401, 403, 404], url).toContain((await learnerPage.request.get(url)).status());
  const signedOut = await browser.newContext();
  for (const url of downloads) expect([401, 403], url).toContain((await signedOut.request.get(`${new URL(instructor.url()).origin}${url}`)).status());
  await signedOut.close();
  // The owner gets each of them.
  for (const url of pages) expect((await instructor.goto(url))?.status(), url).toBe(200);
  for (const url of downloads) expect((await instructor.request.get(url)).status(), url).toBe(200);

  // An admin may look at any cohort.
  const adminPage = await personAt();
  await signIn(adminPage, DEMO.admin, cohortUrl);
  await expect(adminPage.getByRole("heading", { name: "Demo cohort · 示例小组", level: 1 })).toBeVisible();
});

const COST_DIR = path.join(process.cwd(), "exercises", "linear-regression", "linear-regression-cost");

test("the instructor sees a learner's scores, the misconception the grader named, and the assignment done", async ({ personAt }) => {
  const instructor = await personAt();
  await signIn(instructor, DEMO.instructor, "/cohorts");
  await waitForHydration(instructor, "main form");
  const cohortName = `Graded group ${Date.now().toString(36)}`;
  await instructor.getByLabel("Cohort name").fill(cohortName);
  await instructor.getByRole("button", { name: "Create cohort" }).click();
  const code = (await instructor.getByTestId("cohort-created").textContent())?.match(CODE)?.[0];
  expect(code).toBeTruthy();
  await instructor.getByTestId("cohort-created").getByRole("link").click();
  await expect(instructor.getByRole("heading", { name: cohortName, level: 1 })).toBeVisible();
  await waitForHydration(instructor, "main form[data-testid=assignment-form]");
  await instructor.getByRole("checkbox", { name: "The linear-regression cost J(w,b)" }).check();
  await instructor.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(instructor.getByTestId("assignment-row")).toHaveCount(1);

  const learnerPage = await personAt();
  await signUpFreshLearner(learnerPage, "graded", "Gus Graded");
  await gotoHydrated(learnerPage, "/join");
  await learnerPage.getByLabel("Join code").fill(code!);
  await learnerPage.getByRole("button", { name: "Join", exact: true }).click();
  await expect(learnerPage.getByRole("status")).toHaveText(`You joined “${cohortName}”.`);

  // A submission with the classic slip (the 1/2 dropped from the cost): graded for real, diagnosed.
  await submitAndWaitForGrade(learnerPage, "linear-regression-cost", readFileSync(path.join(COST_DIR, "misconceptions", "missing-one-half.ts"), "utf8"));
  await instructor.reload();
  const row = instructor.getByTestId("member-row").filter({ hasText: "Gus Graded" });
  await expect(row).toContainText("0 / 1");
  await expect(row).toContainText("Dropped the 1/2: divided by m only");
  await expect(row).toContainText("×1");
  await expect(instructor.getByTestId("assignment-row")).toContainText("Not yet");

  // Then the correct solution: passed, best score 100%, the assignment done.
  await submitAndWaitForGrade(learnerPage, "linear-regression-cost", readFileSync(path.join(COST_DIR, "solution.ts"), "utf8"));
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

test("safe editing: a past due time needs confirming, due times and policies change after assigning, removals ask first and undo", async ({ personAt }) => {
  const instructor = await personAt();
  await signIn(instructor, DEMO.instructor, "/cohorts");
  await waitForHydration(instructor, "main form");
  const cohortName = `Careful group ${Date.now().toString(36)}`;
  await instructor.getByLabel("Cohort name").fill(cohortName);
  await instructor.getByRole("button", { name: "Create cohort" }).click();
  const code = (await instructor.getByTestId("cohort-created").textContent())?.match(CODE)?.[0];
  await instructor.getByTestId("cohort-created").getByRole("link").click();
  await expect(instructor.getByRole("heading", { name: cohortName, level: 1 })).toBeVisible();
  const cohortPath = new URL(instructor.url()).pathname;
  await gotoHydrated(instructor, cohortPath, "main form[data-testid=assignment-form]");

  const learnerPage = await personAt();
  await signUpFreshLearner(learnerPage, "careful", "Cara Careful");
  await gotoHydrated(learnerPage, "/join");
  await learnerPage.getByLabel("Join code").fill(code!);
  await learnerPage.getByRole("button", { name: "Join", exact: true }).click();
  await expect(learnerPage.getByRole("status")).toHaveText(`You joined “${cohortName}”.`);

  // 2020-01-01 is refused until the instructor says it is meant.
  await instructor.getByRole("checkbox", { name: "The linear-regression cost J(w,b)" }).check();
  await instructor.getByLabel("Due (optional)").fill("2020-01-01T23:59");
  await instructor.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(instructor.locator("#dueAt-error")).toHaveText("This due time is already past. Tick the box below to keep it, or choose a later one.");
  await expect(instructor.getByTestId("assignment-row")).toHaveCount(0);
  await instructor.getByRole("checkbox", { name: /Yes, this due time is in the past/ }).check();
  await instructor.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(instructor.getByTestId("assignment-row")).toHaveCount(1);
  await expect(instructor.getByTestId("assignment-row")).toContainText("Overdue");

  // Edited after assigning: a later due time and a late policy, no remove-and-re-add.
  // Opened by its address and hydrated before typing: a client navigation may still swap the page in under the
  // typing, resetting what was typed.
  const editHref = await instructor.getByTestId("assignment-row").getByRole("link", { name: "Edit" }).getAttribute("href");
  await gotoHydrated(instructor, editHref!, "main form[data-testid=assignment-form]");
  // Left empty, the opening is the assignment's creation: the form says so.
  await expect(instructor.locator("#opensAt-hint")).toHaveText("Left empty, the assignment opens when you create it: work done before that does not count and uses no attempts.");
  // An extension after the (past) due time but itself past is refused until the instructor says it is meant.
  await instructor.getByLabel("Learner", { exact: true }).selectOption({ label: "Cara Careful" });
  await instructor.getByLabel("Their due time").fill("2021-01-01T23:59");
  await instructor.getByRole("button", { name: "Grant extension" }).click();
  await expect(instructor.locator("#extension-due-error")).toHaveText("This time is already past. Tick the box below to grant it anyway, or choose a later one.");
  await expect(instructor.getByTestId("extension")).toHaveCount(0);
  await instructor.getByRole("checkbox", { name: /Yes, this extension is in the past/ }).check();
  await instructor.getByRole("button", { name: "Grant extension" }).click();
  await expect(instructor.getByText("Extension granted.")).toBeVisible();
  await expect(instructor.getByTestId("extension")).toContainText("Cara Careful");
  await gotoHydrated(instructor, editHref!, "main form[data-testid=assignment-form]");
  await instructor.getByLabel("Due (optional)").fill("2030-06-30T23:59");
  await instructor.getByRole("radio", { name: "Penalty per day late, down to a floor" }).check();
  await instructor.getByLabel("Penalty per day late (% of full marks)").fill("20");
  await instructor.getByRole("button", { name: "Save changes" }).click();
  await expect(instructor.getByRole("status")).toContainText("Saved.");
  // And one learner gets an extension.
  await instructor.getByLabel("Learner", { exact: true }).selectOption({ label: "Cara Careful" });
  await instructor.getByLabel("Their due time").fill("2030-07-07T23:59");
  await instructor.getByRole("button", { name: "Grant extension" }).click();
  await expect(instructor.getByTestId("extension")).toContainText("Cara Careful");
  await expect(instructor.getByTestId("extension")).toContainText("7 Jul");
  // An "extension" to before the assignment's own due time would take time away: refused, the extension kept.
  await instructor.getByLabel("Learner", { exact: true }).selectOption({ label: "Cara Careful" });
  await instructor.getByLabel("Their due time").fill("2030-06-01T23:59");
  await instructor.getByRole("button", { name: "Grant extension" }).click();
  await expect(instructor.locator("#extension-due-error")).toHaveText("An extension must come after the assignment's own due time. Choose a later time, or take the extension back.");
  await expect(instructor.getByTestId("extension")).toContainText("7 Jul");
  await expect(instructor.getByRole("link", { name: `Back to ${cohortName}` })).toHaveAttribute("href", cohortPath);
  await gotoHydrated(instructor, cohortPath, "main form[data-testid=assignment-form]");
  const assignment = instructor.getByTestId("assignment-row");
  await expect(assignment).toContainText("Sun, 30 Jun 2030, 23:59 UTC");
  await expect(assignment).toContainText("Late: −20% a day, down to 50%.");
  await expect(assignment).toContainText("Not yet");
  await learnerPage.reload();
  await expect(learnerPage.getByTestId("my-cohort").filter({ hasText: cohortName })).toContainText("Sun, 7 Jul 2030, 23:59 UTC");

  // Removing asks first; Cancel keeps it; confirmed, it goes, and Undo brings it back.
  await assignment.getByRole("button", { name: "Remove" }).click();
  await assignment.getByRole("button", { name: "Cancel" }).click();
  await assignment.getByRole("button", { name: "Remove" }).click();
  await assignment.getByRole("button", { name: "Yes, remove" }).click();
  await expect(instructor.getByTestId("assignment-row")).toHaveCount(0);
  await instructor.getByTestId("removed-assignments").getByRole("button", { name: "Undo" }).click();
  await expect(instructor.getByTestId("assignment-row")).toHaveCount(1);

  const member = instructor.getByTestId("member-row").filter({ hasText: "Cara Careful" });
  await member.getByRole("button", { name: "Remove" }).click();
  await member.getByRole("button", { name: "Yes, remove" }).click();
  await expect(instructor.getByTestId("member-row")).toHaveCount(0);
  await learnerPage.reload();
  await expect(learnerPage.getByTestId("my-cohort").filter({ hasText: cohortName })).toHaveCount(0);
  await instructor.getByTestId("removed-members").getByRole("button", { name: "Undo" }).click();
  await expect(instructor.getByTestId("member-row").filter({ hasText: "Cara Careful" })).toHaveCount(1);
  await learnerPage.reload();
  await expect(learnerPage.getByTestId("my-cohort").filter({ hasText: cohortName })).toHaveCount(1);
});

// Accepting and grants are covered against the database in tests/cohorts/cohorts.test.ts (the demo has one instructor).
test("inviting a co-instructor takes an instructor's account, never the owner's; a learner cannot open the cohort", async ({ personAt }) => {
  const owner = await personAt();
  await signIn(owner, DEMO.instructor, "/cohorts");
  await waitForHydration(owner, "main form");
  const cohortName = `Shared group ${Date.now().toString(36)}`;
  await owner.getByLabel("Cohort name").fill(cohortName);
  await owner.getByRole("button", { name: "Create cohort" }).click();
  await owner.getByTestId("cohort-created").getByRole("link").click();
  const cohortUrl = new URL(owner.url()).pathname;

  // A learner's email is refused with a clear message.
  const other = await personAt();
  const learner = await signUpFreshLearner(other, "notteacher", "Nora Learner");
  await waitForHydration(owner, "main form[data-testid=invite-form]");
  await owner.getByLabel("Instructor's email").fill(learner.email);
  await owner.getByRole("button", { name: "Invite" }).click();
  await expect(owner.locator("#invite-email-error")).toHaveText("This account is a learner's; only instructors can co-teach.");

  // The owner cannot invite themself.
  await owner.getByLabel("Instructor's email").fill(DEMO.instructor.email);
  await owner.getByRole("button", { name: "Invite" }).click();
  await expect(owner.locator("#invite-email-error")).toHaveText("This is the cohort's own instructor.");
  const forbidden = await other.goto(cohortUrl);
  expect(forbidden?.status()).toBe(403);
});

test("a co-instructor accepts the invitation and gets exactly the granted access, until the owner removes them", async ({ personAt }) => {
  const owner = await personAt();
  await signIn(owner, DEMO.instructor, "/cohorts");
  await waitForHydration(owner, "main form");
  const cohortName = `Co-taught group ${Date.now().toString(36)}`;
  await owner.getByLabel("Cohort name").fill(cohortName);
  await owner.getByRole("button", { name: "Create cohort" }).click();
  const code = (await owner.getByTestId("cohort-created").textContent())?.match(CODE)?.[0];
  await owner.getByTestId("cohort-created").getByRole("link").click();
  await expect(owner.getByRole("heading", { name: cohortName, level: 1 })).toBeVisible();
  const cohortPath = new URL(owner.url()).pathname;

  // A second instructor: Lacuna has no page that makes one (an admin sets the role), so the spec sets it in the
  // server's database, then the account signs in afresh to carry the role.
  const signup = await personAt();
  const account = await signUpFreshLearner(signup, "coteacher", "Cole Teacher");
  const db = e2eDb();
  try {
    await db.user.update({ where: { email: account.email }, data: { role: "instructor" } });
  } finally {
    await db.$disconnect();
  }
  const co = await personAt();
  await signIn(co, account, "/cohorts");

  // Invited with the default grant (see grades): nothing until they accept.
  await gotoHydrated(owner, cohortPath, "main form[data-testid=invite-form]");
  await owner.getByLabel("Instructor's email").fill(account.email);
  await owner.getByRole("button", { name: "Invite" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "Invitation sent" })).toBeVisible();
  await expect(owner.getByTestId("co-instructor")).toContainText("invitation pending");
  expect((await co.goto(cohortPath))?.status()).toBe(404);

  await gotoHydrated(co, "/cohorts", "main [data-testid=invitation] button");
  await expect(co.getByTestId("invitation")).toContainText(`Demo Instructor invites you to co-teach “${cohortName}”.`);
  await co.getByTestId("invitation").getByRole("button", { name: "Accept" }).click();
  await expect(co.getByTestId("invitations")).toHaveCount(0);
  const listed = co.getByRole("row", { name: new RegExp(cohortName) });
  await expect(listed).toContainText("co-instructor");
  await expect(listed).not.toContainText(code!);

  // Grades only: the cohort and its gradebook, no join code, no assignment form, no editing, no settings.
  await co.goto(cohortPath);
  await expect(co.getByText("You co-teach this cohort.")).toBeVisible();
  await expect(co.getByTestId("join-code")).toHaveCount(0);
  await expect(co.getByTestId("assignment-form")).toHaveCount(0);
  await expect(co.getByRole("heading", { name: "Settings" })).toHaveCount(0);
  expect((await co.goto(`${cohortPath}/gradebook`))?.status()).toBe(200);

  // The owner grants the roster too: the join code shows.
  await owner.reload();
  const row = owner.getByTestId("co-instructor");
  await expect(row).toContainText("accepted");
  await waitForHydration(owner, "main [data-testid=co-instructor] form");
  await row.getByRole("checkbox", { name: "Manage learners" }).check();
  await row.getByRole("button", { name: "Save" }).click();
  await expect(async () => {
    await co.goto(cohortPath);
    await expect(co.getByTestId("join-code")).toHaveText(code!, { timeout: 1000 });
  }).toPass();

  // Removed (after a confirmation), they no longer find the cohort.
  await waitForHydration(owner, "main [data-testid=co-instructor] form");
  await row.getByRole("button", { name: "Remove" }).click();
  await row.getByRole("button", { name: "Yes, remove" }).click();
  await expect(owner.getByTestId("co-instructor")).toHaveCount(0);
  expect((await co.goto(cohortPath))?.status()).toBe(404);
});
