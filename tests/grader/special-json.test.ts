import { describe, expect, it } from "vitest";
import { decodeSpecialJson, encodeSpecialJson, Unrepresentable } from "../../grader/special-json";

describe("special JSON", () => {
  it("round-trips NaN, ±Infinity and -0", () => {
    const decoded = decodeSpecialJson(encodeSpecialJson({ a: [NaN, Infinity, -Infinity, -0, 1.5] })) as { a: number[] };
    expect(decoded.a[0]).toBeNaN();
    expect(decoded.a.slice(1, 3)).toEqual([Infinity, -Infinity]);
    expect(Object.is(decoded.a[3], -0)).toBe(true);
    expect(decoded.a[4]).toBe(1.5);
  });

  it("keeps a learner's own $lacuna key from passing for a tag", () => {
    const decoded = decodeSpecialJson(encodeSpecialJson({ $lacuna: "NaN" }));
    expect(decoded).toEqual({ $lacuna: "NaN" });
  });

  it("drops keys that could reach a prototype", () => {
    const decoded = decodeSpecialJson('{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},"ok":2}') as Record<string, unknown>;
    expect(Object.keys(decoded)).toEqual(["ok"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
  });

  it("decodes values JSON cannot hold as named tags", () => {
    expect(decodeSpecialJson('{"$lacuna":"undefined"}')).toEqual(new Unrepresentable("undefined"));
  });
});
