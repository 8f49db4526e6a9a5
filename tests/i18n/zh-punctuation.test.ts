import { describe, expect, it } from "vitest";
import { findAsciiPunctuation, fixAsciiPunctuation } from "../../lib/i18n/zh-punctuation";
import { chineseSourceFiles, scanChineseSources } from "../../scripts/lib/zh-sources";

describe("ASCII punctuation beside Chinese text", () => {
  it("finds the issue's examples and rewrites them to full-width", () => {
    expect(fixAsciiPunctuation("结果:正式提交")).toBe("结果：正式提交");
    expect(fixAsciiPunctuation("拟合得好不好,用…")).toBe("拟合得好不好，用…");
    expect(fixAsciiPunctuation("你整批只用了一个状态变量 (见下) ; 然后")).toBe("你整批只用了一个状态变量（见下）；然后");
    expect(findAsciiPunctuation("结果:正式提交")).toMatchObject([{ line: 1, column: 3, char: ":", replacement: "：" }]);
  });

  it("converts a parenthesis pair together, even when only one side touches Chinese", () => {
    expect(fixAsciiPunctuation("初始状态(initial state)不属于输出")).toBe("初始状态（initial state）不属于输出");
    expect(fixAsciiPunctuation("初始状态 (a<0> 为零向量) 不属于输出")).toBe("初始状态（a<0> 为零向量）不属于输出");
  });

  it("leaves math, code, placeholders, ratios and English alone", () => {
    const untouched = ["代价 $J(w,b) = \\frac{1}{2m}$ 最小", "调用 `f(x, y)` 即可", "共 {count} 个", "比例 3:1 时", "Run (visible cases), then submit", "见 https://a.b/c,d 页"];
    for (const text of untouched) expect(fixAsciiPunctuation(text), text).toBe(text);
  });

  it("keeps a line's indentation", () => {
    expect(fixAsciiPunctuation("说明\n  (注意)这里")).toBe("说明\n  （注意）这里");
  });
});

describe("Lacuna's Chinese content", () => {
  it("scans the interface messages, statements, exercise metadata, case notes and flashcards", () => {
    const files = chineseSourceFiles();
    expect(files).toContain("messages/zh.json");
    expect(files.some((f) => f.endsWith("statement.zh.md"))).toBe(true);
    expect(files.some((f) => /exercises\/flashcards\/.*\.json$/.test(f))).toBe(true);
    expect(files.some((f) => f.endsWith("cases.ts"))).toBe(true);
  });

  it("uses full-width punctuation in Chinese text everywhere (npm run lint:zh -- --fix rewrites it)", () => {
    const problems = scanChineseSources().flatMap(({ file, findings }) => findings.map((f) => `${file}:${f.fileLine} "${f.char}" in …${f.excerpt}…`));
    expect(problems).toEqual([]);
  });
});

describe("notation beside Chinese text", () => {
  it("keeps ASCII parentheses of functions, intervals and expressions", () => {
    for (const text of ["只有 tanh(c<t>) 能让 a<t> 留在 (−1, 1) 之内", "记忆仍然通过 (1 − Γu) * c<t−1> 传下", "你乘的是 A[1](1 − A[1])，这是"]) {
      expect(findAsciiPunctuation(text), text).toEqual([]);
    }
  });

  it("sees a comma between two formulas of a Chinese sentence as Chinese", () => {
    expect(fixAsciiPunctuation("可达 $10^6$,$x^3$ 可达 $10^9$")).toBe("可达 $10^6$，$x^3$ 可达 $10^9$");
  });

  it("never touches a cloze marker", () => {
    const text = "等价于 {{c3::不使用激活函数}}，输出在 {{c2::$(0, 1)$}} 之间,且";
    expect(fixAsciiPunctuation(text)).toBe("等价于 {{c3::不使用激活函数}}，输出在 {{c2::$(0, 1)$}} 之间，且");
  });
});
