// Accounts as a visitor experiences them: sign up, sign in, guards, sign out, and the language switch.
import { expect, test } from "@playwright/test";
import { DEMO, currentUser, gotoHydrated, signIn, signOut, signUpFreshLearner, uniqueEmail, waitForHydration } from "./helpers/auth";

test.describe("sign up", () => {
  test("shows the zod message next to the field that is wrong, and keeps what was typed", async ({ page }) => {
    await gotoHydrated(page, "/signup");
    await page.locator("#email").fill("not-an-email");
    await page.locator("#name").fill("Ada");
    await page.locator("#password").fill("short");
    await page.getByRole("button", { name: "Sign up" }).click();

    await expect(page.locator("#email-error")).toHaveText("Enter a valid email address.");
    await expect(page.locator("#password-error")).toHaveText("The password needs at least 8 characters.");
    await expect(page.locator("#email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#email")).toHaveValue("not-an-email");
    await expect(page.locator("#name")).toHaveValue("Ada");
    await expect(currentUser(page)).toHaveCount(0);
  });

  test("a new account lands signed in; the same email again is refused with a clear message", async ({ page }) => {
    const account = await signUpFreshLearner(page, "signup", "Grace Hopper");
    await expect(page).toHaveURL(/\/$/);
    // Nothing done yet: a welcome, not "welcome back".
    await expect(page.getByText("Welcome to Lacuna, Grace Hopper.")).toBeVisible();
    await expect(page.getByText("Welcome back")).toHaveCount(0);

    await signOut(page);
    await gotoHydrated(page, "/signup");
    await page.locator("#email").fill(account.email.toUpperCase());
    await page.locator("#password").fill("another-password");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page.locator("#email-error")).toHaveText("An account with this email already exists. Sign in instead.");
    await expect(currentUser(page)).toHaveCount(0);
  });
});

test.describe("sign in", () => {
  test("the demo learner signs in and sees their email in the header", async ({ page }) => {
    await signIn(page, DEMO.learner);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    // A learner has no Cohorts link in the navigation.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cohorts" })).toHaveCount(0);
  });

  test("a wrong password is refused without saying whether the email exists", async ({ page }) => {
    await gotoHydrated(page, "/signin");
    await page.locator("#email").fill(DEMO.learner.email);
    await page.locator("#password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");

    await page.locator("#email").fill(uniqueEmail("nobody"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
    await expect(currentUser(page)).toHaveCount(0);
  });
});

test("signing in before the page's script has run never puts the password in the address", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.locator("#email").fill(DEMO.learner.email);
  await page.locator("#password").fill(DEMO.learner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForLoadState("load");
  expect(page.url()).not.toContain(encodeURIComponent(DEMO.learner.password));
  expect(page.url()).not.toContain("password=");
  await context.close();
});

test.describe("guards", () => {
  test("a learner opening /cohorts gets the 403 page", async ({ page }) => {
    await signIn(page, DEMO.learner);
    const response = await page.goto("/cohorts");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByText("Your account does not have access to this page.")).toBeVisible();
  });

  test("a signed-out visitor is sent to sign in, then back to the page they asked for", async ({ page }) => {
    await page.goto("/cohorts");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcohorts$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await waitForHydration(page, "main form");

    await page.locator("#email").fill(DEMO.instructor.email);
    await page.locator("#password").fill(DEMO.instructor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/cohorts$/);
    await expect(currentUser(page)).toHaveText(DEMO.instructor.email);
  });
});

test("sign out returns to the signed-out header, and protected pages ask to sign in again", async ({ page }) => {
  await signIn(page, DEMO.instructor);
  await signOut(page);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/cohorts");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcohorts$/);
});

test("the language switch changes the interface and is remembered after a reload", async ({ page }) => {
  await gotoHydrated(page, "/signin", "header button[lang=zh]");
  const nav = page.getByRole("navigation", { name: /Main/ });
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Exercises" })).toBeVisible();

  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "练习" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.reload();
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");
  await waitForHydration(page, "header button[lang=en]");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.reload();
  await expect(nav.getByRole("link", { name: "Exercises" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
