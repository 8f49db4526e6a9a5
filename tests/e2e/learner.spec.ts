// The learner's web experience end to end, on the real app, grading daemon and sandbox: browse, write in the
// editor, run and submit, read the results (misconception, errors that jump to the code, learning curve),
// drafts that survive a reload, both languages, and an accessibility check of the exercise page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loadCatalog } from "../../exercises/catalog";
import { signUpFreshLearner } from "./helpers/auth";

/** The CodeMirror editor of the exercise page. */
function editorContent(page: Page) {
  return page.getByRole("textbox", { name: /Code editor|代码编辑器/ });
}

/** Replaces the editor's text the way a learner pasting code would. */
async function replaceCode(page: Page, code: string): Promise<void> {
  const editor = editorContent(page);
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
  await expect(editor).toContainText(code.split("\n")[0]!);
}

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

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

const COST_CORRECT = COST_MISSING_HALF.replace("return total / m;", "return total / (2 * m);");

test.describe("learner: exercise page", () => {
  test("a learner submits a known mistake, is told the misconception, fixes it and passes", async ({ page }) => {
    // A learner of its own: the demo learner's seeded history (and other specs' submissions as them, two workers
    // at once locally) would put other attempts first in the history and could already count the exercise passed.
    await signUpFreshLearner(page, "learner-flow");
    await page.goto("/exercises");
    await expect(page.getByRole("heading", { level: 1, name: "Exercises" })).toBeVisible();
    await page.getByRole("link", { name: /The linear-regression cost J\(w,b\)/ }).click();
    await expect(page.getByTestId("statement").getByRole("heading", { level: 1 })).toContainText("The linear-regression cost");

    await replaceCode(page, COST_MISSING_HALF);
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    const results = page.getByTestId("results");
    await expect(results.getByText("Graded", { exact: true })).toBeVisible();
    const callout = results.getByTestId("misconception");
    await expect(callout).toContainText("Likely misconception");
    await expect(callout).toContainText("Dropped the 1/2: divided by m only");
    await expect(callout).toContainText("exactly twice the expected one");
    // The failed visible case shows expected and got side by side with the wrong number marked.
    await expect(results.getByTestId("got-value").first().locator("mark").first()).toBeVisible();
    await expect(results.getByTestId("results-headline")).toContainText("cases passed");
    // The named misconception follows the language switch without losing the results.
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "中文" }).click();
    await expect(callout).toContainText("漏掉了 1/2：只除以 m");
    await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
    await expect(callout).toContainText("Dropped the 1/2: divided by m only");

    await replaceCode(page, COST_CORRECT);
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await expect(results.getByTestId("results-headline")).toContainText("Passed: every case, hidden ones included.");
    await expect(results.getByTestId("misconception")).toHaveCount(0);
    await expect(results.getByRole("link", { name: "Next exercise: The gradient of the linear-regression cost" })).toBeVisible();

    // Both attempts are in the history, and their code can be compared.
    const attempts = page.getByTestId("attempt-list").getByRole("listitem");
    await expect(attempts.first()).toContainText("100%");
    await page.getByRole("button", { name: "Show the difference" }).click();
    await expect(page.getByTestId("attempt-diff")).toContainText("return total / (2 * m);");

    // The browser and the progress page now count the exercise as passed.
    await page.goto("/exercises");
    await expect(page.getByTestId("exercise-card").filter({ hasText: "The linear-regression cost J(w,b)" })).toContainText("Passed · best 100%");
    await page.goto("/progress");
    await expect(page.getByTestId("passed-list")).toContainText("The linear-regression cost J(w,b)");
  });

  test("a compile error names its line and column, and clicking it moves the editor's cursor there", async ({ page }) => {
    await signUpFreshLearner(page, "learner-compile");
    await page.goto("/exercises/linear-regression-cost");
    await replaceCode(page, "export function computeCost(X: number[][], y: number[], w: number[], b: number): number {\n  const m = X.length;\n  return m +* 2;\n}");
    await page.getByRole("button", { name: "Run visible cases" }).click();
    const results = page.getByTestId("results");
    await expect(results.getByText("Your code could not be compiled.")).toBeVisible();
    const location = results.getByRole("button", { name: /Go to line 3, column/ });
    await location.click();
    await expect(editorContent(page)).toBeFocused();
    await expect(page.locator(".cm-activeLine")).toHaveText("  return m +* 2;");
  });

  test("type errors appear while typing, in the editor and as a list that jumps to them", async ({ page }) => {
    await signUpFreshLearner(page, "learner-types");
    await page.goto("/exercises/linear-regression-cost");
    await replaceCode(page, "export function computeCost(X: number[][], y: number[], w: number[], b: number): number {\n  const label: string = X.length;\n  return 0;\n}");
    await expect(page.getByTestId("typecheck-status")).toHaveText("Type errors: 1");
    const warning = page.getByRole("button", { name: /line 2:9: Type 'number' is not assignable to type 'string'/ });
    await expect(warning).toBeVisible();
    await expect(page.locator(".cm-lintRange-warning")).toHaveText("label");
    await warning.click();
    await expect(page.locator(".cm-activeLine")).toHaveText("  const label: string = X.length;");
  });

  test("the draft and the revealed hints survive a reload", async ({ page }) => {
    await signUpFreshLearner(page, "learner-draft");
    await page.goto("/exercises/linear-regression-cost");
    await expect(page.getByTestId("draft-status")).toHaveText("Starter code: your changes are saved as you type");
    const marker = `// my draft ${Date.now()}`;
    await replaceCode(page, `${marker}\n${COST_MISSING_HALF}`);
    await page.getByRole("button", { name: "Show hint 1 of 3" }).click();
    await expect(page.getByText("Hint 1", { exact: true })).toBeVisible();
    await expect(page.getByTestId("draft-status")).toHaveText("Draft saved");

    await page.reload();
    await expect(editorContent(page)).toContainText(marker);
    await expect(page.getByText("Hint 1", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Show hint 2 of 3" })).toBeVisible();
  });

  test("the language switch changes the statement and the interface", async ({ page }) => {
    await signUpFreshLearner(page, "learner-lang");
    await page.goto("/exercises/linear-regression-cost");
    const statement = page.getByTestId("statement");
    await expect(statement).toContainText("A linear-regression model with");
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "中文" }).click();
    await expect(statement).toContainText("线性回归模型的预测为");
    await expect(statement).not.toContainText("A linear-regression model with");
    await expect(page.getByRole("button", { name: "提交", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "运行可见用例" })).toBeVisible();
    await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
    await expect(statement).toContainText("A linear-regression model with");
  });

  test("gradient descent with the sign flipped draws the learner's learning curve against the reference's", async ({ page }) => {
    await signUpFreshLearner(page, "learner-curve");
    await page.goto("/exercises/gradient-descent");
    await replaceCode(
      page,
      `export function gradientDescent(X: number[][], y: number[], w_in: number[], b_in: number, alpha: number, iterations: number) {
  const m = X.length;
  let w = [...w_in];
  let b = b_in;
  const costHistory: number[] = [];
  const cost = () => X.reduce((s, x, i) => s + (x.reduce((a, v, j) => a + v * w[j]!, b) - y[i]!) ** 2, 0) / (2 * m);
  for (let k = 0; k < iterations; k++) {
    const dw = w.map(() => 0);
    let db = 0;
    X.forEach((x, i) => {
      const e = x.reduce((a, v, j) => a + v * w[j]!, b) - y[i]!;
      x.forEach((v, j) => (dw[j]! += (e * v) / m));
      db += e / m;
    });
    w = w.map((wj, j) => wj + alpha * dw[j]!);
    b = b + alpha * db;
    costHistory.push(cost());
  }
  return { w, b, costHistory };
}`,
    );
    // Ctrl+Enter in the editor runs the visible cases (and does not insert a line).
    const lines = await page.locator(".cm-line").count();
    await page.keyboard.press("Control+Enter");
    const results = page.getByTestId("results");
    await expect(results.getByTestId("misconception")).toContainText("Used + instead of − in the update: gradient ascent");
    await expect(results.getByRole("heading", { name: "Results: visible cases" })).toBeVisible();
    await expect(page.locator(".cm-line")).toHaveCount(lines);
    const curve = results.getByRole("img", { name: /Learning curve: one feature/ });
    await expect(curve).toBeVisible();
    await expect(results.getByText("Reference", { exact: true }).first()).toBeVisible();
    await expect(results.getByText("Yours", { exact: true }).first()).toBeVisible();
  });

  test("the exercise page, with and without results, has no serious or critical accessibility violations", async ({ page }) => {
    await signUpFreshLearner(page, "learner-axe");
    await page.goto("/exercises/linear-regression-cost");
    await expect(page.getByTestId("typecheck-status")).toHaveText("No type errors.");
    expect(await seriousViolations(page)).toEqual([]);

    // Again with results on screen: a failed case opened, a misconception callout, hidden cases.
    await replaceCode(page, COST_MISSING_HALF);
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await expect(page.getByTestId("misconception")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe("learner: browsing and progress", () => {
  test("filters by topic and difficulty and finds titles in both languages", async ({ page }) => {
    await signUpFreshLearner(page, "learner-browse");
    await page.goto("/exercises");
    const cards = page.getByTestId("exercise-card");
    await expect(cards.first()).toBeVisible();
    const total = await cards.count();
    expect(total).toBeGreaterThanOrEqual(9);
    await expect(cards.filter({ hasText: "Not started" })).toHaveCount(total);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Search titles").fill("梯度");
    await expect(cards.filter({ hasText: "Batch gradient descent for linear regression" })).toHaveCount(1);
    await expect(cards.filter({ hasText: "One step of an LSTM cell" })).toHaveCount(0);

    await page.getByLabel("Search titles").fill("");
    await page.getByLabel("Topic").selectOption({ label: "Gated recurrent unit (GRU)" });
    // The topic holds exactly its exercises (gru-cell and gru-forward), nothing from other topics.
    await expect(cards).toHaveCount(loadCatalog().filter((e) => e.meta.topics.includes("gru")).length);
    await expect(cards.filter({ hasText: "One step of a GRU cell" })).toHaveCount(1);

    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByLabel("Difficulty").selectOption({ label: "Difficulty 1 of 3" });
    await expect(cards.filter({ hasText: "The linear-regression cost J(w,b)" })).toHaveCount(1);
    await expect(cards.filter({ hasText: "One step of an LSTM cell" })).toHaveCount(0);
  });

  test("the progress page shows each topic's exercises and mastery, in both languages", async ({ page }) => {
    await signUpFreshLearner(page, "learner-progress");
    await page.goto("/progress");
    await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
    const topicRows = page.getByTestId("topic-row");
    await expect(topicRows.first()).toContainText("Linear regression and the cost function");
    // Every exercise tagged with the topic counts towards it, whatever the catalog holds today.
    const linearRegressionExercises = loadCatalog().filter((e) => e.meta.topics.includes("linear-regression")).length;
    await expect(topicRows.first()).toContainText(`0 of ${linearRegressionExercises} passed`);
    await expect(page.getByText("No exercise passed yet.")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "学习进度" })).toBeVisible();
    await expect(topicRows.first()).toContainText("线性回归与代价函数");
    await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
  });
});
