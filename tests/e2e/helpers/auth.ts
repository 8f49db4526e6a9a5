// Sign-in helpers shared by every e2e spec. They drive the real forms, as a user would.
//
//   import { DEMO, signIn, signUpFreshLearner, signOut } from "./helpers/auth";
//   await signIn(page, DEMO.learner);                 // lands on "/" (or `to`) with the header showing the email
//   const learner = await signUpFreshLearner(page);   // a new learner account, signed in; { email, password }
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

/** The header's signed-in marker: the account's email. */
export function currentUser(page: Page) {
  return page.getByTestId("current-user");
}

/** Signs in through /signin and waits until the header shows the account. */
export async function signIn(page: Page, account: Credentials, to = "/"): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(to)}`);
  await page.locator("#email").fill(account.email);
  await page.locator("#password").fill(account.password);
  await page.locator("form button[type=submit]").click();
  await expect(currentUser(page)).toHaveText(account.email);
}

/** Creates a learner account through /signup; the form signs it in. */
export async function signUpFreshLearner(page: Page, prefix = "learner", name?: string): Promise<Credentials & { name: string }> {
  const account = { email: uniqueEmail(prefix), password: `pw-${randomBytes(6).toString("hex")}`, name: name ?? `Learner ${randomBytes(2).toString("hex")}` };
  await page.goto("/signup");
  await page.locator("#email").fill(account.email);
  await page.locator("#name").fill(account.name);
  await page.locator("#password").fill(account.password);
  await page.locator("form button[type=submit]").click();
  await expect(currentUser(page)).toHaveText(account.email);
  return account;
}

/** Signs out with the header button and waits for the signed-out header. */
export async function signOut(page: Page): Promise<void> {
  await page.locator("header").getByRole("button", { name: /sign out|退出登录/i }).click();
  await expect(currentUser(page)).toHaveCount(0);
}
