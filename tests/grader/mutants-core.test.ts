/** The mutator of the mutation gate: which mutants a source yields, their positions, marks and sampling. */
import { describe, expect, it } from "vitest";
import { equivalenceMarks, generateMutants, sampleMutants, type Mutant } from "../../grader/mutants/core";

const summary = (mutants: Mutant[]): string[] => mutants.map((m) => `${m.line}:${m.column} ${m.original} → ${m.mutated} ${m.kind}`);

describe("generateMutants", () => {
  it("swaps arithmetic operators, changes literals and flips comparisons, each at its line:column", () => {
    const source = ["export function f(a: number, b: number): number {", "  if (a < b) return a * 2;", "  return (a - b) / 0.5;", "}"].join("\n");
    expect(summary(generateMutants(source))).toEqual([
      "2:9 < → <= comparison",
      "2:9 < → >= comparison",
      "2:23 * → / arithmetic",
      "2:25 2 → 3 literal",
      "3:13 - → + arithmetic",
      "3:18 / → * arithmetic",
      "3:20 0.5 → 1.5 literal",
    ]);
  });

  it("moves indices and loop bounds by one and swaps Math functions", () => {
    const source = ["export function g(x: number[]): number {", "  let s = 0;", "  for (let i = 0; i < x.length; i++) s += Math.exp(x[i]!);", "  return Math.abs(s);", "}"].join("\n");
    const mutants = generateMutants(source);
    const texts = summary(mutants);
    expect(texts).toContain("3:23 x.length → x.length - 1 bound");
    expect(texts).toContain("3:23 x.length → x.length + 1 bound");
    expect(texts).toContain("3:54 i → i + 1 index");
    expect(texts).toContain("3:48 exp → expm1 math");
    expect(texts).toContain("4:10 Math.abs(s) → (s) math");
    expect(texts).toContain("3:40 += → -= arithmetic");
    expect(texts).toContain("2:11 0 → 1 literal");
    // Every mutant is the whole source with exactly that one splice.
    const bound = mutants.find((m) => m.kind === "bound" && m.mutated.endsWith("- 1"))!;
    expect(bound.source).toContain("i < x.length - 1;");
    expect(bound.source.replace("x.length - 1;", "x.length;")).toBe(source);
  });

  it("turns tiny constants (the ε's) into 0 and drops a unary minus", () => {
    const source = "export const h = (p: number): number => -Math.log(p + 1e-12);";
    expect(summary(generateMutants(source))).toEqual([
      "1:41 - →  arithmetic",
      "1:47 log → log1p math",
      "1:53 + → - arithmetic",
      "1:55 1e-12 → 0 literal",
    ]);
  });

  it("leaves types, error messages and string concatenation alone", () => {
    const source = [
      "type Pair = [0, 1];",
      "export function k(n: number, name: string): string {",
      '  if (n < 0) throw new Error("negative: " + n + " at " + (n - 1));',
      '  return name + "!";',
      "}",
    ].join("\n");
    expect(summary(generateMutants(source))).toEqual(["3:9 < → <= comparison", "3:9 < → >= comparison", "3:11 0 → 1 literal"]);
  });

  it("marks mutants equivalent by a comment on their line or the line above, for one mutation or the whole line", () => {
    const source = [
      "export function r(a: number[]): number {",
      "  // mutant-equivalent(< → <=): a[a.length] is undefined, and max ignores NaN here",
      "  for (let i = 0; i < a.length; i++) a[i] = a[i]! * 2;",
      "  return a[0]! + 1; // mutant-equivalent: the tests never read this",
      "}",
    ].join("\n");
    const mutants = generateMutants(source);
    const marked = mutants.filter((m) => m.equivalent !== null).map((m) => `${m.line} ${m.original}→${m.mutated}`);
    expect(marked).toEqual(["3 <→<=", "4 0→1", "4 +→-", "4 1→0"]);
    expect(mutants.find((m) => m.line === 3 && m.mutated === "<=")!.equivalent).toBe("a[a.length] is undefined, and max ignores NaN here");
    expect(equivalenceMarks(source).map((m) => m.line)).toEqual([2, 4]);
  });

  it("reports a source that does not parse with line:column instead of returning mutants", () => {
    expect(() => generateMutants("export function f( {\n  return 1;\n}", "x/solution.ts")).toThrow(/^x\/solution\.ts:\d+:\d+: /);
  });

  it("never yields the same mutated source twice", () => {
    const source = "export const s = (x: number[]): number => x[0]! - x[1]! - 0;";
    const mutants = generateMutants(source);
    expect(new Set(mutants.map((m) => m.source)).size).toBe(mutants.length);
  });
});

describe("sampleMutants", () => {
  const many = generateMutants(Array.from({ length: 40 }, (_, i) => `export const v${i} = (x: number): number => x * ${i + 2};`).join("\n"));

  it("spreads a budget evenly over the file, deterministically", () => {
    const sample = sampleMutants(many, 10);
    expect(sample).toHaveLength(10);
    expect(sampleMutants(many, 10)).toEqual(sample);
    expect(sample[0]!.line).toBe(1);
    expect(sample.at(-1)!.line).toBeGreaterThan(35);
  });

  it("keeps every mutant when the budget covers them", () => {
    expect(sampleMutants(many, many.length + 5)).toHaveLength(many.length);
  });
});
