// Sign-in helpers shared by every e2e spec. They drive the real forms, as a user would.
//
//   import { DEMO, signIn, signUpFreshLearner, signOut } from "./helpers/auth";
//   await signIn(page, DEMO.learner);                 // lands on "/" (or `to`) with the header showing the email
//   const learner = await signUpFreshLearner(page);   // a new learner account, signed in; { email, password }
//   await gotoHydrated(page, "/join", "form");         // navigate, then wait until React owns that element
//
// Why the hydration wait: a server-rendered form can be clicked before React attaches its handlers; the
// browser then submits it natively (a GET with the fields in the URL), which no user would wait long enough
// to see but a test does every time.
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export interface Credentials {
  email: string;
  password: string;
}

export const DEMO_PASSWORD = "lacuna-demo";

/** The demo accounts `npm start` seeds into an empty database (lib/accounts.ts). */
export const DEMO = {
  learner: { email: "learner@lacuna.local", password: DEMO_PASSWORD },
  instructor: { email: "instructor@lacuna.local", password: DEMO_PASSWORD },
  admin: { email: "admin@lacuna.local", password: DEMO_PASSWORD },
} as const satisfies Record<string, Credentials>;

/** A unique address per call, so specs never collide on the shared e2e database. */
export function uniqueEmail(prefix = "e2e"): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@example.test`;
}

/** Waits until React has hydrated the first element matching `selector` (its props are attached). */
export async function waitForHydration(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().waitFor();
  await page.waitForFunction(
    (sel) => {
      const element = document.querySelector(sel);
      return element !== null && Object.keys(element).some((key) => key.startsWith("__reactProps$"));
    },
    selector,
  );
}

/** page.goto, then waits for React to hydrate `selector` (default: the page's first form). */
export async function gotoHydrated(page: Page, url: string, selector = "main form"): Promise<void> {
  await page.goto(url);
  await waitForHydration(page, selector);
}

/** The header's signed-in marker: the account's email. */
export function currentUser(page: Page) {
  return page.getByTestId("current-user");
}

/** Signs in through /signin and waits until the header shows the account. */
export async function signIn(page: Page, account: Credentials, to = "/"): Promise<void> {
  await gotoHydrated(page, `/signin?callbackUrl=${encodeURIComponent(to)}`);
  await page.locator("#email").fill(account.email);
  await page.locator("#password").fill(account.password);
  await page.locator("form button[type=submit]").click();
  await expect(currentUser(page)).toHaveText(account.email);
}

/** Creates a learner account through /signup; the form signs it in. */
export async function signUpFreshLearner(page: Page, prefix = "learner", name?: string): Promise<Credentials & { name: string }> {
  const account = { email: uniqueEmail(prefix), password: `pw-${randomBytes(6).toString("hex")}`, name: name ?? `Learner ${randomBytes(2).toString("hex")}` };
  await gotoHydrated(page, "/signup");
  await page.locator("#email").fill(account.email);
  await page.locator("#name").fill(account.name);
  await page.locator("#password").fill(account.password);
  await page.locator("form button[type=submit]").click();
  await expect(currentUser(page)).toHaveText(account.email);
  return account;
}

/** Signs out with the header button and waits for the signed-out header. */
export async function signOut(page: Page): Promise<void> {
  await waitForHydration(page, "header button:not([lang])");
  await page.locator("header").getByRole("button", { name: /sign out|退出登录/i }).click();
  await expect(currentUser(page)).toHaveCount(0);
}
