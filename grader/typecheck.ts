/**
 * Type-checks a submission with the TypeScript 5.9 compiler API. Warnings only: they never stop the code
 * from running. The program is reused between checks (lib files parsed once, old program passed to
 * createProgram), so a warm check takes a few hundred milliseconds; it runs in its own process
 * (./typecheck-worker.ts) so it never slows grading.
 */
import ts from "typescript";
import type { TypeWarning } from "./report";

const submissionFile = "/lacuna/submission.ts";
const environmentFile = "/lacuna/environment.d.ts";
// The only globals a submission has besides the ES library: the harness's console.
const environment = `declare const console: { log(...data: unknown[]): void; info(...data: unknown[]): void; debug(...data: unknown[]): void; warn(...data: unknown[]): void; error(...data: unknown[]): void; table(...data: unknown[]): void };\n`;

const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ["lib.es2023.d.ts"],
  types: [],
  skipLibCheck: true,
  noResolve: true,
};

const libCache = new Map<string, ts.SourceFile>();
const baseHost = ts.createCompilerHost(options, true);
let previous: ts.Program | undefined;
let environmentSource: ts.SourceFile | undefined;

function hostFor(source: string): ts.CompilerHost {
  const submission = ts.createSourceFile(submissionFile, source, ts.ScriptTarget.ES2022, true);
  environmentSource ??= ts.createSourceFile(environmentFile, environment, ts.ScriptTarget.ES2022, true);
  const env = environmentSource;
  return {
    ...baseHost,
    fileExists: (name) => name === submissionFile || name === environmentFile || baseHost.fileExists(name),
    readFile: (name) => (name === submissionFile ? source : name === environmentFile ? environment : baseHost.readFile(name)),
    getSourceFile(name, languageVersion) {
      if (name === submissionFile) return submission;
      if (name === environmentFile) return env;
      let cached = libCache.get(name);
      if (!cached) {
        cached = baseHost.getSourceFile(name, languageVersion);
        if (cached) libCache.set(name, cached);
      }
      return cached;
    },
    writeFile: () => {},
  };
}

export function checkTypes(source: string): TypeWarning[] {
  const program = ts.createProgram({ rootNames: [submissionFile, environmentFile], options, host: hostFor(source), oldProgram: previous });
  previous = program;
  const file = program.getSourceFile(submissionFile);
  if (!file) return [];
  // Syntax first: semantic diagnostics alone would call `1 / (1 + Math.exp(-z);` free of errors.
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) => {
    const position = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
    return {
      message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      location: { line: position.line + 1, column: position.character + 1 },
      code: d.code,
    };
  });
}
