/**
 * JSON with the numbers plain JSON loses. NaN, ±Infinity and -0 travel as {"$lacuna": "NaN"} (and so on);
 * values JSON cannot hold at all (undefined, functions, symbols, bigints) travel as a tag the comparison
 * reports by name. Object keys starting with "$" get one more "$" so a learner's own {"$lacuna": …} can never
 * pass for a tag. The same encoding is written by the harness inside the isolate (see ./harness.ts).
 */
export const specialTag = "$lacuna";

export type UnrepresentableKind = "undefined" | "function" | "symbol" | "bigint";

/** A value the learner returned that has no JSON form; compared as a type mismatch. */
export class Unrepresentable {
  constructor(readonly kind: UnrepresentableKind) {}
  toString(): string {
    return this.kind;
  }
}

const unrepresentableKinds: readonly string[] = ["undefined", "function", "symbol", "bigint"];

function encodeNumber(value: number): unknown {
  if (Number.isNaN(value)) return { [specialTag]: "NaN" };
  if (value === Infinity) return { [specialTag]: "Infinity" };
  if (value === -Infinity) return { [specialTag]: "-Infinity" };
  if (Object.is(value, -0)) return { [specialTag]: "-0" };
  return value;
}

function toEncodable(value: unknown): unknown {
  if (typeof value === "number") return encodeNumber(value);
  if (value instanceof Unrepresentable) return { [specialTag]: value.kind };
  if (value === undefined) return { [specialTag]: "undefined" };
  if (Array.isArray(value)) return value.map(toEncodable);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (n) => encodeNumber(Number(n)));
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key.startsWith("$") ? `$${key}` : key] = toEncodable(inner);
    return out;
  }
  return value;
}

/** Host-side encoder for trusted values (case inputs, expected outputs). */
export function encodeSpecialJson(value: unknown, space?: number): string {
  return JSON.stringify(toEncodable(value), null, space);
}

function decodeTag(tag: string): unknown {
  switch (tag) {
    case "NaN":
      return NaN;
    case "Infinity":
      return Infinity;
    case "-Infinity":
      return -Infinity;
    case "-0":
      return -0;
    default:
      return unrepresentableKinds.includes(tag) ? new Unrepresentable(tag as UnrepresentableKind) : undefined;
  }
}

/**
 * Whether `text` may hold something the reviver below changes: a key or tag starting with "$", a key it
 * drops, or a \u escape (which could spell either without its plain characters). Text without any of them
 * parses to the same value with plain JSON.parse, which skips the reviver's call on every number; most
 * results (arrays and objects of finite numbers) are such text.
 */
const needsReviver = /"\$|__proto__|constructor|prototype|\\u/;

/**
 * Parses JSON written by the harness (untrusted text). Keys that could reach an object's prototype
 * ("__proto__", "constructor", "prototype") are dropped, so the parsed value is inert plain data.
 */
export function decodeSpecialJson(text: string): unknown {
  if (!needsReviver.test(text)) return JSON.parse(text);
  return JSON.parse(text, function revive(key: string, value: unknown): unknown {
    if (key === "__proto__" || key === "constructor" || key === "prototype") return undefined;
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === specialTag) {
      const tag = (value as Record<string, unknown>)[specialTag];
      if (typeof tag === "string") return decodeTag(tag);
    }
    if (!keys.some((k) => k.startsWith("$"))) return value;
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k.startsWith("$$") ? k.slice(1) : k] = (value as Record<string, unknown>)[k];
    return out;
  });
}
