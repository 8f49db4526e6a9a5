// The live check tells the truth (issue 13, item 4): a syntax error shows in the editor as the learner types, with
// its line:column, before any Run — not "No type errors." — and the type check comes after, for code that parses.
// The times it took are attached to the test's report (annotations), never asserted; the median over many loads is
// the business of a benchmark.
import { expect, test, type Page } from "@playwright/test";
import { signUpFreshLearner, waitForHydration } from "./helpers/auth";

/** The example: the sigmoid in lstm-cell with its closing parenthesis missing (line 2, column 55). */
const LSTM_TYPO = `export function lstmCell(x: number[], aPrev: number[], cPrev: number[], Wc: number[][], bc: number[], Wu: number[][], bu: number[], Wf: number[][], bf: number[], Wo: number[][], bo: number[]): { aNext: number[]; cNext: number[] } {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z);
  return { aNext: aPrev.map(sigmoid), cNext: cPrev };
}`;

function editor(page: Page) {
  return page.getByRole("textbox", { name: /Code editor|代码编辑器/ });
}

async function replaceCode(page: Page, code: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

/** Milliseconds until `until` holds, for the report. */
async function timed(until: () => Promise<void>): Promise<number> {
  const started = Date.now();
  await until();
  return Date.now() - started;
}

async function expectSyntaxErrorShown(page: Page): Promise<number> {
  const status = page.getByTestId("typecheck-status");
  const ms = await timed(() => expect(status).toHaveText("Syntax errors: 1. Types are checked once the code parses."));
  await expect(page.getByTestId("syntax-error")).toHaveText('line 2:55: Expected ")" but found ";"');
  // In the editor itself: the error is underlined where it is, and the gutter marks the line.
  await expect(page.locator(".cm-lintRange-error")).toHaveCount(1);
  await expect(page.locator(".cm-lint-marker-error")).toHaveCount(1);
  // Nothing was run or submitted.
  await expect(page.getByTestId("results")).toHaveCount(0);
  return ms;
}

test.describe("live check", () => {
  test("a syntax error shows as the learner types, with line:column; fixing it brings the type check back", async ({ page }) => {
    await signUpFreshLearner(page, "live-check");
    await page.goto("/exercises/lstm-cell");
    await waitForHydration(page, "[data-testid=code-editor]");
    const status = page.getByTestId("typecheck-status");
    // The first answer: the starter parses, then its types are checked.
    await expect(status).toHaveText(/^(No type errors\.|Type errors: \d+)$/, { timeout: 60_000 });
    // How long the first checks took, from the browser's own resource timing: [path, request start after
    // navigation start, duration] for the first syntax check and the first type check.
    const firstChecks = await page.evaluate(() =>
      ["/api/syntax-check", "/api/typecheck"].map((path) => {
        const entry = performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname === path)!;
        return `${path}: sent ${Math.round(entry.startTime)} ms after navigation, answered in ${Math.round(entry.duration)} ms`;
      }),
    );

    await replaceCode(page, LSTM_TYPO);
    const syntaxMs = await expectSyntaxErrorShown(page);

    // Clicking the error moves the cursor to it.
    await page.getByTestId("syntax-error").click();
    await expect(page.locator(".cm-activeLine")).toContainText("Math.exp(-z);");

    // The fix: the parse error goes, and the type check answers for the code as it is now.
    await replaceCode(page, LSTM_TYPO.replace("Math.exp(-z);", "Math.exp(-z));"));
    await expect(page.getByTestId("syntax-error")).toHaveCount(0);
    await expect(status).toHaveText("No type errors.", { timeout: 60_000 });
    await expect(page.locator(".cm-lintRange-error")).toHaveCount(0);

    // A type error is the type check's, after the code parses.
    await replaceCode(page, LSTM_TYPO.replace("Math.exp(-z);", "Math.exp(-z));").replace("cNext: cPrev", 'cNext: "c"'));
    await expect(status).toHaveText("Type errors: 1", { timeout: 60_000 });
    await expect(page.getByTestId("syntax-error")).toHaveCount(0);

    test.info().annotations.push(
      ...firstChecks.map((description) => ({ type: "first check", description })),
      { type: "syntax error shown after the edit (ms, the 250 ms pause in typing included)", description: String(syntaxMs) },
    );
  });

  test("a signed-out visitor sees it too, in Chinese", async ({ page }) => {
    await page.goto("/exercises/lstm-cell");
    await waitForHydration(page, "[data-testid=code-editor]");
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await waitForHydration(page, "[data-testid=code-editor]");
    // The editor's label follows the language switch (it used to keep the language the page was loaded in).
    await expect(page.getByRole("textbox", { name: "代码编辑器：你的 TypeScript 解答" })).toBeVisible();
    await replaceCode(page, LSTM_TYPO);
    await expect(page.getByTestId("typecheck-status")).toHaveText("语法错误：1 处。代码能够解析后再检查类型。");
    await expect(page.getByTestId("syntax-error")).toHaveText('第 2 行第 55 列：这里应为 ")"，却是 ";"');
    await expect(page.locator(".cm-lintRange-error")).toHaveCount(1);
    await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
  });
});
