// A phone that fits (issue 13, item 3): at 360 px wide no page is wider than the screen — long formulas, tables
// and code scroll inside boxes of their own — and each page has no serious or critical accessibility violation
// there (a box that scrolls can be reached by keyboard). Signed out (every exercise page of the catalog), as a
// learner and as an instructor (every kind of cohort page), in both languages, with a grade report on screen.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, signUpFreshLearner } from "./helpers/auth";

const PHONE = { width: 360, height: 740 };
test.use({ viewport: PHONE, hasTouch: true });

/** Exercise pages with the widest content: display math, inline matrices, tables of shapes. */
const EXERCISES = [
  "mlp-backprop", // 550 px at 390 before (display math widened the grid column)
  "attention-weights", // 624 px at 390 before
  "scaled-dot-product-attention", // an inline matrix formula across two source lines
  "positional-encoding", // a long inline formula
  "conv3d-forward", // the widest table of shapes
  "feature-scaling",
  "lstm-cell",
  "linear-regression-cost",
];

/** How wide the page is, and the outermost elements that stick out past the screen if it is too wide. */
async function widthOf(page: Page): Promise<{ width: number; sticking: string[] }> {
  return page.evaluate((screen) => {
    const width = document.scrollingElement!.scrollWidth;
    if (width <= screen) return { width, sticking: [] };
    const crosses = (element: Element) => element.getBoundingClientRect().right > screen + 0.5;
    const sticking: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>("body *")) {
      if (!crosses(element) || element.getBoundingClientRect().width === 0 || (element.parentElement && crosses(element.parentElement))) continue;
      // The element that first crosses the edge, not its descendants; an absolutely positioned one is named even
      // inside a box that scrolls, since that box clips it only when it is positioned itself.
      const style = getComputedStyle(element);
      sticking.push(`<${element.tagName.toLowerCase()} class="${element.className}"${style.position === "absolute" ? " (absolute)" : ""}> ${Math.round(element.getBoundingClientRect().right)} px: "${(element.textContent ?? "").trim().slice(0, 60)}"`);
    }
    return { width, sticking: sticking.slice(0, 8) };
  }, PHONE.width);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/** The page as it is now fits the phone and passes axe. */
async function expectFits(page: Page, what: string): Promise<void> {
  // Boxes that scroll become focusable once the page has settled (app/_components/ScrollBoxes.tsx).
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.waitForTimeout(300);
  const { width, sticking } = await widthOf(page);
  expect(width, `${what} is ${width} px wide at ${PHONE.width} px:\n${sticking.join("\n")}`).toBeLessThanOrEqual(PHONE.width);
  expect(await seriousViolations(page), what).toEqual([]);
}

async function visit(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
}

test.describe("at 360 px wide", () => {
  // Each test visits many pages and runs axe on each: minutes on a loaded 2-core machine.
  test.describe.configure({ timeout: 420_000 });

  test("signed out: home, the catalog, exercise pages, sign-in and sign-up fit", async ({ page }) => {
    for (const url of ["/", "/exercises", ...EXERCISES.map((slug) => `/exercises/${slug}`), "/signin", "/signup"]) {
      await visit(page, url);
      await expectFits(page, url);
    }
  });

  test("a learner: every page, a review card and a grade report fit, in English and in Chinese", async ({ page }) => {
    await signIn(page, DEMO.learner);
    for (const url of ["/", "/exercises", ...EXERCISES.slice(0, 4).map((slug) => `/exercises/${slug}`), "/review", "/review/stats", "/review/settings", "/progress", "/join"]) {
      await visit(page, url);
      await expectFits(page, url);
    }
    await page.goto("/review");
    await expect(page.getByTestId("review-question")).toBeVisible();
    await expectFits(page, "a review card");

    // The Chinese interface wraps differently.
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    for (const url of ["/", "/exercises", "/exercises/mlp-backprop", "/exercises/conv3d-forward", "/review/stats", "/progress"]) {
      await visit(page, url);
      await expectFits(page, `${url} (zh)`);
    }
    await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("a grade report with a misconception, expected and got fits", async ({ page }) => {
    await signUpFreshLearner(page, "phone-grade");
    await page.goto("/exercises/linear-regression-cost");
    const editor = page.getByRole("textbox", { name: "Code editor" });
    await editor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(
      "export function computeCost(X: number[][], y: number[], w: number[], b: number): number {\n  let total = 0;\n  for (let i = 0; i < X.length; i++) {\n    let p = b;\n    for (let j = 0; j < w.length; j++) p += w[j]! * X[i]![j]!;\n    total += (p - y[i]!) ** 2;\n  }\n  return total / X.length;\n}",
    );
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await expect(page.getByTestId("misconception")).toBeVisible();
    await expectFits(page, "the exercise page with a grade report");
  });

  test("every exercise page in the catalog fits, signed out", async ({ page }) => {
    // The whole catalog as a visitor finds it (the list above holds the widest; this is every other one too).
    test.setTimeout(1_200_000);
    await visit(page, "/exercises");
    const hrefs = await page.locator('a[href^="/exercises/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    const pages = [...new Set(hrefs.map((href) => href.split(/[?#]/)[0]!))];
    expect(pages.length, "exercise pages linked from the catalog").toBeGreaterThanOrEqual(70);
    for (const url of pages) {
      await visit(page, url);
      await expectFits(page, url);
    }
  });

  test("an instructor: the gradebook, an assignment, the analytics, a learner's work and one submission fit", async ({ page }) => {
    await signIn(page, DEMO.instructor, "/cohorts");
    await page.getByRole("link", { name: "Demo cohort · 示例小组" }).click();
    await expect(page.getByRole("heading", { name: "Demo cohort · 示例小组", level: 1 })).toBeVisible();
    const cohort = new URL(page.url()).pathname;
    // Each kind of instructor page, reached by the links an instructor follows from the cohort page.
    const kinds: Record<string, RegExp> = {
      gradebook: /\/gradebook$/,
      "an assignment's gradebook": /\/gradebook\/[^/]+$/,
      "an assignment": /\/assignments\/[^/]+$/,
      analytics: /\/analytics$/,
      "a learner's work": /\/learners\/[^/]+$/,
      "a submission": /\/submissions\/[^/]+$/,
    };
    const found = new Map<string, string>();
    const collect = async () => {
      const hrefs = await page.locator(`a[href^="${cohort}/"]`).evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
      for (const [kind, pattern] of Object.entries(kinds)) {
        const href = hrefs.find((h) => pattern.test(h.split(/[?#]/)[0]!));
        if (href && !found.has(kind)) found.set(kind, href);
      }
    };
    await collect();
    for (const via of ["gradebook", "a learner's work"]) {
      expect(found.get(via), `a link to ${via}`).toBeTruthy();
      await visit(page, found.get(via)!);
      await collect();
    }
    expect([...found.keys()].sort()).toEqual(Object.keys(kinds).sort());
    for (const [kind, url] of found) {
      await visit(page, url);
      await expectFits(page, `${kind} (${url})`);
    }
  });

  test("an instructor: cohorts, a cohort page and joining fit", async ({ page }) => {
    await signIn(page, DEMO.instructor, "/cohorts");
    await expectFits(page, "/cohorts");
    await page.getByRole("link", { name: "Demo cohort · 示例小组" }).click();
    await expect(page.getByRole("heading", { name: "Demo cohort · 示例小组", level: 1 })).toBeVisible();
    await expectFits(page, "a cohort page");
    for (const url of ["/", "/join", "/progress"]) {
      await visit(page, url);
      await expectFits(page, url);
    }
  });
});
