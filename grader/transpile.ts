/**
 * TypeScript → JavaScript for one submission. The authority is esbuild's `build` (not `transform` alone, which
 * silently turns `import` into `require()`): the file is bundled from stdin with a plugin that rejects every import
 * and require, so a submission is exactly one self-contained file. The exercise's function is exported under a
 * fixed name whether the learner wrote `export function f` or a top-level `function f`.
 *
 * A source that cannot reach another module takes `transform` first (`transformSimple`): for it, `build`'s module
 * is `transform`'s plus a comment naming the file, so `transform` gives it for ~0.7 ms of CPU (both processes)
 * instead of ~1.2. Wherever the two could differ, that path gives way to `build`: the module, its line map and
 * every compile error are `build`'s.
 */
import { build, transform, type Message, type Plugin } from "esbuild";
import type { Lang } from "../exercises/schema";
import { entryExportName, moduleGlobalName, submissionFilename } from "./harness";
import { messages } from "./messages";
import type { CompileError } from "./report";
import { LineMap } from "./sourcemap";
import { sourceTooLarge } from "./transpile-limits";

export interface TranspileRequest {
  source: string;
  functionName: string;
  params: readonly string[];
  lang: Lang;
  maxSourceBytes: number;
}

export type TranspileResult =
  | { ok: true; code: string; lineMap: LineMap }
  | { ok: false; errors: CompileError[] };

const learnerFilename = "submission.ts";

function rejectImports(lang: Lang): Plugin {
  return {
    name: "lacuna-reject-imports",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, (args) => ({
        errors: [{ text: messages[lang].importRejected(args.path) }],
      }));
    },
  };
}

function lineText(source: string, line: number): string | null {
  return source.split("\n")[line - 1]?.replace(/\r$/, "") ?? null;
}

/**
 * esbuild counts columns in UTF-8 bytes; editors (CodeMirror, VS Code) and TypeScript count UTF-16 code
 * units. 0-based byte column in, 1-based UTF-16 column out.
 */
export function utf16Column(text: string, byteColumn: number): number {
  const bytes = Buffer.from(text, "utf8");
  return new TextDecoder().decode(bytes.subarray(0, Math.min(byteColumn, bytes.length))).length + 1;
}

/** Where `pattern` first matches in the learner's file, outside comments and strings as far as a regex can tell. */
function findConstruct(source: string, pattern: RegExp): { line: number; column: number } | null {
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const code = lines[i]!.replace(/\/\/.*$/, "");
    const match = pattern.exec(code);
    if (match) return { line: i + 1, column: match.index + 1 };
  }
  return null;
}

/** esbuild messages that name its own machinery (the "iife" format, CommonJS globals), said in the learner's terms. */
function learnerMessage(text: string, request: TranspileRequest): string {
  const say = messages[request.lang];
  if (/top-level await/i.test(text)) return say.topLevelAwait(request.functionName);
  const commonJs = /The CommonJS "(module|exports)" variable/.exec(text);
  if (commonJs) return say.commonJsExport(commonJs[1] === "module" ? "module.exports" : "exports", request.functionName, request.params);
  return say.parseError(text);
}

/** Whether esbuild placed `message` in the export line the grader appends after the learner's last line. */
function inAppendedExport(message: Message, source: string): boolean {
  return message.location !== null && message.location.line > source.split("\n").length;
}

function toCompileError(message: Message, source: string, request: TranspileRequest): CompileError {
  const location = message.location;
  if (inAppendedExport(message, source)) {
    // The error is in the export line the grader appends: the function the exercise needs is not declared.
    return { message: messages[request.lang].missingFunction(request.functionName, request.params), location: null, lineText: null };
  }
  const text = learnerMessage(message.text, request);
  if (!location) return { message: text, location: null, lineText: null };
  const line = lineText(source, location.line);
  return {
    message: text,
    location: { line: location.line, column: line === null ? location.column + 1 : utf16Column(line, location.column) },
    lineText: line,
  };
}

/**
 * Compiled code by request, most recently used last. A learner who presses Run and then Submit, a class
 * submitting the starter or the same fix, and every misconception file compile once per worker. Only
 * successes are kept (an error's message and location are cheap to recompute and rare); the result is
 * immutable (the code string and a read-only LineMap), so sharing it between submissions shares nothing
 * they could change.
 */
const compiledCache = new Map<string, Extract<TranspileResult, { ok: true }>>();
/**
 * Entries and characters kept: the keys (each holds its source) and the code both count. The characters bound the
 * memory; the entries only the Map's bookkeeping, and at 512 they were the tighter bound: the catalogue's 828
 * solution and misconception sources (a few KB each) went round an LRU that held 512, so every one missed.
 */
const compiledCacheLimit = { entries: 4096, chars: 8_000_000 };
let compiledCacheChars = 0;

/**
 * The request as one string (JSON has no raw NUL, so the separator is unambiguous): the Map hashes it on lookup,
 * which costs a few µs where a SHA-256 digest of it cost ~40.
 */
function cacheKey(request: TranspileRequest): string {
  return `${JSON.stringify([request.functionName, request.params, request.lang, request.maxSourceBytes])}\0${request.source}`;
}

export async function transpileSubmission(request: TranspileRequest): Promise<TranspileResult> {
  const key = cacheKey(request);
  const cached = compiledCache.get(key);
  if (cached) {
    compiledCache.delete(key);
    compiledCache.set(key, cached);
    return cached;
  }
  const result = await transpileUncached(request);
  if (result.ok) {
    compiledCache.set(key, result);
    compiledCacheChars += key.length + result.code.length;
    while (compiledCache.size > compiledCacheLimit.entries || compiledCacheChars > compiledCacheLimit.chars) {
      const oldest = compiledCache.keys().next().value as string;
      compiledCacheChars -= oldest.length + compiledCache.get(oldest)!.code.length;
      compiledCache.delete(oldest);
    }
  }
  return result;
}

/** esbuild's parse errors in `source` alone (located in it: an unclosed block is reported at its end), or none. */
async function syntaxErrorsOf(source: string): Promise<Message[]> {
  try {
    await transform(source, { loader: "ts", logLevel: "silent" });
    return [];
  } catch (error) {
    const failure = error as { errors?: Message[] };
    return Array.isArray(failure.errors) ? failure.errors : [];
  }
}

/** The module esbuild compiled, as the sandbox loads it: the wrapper stays on the first line, so line numbers and the map stay valid. */
function compiledModule(js: string, sourceMap: string): Extract<TranspileResult, { ok: true }> {
  const mappings = (JSON.parse(sourceMap) as { mappings: string }).mappings;
  return { ok: true, code: `try { ${js}\n} catch (error) { __lacuna.moduleFailed(error); }\n`, lineMap: new LineMap(mappings) };
}

/** The learner's file with the export line the grader appends (a newline first: the last line may be a // comment). */
function withEntryExport(request: TranspileRequest): string {
  return `${request.source}\nexport { ${request.functionName} as ${entryExportName} };\n`;
}

/**
 * Words after which only bundling can tell what a source does: an import, a re-export or a require (which the
 * bundler's plugin rejects), CommonJS's `module` and `exports` (which it warns about), `export =`. Anywhere, even
 * in a comment or a string: such a source merely takes `build`.
 */
const needsBundler = /\b(?:import|require|module|exports)\b|\bfrom\s*["'`]|\bexport\s*=/;

/**
 * A top-level `const`, `let` or `class` in esbuild's output (its statements sit at two spaces inside the iife):
 * `build` hoists those to `var`, so a module that reads one before its line has run gets `undefined` from `build`
 * and a ReferenceError from `transform`. (A line inside a template string can only send a source to `build`.)
 */
const blockScopedAtTopLevel = /^ {2}(?:const|let|class)\b/m;

/**
 * `transform` for a source that cannot reach another module: the module `build` would give, without the bundler's
 * file comment. Null when a word needs the bundler, esbuild reports an error or a warning, or the module declares
 * a top-level `const`, `let` or `class`: `build` then answers. A function the file does not declare compiles the
 * same way on both paths, and the sandbox reports it missing when it binds the export.
 */
export async function transformSimple(request: TranspileRequest): Promise<Extract<TranspileResult, { ok: true }> | null> {
  if (needsBundler.test(request.source)) return null;
  try {
    const result = await transform(withEntryExport(request), {
      loader: "ts",
      sourcefile: learnerFilename,
      format: "iife",
      globalName: moduleGlobalName,
      platform: "neutral",
      target: "es2022",
      sourcemap: "external",
      sourcesContent: false,
      logLevel: "silent",
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    });
    if (result.warnings.length > 0 || blockScopedAtTopLevel.test(result.code)) return null;
    return compiledModule(result.code, result.map);
  } catch {
    return null;
  }
}

async function transpileUncached(request: TranspileRequest): Promise<TranspileResult> {
  const tooLarge = sourceTooLarge(request.source, request.maxSourceBytes, request.lang);
  if (tooLarge) return { ok: false, errors: [tooLarge] };
  return (await transformSimple(request)) ?? (await transpileWithBuild(request));
}

/** The authoritative path: esbuild's `build`, which rejects imports and reports every compile error. */
export async function transpileWithBuild(request: TranspileRequest): Promise<TranspileResult> {
  const source = request.source;
  const contents = withEntryExport(request);
  try {
    const result = await build({
      stdin: { contents, loader: "ts", sourcefile: learnerFilename, resolveDir: "/" },
      bundle: true,
      write: false,
      format: "iife",
      globalName: moduleGlobalName,
      platform: "neutral",
      target: "es2022",
      outfile: submissionFilename,
      sourcemap: "external",
      sourcesContent: false,
      logLevel: "silent",
      // Keeps unused imports, so every import reaches the plugin and is rejected rather than silently dropped.
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
      plugins: [rejectImports(request.lang)],
    });
    // The sandbox has no `module` or `exports`: CommonJS exports would fail only when the code runs.
    const commonJs = result.warnings.filter((w) => /The CommonJS "(module|exports)" variable/.test(w.text));
    if (commonJs.length > 0) return { ok: false, errors: commonJs.map((m) => toCompileError(m, source, request)) };
    const js = result.outputFiles.find((f) => f.path.endsWith(".js"));
    const map = result.outputFiles.find((f) => f.path.endsWith(".map"));
    if (!js || !map) throw new Error("esbuild produced no output");
    // `export =` compiles to an assignment to a CommonJS module object the bundle does not have.
    if (/\bsubmission_module\b/.test(js.text) && !source.includes("submission_module")) {
      const location = findConstruct(source, /\bexport\s*=(?!=)/);
      const message = messages[request.lang].commonJsExport("export =", request.functionName, request.params);
      return { ok: false, errors: [{ message, location, lineText: location && lineText(source, location.line) }] };
    }
    return compiledModule(js.text, map.text);
  } catch (error) {
    const failure = error as { errors?: Message[] };
    if (!Array.isArray(failure.errors)) throw error;
    if (failure.errors.some((m) => inAppendedExport(m, source))) {
      // An error in the export line the grader appends: either the function is missing, or the learner's own code
      // runs on past its end (a missing "}" or a closing quote) and swallowed that line. The source alone tells.
      const own = await syntaxErrorsOf(source);
      if (own.length > 0) return { ok: false, errors: own.map((m) => toCompileError(m, source, request)) };
    }
    return { ok: false, errors: failure.errors.map((m) => toCompileError(m, source, request)) };
  }
}
