/**
 * Automatic mutants of a model solution, for the mutation gate (`lacuna check --mutants`). Each mutant is the
 * source with one small, syntactically valid change of the kinds a learner's slip produces:
 *
 *   arithmetic   + ↔ −, * ↔ /, % → *, ** → *, the compound assignments alike, and a unary minus dropped
 *   literal      a number changed: 0 → 1, 1 → 0, other integers n → n + 1, tiny constants (|x| < 1e−3, the ε's)
 *                → 0, other fractions x → x + 1
 *   comparison   < → <=, >=; <= → <, >; > → >=, <=; >= → >, <; === ↔ !==; == ↔ !=
 *   logical      && ↔ ||
 *   index        a[i] → a[i + 1]
 *   bound        a for-loop's bound moved by one (i < n → i < n − 1, i < n + 1), an `Array.from({ length: n })`
 *                → n − 1
 *   math         Math.max ↔ min, floor ↔ ceil, round → trunc, exp → expm1, log → log1p, tanh → sinh,
 *                sqrt → cbrt, Math.abs(x) → x
 *
 * Made with the TypeScript compiler API (parse only, no type checker, so a mutant costs microseconds): type
 * positions, `throw` statements (error messages) and string concatenation are left alone.
 *
 * An author marks a surviving mutant as equivalent (no input can tell it from the solution) with a comment on
 * its line or the line above: `// mutant-equivalent: reason` covers every mutant of that line,
 * `// mutant-equivalent(< → <=): reason` only those whose original and mutated text are given. A mark only
 * ever excuses mutants that survive every seed (see ./gate).
 */
import ts from "typescript";

export type MutantKind = "arithmetic" | "literal" | "comparison" | "logical" | "index" | "bound" | "math";

export interface Mutant {
  /** Stable within one source text: `line:column:kind:mutated`. */
  id: string;
  kind: MutantKind;
  /** 1-based position of the changed text in the original source. */
  line: number;
  column: number;
  /** The text replaced and the text put in its place. */
  original: string;
  mutated: string;
  /** The whole mutated source. */
  source: string;
  /** The author's reason, when a `mutant-equivalent` comment marks this mutant as equivalent. */
  equivalent: string | null;
  /** The line of that comment (one comment may cover several mutants). */
  equivalentLine: number | null;
}

interface Edit {
  kind: MutantKind;
  start: number;
  end: number;
  replacement: string;
}

const arithmeticSwaps: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
  [ts.SyntaxKind.PlusToken]: ts.SyntaxKind.MinusToken,
  [ts.SyntaxKind.MinusToken]: ts.SyntaxKind.PlusToken,
  [ts.SyntaxKind.AsteriskToken]: ts.SyntaxKind.SlashToken,
  [ts.SyntaxKind.SlashToken]: ts.SyntaxKind.AsteriskToken,
  [ts.SyntaxKind.PercentToken]: ts.SyntaxKind.AsteriskToken,
  [ts.SyntaxKind.AsteriskAsteriskToken]: ts.SyntaxKind.AsteriskToken,
  [ts.SyntaxKind.PlusEqualsToken]: ts.SyntaxKind.MinusEqualsToken,
  [ts.SyntaxKind.MinusEqualsToken]: ts.SyntaxKind.PlusEqualsToken,
  [ts.SyntaxKind.AsteriskEqualsToken]: ts.SyntaxKind.SlashEqualsToken,
  [ts.SyntaxKind.SlashEqualsToken]: ts.SyntaxKind.AsteriskEqualsToken,
};

/** Each comparison to its boundary shift and its negation, as Stryker's equality mutator does. */
const comparisonSwaps: Partial<Record<ts.SyntaxKind, ts.SyntaxKind[]>> = {
  [ts.SyntaxKind.LessThanToken]: [ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanEqualsToken],
  [ts.SyntaxKind.LessThanEqualsToken]: [ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken],
  [ts.SyntaxKind.GreaterThanToken]: [ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.LessThanEqualsToken],
  [ts.SyntaxKind.GreaterThanEqualsToken]: [ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanToken],
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: [ts.SyntaxKind.ExclamationEqualsEqualsToken],
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: [ts.SyntaxKind.EqualsEqualsEqualsToken],
  [ts.SyntaxKind.EqualsEqualsToken]: [ts.SyntaxKind.ExclamationEqualsToken],
  [ts.SyntaxKind.ExclamationEqualsToken]: [ts.SyntaxKind.EqualsEqualsToken],
};

const logicalSwaps: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
  [ts.SyntaxKind.AmpersandAmpersandToken]: ts.SyntaxKind.BarBarToken,
  [ts.SyntaxKind.BarBarToken]: ts.SyntaxKind.AmpersandAmpersandToken,
};

const mathSwaps: Readonly<Record<string, string>> = {
  max: "min",
  min: "max",
  floor: "ceil",
  ceil: "floor",
  round: "trunc",
  exp: "expm1",
  log: "log1p",
  tanh: "sinh",
  sqrt: "cbrt",
};

function isStringLike(node: ts.Expression): boolean {
  const inner = ts.isParenthesizedExpression(node) ? node.expression : node;
  return ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner) || ts.isTemplateExpression(inner);
}

/** A binary `+` that is string concatenation as far as the syntax shows. */
function isConcatenation(node: ts.BinaryExpression): boolean {
  if (isStringLike(node.left) || isStringLike(node.right)) return true;
  return ts.isBinaryExpression(node.left) && node.left.operatorToken.kind === ts.SyntaxKind.PlusToken && isConcatenation(node.left);
}

function literalReplacement(text: string): string | null {
  const value = Number(text.replace(/_/g, ""));
  if (!Number.isFinite(value)) return null;
  if (value === 0) return "1";
  if (value === 1) return "0";
  if (Number.isInteger(value)) return String(value + 1);
  if (Math.abs(value) < 1e-3) return "0";
  return String(value + 1);
}

function isMathMember(node: ts.Node): node is ts.PropertyAccessExpression {
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Math";
}

function collectEdits(file: ts.SourceFile): Edit[] {
  const edits: Edit[] = [];
  const text = file.text;
  const token = (kind: ts.SyntaxKind): string => ts.tokenToString(kind)!;
  const wrap = (node: ts.Node): string => {
    const t = node.getText(file);
    return ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node) || ts.isNumericLiteral(node) ? t : `(${t})`;
  };

  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node) || ts.isThrowStatement(node) || ts.isImportDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;

    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken;
      const start = op.getStart(file);
      const end = op.getEnd();
      const arithmetic = arithmeticSwaps[op.kind];
      if (arithmetic !== undefined && !((op.kind === ts.SyntaxKind.PlusToken || op.kind === ts.SyntaxKind.PlusEqualsToken) && isConcatenation(node))) {
        edits.push({ kind: "arithmetic", start, end, replacement: token(arithmetic) });
      }
      for (const swap of comparisonSwaps[op.kind] ?? []) edits.push({ kind: "comparison", start, end, replacement: token(swap) });
      const logical = logicalSwaps[op.kind];
      if (logical !== undefined) edits.push({ kind: "logical", start, end, replacement: token(logical) });
    }

    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && !ts.isNumericLiteral(node.operand)) {
      edits.push({ kind: "arithmetic", start: node.getStart(file), end: node.operand.getStart(file), replacement: "" });
    }

    if (ts.isNumericLiteral(node)) {
      const replacement = literalReplacement(node.text);
      if (replacement !== null) edits.push({ kind: "literal", start: node.getStart(file), end: node.getEnd(), replacement });
    }

    if (ts.isElementAccessExpression(node) && !ts.isNumericLiteral(node.argumentExpression) && !isStringLike(node.argumentExpression)) {
      const arg = node.argumentExpression;
      edits.push({ kind: "index", start: arg.getStart(file), end: arg.getEnd(), replacement: `${wrap(arg)} + 1` });
    }

    if (ts.isForStatement(node) && node.condition && ts.isBinaryExpression(node.condition) && comparisonSwaps[node.condition.operatorToken.kind]) {
      const bound = node.condition.right;
      if (!ts.isNumericLiteral(bound)) {
        for (const delta of ["- 1", "+ 1"]) {
          edits.push({ kind: "bound", start: bound.getStart(file), end: bound.getEnd(), replacement: `${wrap(bound)} ${delta}` });
        }
      }
    }

    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "length" && ts.isObjectLiteralExpression(node.parent)) {
      const value = node.initializer;
      if (!ts.isNumericLiteral(value)) {
        edits.push({ kind: "bound", start: value.getStart(file), end: value.getEnd(), replacement: `${wrap(value)} - 1` });
      }
    }

    if (isMathMember(node)) {
      const name = node.name.text;
      const swap = mathSwaps[name];
      if (swap) edits.push({ kind: "math", start: node.name.getStart(file), end: node.name.getEnd(), replacement: swap });
    }
    if (ts.isCallExpression(node) && isMathMember(node.expression) && node.expression.name.text === "abs" && node.arguments.length === 1) {
      edits.push({ kind: "math", start: node.getStart(file), end: node.getEnd(), replacement: `(${node.arguments[0]!.getText(file)})` });
    }

    ts.forEachChild(node, visit);
  };
  visit(file);
  // Guard against an edit that would splice text the parser did not produce (never expected).
  return edits.filter((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end);
}

interface EquivalenceMark {
  line: number;
  original: string | null;
  mutated: string | null;
  reason: string;
}

const markPattern = /\/\/\s*mutant-equivalent\s*(?:\(\s*(.+?)\s*(?:→|->)\s*(.+?)\s*\))?\s*:\s*(.+?)\s*$/;

/** The `mutant-equivalent` comments of a source, by 1-based line. */
export function equivalenceMarks(source: string): EquivalenceMark[] {
  const marks: EquivalenceMark[] = [];
  source.split("\n").forEach((lineText, i) => {
    const match = markPattern.exec(lineText);
    if (match) marks.push({ line: i + 1, original: match[1] ?? null, mutated: match[2] ?? null, reason: match[3]! });
  });
  return marks;
}

const normalise = (s: string): string => s.replace(/\s+/g, " ").trim();

function markFor(marks: EquivalenceMark[], line: number, original: string, mutated: string): EquivalenceMark | null {
  for (const mark of marks) {
    if (mark.line !== line && mark.line !== line - 1) continue;
    if (mark.original !== null && (normalise(mark.original) !== normalise(original) || normalise(mark.mutated!) !== normalise(mutated))) continue;
    return mark;
  }
  return null;
}

/**
 * Every mutant of `source`, in source order. Mutants that produce the same text twice are kept once.
 * `fileName` only names the file in parse errors; a source that does not parse yields an error, not mutants.
 */
export function generateMutants(source: string, fileName = "solution.ts"): Mutant[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const parseErrors = (file as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  if (parseErrors.length > 0) {
    const d = parseErrors[0]!;
    const { line, character } = file.getLineAndCharacterOfPosition(d.start ?? 0);
    throw new Error(`${fileName}:${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  }
  const marks = equivalenceMarks(source);
  const seen = new Set<string>();
  const mutants: Mutant[] = [];
  const edits = collectEdits(file).sort((a, b) => a.start - b.start || a.end - b.end);
  for (const edit of edits) {
    const mutatedSource = source.slice(0, edit.start) + edit.replacement + source.slice(edit.end);
    if (mutatedSource === source || seen.has(mutatedSource)) continue;
    seen.add(mutatedSource);
    const { line, character } = file.getLineAndCharacterOfPosition(edit.start);
    const original = source.slice(edit.start, edit.end);
    const mutated = edit.replacement;
    const mark = markFor(marks, line + 1, original, mutated);
    mutants.push({
      id: `${line + 1}:${character + 1}:${edit.kind}:${mutated}`,
      kind: edit.kind,
      line: line + 1,
      column: character + 1,
      original,
      mutated,
      source: mutatedSource,
      equivalent: mark?.reason ?? null,
      equivalentLine: mark?.line ?? null,
    });
  }
  return mutants;
}

/**
 * A deterministic, evenly spread sample of at most `budget` mutants (every mutant when there are fewer), so a
 * budgeted run covers the whole file rather than its first lines, and the same source gives the same sample.
 */
export function sampleMutants(mutants: readonly Mutant[], budget: number): Mutant[] {
  if (budget >= mutants.length) return [...mutants];
  if (budget <= 0) return [];
  return Array.from({ length: budget }, (_, k) => mutants[Math.floor((k * mutants.length) / budget)]!);
}
