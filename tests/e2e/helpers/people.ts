// Several people at their own computers in one test: each `personAt()` is a new browser context (its own cookies,
// its own session), closed when the test ends. Contexts a test opened itself and left open stayed alive until the
// worker's browser closed: at the end of a run, dozens of signed-in pages kept Chromium and the server busy.
import { test as base, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";

export const test = base.extend<{ personAt: (options?: BrowserContextOptions) => Promise<Page> }>({
  personAt: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect } from "@playwright/test";
