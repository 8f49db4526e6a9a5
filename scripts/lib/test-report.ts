// The failed tests in vitest's and Playwright's JSON reports, for `npm test`'s closing summary: CI shows only
// the end of a long log, so the summary names each failed test and its first error line.
import { z } from "zod";

export interface FailedTest {
  /** The test file, relative to the repository, with the line where Playwright knows it. */
  where: string;
  /** Describe blocks and test title, joined by " › ". */
  title: string;
  /** The first non-empty line of the error, ANSI colours removed, at most 300 characters. */
  error: string;
}

const vitestReport = z.object({
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().optional(),
      assertionResults: z.array(
        z.object({
          ancestorTitles: z.array(z.string()).default([]),
          title: z.string(),
          status: z.string(),
          failureMessages: z.array(z.string()).nullish(),
        }),
      ),
    }),
  ),
});

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: { title: string; ok: boolean; file: string; line: number; tests: { results: { error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
}
const playwrightSuite: z.ZodType<PlaywrightSuite> = z.lazy(() =>
  z.object({
    title: z.string(),
    file: z.string().optional(),
    specs: z
      .array(
        z.object({
          title: z.string(),
          ok: z.boolean(),
          file: z.string(),
          line: z.number(),
          tests: z.array(z.object({ results: z.array(z.object({ error: z.object({ message: z.string().optional() }).optional() })) })),
        }),
      )
      .optional(),
    suites: z.array(playwrightSuite).optional(),
  }),
);
const playwrightReport = z.object({ suites: z.array(playwrightSuite), errors: z.array(z.object({ message: z.string().optional() })).default([]) });

const ansi = /\u001b\[[0-9;]*m/g;
function firstLine(message: string | undefined): string {
  const line = (message ?? "").replace(ansi, "").split("\n").map((l) => l.trim()).find((l) => l.length > 0) ?? "(no message)";
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

function relative(file: string, root: string): string {
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}

/**
 * Every failed test in a runner's JSON report (vitest's `--reporter=json`, Playwright's `json` reporter), in
 * report order. A file that failed before running any test (an import error, a failing hook) is one entry
 * titled "(the file itself)". Throws a ZodError when the report is not of the runner's shape.
 */
export function failedTests(runner: "vitest" | "playwright", report: unknown, root: string = process.cwd()): FailedTest[] {
  const failures: FailedTest[] = [];
  if (runner === "vitest") {
    for (const file of vitestReport.parse(report).testResults) {
      const where = relative(file.name, root);
      const failedInFile = file.assertionResults.filter((a) => a.status === "failed");
      for (const a of failedInFile) failures.push({ where, title: [...a.ancestorTitles, a.title].join(" › "), error: firstLine(a.failureMessages?.[0]) });
      if (file.status === "failed" && failedInFile.length === 0) failures.push({ where, title: "(the file itself)", error: firstLine(file.message) });
    }
    return failures;
  }
  const parsed = playwrightReport.parse(report);
  const visit = (suite: PlaywrightSuite, titles: string[]) => {
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      const results = spec.tests.flatMap((t) => t.results);
      const error = [...results].reverse().find((r) => r.error?.message)?.error?.message;
      failures.push({ where: `${spec.file}:${spec.line}`, title: [...titles, spec.title].join(" › "), error: firstLine(error) });
    }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
  };
  // A top-level suite is a file (its title is the file name), so only nested describe titles join the name.
  for (const suite of parsed.suites) visit(suite, []);
  for (const error of parsed.errors) failures.push({ where: "(playwright)", title: "(outside any test)", error: firstLine(error.message) });
  return failures;
}
