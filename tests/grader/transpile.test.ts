import { describe, expect, it } from "vitest";
import { transpileSubmission } from "../../grader/transpile";

const base = { functionName: "f", params: ["x"], lang: "en" as const, maxSourceBytes: 64 * 1024 };

async function errorsOf(source: string, lang: "en" | "zh" = "en") {
  const result = await transpileSubmission({ ...base, lang, source });
  if (result.ok) throw new Error("expected a compile error");
  return result.errors;
}

describe("transpileSubmission", () => {
  it("accepts `export function` and a top-level `function`", async () => {
    expect((await transpileSubmission({ ...base, source: "export function f(x: number): number { return x; }" })).ok).toBe(true);
    expect((await transpileSubmission({ ...base, source: "function f(x: number): number { return x; } // last line" })).ok).toBe(true);
  });

  it("rejects every import and require, even unused ones, at the line of the import", async () => {
    for (const source of [
      'import fs from "fs";\nexport function f(x: number) { return x; }',
      'import { readFileSync } from "node:fs";\nexport function f(x: number) { return readFileSync; }',
      'const fs = require("fs");\nexport function f(x: number) { return fs; }',
      'export function f(x: number) { return import("child_process"); }',
      'import "./helper";\nexport function f(x: number) { return x; }',
    ]) {
      const [error] = await errorsOf(source);
      expect(error?.message).toMatch(/imports are not allowed/);
      expect(error?.location?.line).toBe(1);
    }
    const [zh] = await errorsOf('import fs from "fs";\nexport function f(x: number) { return x; }', "zh");
    expect(zh?.message).toContain("不允许 import");
  });

  it("reports syntax errors with the line and column of the learner's file", async () => {
    const [error] = await errorsOf("export function f(x: number) {\n  return x +;\n}");
    expect(error?.location).toEqual({ line: 2, column: 13 });
    expect(error?.lineText).toBe("  return x +;");
  });

  it("refuses files over the size limit", async () => {
    const [error] = await errorsOf(`export function f(x: number) { return x; }\n//${"x".repeat(70 * 1024)}`);
    expect(error?.message).toMatch(/limited to 64 KB/);
  });
});
