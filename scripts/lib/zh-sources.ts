/**
 * Every place Lacuna keeps Chinese text, as (file, offset, text) pieces: the interface messages
 * (messages/zh.json), the statements (*.zh.md), and the `zh` fields of the exercises' metadata, case notes,
 * flashcards, the topic map and the app's inline labels. Used by `npm run lint:zh` and its test.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { findAsciiPunctuation, fixAsciiPunctuation, type AsciiPunctuationFinding } from "../../lib/i18n/zh-punctuation";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED_DIRS = ["app", "lib", "grader", "exercises", "messages"];
const SKIPPED = new Set(["node_modules", ".next", "misconceptions"]);

/** A Chinese string inside a file: its raw text and where it starts. */
interface Piece {
  start: number;
  text: string;
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (SKIPPED.has(name) || name.startsWith(".next")) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
}

const STRING = String.raw`"((?:[^"\\\n]|\\.)*)"`;
const zhJsonField = new RegExp(String.raw`"zh"\s*:\s*` + STRING, "g");
const anyJsonValue = new RegExp(String.raw`:\s*` + STRING, "g");
const IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/** Every string, template and JSX text of a TypeScript file that holds Chinese, by the compiler's own parse. */
function typeScriptPieces(file: string, content: string): Piece[] {
  const source = ts.createSourceFile(file, content, ts.ScriptTarget.Latest, false, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const pieces: Piece[] = [];
  const add = (start: number, end: number) => {
    const text = content.slice(start, end);
    if (IDEOGRAPH.test(text)) pieces.push({ start, text });
  };
  const visit = (node: ts.Node): void => {
    // A `notesSection` quotes the notes' heading verbatim, punctuation and all.
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "notesSection") return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node.getStart(source) + 1, node.end - 1);
    // A template is one text (its ${…} parts are not prose), so "值(${detail})" keeps its parentheses paired.
    else if (ts.isTemplateExpression(node)) add(node.getStart(source) + 1, node.end - 1);
    else if (ts.isJsxText(node)) add(node.getStart(source), node.end);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return pieces;
}

function piecesOf(file: string, content: string): Piece[] {
  const rel = path.relative(ROOT, file);
  if (rel.endsWith(".zh.md")) return [{ start: 0, text: content }];
  if (/\.(ts|tsx|mts|mjs)$/.test(rel)) return rel.startsWith(path.join("lib", "i18n", "zh-punctuation")) ? [] : typeScriptPieces(file, content);
  const pattern = rel === path.join("messages", "zh.json") ? anyJsonValue : rel.endsWith(".json") ? zhJsonField : undefined;
  if (!pattern) return [];
  const pieces: Piece[] = [];
  for (const match of content.matchAll(pattern)) {
    const text = match[1] ?? match[2] ?? "";
    pieces.push({ start: match.index + match[0].length - text.length - 1, text });
  }
  return pieces;
}

export interface FileFindings {
  /** Path relative to the repository root. */
  file: string;
  findings: (AsciiPunctuationFinding & { fileLine: number })[];
}

/** The content files that hold Chinese text (relative paths), sorted. */
export function chineseSourceFiles(root = ROOT): string[] {
  const files: string[] = [];
  for (const dir of SCANNED_DIRS) walk(path.join(root, dir), files);
  return files
    .filter((f) => /\.zh\.md$|\.json$|\.tsx?$|\.m[tj]s$/.test(f))
    .map((f) => path.relative(root, f))
    .sort();
}

/** Every ASCII `, : ; ( )` beside Chinese characters, per file, with the file's own line numbers. */
export function scanChineseSources(root = ROOT): FileFindings[] {
  const results: FileFindings[] = [];
  for (const rel of chineseSourceFiles(root)) {
    const content = readFileSync(path.join(root, rel), "utf8");
    const findings = piecesOf(path.join(root, rel), content).flatMap((piece) =>
      findAsciiPunctuation(piece.text).map((f) => ({ ...f, fileLine: content.slice(0, piece.start + f.index).split("\n").length })),
    );
    if (findings.length) results.push({ file: rel, findings });
  }
  return results;
}

/** A file's content with every Chinese piece fixed; the same content when nothing needs fixing. */
export function fixChineseSource(rel: string, content: string, root = ROOT): string {
  const pieces = piecesOf(path.join(root, rel), content);
  let out = "";
  let last = 0;
  for (const piece of pieces) {
    out += content.slice(last, piece.start) + fixAsciiPunctuation(piece.text);
    last = piece.start + piece.text.length;
  }
  return out + content.slice(last);
}
