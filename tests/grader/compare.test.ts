import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareOutputs, gradientRelativeError, outputsMatch, shapeOf, type ComparisonSettings } from "../../grader/compare";
import { Unrepresentable } from "../../grader/special-json";

const settings: ComparisonSettings = {
  tolerance: { default: { rtol: 1e-5, atol: 1e-8 }, outputs: { cost: { rtol: 0, atol: 0.5 } } },
  gradientOutputs: ["dw", "db"],
};

describe("compareOutputs", () => {
  it("accepts values within allclose and rejects values outside, naming the worst element", () => {
    expect(compareOutputs([[1, 2], [3, 4]], [[1, 2], [3, 4 + 1e-6]], settings).passed).toBe(true);
    const result = compareOutputs([[1, 2], [3, 4]], [[1, 2.5], [3, 4.01]], settings);
    expect(result.passed).toBe(false);
    expect(result.worstIndex).toBe("[0][1]");
    expect(result.maxAbsError).toBeCloseTo(0.5);
    expect(result.maxRelError).toBeCloseTo(0.25);
  });

  it("matches NaN only with NaN where NaN is expected", () => {
    expect(compareOutputs(NaN, NaN, settings).passed).toBe(true);
    expect(compareOutputs(NaN, 0, settings).passed).toBe(false);
    const got = compareOutputs([1, 2], [1, NaN], settings);
    expect(got.passed).toBe(false);
    expect(got.worstIndex).toBe("[1]");
  });

  it("matches ±Infinity only with the same infinity, and treats -0 as 0", () => {
    expect(compareOutputs(Infinity, Infinity, settings).passed).toBe(true);
    expect(compareOutputs(Infinity, -Infinity, settings).passed).toBe(false);
    expect(compareOutputs(-Infinity, 1e308, settings).passed).toBe(false);
    expect(compareOutputs(0, -0, settings).passed).toBe(true);
    expect(compareOutputs([-0, 0], [0, -0], settings).passed).toBe(true);
  });

  it("reports shape mismatches by output key", () => {
    const result = compareOutputs({ dw: [[1], [2], [3]], db: 1 }, { dw: [1, 2, 3], db: 1 }, settings);
    expect(result.passed).toBe(false);
    expect(result.problems).toEqual([{ output: "dw", message: "dw: expected shape [3, 1], got [3]" }]);
    const missing = compareOutputs({ dw: [1], db: 1 }, { dw: [1] }, settings);
    expect(missing.problems[0]?.message).toBe('missing output "db"');
    const ragged = compareOutputs([[1, 2], [3, 4]], [[1, 2], [3]], settings);
    expect(ragged.problems[0]?.message).toContain("ragged");
  });

  it("uses the per-output tolerance", () => {
    expect(compareOutputs({ cost: 1, dw: [1] }, { cost: 1.4, dw: [1] }, settings).passed).toBe(true);
    expect(compareOutputs({ cost: 1, dw: [1] }, { cost: 1, dw: [1.4] }, settings).passed).toBe(false);
  });

  it("reports the relative error of each gradient output", () => {
    const result = compareOutputs({ dw: [3, 4], db: 0, cost: 1 }, { dw: [3, 4], db: 0, cost: 1 }, settings);
    expect(result.gradients).toEqual([{ output: "dw", relativeError: 0 }, { output: "db", relativeError: 0 }]);
    expect(gradientRelativeError([1, 0], [-1, 0])).toBe(1);
    expect(gradientRelativeError([1, 0], [1, 0, 0])).toBeNull();
  });

  it("names the type of values that are not numbers", () => {
    expect(compareOutputs(1, new Unrepresentable("undefined"), settings).problems[0]?.message).toBe("output: expected a number, got undefined");
    expect(compareOutputs([1, 2], "x", settings).problems[0]?.message).toBe("output: expected an array of shape [2], got a string");
  });

  it("says every problem in Chinese when asked (no English words beside the output's own name)", () => {
    const zh: ComparisonSettings = { ...settings, lang: "zh" };
    const messageOf = (expected: unknown, got: unknown) => compareOutputs(expected, got, zh).problems[0]?.message ?? "";
    expect(messageOf(1, [1, 2, 3])).toBe("输出：期望形状 []，得到 [3]");
    expect(messageOf(1, "hello")).toBe("输出：期望一个数字，得到 字符串");
    expect(messageOf([1, 2], "x")).toBe("输出：期望形状为 [2] 的数组，得到 字符串");
    expect(messageOf([[1, 2], [3, 4]], [[1, 2], [3]])).toBe("输出：期望形状 [2, 2]，得到 不规则数组（各行长度不同）");
    expect(messageOf({ dw: [1], db: 1 }, { dw: [1] })).toBe('缺少输出 "db"');
    expect(messageOf({ dw: [1], db: 1 }, 3)).toBe("期望含有键 dw, db 的对象，得到 数字");
    expect(messageOf({ pair: [1, "a"] }, { pair: [1] })).toBe("pair：期望长度为 2 的列表，得到 长度为 1 的列表");
    expect(messageOf({ flag: true }, { flag: new Unrepresentable("function") })).toBe("flag：期望 true，得到 函数");
    const english = /\b(expected|got|shape|output|missing|array|list|number|string|object)\b/;
    for (const message of [messageOf(1, [1, 2, 3]), messageOf(1, "hello"), messageOf([1], null), messageOf({ a: 1 }, [])]) {
      expect(message).not.toMatch(english);
    }
  });

  it("computes shapes of nested arrays", () => {
    expect(shapeOf([[1, 2, 3], [4, 5, 6]])).toEqual([2, 3]);
    expect(shapeOf(5)).toEqual([]);
    expect(shapeOf([])).toEqual([0]);
    expect(shapeOf([[], []])).toEqual([2, 0]);
    expect(shapeOf([[[1], [2]], [[3], [4]]])).toEqual([2, 2, 1]);
  });

  it("tells ragged from not numeric in the order a reader meets them", () => {
    expect(shapeOf([[1, 2], [3]])).toBe("ragged");
    expect(shapeOf([[1, 2], 3])).toBe("ragged");
    expect(shapeOf([[1], []])).toBe("ragged");
    expect(shapeOf([[1, 2], [3, "4"]])).toBe("not-numeric");
    expect(shapeOf([[1, 2], [3], ["x"]])).toBe("ragged");
    expect(shapeOf([["x"], [1, 2]])).toBe("not-numeric");
    expect(shapeOf([1, null])).toBe("not-numeric");
    expect(shapeOf("1")).toBe("not-numeric");
    expect(shapeOf([[], [1]])).toBe("ragged");
  });
});

describe("outputsMatch", () => {
  const special = fc.constantFrom(0, -0, 1, 1e-9, NaN, Infinity, -Infinity);
  const number = fc.oneof(special, fc.double({ min: -1e6, max: 1e6 }));
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      number,
      number,
      fc.constantFrom("relu", true, null, new Unrepresentable("function")),
      fc.array(tie("value"), { maxLength: 3 }),
      fc.array(fc.array(number, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
      fc.dictionary(fc.constantFrom("cost", "dw", "db", "x"), tie("value"), { maxKeys: 3 }),
    ),
  }));
  /** `v` with every number moved by a seeded amount: often within tolerance, sometimes far outside or non-finite. */
  function jitter(v: unknown, seed: number): unknown {
    let state = seed >>> 0;
    const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const walk = (x: unknown): unknown => {
      if (typeof x === "number") {
        const r = next();
        return r < 0.6 ? x : r < 0.8 ? x + x * 1e-7 : r < 0.9 ? x + 1 : r < 0.95 ? NaN : -x;
      }
      if (Array.isArray(x)) return next() < 0.05 ? x.slice(1).map(walk) : x.map(walk);
      if (x !== null && typeof x === "object" && !(x instanceof Unrepresentable)) {
        return Object.fromEntries(Object.entries(x).flatMap(([k, field]) => (next() < 0.05 ? [] : [[k, walk(field)]])));
      }
      return x;
    };
    return walk(v);
  }
  const pair = fc.oneof(
    fc.tuple(value, fc.integer()).map(([expected, seed]) => [expected, jitter(expected, seed)] as const),
    fc.tuple(value, value),
  );

  it("gives exactly compareOutputs' verdict, for values alike and values apart", () => {
    fc.assert(
      fc.property(pair, ([expected, got]) => {
        expect(outputsMatch(expected, got, settings)).toBe(compareOutputs(expected, got, settings).passed);
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees on the cases written out above", () => {
    expect(outputsMatch([[1, 2], [3, 4]], [[1, 2], [3, 4 + 1e-6]], settings)).toBe(true);
    expect(outputsMatch([[1, 2], [3, 4]], [[1, 2.5], [3, 4.01]], settings)).toBe(false);
    expect(outputsMatch({ cost: 1, dw: [1, 2] }, { cost: 1.4, dw: [1, 2] }, settings)).toBe(true);
    expect(outputsMatch({ cost: 1, dw: [1, 2] }, { cost: 1, dw: [1, 2, 3] }, settings)).toBe(false);
    expect(outputsMatch([NaN, Infinity, 0], [NaN, Infinity, -0], settings)).toBe(true);
    expect(outputsMatch({ cost: 1 }, { dw: 1 }, settings)).toBe(false);
  });
});
