/** The diagnosis rule: a misconception is named only when its outputs predict the learner's, on finite evidence. */
import { describe, expect, it } from "vitest";
import { diagnose, wrongBeyondNonFinite, type DiagnoseInput } from "../../grader/diagnose";
import type { MisconceptionMeta } from "../../exercises/schema";

const meta = (id: string): MisconceptionMeta => ({ id, title: { zh: `误解 ${id}`, en: `misconception ${id}` }, explanation: { zh: "解释", en: "explanation" } });
const settings = { tolerance: { default: { rtol: 1e-4, atol: 1e-5 }, outputs: {} }, gradientOutputs: [] };

/** Expected outputs of four cases: case 1 is the extreme one (±1000 logits). */
const expected = [0.5, 2000, 1.25, 3];

function named(outputs: Record<string, (number | null)[]>, got: number[]): string[] {
  const input: DiagnoseInput = {
    misconceptions: Object.keys(outputs).map(meta),
    failing: got.flatMap((g, i) => (Object.is(g, expected[i]) ? [] : [{ caseIndex: i, expected: expected[i], got: g }])),
    passing: got.flatMap((g, i) => (Object.is(g, expected[i]) ? [{ caseIndex: i, got: g }] : [])),
    outputsOf: (id) => outputs[id]!,
    settings,
    lang: "en",
  };
  return diagnose(input).map((d) => d.misconceptionId);
}

describe("diagnose", () => {
  it("does not name a misconception whose only agreement is a shared Infinity, when it is wrong where the learner is right", () => {
    // The learner is right except for Infinity on the extreme case; "bce-on-one-hot" is Infinity there too,
    // but wrong on every ordinary case; "log-of-probability" predicts every output.
    const outputs = { "bce-on-one-hot": [0.9, Infinity, 2.5, 4], "log-of-probability": [0.5, Infinity, 1.25, 3] };
    expect(named(outputs, [0.5, Infinity, 1.25, 3])).toEqual(["log-of-probability"]);
  });

  it("still names a misconception that differs from the truth only by NaN, when it agrees on the finite cases", () => {
    const outputs = { "no-max-shift": [0.5, NaN, 1.25, 3], "sum-not-mean": [1, 4000, 2.5, 6] };
    expect(named(outputs, [0.5, NaN, 1.25, 3])).toEqual(["no-max-shift"]);
  });

  it("names nothing when every output is wrong and non-finite: there is no finite evidence", () => {
    const outputs = { everywhere: [Infinity, Infinity, Infinity, Infinity] };
    expect(named(outputs, [Infinity, Infinity, Infinity, Infinity])).toEqual([]);
  });

  it("names a misconception from finite wrong values as before, and not one that threw on a case", () => {
    const outputs = { "sum-not-mean": [1, 4000, 2.5, 6], throws: [1, 4000, null, 6] };
    expect(named(outputs, [1, 4000, 2.5, 6])).toEqual(["sum-not-mean"]);
  });

  it("tells a finite wrong value from a wrong value that is only non-finite", () => {
    expect(wrongBeyondNonFinite([1, 2, 3], [1, Infinity, 3], settings)).toBe(false);
    expect(wrongBeyondNonFinite([1, 2, 3], [1, NaN, 4], settings)).toBe(true);
    expect(wrongBeyondNonFinite({ dw: [1, 2], db: 0.5 }, { dw: [-Infinity, 2], db: 0.5 }, settings)).toBe(false);
    expect(wrongBeyondNonFinite({ dw: [1, 2], db: 0.5 }, { dw: [-Infinity, 2], db: 0.75 }, settings)).toBe(true);
    expect(wrongBeyondNonFinite([1, 2], [Infinity, Infinity, Infinity], settings)).toBe(true);
  });
});
