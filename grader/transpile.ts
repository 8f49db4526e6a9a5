/**
 * TypeScript → JavaScript for one submission, with esbuild's `build` (not `transform`, which silently turns
 * `import` into `require()`): the file is bundled from stdin with a plugin that rejects every import and
 * require, so a submission is exactly one self-contained file. The exercise's function is exported under a
 * fixed name whether the learner wrote `export function f` or a top-level `function f`.
 */
import { build, type Message, type Plugin } from "esbuild";
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

function toCompileError(message: Message, source: string, request: TranspileRequest): CompileError {
  const learnerLines = source.split("\n").length;
  const location = message.location;
  if (location && location.line > learnerLines) {
    // The error is in the export line the grader appends: the function the exercise needs is not declared.
    return { message: messages[request.lang].missingFunction(request.functionName, request.params), location: null, lineText: null };
  }
  if (!location) return { message: message.text, location: null, lineText: null };
  return {
    message: message.text,
    location: { line: location.line, column: location.column + 1 },
    lineText: lineText(source, location.line),
  };
}

export async function transpileSubmission(request: TranspileRequest): Promise<TranspileResult> {
  const tooLarge = sourceTooLarge(request.source, request.maxSourceBytes, request.lang);
  if (tooLarge) return { ok: false, errors: [tooLarge] };
  const source = request.source;
  // A newline first: the learner's last line may be a // comment.
  const contents = `${source}\nexport { ${request.functionName} as ${entryExportName} };\n`;
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
    const js = result.outputFiles.find((f) => f.path.endsWith(".js"));
    const map = result.outputFiles.find((f) => f.path.endsWith(".map"));
    if (!js || !map) throw new Error("esbuild produced no output");
    const mappings = (JSON.parse(map.text) as { mappings: string }).mappings;
    // The wrapper stays on the bundle's first line, so line numbers (and the source map) stay valid.
    const code = `try { ${js.text}\n} catch (error) { __lacuna.moduleFailed(error); }\n`;
    return { ok: true, code, lineMap: new LineMap(mappings) };
  } catch (error) {
    const failure = error as { errors?: Message[] };
    if (!Array.isArray(failure.errors)) throw error;
    return { ok: false, errors: failure.errors.map((m) => toCompileError(m, source, request)) };
  }
}
