// The type checker reports parse errors too: before, semantic diagnostics alone called a file that does not parse
// free of errors ("No type errors." for `1 / (1 + Math.exp(-z);`).
import { describe, expect, it } from "vitest";
import { checkTypes } from "../../grader/typecheck";

describe("checkTypes", () => {
  it("reports a syntax error with its line:column", () => {
    const warnings = checkTypes("export function sigmoid(z: number): number {\n  return 1 / (1 + Math.exp(-z);\n}\n");
    expect(warnings).toContainEqual({ message: "')' expected.", location: { line: 2, column: 31 }, code: 1005 });
  });
});
