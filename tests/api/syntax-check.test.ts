// POST /api/syntax-check's work (lib/grading/syntax.ts): the grader's own compile errors, found in the web server
// without the daemon, with line:column where the file has them; bad requests get the same 4xx as the other routes.
import { describe, expect, it } from "vitest";
import { syntaxCheck } from "@/lib/grading/syntax";

const LSTM_SIGMOID_TYPO = `export function lstmCell(x: number[], aPrev: number[], cPrev: number[], Wc: number[][], bc: number[], Wu: number[][], bu: number[], Wf: number[][], bf: number[], Wo: number[][], bo: number[]): { aNext: number[]; cNext: number[] } {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z);
  return { aNext: [], cNext: [] };
}
`;

describe("syntax check", () => {
  it("finds the issue's typo with its line:column, in the learner's file", async () => {
    const result = await syntaxCheck({ slug: "lstm-cell", source: LSTM_SIGMOID_TYPO });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ errors: [{ line: 2, column: 55, message: 'Expected ")" but found ";"' }] });
  });

  it("answers no errors for code that compiles, type errors included (those are the type check's)", async () => {
    const fixed = LSTM_SIGMOID_TYPO.replace("Math.exp(-z);", "Math.exp(-z));").replace("aNext: []", 'aNext: "wrong"');
    expect((await syntaxCheck({ slug: "lstm-cell", source: fixed })).body).toEqual({ errors: [] });
  });

  it("reports what the grader's compiler would refuse, in the learner's language: an import", async () => {
    const imported = await syntaxCheck({ slug: "linear-regression-cost", source: 'import fs from "fs";\nexport function computeCost() { return 0; }\n', lang: "zh" });
    expect(imported.body).toMatchObject({ errors: [{ line: 1, column: 16, message: expect.stringContaining("不允许 import") }] });
  });

  it("counts columns as an editor does after non-ASCII text", async () => {
    const result = await syntaxCheck({ slug: "linear-regression-cost", source: 'export function computeCost() { const s = "代价"; return 1 +; }\n' });
    expect(result.body).toEqual({ errors: [{ line: 1, column: 59, message: 'Unexpected ";"' }] });
  });

  it("refuses bad requests like the other routes: 400, 404, 413", async () => {
    expect((await syntaxCheck({ slug: "linear-regression-cost" })).status).toBe(400);
    expect((await syntaxCheck({ slug: "linear-regression-cost", source: "", lang: "fr" })).status).toBe(400);
    expect((await syntaxCheck({ slug: "no-such-exercise", source: "" })).status).toBe(404);
    expect((await syntaxCheck({ slug: "linear-regression-cost", source: "x".repeat(70_000) })).status).toBe(413);
  });
});
