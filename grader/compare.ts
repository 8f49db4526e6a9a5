/**
 * Compares a learner's output with the expected output: shapes first (named by output key), then element by
 * element with numpy's allclose rule |got − expected| ≤ atol + rtol·|expected|, plus the rules plain
 * arithmetic gets wrong: NaN matches only NaN (where NaN is expected), ±Infinity matches only itself, and
 * -0 equals 0. Reports the largest absolute and relative errors and the index of the worst element;
 * gradient outputs also get a relative error per parameter.
 */
import type { ExerciseMeta, Lang, Tolerance } from "../exercises/schema";
import { messages, type CompareMessages } from "./messages";
import type { ShapeProblem } from "./report";
import { Unrepresentable } from "./special-json";

export interface ComparisonSettings {
  tolerance: ExerciseMeta["tolerance"];
  gradientOutputs: readonly string[];
  /** The language of the problems' messages (default en). */
  lang?: Lang;
}

export interface Comparison {
  passed: boolean;
  problems: ShapeProblem[];
  maxAbsError: number | null;
  maxRelError: number | null;
  worstIndex: string | null;
  gradients: { output: string; relativeError: number | null }[];
}

type Shape = number[] | "ragged" | "not-numeric";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Unrepresentable);
}

/** The name of a value's type in a problem message ("a string", "数组"). */
export function describeType(value: unknown, text: CompareMessages = messages.en.compare): string {
  if (value instanceof Unrepresentable) return text.type(value.kind);
  if (value === null) return text.type("null");
  if (Array.isArray(value)) return text.type("array");
  if (typeof value === "object") return text.type("object");
  return text.type(typeof value);
}

/** The shape of a rectangular nested array of numbers; a bare number has shape []. */
export function shapeOf(value: unknown): Shape {
  const candidate = firstElementsShape(value);
  return candidate && fitsShape(value, candidate, 0) ? candidate : shapeOfIrregular(value);
}

/** The lengths met going down the first elements to a number (or an empty array); null if the walk meets neither. */
function firstElementsShape(value: unknown): number[] | null {
  const shape: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) return shape;
    v = v[0];
  }
  return typeof v === "number" ? shape : null;
}

/** Whether `value` is a rectangular array of numbers of exactly `shape` (from dimension `depth` on). */
function fitsShape(value: unknown, shape: number[], depth: number): boolean {
  if (depth === shape.length) return typeof value === "number";
  if (!Array.isArray(value) || value.length !== shape[depth]) return false;
  for (let i = 0; i < value.length; i++) if (!fitsShape(value[i], shape, depth + 1)) return false;
  return true;
}

/**
 * shapeOf for what is not a rectangular numeric array (told "ragged" from "not-numeric" in the order a reader
 * meets them); a regular array never gets here, so the per-element allocations below stay off the common path.
 */
function shapeOfIrregular(value: unknown): Shape {
  if (typeof value === "number") return [];
  if (!Array.isArray(value)) return "not-numeric";
  if (value.length === 0) return [0];
  const inner = shapeOfIrregular(value[0]);
  if (inner === "not-numeric" || inner === "ragged") return inner;
  for (let i = 1; i < value.length; i++) {
    const other = shapeOfIrregular(value[i]);
    if (other === "not-numeric") return other;
    if (other === "ragged" || other.length !== inner.length || other.some((d, k) => d !== inner[k])) return "ragged";
  }
  return [value.length, ...inner];
}

function formatShape(shape: Shape, text: CompareMessages): string {
  return Array.isArray(shape) ? `[${shape.join(", ")}]` : shape === "ragged" ? text.ragged : text.notNumeric;
}

function indexPath(prefix: string, flatIndex: number, shape: number[]): string {
  const indices: number[] = [];
  let rest = flatIndex;
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d] ?? 1;
    indices.unshift(rest % size);
    rest = Math.floor(rest / size);
  }
  return prefix + indices.map((i) => `[${i}]`).join("");
}

interface Accumulator {
  passed: boolean;
  problems: ShapeProblem[];
  maxAbs: number | null;
  maxRel: number | null;
  worstViolation: number;
  worstIndex: string | null;
  text: CompareMessages;
}

/** The allclose rule for one element, with NaN, ±Infinity and -0 handled as the header says. */
function withinTolerance(expected: number, got: number, tol: Tolerance): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(got);
  if (!Number.isFinite(expected)) return got === expected;
  if (!Number.isFinite(got)) return false;
  return Math.abs(got - expected) <= tol.atol + tol.rtol * Math.abs(expected);
}

/**
 * Calls `visit(e, g, flatIndex)` for each element of two nested arrays of the same rectangular shape (or two
 * numbers), in row-major order, until it returns false; false if it did. Walks in step, so no flat copy is made.
 */
function eachElement(expected: unknown, got: unknown, visit: (e: number, g: number, flatIndex: number) => boolean, start = { index: 0 }): boolean {
  if (!Array.isArray(expected)) return visit(expected as number, got as number, start.index++);
  const g = got as unknown[];
  for (let i = 0; i < expected.length; i++) if (!eachElement(expected[i], g[i], visit, start)) return false;
  return true;
}

/** withinTolerance's verdict, with the error it rests on (none where either value is not finite). */
function elementMatches(expected: number, got: number, tol: Tolerance): { ok: boolean; abs: number | null; violation: number } {
  const ok = withinTolerance(expected, got, tol);
  if (!Number.isFinite(expected) || !Number.isFinite(got)) return { ok, abs: null, violation: ok ? 0 : Infinity };
  const abs = Math.abs(got - expected);
  const allowed = tol.atol + tol.rtol * Math.abs(expected);
  return { ok, abs, violation: abs === 0 ? 0 : allowed === 0 ? Infinity : abs / allowed };
}

function compareTensor(label: string, expected: unknown, got: unknown, tol: Tolerance, acc: Accumulator): void {
  const expectedShape = shapeOf(expected);
  const gotShape = shapeOf(got);
  const text = acc.text;
  const name = label || text.output;
  if (expectedShape === "not-numeric" || expectedShape === "ragged") {
    compareStructured(label, expected, got, tol, acc);
    return;
  }
  if (!Array.isArray(gotShape)) {
    acc.passed = false;
    acc.problems.push({
      output: label,
      message:
        gotShape === "ragged" || Array.isArray(got)
          ? text.shape(name, formatShape(expectedShape, text), formatShape(gotShape, text))
          : expectedShape.length === 0
            ? text.expectedNumber(name, describeType(got, text))
            : text.expectedArray(name, formatShape(expectedShape, text), describeType(got, text)),
    });
    return;
  }
  if (gotShape.length !== expectedShape.length || gotShape.some((d, i) => d !== expectedShape[i])) {
    acc.passed = false;
    acc.problems.push({ output: label, message: text.shape(name, formatShape(expectedShape, text), formatShape(gotShape, text)) });
    return;
  }
  eachElement(expected, got, (ev, gv, i) => {
    const m = elementMatches(ev, gv, tol);
    if (!m.ok) acc.passed = false;
    if (m.abs !== null) {
      acc.maxAbs = Math.max(acc.maxAbs ?? 0, m.abs);
      if (ev !== 0) acc.maxRel = Math.max(acc.maxRel ?? 0, m.abs / Math.abs(ev));
    }
    if (!m.ok && m.violation > acc.worstViolation) {
      acc.worstViolation = m.violation;
      acc.worstIndex = indexPath(label, i, expectedShape);
    }
    return true;
  });
}

/** Values that are not numeric tensors: objects, booleans, strings, lists of mixed things. */
function compareStructured(label: string, expected: unknown, got: unknown, tol: Tolerance, acc: Accumulator): void {
  const text = acc.text;
  const name = label || text.output;
  if (isPlainObject(expected)) {
    if (!isPlainObject(got)) {
      acc.passed = false;
      acc.problems.push({ output: label, message: text.expectedObject(name, Object.keys(expected).join(", "), describeType(got, text)) });
      return;
    }
    for (const key of Object.keys(expected)) {
      const path = label ? `${label}.${key}` : key;
      if (!(key in got)) {
        acc.passed = false;
        acc.problems.push({ output: path, message: text.missingOutput(path) });
        continue;
      }
      compareTensor(path, expected[key], got[key], tol, acc);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(got) || got.length !== expected.length) {
      acc.passed = false;
      acc.problems.push({ output: label, message: text.expectedList(name, expected.length, Array.isArray(got) ? text.listOf(got.length) : describeType(got, text)) });
      return;
    }
    expected.forEach((item, i) => compareTensor(`${label}[${i}]`, item, got[i], tol, acc));
    return;
  }
  if (typeof expected === "number") {
    compareTensor(label, expected, got, tol, acc);
    return;
  }
  if (expected !== got) {
    acc.passed = false;
    const gotText = got instanceof Unrepresentable ? text.type(got.kind) : (JSON.stringify(got) ?? describeType(got, text));
    acc.problems.push({ output: label, message: text.expectedValue(name, JSON.stringify(expected), gotText) });
  }
}

/** ‖got − expected‖₂ / (‖got‖₂ + ‖expected‖₂), the usual gradient-check measure; 0 when both are zero. */
export function gradientRelativeError(expected: unknown, got: unknown): number | null {
  const es = shapeOf(expected);
  const gs = shapeOf(got);
  if (!Array.isArray(es) || !Array.isArray(gs) || es.join() !== gs.join()) return null;
  let diff = 0;
  let ne = 0;
  let ng = 0;
  const finite = eachElement(expected, got, (ev, gv) => {
    if (!Number.isFinite(ev) || !Number.isFinite(gv)) return false;
    diff += (gv - ev) ** 2;
    ne += ev ** 2;
    ng += gv ** 2;
    return true;
  });
  if (!finite) return null;
  const denominator = Math.sqrt(ne) + Math.sqrt(ng);
  return denominator === 0 ? 0 : Math.sqrt(diff) / denominator;
}

export function toleranceFor(settings: ComparisonSettings, outputKey: string): Tolerance {
  return settings.tolerance.outputs[outputKey] ?? settings.tolerance.default;
}

export function compareOutputs(expected: unknown, got: unknown, settings: ComparisonSettings): Comparison {
  const text = messages[settings.lang ?? "en"].compare;
  const acc: Accumulator = { passed: true, problems: [], maxAbs: null, maxRel: null, worstViolation: 0, worstIndex: null, text };
  if (isPlainObject(expected)) {
    if (!isPlainObject(got)) {
      acc.passed = false;
      acc.problems.push({ output: "", message: text.expectedObject(null, Object.keys(expected).join(", "), describeType(got, text)) });
    } else {
      for (const key of Object.keys(expected)) {
        if (!Object.prototype.hasOwnProperty.call(got, key)) {
          acc.passed = false;
          acc.problems.push({ output: key, message: text.missingOutput(key) });
          continue;
        }
        compareTensor(key, expected[key], got[key], toleranceFor(settings, key), acc);
      }
    }
  } else {
    compareTensor("", expected, got, settings.tolerance.default, acc);
  }
  const gradients =
    isPlainObject(expected) && isPlainObject(got)
      ? settings.gradientOutputs
          .filter((key) => key in expected)
          .map((key) => ({ output: key, relativeError: gradientRelativeError(expected[key], got[key]) }))
      : [];
  return {
    passed: acc.passed,
    problems: acc.problems,
    maxAbsError: acc.maxAbs,
    maxRelError: acc.maxRel,
    worstIndex: acc.passed ? null : acc.worstIndex,
    gradients,
  };
}

/**
 * compareTensor's verdict alone. Once `expected` is known to be a rectangular numeric array, `got` has its shape
 * exactly when it has a number wherever `expected` has one and an array of the same length wherever `expected` has
 * an array, so one walk in step checks the shape and the elements, and the first failure ends it.
 */
function tensorMatches(expected: unknown, got: unknown, tol: Tolerance): boolean {
  const expectedShape = shapeOf(expected);
  if (expectedShape === "not-numeric" || expectedShape === "ragged") return structuredMatches(expected, got, tol);
  return elementsMatch(expected, got, tol);
}

function elementsMatch(expected: unknown, got: unknown, tol: Tolerance): boolean {
  if (typeof expected === "number") return typeof got === "number" && withinTolerance(expected, got, tol);
  const e = expected as unknown[];
  if (!Array.isArray(got) || got.length !== e.length) return false;
  for (let i = 0; i < e.length; i++) if (!elementsMatch(e[i], got[i], tol)) return false;
  return true;
}

function structuredMatches(expected: unknown, got: unknown, tol: Tolerance): boolean {
  if (isPlainObject(expected)) return isPlainObject(got) && Object.keys(expected).every((key) => key in got && tensorMatches(expected[key], got[key], tol));
  if (Array.isArray(expected)) return Array.isArray(got) && got.length === expected.length && expected.every((item, i) => tensorMatches(item, got[i], tol));
  if (typeof expected === "number") return tensorMatches(expected, got, tol);
  return expected === got;
}

/**
 * Exactly `compareOutputs(expected, got, settings).passed`, without the errors, the worst index, the gradients or
 * any message: it stops at the first shape or element that fails. The diagnosis asks it of every misconception on
 * every case of a failing submission, where only the verdict matters.
 */
export function outputsMatch(expected: unknown, got: unknown, settings: ComparisonSettings): boolean {
  if (!isPlainObject(expected)) return tensorMatches(expected, got, settings.tolerance.default);
  if (!isPlainObject(got)) return false;
  return Object.keys(expected).every((key) => Object.prototype.hasOwnProperty.call(got, key) && tensorMatches(expected[key], got[key], toleranceFor(settings, key)));
}
