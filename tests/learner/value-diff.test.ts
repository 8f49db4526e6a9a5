// The expected/got highlighting of the results view, on renderings made by the grader's own formatter.
import { describe, expect, it } from "vitest";
import { formatValue } from "@/grader/format";
import { compareRenderings, tokenize } from "@/lib/value-diff";

const tolerance = { default: { rtol: 1e-4, atol: 1e-5 }, outputs: {} };
const wrongOf = (segments: { text: string; wrong: boolean }[]) => segments.filter((s) => s.wrong).map((s) => s.text);

describe("compareRenderings", () => {
  it("marks exactly the numbers outside the tolerance, on both sides", () => {
    const result = compareRenderings(formatValue([1, 2.5, 3]), formatValue([1, 5, 3.0000001]), tolerance);
    expect(result.aligned).toBe(true);
    expect(result.wrongCount).toBe(1);
    expect(wrongOf(result.expected)).toEqual(["2.5"]);
    expect(wrongOf(result.got)).toEqual(["5"]);
  });

  it("lines up elided arrays and object keys, and uses the per-output tolerance", () => {
    const expected = { w: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], b: 1 };
    const got = { w: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.9], b: 1.05 };
    const loose = { default: tolerance.default, outputs: { b: { rtol: 0.1, atol: 0 } } };
    const result = compareRenderings(formatValue(expected), formatValue(got), loose);
    expect(result.aligned).toBe(true);
    expect(wrongOf(result.got)).toEqual(["0.9"]);
    expect(compareRenderings(formatValue(expected), formatValue(got), tolerance).wrongCount).toBe(2);
  });

  it("treats NaN and Infinity as numbers that must match", () => {
    const result = compareRenderings(formatValue([1, Infinity]), formatValue([Number.NaN, Infinity]), tolerance);
    expect(wrongOf(result.got)).toEqual(["NaN"]);
  });

  it("marks the whole output when the shapes differ", () => {
    const result = compareRenderings(formatValue([[1, 2]]), formatValue([1, 2]), tolerance);
    expect(result.aligned).toBe(false);
    expect(result.got).toEqual([{ text: "[1, 2]", wrong: true }]);
  });

  it("does not read digits inside identifiers as numbers", () => {
    expect(tokenize("{ dW1: [2], b2: -3e-7 }").filter((t) => t.kind === "number").map((t) => t.text)).toEqual(["2", "-3e-7"]);
  });
});
