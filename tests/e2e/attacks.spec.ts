// Attacks on the running app (issue 8 §2), each as the attacker would make it: open redirects through the
// sign-in and sign-up pages' callbackUrl, cross-site requests to the JSON API and the server actions (also from a
// real page on another port of the same host, in Chromium), the security headers of every kind of response, and
// the exercise and review pages working under their enforced Content-Security-Policy.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signUpFreshLearner } from "./helpers/auth";

const SLUG = "linear-regression-cost";
const SUBMISSION = JSON.stringify({ slug: SLUG, kind: "submit", source: "export function computeCost(): number { return 0; }" });

async function submissionCount(request: APIRequestContext): Promise<number> {
  const response = await request.get(`/api/submissions?slug=${SLUG}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { submissions: unknown[] };
  return body.submissions.length;
}

test.describe("open redirect", () => {
  // Each callbackUrl is what the URL parser reads as another host (tabs and newlines dropped, \ read as /).
  const hostile = ["/%09/evil.example", "/%0a/evil.example", "/%0d%0a/evil.example", "%5C%5Cevil.example", "/%09%5Cevil.example", "/.//evil.example", "//evil.example", "https://evil.example/"];

  test("signed in, /signin and /signup never redirect off the site, whatever the callbackUrl", async ({ page }) => {
    await signUpFreshLearner(page, "redirect");
    for (const pathname of ["/signin", "/signup"]) {
      for (const callback of hostile) {
        const response = await page.request.get(`${pathname}?callbackUrl=${callback}`, { maxRedirects: 0 });
        expect(response.status(), `${pathname}?callbackUrl=${callback}`).toBe(307);
        expect(response.headers()["location"], `${pathname}?callbackUrl=${callback}`).toBe("/");
      }
      const fine = await page.request.get(`${pathname}?callbackUrl=${encodeURIComponent("/review?topic=x")}`, { maxRedirects: 0 });
      expect(fine.headers()["location"]).toBe("/review?topic=x");
    }
  });
});

test.describe("cross-site request forgery", () => {
  test("state-changing API requests need this site's Origin and their own content type", async ({ page, baseURL }) => {
    await signUpFreshLearner(page, "csrf");
    const api = page.request;
    const foreign = "http://localhost:1";

    // The request: a text/plain body from a foreign Origin was accepted (202).
    const planted = await api.post("/api/submissions", { headers: { origin: foreign, "content-type": "text/plain" }, data: SUBMISSION });
    expect(planted.status()).toBe(403);
    expect(((await planted.json()) as { error: string }).error).toContain("cross-origin request refused");
    // Same origin but a body type a form can send without a preflight: 415, with the type it expects.
    const plain = await api.post("/api/submissions", { headers: { origin: baseURL!, "content-type": "text/plain" }, data: SUBMISSION });
    expect(plain.status()).toBe(415);
    expect(((await plain.json()) as { error: string }).error).toContain("application/json");
    // No Origin at all, and a browser's cross-site fetch metadata without Origin.
    expect((await api.post("/api/submissions", { headers: { "content-type": "application/json" }, data: SUBMISSION })).status()).toBe(403);
    expect((await api.post("/api/submissions", { headers: { "sec-fetch-site": "same-site", "content-type": "application/json" }, data: SUBMISSION })).status()).toBe(403);
    expect(await submissionCount(api)).toBe(0);

    // Every other state-changing route, with a foreign Origin.
    const routes: [string, "post" | "put", string][] = [
      ["/api/review/import", "post", "text/csv"],
      ["/api/review/rate", "post", "application/json"],
      ["/api/review/undo", "post", "application/json"],
      ["/api/typecheck", "post", "application/json"],
      [`/api/drafts/${SLUG}`, "put", "application/json"],
    ];
    for (const [url, method, type] of routes) {
      const response = await api[method](url, { headers: { origin: foreign, "content-type": type }, data: "{}" });
      expect(response.status(), url).toBe(403);
    }
    // The import reads CSV, not JSON.
    expect((await api.post("/api/review/import", { headers: { origin: baseURL!, "content-type": "application/json" }, data: "{}" })).status()).toBe(415);
    // A server action (Next-Action header) from a foreign Origin is refused before Next runs it.
    const action = await api.post("/review/settings", { headers: { origin: foreign, "next-action": "0".repeat(42), "content-type": "text/plain" }, data: "[]" });
    expect(action.status()).toBe(403);

    // The real thing from this site still works: Origin or Sec-Fetch-Site: same-origin.
    expect((await api.post("/api/submissions", { headers: { origin: baseURL!, "content-type": "application/json" }, data: SUBMISSION })).status()).toBe(202);
    expect((await api.post("/api/submissions", { headers: { "sec-fetch-site": "same-origin", "content-type": "application/json; charset=utf-8" }, data: SUBMISSION })).status()).toBe(202);
    expect(await submissionCount(api)).toBe(2);
  });

  test("a page on another port of the same host cannot plant a submission or import reviews", async ({ page, baseURL }) => {
    await signUpFreshLearner(page, "csrf-page");
    const target = baseURL!.replace("localhost", "localhost");
    const csv = "card_id,review_time,review_rating,review_state,review_duration\\nflashcard:lr-model-f-wb,1764000000000,3,1,1000\\n";
    // The attacker's page: same host, other port (same-site, so SameSite=Lax cookies go along).
    const attacker: Server = createServer((_request, response) => {
      response.setHeader("content-type", "text/html");
      response.end(`<!doctype html><title>win a prize</title><script>
        const results = [];
        Promise.all([
          fetch("${target}/api/submissions", { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(SUBMISSION)} }).then(() => "sent", (e) => String(e)),
          fetch("${target}/api/review/import", { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: "${csv}" }).then(() => "sent", (e) => String(e)),
          (() => { const form = new FormData(); form.append("file", new Blob(["${csv}"], { type: "text/csv" }), "x.csv");
            return fetch("${target}/api/review/import", { method: "POST", mode: "no-cors", credentials: "include", body: form }).then(() => "sent", (e) => String(e)); })(),
        ]).then((r) => { document.title = "done"; });
      </script>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    try {
      const port = (attacker.address() as AddressInfo).port;
      const visit = await page.context().newPage();
      await visit.goto(`http://localhost:${port}/`);
      await expect(visit).toHaveTitle("done");
      await visit.close();
    } finally {
      attacker.close();
    }
    expect(await submissionCount(page.request)).toBe(0);
    const exported = await (await page.request.get("/api/review/export.csv")).text();
    expect(exported.trim().split("\n")).toHaveLength(1);
  });
});

test.describe("security headers", () => {
  function expectHardened(headers: Record<string, string>, what: string): void {
    expect(headers["x-content-type-options"], what).toBe("nosniff");
    expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], what).toContain("camera=()");
    expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  }

  test("every kind of response carries them; pages get a fresh script nonce", async ({ page }) => {
    const api = page.request;
    const signin = await api.get("/signin");
    expectHardened(signin.headers(), "page");
    const csp = signin.headers()["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    // Next put the nonce on its own scripts; the next page gets another one.
    expect(await signin.text()).toContain(`nonce="${nonce}"`);
    expect((await api.get("/signin")).headers()["content-security-policy"]).not.toContain(nonce);

    expectHardened((await api.get("/api/exercises")).headers(), "route handler (401)");
    expectHardened((await api.get("/api/auth/csrf")).headers(), "next-auth route");
    expectHardened((await api.get("/exercises/no-such-exercise")).headers(), "page that is not found");
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await signin.text())![1]!;
    expectHardened((await api.get(script)).headers(), "static asset");
  });
});

test.describe("Content-Security-Policy enforced", () => {
  /** Collects CSP violations as the page reports them (events) and as Chromium logs them (console). */
  async function watchViolations(page: Page): Promise<string[]> {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
    });
    await page.exposeFunction("__lacunaCspViolation", (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        (window as unknown as { __lacunaCspViolation(text: string): void }).__lacunaCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    return violations;
  }

  test("the exercise page and the review page work with no violation reported", async ({ page }) => {
    const violations = await watchViolations(page);
    await signUpFreshLearner(page, "csp");

    const exercise = await page.goto(`/exercises/${SLUG}`);
    expect(exercise!.headers()["content-security-policy"]).toContain("'strict-dynamic'");
    // The editor is CodeMirror (scripts and injected styles); the statement is KaTeX (fonts, inline styles).
    const editor = page.getByRole("textbox", { name: /Code editor|代码编辑器/ });
    await expect(editor).toBeVisible();
    await editor.click();
    await page.keyboard.insertText("// typed under the CSP");
    await expect(editor).toContainText("typed under the CSP");
    await expect(page.getByTestId("statement").locator(".katex").first()).toBeVisible();
    await page.getByRole("button", { name: "Run visible cases", exact: true }).click();
    await expect(page.getByTestId("results")).toBeVisible();

    await page.goto("/review");
    const card = page.getByTestId("review-card");
    await expect(card).toBeVisible();
    const firstId = await card.getAttribute("data-item-id");
    await page.getByTestId("show-answer").click();
    await expect(page.getByTestId("review-answer")).toBeVisible();
    await page.getByTestId("rate-3").click();
    await expect(card).not.toHaveAttribute("data-item-id", firstId!);
    // Fonts load after layout: let the page settle before reading the report.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(violations).toEqual([]);
  });
});
