// The README's phone and Chinese screenshots (docs/screenshots/phone-*.png at 360 px wide, exercise-page-zh.png)
// and the instructor's (cohort-gradebook.png, cohort-analytics.png: the demo cohort `npm start` seeds), taken
// from the real app. Not a test: it runs only when asked, and rewrites the images.
//
//   LACUNA_SCREENSHOTS=1 npx playwright test tests/e2e/screenshots.spec.ts
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, signUpFreshLearner, waitForHydration } from "./helpers/auth";

const out = (name: string) => path.join(import.meta.dirname, "..", "..", "docs", "screenshots", name);

test.skip(process.env.LACUNA_SCREENSHOTS !== "1", "set LACUNA_SCREENSHOTS=1 to rewrite the README's screenshots");

async function chinese(page: Page): Promise<void> {
  await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
}

test.describe("phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true });

  test("a statement with display math and a table", async ({ page }) => {
    await page.goto("/exercises/mlp-backprop");
    await waitForHydration(page, "[data-testid=code-editor]");
    // From the forward pass (display math) to the cost.
    await page.getByTestId("statement").locator(".math-display").first().evaluate((element) => element.scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollBy(0, -120));
    await page.screenshot({ path: out("phone-statement.png") });
  });

  test("in Chinese: the editor with a syntax error as it is typed", async ({ page }) => {
    await page.goto("/exercises/lstm-cell");
    await waitForHydration(page, "[data-testid=code-editor]");
    await chinese(page);
    await waitForHydration(page, "[data-testid=code-editor]");
    const editor = page.getByRole("textbox", { name: /Code editor|代码编辑器/ });
    await editor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(
      "export function lstmCell(x: number[], aPrev: number[], cPrev: number[], Wc: number[][], bc: number[],\n  Wu: number[][], bu: number[], Wf: number[][], bf: number[], Wo: number[][], bo: number[]) {\n  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z);\n  return { aNext: aPrev.map(sigmoid), cNext: cPrev };\n}",
    );
    await expect(page.getByTestId("syntax-error")).toBeVisible();
    await page.getByTestId("code-editor").scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -60));
    await page.screenshot({ path: out("phone-editor-zh.png") });
    await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
  });
});

test.describe("desktop", () => {
  test.use({ viewport: { width: 1440, height: 1000 } });

  test("in Chinese: the exercise page with a named misconception", async ({ page }) => {
    await signUpFreshLearner(page, "screenshot", "Ada");
    await page.goto("/exercises/linear-regression-cost");
    await waitForHydration(page, "[data-testid=code-editor]");
    await chinese(page);
    await waitForHydration(page, "[data-testid=code-editor]");
    await page.getByRole("textbox", { name: /Code editor|代码编辑器/ }).click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(
      "export function computeCost(X: number[][], y: number[], w: number[], b: number): number {\n  const m = X.length;\n  let total = 0;\n  for (let i = 0; i < m; i++) {\n    let prediction = b;\n    for (let j = 0; j < w.length; j++) prediction += w[j]! * X[i]![j]!;\n    total += (prediction - y[i]!) ** 2;\n  }\n  return total / m;\n}",
    );
    await page.getByRole("button", { name: "提交", exact: true }).click();
    await expect(page.getByTestId("misconception")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("typecheck-status")).toHaveText("没有类型错误。", { timeout: 60_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: out("exercise-page-zh.png") });
    await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
  });

  test("the demo cohort's gradebook and analytics", async ({ page }) => {
    await signIn(page, DEMO.instructor, "/cohorts");
    await page.getByRole("link", { name: "Demo cohort · 示例小组" }).click();
    await expect(page).toHaveURL(/\/cohorts\/[^/]+$/);
    const cohortPath = new URL(page.url()).pathname;
    await page.goto(`${cohortPath}/gradebook`);
    await expect(page.getByTestId("gradebook-row").first()).toBeVisible();
    await page.screenshot({ path: out("cohort-gradebook.png") });
    await page.goto(`${cohortPath}/analytics`);
    await expect(page.getByTestId("heatmap-row").first()).toBeVisible();
    await page.getByTestId("heatmap").scrollIntoViewIfNeeded();
    await page.screenshot({ path: out("cohort-analytics.png"), fullPage: false });
  });
});
