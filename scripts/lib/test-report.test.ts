// The summary's failed-test list, read from real reports: vitest and Playwright run on small fixture suites
// (one passing and one failing test each, plus a file that cannot load), as `npm test` runs them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./schemas";
import { failedTests } from "./test-report";

let dir: string;
beforeAll(() => {
  // Inside the repository, so the fixtures resolve vitest and @playwright/test from its node_modules.
  dir = mkdtempSync(path.join(repoRoot, ".test-report-fixture-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);

describe("failedTests", () => {
  it("names each failed vitest test with its describe blocks and first error line, and a file that could not load", () => {
    writeFileSync(
      path.join(dir, "sums.test.ts"),
      `import { describe, expect, it } from "vitest";\ndescribe("sums", () => {\n  it("adds", () => expect(1 + 1).toBe(2));\n  it("carries", () => expect(9 + 1).toBe(11));\n});\n`,
    );
    writeFileSync(path.join(dir, "broken.test.ts"), `import "./missing-module";\n`);
    const report = path.join(dir, "vitest.json");
    const run = spawnSync(bin("vitest"), ["run", "--root", dir, "--reporter=json", `--outputFile.json=${report}`], { cwd: dir, encoding: "utf8" });
    expect(run.status).toBe(1);
    const failures = failedTests("vitest", JSON.parse(readFileSync(report, "utf8")), dir);
    expect(failures).toHaveLength(2);
    expect(failures).toContainEqual({ where: "sums.test.ts", title: "sums › carries", error: "AssertionError: expected 10 to be 11 // Object.is equality" });
    const broken = failures.find((f) => f.where === "broken.test.ts");
    expect(broken?.title).toBe("(the file itself)");
    expect(broken?.error).toMatch(/missing-module/);
  });

  it("names each failed Playwright test with its file:line and first error line", () => {
    writeFileSync(path.join(dir, "playwright.config.mjs"), `export default { testDir: ".", testMatch: "*.spec.mjs" };\n`);
    writeFileSync(
      path.join(dir, "sums.spec.mjs"),
      `import { expect, test } from "@playwright/test";\ntest.describe("sums", () => {\n  test("adds", () => expect(1 + 1).toBe(2));\n  test("carries", () => expect(9 + 1).toBe(11));\n});\n`,
    );
    const report = path.join(dir, "playwright.json");
    const run = spawnSync(bin("playwright"), ["test", "--config", path.join(dir, "playwright.config.mjs"), "--reporter=json"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    });
    expect(run.status).toBe(1);
    const failures = failedTests("playwright", JSON.parse(readFileSync(report, "utf8")));
    expect(failures).toEqual([{ where: "sums.spec.mjs:4", title: "sums › carries", error: expect.stringMatching(/toBe/) }]);
  });

  it("refuses a report of another shape", () => {
    expect(() => failedTests("vitest", { suites: [] })).toThrow();
    expect(() => failedTests("playwright", { testResults: [] })).toThrow();
  });
});
