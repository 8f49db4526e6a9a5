// A review session driven by the keyboard, in the real app: sign in as the demo learner, open /review, Space shows
// the answer with the four ratings and their next intervals, 3 (Good) moves to the next card, U undoes the rating
// and brings the first card back. Then the statistics and settings pages show that review.
import { expect, test } from "@playwright/test";
import { DEMO, signIn, signUpFreshLearner } from "./helpers/auth";

test("a keyboard-driven review session: Space, 3, next card, undo", async ({ page }) => {
  // A learner of its own: the demo learner's queue depends on what other specs did with that account (their
  // submissions bring exercise and misconception items, their settings change the new-card limit).
  await signUpFreshLearner(page, "review-keys");
  await page.goto("/review");

  const card = page.getByTestId("review-card");
  await expect(card).toBeVisible();
  const firstId = await card.getAttribute("data-item-id");
  expect(firstId).toBeTruthy();
  // Math in the question is typeset by KaTeX on the server.
  await expect(page.getByTestId("review-question")).toBeVisible();
  await expect(page.getByTestId("review-answer")).toHaveCount(0);

  await page.keyboard.press("Space");
  await expect(page.getByTestId("review-answer")).toBeVisible();
  for (const rating of [1, 2, 3, 4]) await expect(page.getByTestId(`rate-${rating}`)).toBeVisible();
  await expect(page.getByTestId("rate-1")).toContainText(/Again\s*\d+(\.\d+)?(s|m|h|d|mo|y)/);
  await expect(page.getByTestId("rate-3")).toContainText(/Good\s*\d+(\.\d+)?(s|m|h|d|mo|y)/);

  await page.keyboard.press("3");
  await expect(card).not.toHaveAttribute("data-item-id", firstId!);
  await expect(page.getByTestId("review-answer")).toHaveCount(0);
  const secondId = await card.getAttribute("data-item-id");
  expect(secondId).not.toBe(firstId);

  // Undo (the button, then the keyboard for a second round) brings the rated card back, question side up.
  await page.getByTestId("undo").click();
  await expect(card).toHaveAttribute("data-item-id", firstId!);
  await expect(page.getByText("Rating undone")).toBeVisible();
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(card).toHaveAttribute("data-item-id", secondId!);
  await page.keyboard.press("u");
  await expect(card).toHaveAttribute("data-item-id", firstId!);

  // Rate it for good: the review is stored and exported.
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  await expect(card).not.toHaveAttribute("data-item-id", firstId!);
  const csv = await (await page.request.get("/api/review/export.csv")).text();
  const rows = csv.trim().split("\n");
  expect(rows[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
  expect(rows.filter((r) => r.startsWith(`flashcard:${firstId},`)).map((r) => r.split(",")[2])).toEqual(["4"]);

  await page.goto("/review/stats");
  await expect(page.getByTestId("chart-reviews-per-day")).toBeVisible();
  await expect(page.getByTestId("chart-forecast")).toBeVisible();
  await expect(page.getByTestId("mastery")).toBeVisible();
});

test("a bad import is refused with its line number", async ({ page }) => {
  await signIn(page, DEMO.learner, "/review/settings");
  await page.goto("/review/settings");
  await page.getByLabel(/Import review history/).setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("card_id,review_time,review_rating\nflashcard:lr-model-f-wb,1764000000000,9\n"),
  });
  await page.getByTestId("review-import").getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("review-import").getByRole("alert")).toContainText("line 2: review_rating");
  const response = await page.request.post("/api/review/import", { headers: { origin: new URL(page.url()).origin, "content-type": "text/csv" }, data: "card_id,review_time\nx,1\n" });
  expect(response.status()).toBe(400);
  expect(((await response.json()) as { issues: { line: number }[] }).issues[0]!.line).toBe(1);
});

test("a wrong time zone keeps what was typed, with its error beside the field, in English and in Chinese", async ({ page, baseURL }) => {
  await signUpFreshLearner(page, "review-timezone");
  for (const [lang, message] of [["en", "Not an IANA time zone"], ["zh", "不是 IANA 时区"]] as const) {
    await page.context().addCookies([{ name: "lacuna-lang", value: lang, url: baseURL! }]);
    await page.goto("/review/settings");
    const form = page.getByTestId("review-preferences");
    const zone = form.locator("#timezone");
    await expect(zone).toBeEditable();
    await zone.fill("Mars/Olympus");
    await form.getByRole("button").click();
    const error = form.locator("#timezone-error");
    await expect(error).toHaveAttribute("role", "alert");
    await expect(error).toContainText(message);
    await expect(zone).toHaveValue("Mars/Olympus");
    await expect(zone).toHaveAttribute("aria-invalid", "true");
    await expect(zone).toHaveAttribute("aria-describedby", /timezone-error/);
  }
});
