// Side-by-side expected/got for a failed case. The report carries both values as short readable renderings
// (grader/format.ts: numbers to 6 significant digits, long arrays elided the same way on both sides), so the
// two strings line up number by number when the shapes agree; each number of `got` outside the exercise's
// tolerance is marked wrong, as is the expected number it should have been.

export interface Tolerance {
  rtol: number;
  atol: number;
}

export interface ToleranceSpec {
  default: Tolerance;
  /** Per output key of an object output. */
  outputs: Record<string, Tolerance>;
}

export interface ValueSegment {
  text: string;
  /** A number that differs from its counterpart beyond the tolerance (or a whole value whose shape differs). */
  wrong: boolean;
}

export interface ValueComparison {
  expected: ValueSegment[];
  got: ValueSegment[];
  /** False when the two renderings do not line up (different shapes): the whole `got` is marked. */
  aligned: boolean;
  wrongCount: number;
}

// A number as grader/format.ts writes it, not part of an identifier such as "dW1".
const NUMBER = /(?<![\w$.])(?:-?(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|Infinity)|NaN)(?![\w$])/g;

interface Token {
  kind: "number" | "text";
  text: string;
}

export function tokenize(rendering: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of rendering.matchAll(NUMBER)) {
    const index = match.index ?? 0;
    if (index > last) tokens.push({ kind: "text", text: rendering.slice(last, index) });
    tokens.push({ kind: "number", text: match[0] });
    last = index + match[0].length;
  }
  if (last < rendering.length) tokens.push({ kind: "text", text: rendering.slice(last) });
  return tokens;
}

function parseNumber(text: string): number {
  return text === "NaN" ? Number.NaN : Number(text);
}

/** The same rule as the grader: |got − expected| ≤ atol + rtol·|expected|; non-finite values must match exactly. */
export function withinTolerance(expected: number, got: number, tol: Tolerance): boolean {
  if (!Number.isFinite(expected) || !Number.isFinite(got)) return Object.is(expected, got) || (Number.isNaN(expected) && Number.isNaN(got)) || expected === got;
  return Math.abs(got - expected) <= tol.atol + tol.rtol * Math.abs(expected);
}

/** The object key a token sits under at the top level ("w" in "{ w: [1, 2], b: 3 }"), tracked from the text. */
function keyAfter(text: string, current: string | null): string | null {
  const keys = [...text.matchAll(/([A-Za-z_$][\w$]*):\s*/g)];
  return keys.length ? keys[keys.length - 1]![1]! : current;
}

export function compareRenderings(expected: string, got: string, tolerance: ToleranceSpec): ValueComparison {
  const e = tokenize(expected);
  const g = tokenize(got);
  const aligned =
    e.length === g.length && e.every((token, i) => token.kind === g[i]!.kind && (token.kind === "number" || token.text === g[i]!.text));
  if (!aligned) {
    return { expected: [{ text: expected, wrong: false }], got: [{ text: got, wrong: true }], aligned: false, wrongCount: 1 };
  }
  const expectedSegments: ValueSegment[] = [];
  const gotSegments: ValueSegment[] = [];
  let key: string | null = null;
  let wrongCount = 0;
  e.forEach((token, i) => {
    const other = g[i]!;
    if (token.kind === "text") {
      key = keyAfter(token.text, key);
      expectedSegments.push({ text: token.text, wrong: false });
      gotSegments.push({ text: other.text, wrong: false });
      return;
    }
    const tol = (key !== null ? tolerance.outputs[key] : undefined) ?? tolerance.default;
    // Both sides are rounded to 6 significant digits, so allow that rounding on top of the tolerance.
    const expectedValue = parseNumber(token.text);
    const rounding = Number.isFinite(expectedValue) ? Math.abs(expectedValue) * 1e-5 : 0;
    const wrong = !withinTolerance(expectedValue, parseNumber(other.text), { rtol: tol.rtol, atol: tol.atol + rounding });
    if (wrong) wrongCount += 1;
    expectedSegments.push({ text: token.text, wrong });
    gotSegments.push({ text: other.text, wrong });
  });
  return { expected: expectedSegments, got: gotSegments, aligned: true, wrongCount };
}
