import { describe, expect, it } from "vitest";
import { notRunCaseResult, reportWithoutCases } from "../../grader/report";
import { boundReport, reportStringChars } from "../../grader/report-text";

const subject = { slug: "mse", seed: 1, lang: "en", mode: "all" } as const;

function reportWith(message: string, consoleText: string) {
  const report = reportWithoutCases(subject, "failed", { console: { text: consoleText, truncated: false } });
  report.cases = [
    notRunCaseResult({ name: "first", visible: true, weight: 1 }, { kind: "exception", message: "short", location: null }),
    notRunCaseResult({ name: "second", visible: true, weight: 1 }, { kind: "exception", message, location: { line: 2, column: 3 } }),
  ];
  return report;
}

describe("boundReport", () => {
  it("caps every long string and the console, marking the console truncated", () => {
    const bounded = boundReport(reportWith("x".repeat(1e6), "y".repeat(9000)), 8000);
    expect(bounded.cases[1]!.error!.message).toHaveLength(reportStringChars);
    expect(bounded.cases[1]!.error!.message.endsWith("…")).toBe(true);
    expect(bounded.cases[1]!.error!.location).toEqual({ line: 2, column: 3 });
    expect(bounded.cases[0]!.error!.message).toBe("short");
    expect(bounded.console).toEqual({ text: `${"y".repeat(7999)}…`, truncated: true });
  });

  it("leaves the report it was given unchanged, and copies only the parts it cut", () => {
    const report = reportWith("x".repeat(5000), "hello\n");
    const before = structuredClone(report);
    const bounded = boundReport(report, 8000);
    expect(report).toEqual(before);
    expect(bounded.cases[1]).not.toBe(report.cases[1]);
    expect(bounded.cases[0]).toBe(report.cases[0]);
    expect(bounded.console).toEqual({ text: "hello\n", truncated: false });
  });

  it("a report with nothing to cut comes back equal", () => {
    const report = reportWith("short too", "");
    expect(boundReport(report, 8000)).toEqual(report);
  });
});
