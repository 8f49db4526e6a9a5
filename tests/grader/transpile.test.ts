import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadCatalog } from "../../exercises/catalog";
import { transformSimple, transpileSubmission, transpileWithBuild } from "../../grader/transpile";

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

  it("says esbuild's commonest parse errors in Chinese for a Chinese learner, at the same place; others as esbuild says them", async () => {
    const missingParen = "export function f(x: number) {\n  return 1 / (1 + Math.exp(-x);\n}";
    const [en] = await errorsOf(missingParen);
    const [zh] = await errorsOf(missingParen, "zh");
    expect(en?.message).toBe('Expected ")" but found ";"');
    expect(zh?.message).toBe('这里应为 ")"，却是 ";"');
    expect(zh?.location).toEqual(en?.location);
    const cases: [string, RegExp][] = [
      ["export function f(x: number) {\n  return x +;\n}", /^这里不应出现 ";"$/],
      ['export function f(x: number) {\n  return "abc;\n}', /^字符串缺少结尾的引号$/],
      ["export function f(x: number) {\n  return (x;\n", /^这里应为 "\)"，却是 ";"$/],
      ["export function f(x: number) {\n  const y = 1;\n  const y = 2;\n  return x;\n}", /^"y" 已经声明过了$/],
    ];
    for (const [source, message] of cases) expect((await errorsOf(source, "zh"))[0]?.message, source).toMatch(message);
  });

  it("a block or string left open runs into the grader's export line: reported at the learner's end, not as a missing function", async () => {
    const [brace] = await errorsOf("export function f(x: number) {\n  return x;\n");
    expect(brace?.message).toBe('Unexpected end of file (a "}", ")" or quote not closed?)');
    expect(brace?.location).toEqual({ line: 3, column: 1 });
    const [quote] = await errorsOf("export function f(x: number) {\n  return `x;\n}", "zh");
    expect(quote?.message).toBe("字符串缺少结尾的引号");
  });

  it("counts columns in characters as editors do, not in UTF-8 bytes", async () => {
    // The input: the ")" is character 68; esbuild says byte 72.
    const result = await transpileSubmission({ ...base, functionName: "computeCost", source: 'export function computeCost(): number { const s = "代价"; const z = 1); }' });
    expect(result.ok ? null : result.errors[0]?.location).toEqual({ line: 1, column: 68 });
    const [astral] = await errorsOf('export function f(x: number) {\n  const s = "𝑥 代价"; return x +;\n}');
    // "𝑥" is two UTF-16 code units (as CodeMirror counts it), four UTF-8 bytes.
    expect(astral?.location).toEqual({ line: 2, column: 32 });
  });

  it("refuses `export =` and CommonJS exports at compile time, saying what to write instead", async () => {
    const [assignment] = await errorsOf("function f(x: number): number { return x; }\nexport = f;\n");
    expect(assignment).toEqual({
      message: '"export =" is not supported: declare the function as "export function f(x) { … }" (or a top-level "function f") and remove the "export =" line',
      location: { line: 2, column: 1 },
      lineText: "export = f;",
    });
    const [moduleExports] = await errorsOf("function f(x: number): number { return x; }\nmodule.exports = f;");
    expect(moduleExports?.message).toMatch(/^"module.exports" is not supported: declare the function as "export function f\(x\)/);
    expect(moduleExports?.location).toEqual({ line: 2, column: 1 });
    const [exportsField] = await errorsOf("exports.f = 1;\nfunction f(x: number): number { return x; }");
    expect(exportsField?.message).toMatch(/^"exports" is not supported/);
    const [zh] = await errorsOf("function f(x: number): number { return x; }\nexport = f;\n", "zh");
    expect(zh?.message).toMatch(/^不支持 "export ="：请把函数声明为/);
  });

  it("refuses top-level await without naming the bundler's output format", async () => {
    for (const source of ["await null;\nexport function f(x: number) { return x; }", "for await (const v of []) {}\nexport function f(x: number) { return x; }"]) {
      const [error] = await errorsOf(source);
      expect(error?.message).toBe('"await" outside a function is not supported: the grader calls f directly, so compute everything inside the function (and do not make it async)');
      expect(error?.location?.line).toBe(1);
      expect(error?.message).not.toMatch(/iife|esbuild/i);
    }
  });

  it("refuses files over the size limit", async () => {
    const [error] = await errorsOf(`export function f(x: number) { return x; }\n//${"x".repeat(70 * 1024)}`);
    expect(error?.message).toMatch(/limited to 64 KB/);
  });
});

describe("the transform fast path", () => {
  /** Every source of the catalogue, as a learner could submit it. */
  const catalogueSources = loadCatalog().flatMap((entry) => {
    const misconceptions = path.join(entry.dir, "misconceptions");
    const files = ["solution.ts", "starter.ts", ...(existsSync(misconceptions) ? readdirSync(misconceptions).map((f) => path.join("misconceptions", f)) : [])];
    return files
      .filter((file) => existsSync(path.join(entry.dir, file)))
      .map((file) => ({
        name: `${entry.meta.slug}/${file}`,
        request: { source: readFileSync(path.join(entry.dir, file), "utf8"), functionName: entry.meta.functionName, params: entry.meta.params, lang: "en" as const, maxSourceBytes: 64 * 1024 },
      }));
  });
  // build adds a comment naming the file, and nothing else.
  const comparable = (code: string) => code.replace(/\n\n {2}\/\/ [^\n]*submission\.ts\n/, "\n");

  /**
   * The fast module against build's, line map included (build's two extra lines sit before the learner's code).
   * Whether the fast path took the source.
   */
  async function expectSameAsBuild(name: string, request: typeof base & { source: string }): Promise<boolean> {
    const fast = await transformSimple(request);
    const built = await transpileWithBuild(request);
    if (!built.ok) throw new Error(`${name}: build refused it`);
    if (fast === null) {
      // Only a top-level const, let or class keeps a source on build (hoisted to var there).
      expect(built.code, `${name} should take the fast path`).toMatch(/^ {2}var /m);
      return false;
    }
    expect(comparable(fast.code), name).toBe(comparable(built.code));
    const fastLines = fast.code.split("\n").length;
    const offset = built.code.split("\n").length - fastLines;
    const learnerStart = fast.code.split("\n").findIndex((_, i) => fast.lineMap.original(i + 1, 3) !== null) + 1;
    expect(learnerStart, name).toBeGreaterThan(0);
    for (let line = learnerStart; line <= fastLines; line++) {
      expect(fast.lineMap.original(line, 3), `${name}:${line}`).toEqual(built.lineMap.original(line + offset, 3));
    }
    return true;
  }

  it("compiles every catalogue source to the module build gives, with the same line map", async () => {
    expect(catalogueSources.length).toBeGreaterThan(400);
    let fast = 0;
    for (const { name, request } of catalogueSources) if (await expectSameAsBuild(name, request)) fast++;
    expect(fast / catalogueSources.length).toBeGreaterThan(0.9);
  });

  it("compiles what learners write at the top level as build does", async () => {
    const sources = {
      "an unused helper": "function unused(v: number) { return v * 2; }\nexport function f(x: number) { return x; }",
      "an enum": "enum Mode { Mean, Sum }\nexport function f(x: number) { return Mode.Sum === 1 ? x : 0; }",
      "a namespace": "namespace Util { export const two = 2; }\nexport function f(x: number) { return Util.two * x; }",
      "a default export": "export default function f(x: number) { return x; }",
      "var, destructuring and a statement": "var [a, b] = [1, 2];\nconsole.log(a);\nexport function f(x: number) { return x + b; }",
      "an arrow function in a var": "var f = (x: number): number => x;",
      "a generator and async functions": "function* g() { yield 1; }\nasync function h() { return 1; }\nexport function f(x: number) { return x + [...g()].length; }",
      "overloads and a declare": "declare const seed: number;\nfunction f(x: number): number;\nfunction f(x: number) { return x; }",
    };
    for (const [name, source] of Object.entries(sources)) expect(await expectSameAsBuild(name, { ...base, source }), name).toBe(true);
  });

  it("compiles a file without the function as build does, so the sandbox reports it missing either way", async () => {
    expect(await expectSameAsBuild("declared only inside another function", { ...base, source: "export function g(x: number) {\n  function f(y: number) { return y; }\n  return f(x);\n}" })).toBe(true);
    expect(await expectSameAsBuild("not declared", { ...base, source: "export function g(x: number) { return x; }" })).toBe(true);
  });

  it("gives way to build where only bundling can tell, and build's answer stands", async () => {
    const cases = [
      "export function f(x: number) { return x; }\n// import nothing, said in a comment",
      'export { f } from "./elsewhere";',
      "export function f(x: number) { return x; }\nmodule.exports = f;",
      "export = function f(x: number) { return x; };",
      "const y = await Promise.resolve(1);\nexport function f(x: number) { return x + y; }",
      "export function f(x: number) { return x; ",
    ];
    for (const source of cases) expect(await transformSimple({ ...base, source }), source).toBeNull();
    expect((await transpileSubmission({ ...base, source: cases[0]! })).ok).toBe(true);
    const [reExport] = await errorsOf(cases[1]!);
    expect(reExport?.message).toMatch(/imports are not allowed/);
    expect(reExport?.location?.line).toBe(1);
  });

  it("leaves a module with a top-level const, let or class to build, whose hoisting decides what reading it early gives", async () => {
    const early = {
      const: "const early = scale(1);\nconst K = 2;\nfunction scale(x: number) { return K * x; }\nexport function f(x: number) { return scale(x); }",
      let: "let early = scale(1);\nlet K = 2;\nfunction scale(x: number) { return K * x; }\nexport function f(x: number) { return scale(x); }",
      class: "const made = make();\nclass Helper { v = 1; }\nfunction make() { return new Helper(); }\nexport function f(x: number) { return x; }",
    };
    for (const [kind, source] of Object.entries(early)) {
      expect(await transformSimple({ ...base, source }), kind).toBeNull();
      const compiled = await transpileSubmission({ ...base, source });
      expect(compiled.ok && compiled.code, kind).toMatch(/^ {2}var K = 2;$|^ {2}var Helper = class/m);
    }
  });
});
