/**
 * The code that runs inside each isolate before the learner's code. It captures the built-ins it needs
 * first, so a learner who redefines JSON, Math, Array.prototype or Float64Array cannot change how results
 * are read, and it serialises the learner's result to a string INSIDE the timed call: the host only ever
 * receives strings, so a getter, a Proxy or a huge value cannot hang or touch the host. Console output is
 * buffered inside the isolate (no host callback is ever passed in) and capped.
 *
 * The script's value is the host's entry to the harness, `host(op, …)` (ops "bind", "case" and "console"), which
 * the host holds as a Reference and no global names: a submission cannot reach it, so it cannot run a case or
 * reset a hidden case's muting. The one global it leaves, frozen and non-configurable, is `__lacuna` with
 * `moduleFailed`, which the transpiled module calls when its top-level code throws.
 *
 * Every function is a parenthesised function expression (`var ser = (function ser(…) {…});`): V8 compiles
 * those eagerly, so they are in the code cache run-isolate.ts compiles each isolate's harness from. As plain
 * declarations they were compiled lazily again in every fresh isolate on their first call (~0.15 ms of a
 * small submission's 8 cases).
 */
export interface HarnessOptions {
  outputChars: number;
  consoleChars: number;
}

export const harnessFilename = "lacuna-harness.js";
export const submissionFilename = "submission.js";
/** The global name esbuild gives the learner's module (see ./transpile.ts). */
export const moduleGlobalName = "__lacunaModule";
/** The export name the transpiler adds for the exercise's function. */
export const entryExportName = "__lacunaEntry";

export function harnessSource(options: HarnessOptions): string {
  return `(function installLacunaHarness(global) {
  "use strict";
  var jsonStringify = JSON.stringify, jsonParse = JSON.parse, isArray = Array.isArray, objectKeys = Object.keys;
  var isView = ArrayBuffer.isView, defineProperty = Object.defineProperty, freeze = Object.freeze;
  var reflectApply = Reflect.apply, stringSlice = String.prototype.slice, stringIndexOf = String.prototype.indexOf;
  var TAG = "$lacuna", MAX_DEPTH = 64, OUTPUT_CHARS = ${options.outputChars | 0}, CONSOLE_CHARS = ${options.consoleChars | 0};
  var TOO_LARGE = {}, TOO_DEEP = {};
  var written = 0, limit = OUTPUT_CHARS, readable = false;
  var consoleText = "", consoleTruncated = false, consoleMuted = false, entry;

  var slice = (function slice(s, a, b) { return reflectApply(stringSlice, s, [a, b]); });
  var tag = (function tag(name) { return '{"' + TAG + '":"' + name + '"}'; });
  var emit = (function emit(s) { written += s.length; if (written > limit) throw TOO_LARGE; return s; });
  var num = (function num(v) {
    if (v !== v) return readable ? "NaN" : tag("NaN");
    if (v === 1 / 0) return readable ? "Infinity" : tag("Infinity");
    if (v === -1 / 0) return readable ? "-Infinity" : tag("-Infinity");
    if (v === 0 && 1 / v < 0) return readable ? "-0" : tag("-0");
    return "" + v;
  });
  var ser = (function ser(v, depth) {
    switch (typeof v) {
      case "number": return emit(num(v));
      case "string": return emit(jsonStringify(v));
      case "boolean": return emit(v ? "true" : "false");
      case "undefined": return emit(readable ? "undefined" : tag("undefined"));
      case "bigint": return emit(readable ? "" + v + "n" : tag("bigint"));
      case "symbol": return emit(readable ? "Symbol()" : tag("symbol"));
      case "function": return emit(readable ? "[function]" : tag("function"));
    }
    if (v === null) return emit("null");
    if (depth > MAX_DEPTH) throw TOO_DEEP;
    var s, i, n, x, t;
    if (isArray(v) || (isView(v) && typeof v.length === "number")) {
      n = v.length; s = emit("[");
      for (i = 0; i < n; i++) {
        if (i) s += emit(",");
        x = v[i];
        // Inline for a finite number other than -0 (nearly every element an exercise returns): the same text
        // and the same limit as ser(x), without three calls per number in a fresh isolate's interpreter.
        if (typeof x === "number" && x === x && x !== 1 / 0 && x !== -1 / 0 && (x !== 0 || 1 / x > 0)) {
          t = "" + x; written += t.length; if (written > limit) throw TOO_LARGE; s += t;
        } else s += ser(x, depth + 1);
      }
      return s + emit("]");
    }
    var ks = objectKeys(v);
    s = emit("{");
    for (i = 0; i < ks.length; i++) {
      var k = ks[i];
      if (i) s += emit(",");
      s += emit(jsonStringify(!readable && k[0] === "$" ? "$" + k : k) + ":");
      s += ser(v[k], depth + 1);
    }
    return s + emit("}");
  });
  var decodeTag = (function decodeTag(t) {
    if (t === "NaN") return 0 / 0;
    if (t === "Infinity") return 1 / 0;
    if (t === "-Infinity") return -1 / 0;
    if (t === "-0") return -0;
    return undefined;
  });
  var revive = (function revive(key, value) {
    if (value === null || typeof value !== "object" || isArray(value)) return value;
    var ks = objectKeys(value);
    if (ks.length === 1 && ks[0] === TAG) return decodeTag(value[TAG]);
    var out = {}, changed = false;
    for (var i = 0; i < ks.length; i++) {
      var k = ks[i];
      if (k[0] === "$" && k[1] === "$") { changed = true; defineProperty(out, slice(k, 1), { value: value[k], enumerable: true, writable: true, configurable: true }); }
      else defineProperty(out, k, { value: value[k], enumerable: true, writable: true, configurable: true });
    }
    return changed ? out : value;
  });
  var cap = (function cap(s, n) { return s.length > n ? slice(s, 0, n) + "…" : s; });
  var describeError = (function describeError(e) {
    var name = "Error", message = "", stack = "";
    try {
      if (e !== null && (typeof e === "object" || typeof e === "function")) {
        var n = e.name, m = e.message, st = e.stack;
        if (typeof n === "string") name = n;
        if (typeof m === "string") message = m;
        if (typeof st === "string") stack = st;
      } else if (typeof e === "string") { message = e; name = "thrown string"; }
      else { readable = true; message = ser(e, 0); name = "thrown value"; }
    } catch (_) { message = "(an error whose details could not be read)"; }
    readable = false;
    return '{"name":' + jsonStringify(cap(name, 200)) + ',"message":' + jsonStringify(cap(message, 2000)) +
      ',"stack":' + jsonStringify(cap(stack, 4000)) + "}";
  });
  var formatArg = (function formatArg(a) {
    if (typeof a === "string") return a;
    var savedWritten = written, savedLimit = limit;
    written = 0; limit = 2000; readable = true;
    try { return ser(a, 0); }
    catch (e) { return e === TOO_LARGE ? "[value too large to print]" : "[value that could not be printed]"; }
    finally { written = savedWritten; limit = savedLimit; readable = false; }
  });
  var write = (function write(level, args) {
    if (consoleMuted || consoleTruncated) return;
    var line = level === "log" || level === "info" || level === "debug" ? "" : "[" + level + "] ";
    for (var i = 0; i < args.length && line.length <= CONSOLE_CHARS; i++) { if (i) line += " "; line += formatArg(args[i]); }
    line += "\\n";
    var room = CONSOLE_CHARS - consoleText.length;
    if (line.length > room) { consoleText += slice(line, 0, room); consoleTruncated = true; }
    else consoleText += line;
  });
  var consoleObject = {
    log: function () { write("log", arguments); }, info: function () { write("info", arguments); },
    debug: function () { write("debug", arguments); }, warn: function () { write("warn", arguments); },
    error: function () { write("error", arguments); }, table: function () { write("log", arguments); },
  };
  defineProperty(global, "console", { value: consoleObject, writable: true, enumerable: false, configurable: true });
  // Not needed by any exercise and each one is a known way around the memory limit or a timing channel.
  var removed = ["WebAssembly", "SharedArrayBuffer", "Atomics", "FinalizationRegistry", "WeakRef"];
  for (var r = 0; r < removed.length; r++) { try { delete global[removed[r]]; } catch (_) {} }

  var moduleError = null;
  var bind = (function bind(functionName) {
    if (moduleError !== null) return '{"ok":false,"error":' + moduleError + "}";
    try {
      var mod = global.${moduleGlobalName};
      entry = mod === null || mod === undefined ? undefined : mod.${entryExportName};
    } catch (e) { return '{"ok":false,"error":' + describeError(e) + "}"; }
    if (typeof entry !== "function") return '{"ok":false,"missing":true,"found":' + jsonStringify(typeof entry) + "}";
    return '{"ok":true}';
  });
  var runCase = (function runCase(argsJson, muted) {
    // Muting is sticky: once a hidden case has started, nothing the submission does afterwards (the promise
    // callbacks it queued, which V8 runs after this call returns, or a later call) may print.
    written = 0; limit = OUTPUT_CHARS; if (muted === true) consoleMuted = true;
    // Without '"$' the host's encoding holds no tag and no escaped key: revive would change nothing.
    var args = reflectApply(stringIndexOf, argsJson, ['"$']) < 0 ? jsonParse(argsJson) : jsonParse(argsJson, revive), value;
    try { value = reflectApply(entry, undefined, args); }
    catch (e) { return '{"ok":false,"error":' + describeError(e) + "}"; }
    try {
      if (value !== null && typeof value === "object" && typeof value.then === "function") return '{"ok":false,"promise":true}';
      return '{"ok":true,"value":' + ser(value, 0) + "}";
    } catch (e) {
      if (e === TOO_LARGE) return '{"ok":false,"tooLarge":true}';
      if (e === TOO_DEEP) return '{"ok":false,"tooDeep":true}';
      return '{"ok":false,"error":' + describeError(e) + "}";
    }
  });
  var takeConsole = (function takeConsole() {
    return '{"text":' + jsonStringify(consoleText) + ',"truncated":' + (consoleTruncated ? "true" : "false") + "}";
  });
  defineProperty(global, "__lacuna", {
    value: freeze({ moduleFailed: (function moduleFailed(e) { moduleError = describeError(e); }) }),
    writable: false, enumerable: false, configurable: false,
  });
  return (function host(op, a, b) {
    if (op === "case") return runCase(a, b);
    if (op === "bind") return bind(a);
    return takeConsole();
  });
})(globalThis);
`;
}
