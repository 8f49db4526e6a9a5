/**
 * The `lacuna` command as a newcomer meets it: help that explains every option and loads nothing else, the
 * chosen language everywhere (the CLI's own errors too, full-width punctuation in Chinese), math as text.
 * (How fast help answers is measured by `npm run bench:cli`, never asserted.)
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commandHelp, commandSpecs, helpFor, usageText } from "../../grader/cli/spec.mjs";
import { main } from "../../grader/cli/main";
import { findAsciiPunctuation } from "../../lib/i18n/zh-punctuation";
import { repoRoot } from "./helpers";

const bin = path.join(repoRoot, "grader", "bin", "lacuna.mjs");

/** Runs the real bin with a module hook that prints every module it resolves. */
function runTracingModules(...args: string[]): Promise<{ code: number; stdout: string; modules: string[] }> {
  const hooks = `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("[module] " + r.url + "\\n"); return r; }`;
  const register = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(register)}`, bin, ...args], { cwd: repoRoot, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({
        code: error ? ((error as { code?: number }).code ?? 1) : 0,
        stdout,
        modules: stderr.split("\n").flatMap((line) => (line.startsWith("[module] ") ? [line.slice(9)] : [])),
      }),
    );
  });
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("lacuna --help", () => {
  it("answers from the command table alone: no tsx, no TypeScript, no command is loaded", async () => {
    for (const args of [["--help"], ["grade", "--help"], ["help", "cases"], ["-h", "--lang", "zh"]]) {
      const { code, stdout, modules } = await runTracingModules(...args);
      expect(code, args.join(" ")).toBe(0);
      expect(stdout).toMatch(/^(usage|用法)/);
      const ours = modules.filter((url) => !url.startsWith("node:")).map((url) => path.relative(repoRoot, new URL(url).pathname));
      expect(ours, args.join(" ")).toEqual(["grader/bin/lacuna.mjs", "grader/cli/spec.mjs"]);
    }
    // A command that runs does register tsx (the tracing itself works).
    const listed = await runTracingModules("exercises", "--json");
    expect(listed.code).toBe(0);
    expect(listed.modules.some((url) => url.includes("/tsx/"))).toBe(true);
  }, 120_000);

  it("grade --help explains every flag, in both languages", async () => {
    const grade = commandSpecs.find((c) => c.name === "grade")!;
    expect(Object.keys(grade.options).sort()).toEqual(["json", "lang", "no-types", "seed", "type-budget", "visible-only"]);
    const en = (await run("grade", "--help")).out;
    const zh = (await run("grade", "--help", "--lang", "zh")).out;
    for (const flag of ["--seed N", "--json", "--lang zh|en", "--visible-only", "--no-types", "--type-budget MS", "--help"]) {
      expect(en).toContain(flag);
      expect(zh).toContain(flag);
    }
    expect(en).toContain("grade only the visible cases (the ones `lacuna cases` prints) and skip the");
    expect(en).toMatch(/skip the TypeScript type check; the grade is the same/);
    expect(en).toMatch(/exit status: 0 every case passed; 1 graded, some cases failed/);
    expect(zh).toContain("只用可见用例评分");
    expect(zh).toContain("跳过 TypeScript 类型检查");
  });

  it("every option of every command has an explanation in English and in Chinese with full-width punctuation", () => {
    for (const spec of commandSpecs) {
      for (const [name, option] of Object.entries(spec.options)) {
        expect(option.help.en.length, `${spec.name} --${name}`).toBeGreaterThan(10);
        expect(option.help.zh, `${spec.name} --${name}`).toMatch(/[\u4e00-\u9fff]/);
      }
      for (const lang of ["en", "zh"] as const) expect(commandHelp(spec, lang)).toContain(`lacuna ${spec.name}`);
      expect(findAsciiPunctuation(commandHelp(spec, "zh")).map((f) => `${spec.name}: …${f.excerpt}…`)).toEqual([]);
    }
    expect(findAsciiPunctuation(usageText("zh"))).toEqual([]);
    expect(helpFor([], { LACUNA_LANG: "zh" })).toMatchObject({ code: 2, text: expect.stringContaining("用法：lacuna <命令> [选项]") });
  });
});

describe("lacuna in the chosen language", () => {
  it("says its own errors in Chinese with --lang zh or LACUNA_LANG=zh", async () => {
    const unknownOption = await run("cases", "linear-regression-cost", "--sed", "3", "--lang", "zh");
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.err).toContain("lacuna cases：没有 --sed 这个选项（--help 列出所有选项）");
    expect(unknownOption.err).toContain("用法：lacuna cases <slug> [选项]");
    const unknownExercise = await run("show", "linear-regression-cots", "-l", "zh");
    expect(unknownExercise.err).toContain('没有名为 "linear-regression-cots" 的练习');
    const badSeed = await run("cases", "linear-regression-cost", "--seed", "minus-one", "--lang=zh");
    expect(badSeed.err).toContain("--seed 必须是 0 到 4294967295 之间的整数");
    const unknownCommand = await run("frobnicate", "--lang", "zh");
    expect(unknownCommand.err).toContain('lacuna：没有 "frobnicate" 这个命令');
    const missingValue = await run("grade", "linear-regression-cost", "--seed", "--lang", "zh");
    expect(missingValue.code).toBe(2);
    for (const text of [unknownOption.err, unknownExercise.err, badSeed.err, unknownCommand.err]) {
      expect(findAsciiPunctuation(text)).toEqual([]);
    }
    const english = await run("cases", "linear-regression-cost", "--sed", "3");
    expect(english.err).toContain("lacuna cases: unknown option --sed (--help lists the options)");
  });

  it("shows statements and hints with their math as text", async () => {
    const shown = await run("show", "linear-regression-cost", "--hints");
    expect(shown.code).toBe(0);
    expect(shown.out).toContain("    J(w, b) = 1/(2m) Σᵢ₌₁ᵐ (f_(w,b)(x⁽ⁱ⁾) - y⁽ⁱ⁾)²");
    expect(shown.out).toContain("export function computeCost(");
    const prose = shown.out.replace(/```[\s\S]*?```/g, "").split("── Starter")[0]!;
    expect(prose).not.toMatch(/\\[a-z]+|\$/);
    const zh = await run("show", "linear-regression-cost", "--lang", "zh");
    expect(zh.out).toContain("主题：");
  });
});
