// A visitor without an account, on the real app, grading daemon and sandbox: reads an exercise (statement, starter
// code, visible cases, what a hidden case is), runs the visible cases, is asked to sign in on Submit, signs up and
// finds the code in the editor, saved as the draft. Also the guest API's answers through the real server (CSRF,
// bad input, the per-address limit), real titles and descriptions, the favicon, and the first visit's guide.
//
// Each test gives its browser a client address of its own (X-Forwarded-For, whose last entry is the address the
// limits count), so runs made by other specs on the same server never use up its runs.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { currentUser, uniqueEmail, waitForHydration } from "./helpers/auth";

const SLUG = "linear-regression-cost";
const TITLE = "The linear-regression cost J(w,b)";

const COST_MISSING_HALF = `export function computeCost(X: number[][], y: number[], w: number[], b: number): number {
  const m = X.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    let prediction = b;
    for (let j = 0; j < w.length; j++) prediction += w[j]! * X[i]![j]!;
    total += (prediction - y[i]!) ** 2;
  }
  return total / m;
}`;

function clientAddress(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

function editorContent(page: Page) {
  return page.getByRole("textbox", { name: /Code editor|代码编辑器/ });
}

async function replaceCode(page: Page, code: string): Promise<void> {
  const editor = editorContent(page);
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
  await expect(editor).toContainText(code.split("\n")[0]!);
}

test.describe("a visitor without an account", () => {
  test.beforeEach(async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientAddress() });
  });

  test("reads an exercise, runs the visible cases, is asked to sign in on Submit, and finds the code after signing up", async ({ page }) => {
    test.slow(); // three page loads, a sign-up and two grades on a machine shared with the grader
    const response = await page.goto(`/exercises/${SLUG}`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(`${TITLE} · Lacuna`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /^A linear-regression model with n features predicts f_w,b\(x\) = w·x \+ b/);
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

    // The statement, the starter code and the visible cases, with their inputs and expected outputs.
    await expect(page.getByTestId("statement").getByRole("heading", { level: 1 })).toContainText("The linear-regression cost");
    await expect(editorContent(page)).toContainText("computeCost is not implemented yet");
    const visible = page.getByTestId("visible-cases");
    await expect(visible.getByRole("heading", { name: "Visible cases" })).toBeVisible();
    const cases = visible.getByTestId("visible-case");
    expect(await cases.count()).toBeGreaterThan(1);
    await expect(cases.first().getByText("Inputs", { exact: true })).toBeVisible();
    await expect(cases.first().getByText("Expected", { exact: true })).toBeVisible();
    await expect(cases.first().locator("pre").first()).toContainText("X =");
    await expect(page.getByTestId("hidden-cases-explained")).toContainText("Their inputs and expected outputs are never shown");

    // The live type check answers a guest too.
    await waitForHydration(page, "[data-testid=code-editor]");
    // (The first check of a fresh server starts the checker process: allow for it.)
    await expect(page.getByTestId("typecheck-status")).toHaveText(/^(No type errors\.|Type errors: \d+)$/, { timeout: 60_000 });

    // Run: graded at once, the misconception named, the code kept in this browser.
    await replaceCode(page, COST_MISSING_HALF);
    await expect(page.getByTestId("draft-status")).toHaveText("Kept in this browser");
    await page.getByRole("button", { name: "Run visible cases" }).click();
    const results = page.getByTestId("results");
    await expect(results.getByRole("heading", { name: "Results: visible cases" })).toBeVisible();
    await expect(results.getByTestId("misconception")).toContainText("Dropped the 1/2: divided by m only");
    await expect(results.getByTestId("case-row").first()).toContainText("Fail");
    await expect(page.getByText("Your attempts are kept once you sign in.")).toBeVisible();

    // Submit asks to sign in, with links back to this exercise.
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    const ask = page.getByTestId("sign-in-to-submit");
    await expect(ask.getByRole("heading", { name: "Sign in to submit" })).toBeVisible();
    await expect(ask).toContainText("Your code stays in this browser");
    const callback = encodeURIComponent(`/exercises/${SLUG}`);
    await expect(ask.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", `/signin?callbackUrl=${callback}`);
    await expect(ask.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", `/signup?callbackUrl=${callback}`);

    // A reload keeps the code (this browser's storage).
    await page.reload();
    await expect(editorContent(page)).toContainText("return total / m;");

    // Sign up from the panel: back on the exercise, signed in, the code in the editor and saved as the draft.
    await waitForHydration(page, "[data-testid=code-editor]");
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await page.getByTestId("sign-in-to-submit").getByRole("link", { name: "Create an account" }).click();
    await expect(page).toHaveURL(new RegExp(`/signup\\?callbackUrl=${callback}$`));
    await waitForHydration(page, "main form");
    const email = uniqueEmail("guest");
    await page.locator("#email").fill(email);
    await page.locator("#name").fill("Guest Learner");
    await page.locator("#password").fill(`pw-${randomBytes(6).toString("hex")}`);
    await page.locator("form button[type=submit]").click();
    await expect(page).toHaveURL(new RegExp(`/exercises/${SLUG}$`));
    await expect(currentUser(page)).toHaveText(email);
    await expect(editorContent(page)).toContainText("return total / m;");
    await expect(page.getByTestId("guest-code-restored")).toContainText("The code you wrote before signing in is back in the editor");
    await expect(page.getByTestId("draft-status")).toHaveText("Draft saved");
    expect(await page.evaluate((slug) => window.localStorage.getItem(`lacuna:guest-draft:${slug}`), SLUG)).toBeNull();

    // It is the learner's draft now: a reload reads it from the server, and Submit grades it.
    await page.reload();
    await expect(editorContent(page)).toContainText("return total / m;");
    await expect(page.getByTestId("guest-code-restored")).toHaveCount(0);
    await waitForHydration(page, "[data-testid=code-editor]");
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await expect(page.getByTestId("results").getByText("Graded", { exact: true })).toBeVisible();
    await expect(page.getByTestId("results").getByTestId("misconception")).toContainText("Dropped the 1/2");
  });

  test("reads the exercise in Chinese, with the hidden cases explained; the guest page has no serious accessibility violation", async ({ page, context, baseURL }) => {
    test.slow(); // axe on a long page
    await context.addCookies([{ name: "lacuna-lang", value: "zh", url: baseURL! }]);
    await page.goto(`/exercises/${SLUG}`);
    await expect(page).toHaveTitle("线性回归的代价函数 J(w,b) · Lacuna");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /^有 n 个特征的线性回归模型的预测为/);
    await expect(page.getByTestId("visible-cases").getByRole("heading", { name: "可见用例" })).toBeVisible();
    await expect(page.getByTestId("visible-case").first().getByText("期望输出", { exact: true })).toBeVisible();
    await expect(page.getByTestId("hidden-cases-explained")).toContainText("隐藏用例的输入和期望输出从不显示");
    await waitForHydration(page, "[data-testid=code-editor]");
    await page.getByRole("button", { name: "提交", exact: true }).click();
    await expect(page.getByTestId("sign-in-to-submit").getByRole("heading", { name: "登录后提交" })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("the home page offers the first exercise without an account; every page has a favicon and a title", async ({ page }) => {
    const missing: string[] = [];
    page.on("response", (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    await page.goto("/");
    await expect(page).toHaveTitle("Lacuna — close the gaps in your ML understanding");
    await expect(page.getByRole("link", { name: `Try the first exercise: ${TITLE}` })).toHaveAttribute("href", `/exercises/${SLUG}`);
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /\/(icon\.svg|favicon\.ico)/);
    await page.goto("/signin");
    await expect(page).toHaveTitle("Sign in · Lacuna");
    await page.goto("/exercises");
    await expect(page).toHaveTitle("Exercises · Lacuna");
    const favicon = await page.request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    expect((await page.request.get("/icon.svg")).status()).toBe(200);
    expect(missing).toEqual([]);
  });
});

test("POST /api/guest/run: this site only, JSON only, specific 4xx, then 429 with Retry-After per address", async ({ playwright, baseURL }) => {
  const address = clientAddress();
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": address } });
  const run = { slug: SLUG, source: COST_MISSING_HALF, lang: "en" };
  const json = { origin: baseURL!, "content-type": "application/json" };
  expect((await api.post("/api/guest/run", { headers: { origin: "http://evil.example", "content-type": "application/json" }, data: run })).status()).toBe(403);
  expect((await api.post("/api/guest/run", { headers: { origin: baseURL!, "content-type": "text/plain" }, data: JSON.stringify(run) })).status()).toBe(415);
  const invalid = await api.post("/api/guest/run", { headers: json, data: { slug: SLUG } });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).error).toBe("Invalid request: source: must be a string");
  expect((await api.post("/api/guest/run", { headers: json, data: { ...run, slug: "no-such-exercise" } })).status()).toBe(404);
  expect((await api.post("/api/guest/run", { headers: json, data: { ...run, source: "x".repeat(64 * 1024 + 1) } })).status()).toBe(413);

  const first = await api.post("/api/guest/run", { headers: json, data: run });
  expect(first.status()).toBe(200);
  expect((await first.json()).report).toMatchObject({ slug: SLUG, mode: "visible", status: "failed" });
  // The server's limit is 10 runs a minute per address (LACUNA_GUEST_RUN_LIMIT): the bad requests above were not counted.
  let limited = null;
  for (let i = 1; i <= 10 && !limited; i++) {
    const response = await api.post("/api/guest/run", { headers: json, data: run });
    if (response.status() === 429) limited = response;
    else expect(response.status()).toBe(200);
  }
  expect(limited, "the 11th run from one address is refused").not.toBeNull();
  expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited!.json()).error).toMatch(/^Too many runs from this address/);
  // Another address may still run.
  const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  expect((await other.post("/api/guest/run", { headers: json, data: run })).status()).toBe(200);
  await Promise.all([api.dispose(), other.dispose()]);
});

test("a learner who signs up sees where to start: the first exercise, how the grader works, the review session", async ({ page }) => {
  test.slow(); // a sign-up, four page loads and a grade
  await page.goto("/signup");
  await waitForHydration(page, "main form");
  const email = uniqueEmail("newcomer");
  await page.locator("#email").fill(email);
  await page.locator("#name").fill("Newcomer");
  await page.locator("#password").fill(`pw-${randomBytes(6).toString("hex")}`);
  await page.locator("form button[type=submit]").click();
  await expect(currentUser(page)).toHaveText(email);
  await page.goto("/");
  const guide = page.getByTestId("start-guide");
  await expect(guide.getByRole("heading", { name: "Where to start" })).toBeVisible();
  await expect(guide.getByRole("link", { name: `Open ${TITLE}` })).toHaveAttribute("href", `/exercises/${SLUG}`);
  await expect(guide).toContainText("Submit also checks hidden cases generated from a secret seed");
  await expect(guide.getByRole("link", { name: "Open the review session" })).toHaveAttribute("href", "/review");

  // Once the learner has run something, the home page no longer guides.
  await guide.getByRole("link", { name: `Open ${TITLE}` }).click();
  await expect(page).toHaveURL(new RegExp(`/exercises/${SLUG}$`));
  // A client-side navigation loads the editor's code first: on a loaded machine that takes a while.
  await page.getByTestId("code-editor").waitFor({ timeout: 60_000 });
  await waitForHydration(page, "[data-testid=code-editor]");
  await page.getByRole("button", { name: "Run visible cases" }).click();
  await expect(page.getByTestId("results").getByText("Graded", { exact: true })).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("start-guide")).toHaveCount(0);
});
