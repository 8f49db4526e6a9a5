/**
 * Chinese text uses full-width punctuation: "结果：正式提交", not "结果:正式提交". This module finds ASCII
 * `, : ; ( )` written beside Chinese characters and rewrites them to ， ： ； （ ）, leaving math ($…$, $$…$$),
 * inline code (`…`), fenced code blocks, message placeholders ({name}, ${…}) and cloze markers ({{c1::…}}) untouched.
 *
 * Pure and framework-free: used by `scripts/zh-punctuation.ts` (check and --fix over every content file),
 * by `lacuna check` for an exercise's Chinese texts, and by the test that keeps the content clean.
 */

/** CJK ideographs, and the full-width punctuation Chinese prose also sits beside. */
const IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]/;
const FULL_WIDTH: Record<string, string> = { ",": "，", ":": "：", ";": "；", "(": "（", ")": "）" };

export interface AsciiPunctuationFinding {
  /** UTF-16 offset of the character in the text. */
  index: number;
  /** 1-based line and column (UTF-16 code units), for messages. */
  line: number;
  column: number;
  char: string;
  /** The full-width character that replaces it. */
  replacement: string;
  /** A short excerpt around the character. */
  excerpt: string;
}

/** Marks the characters that are prose (true) rather than math, code or a placeholder (false). */
function proseMask(text: string): boolean[] {
  const prose = new Array<boolean>(text.length).fill(true);
  const hide = (start: number, end: number) => {
    for (let i = start; i < end && i < text.length; i++) prose[i] = false;
  };
  // One alternation read left to right, so a closing "$$" is never taken for the opening "$" of inline math.
  const notProse = /```[\s\S]*?(?:```|$)|\$\$[\s\S]*?\$\$|\$\{[^}\n]*\}|(?<!\\)\$(?:\\.|[^$\\\n])+\$|`[^`\n]*`|\{\{c\d+::|::|\{[A-Za-z_][\w.]*\}|https?:\/\/\S+/g;
  for (const match of text.matchAll(notProse)) hide(match.index, match.index + match[0].length);
  return prose;
}

/**
 * The nearest prose character on the same line in a direction, skipping spaces and math or code: in
 * "达 $10^6$,$x^3$ 可达" the comma sits between two Chinese clauses.
 */
function neighbour(text: string, prose: readonly boolean[], index: number, step: 1 | -1): string {
  for (let i = index + step; i >= 0 && i < text.length; i += step) {
    const ch = text[i]!;
    if (ch === "\n") return "";
    if (prose[i] && ch !== " " && ch !== "\t") return ch;
  }
  return "";
}

function isChineseSide(text: string, prose: readonly boolean[], index: number): boolean {
  return CJK.test(neighbour(text, prose, index, -1)) || CJK.test(neighbour(text, prose, index, 1));
}

/**
 * A parenthesis pair is Chinese when it holds an ideograph ("Dropout (随机失活)"), or when it touches one from
 * outside and holds only words ("值(a)", "(注意)这里"). Notation keeps ASCII even beside Chinese: a function
 * applied ("tanh(c<t>) 能让"), an interval ("留在 (−1, 1) 之内"), an expression ("通过 (1 − Γu) * c").
 */
function isChineseParenPair(text: string, prose: readonly boolean[], open: number, close: number): boolean {
  const inside = text.slice(open + 1, close).replace(/\$[^$]*\$|`[^`]*`/g, "");
  if (IDEOGRAPH.test(inside)) return true;
  const appliedToSomething = /[\p{L}\p{N}_\]\)]/u.test(text[open - 1] ?? "") && !IDEOGRAPH.test(text[open - 1] ?? "");
  const wordsOnly = /^[\p{L}\s'’.-]+$/u.test(inside) && !/[\u0370-\u03ff]/.test(inside);
  return wordsOnly && !appliedToSomething && (IDEOGRAPH.test(neighbour(text, prose, open, -1)) || IDEOGRAPH.test(neighbour(text, prose, close, 1)));
}

/** The offset of the parenthesis matching the one at `index` on the same line, or -1. */
function matchingParen(text: string, index: number): number {
  const open = text[index] === "(";
  let depth = 0;
  for (let i = index; i >= 0 && i < text.length; i += open ? 1 : -1) {
    const ch = text[i]!;
    if (ch === "\n") return -1;
    if (ch === "(" || ch === ")") depth += (ch === "(") === open ? 1 : -1;
    if (depth === 0) return i;
  }
  return -1;
}

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * Every ASCII `, : ; ( )` in prose whose nearest neighbour on either side (spaces skipped) is Chinese; a
 * parenthesis also counts when its partner does, so a pair is always converted together.
 */
export function findAsciiPunctuation(text: string): AsciiPunctuationFinding[] {
  const prose = proseMask(text);
  const flagged = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!(ch in FULL_WIDTH) || !prose[i]) continue;
    // "1:2", "a,b" and "f(x)" stay ASCII: only punctuation beside Chinese is Chinese punctuation.
    if (ch === ":" && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "")) continue;
    if (ch === "(" || ch === ")") {
      const partner = matchingParen(text, i);
      if (partner < 0) {
        if (isChineseSide(text, prose, i)) flagged.add(i);
        continue;
      }
      const [open, close] = ch === "(" ? [i, partner] : [partner, i];
      if (prose[partner] && isChineseParenPair(text, prose, open, close)) flagged.add(open).add(close);
      continue;
    }
    if (isChineseSide(text, prose, i)) flagged.add(i);
  }
  return [...flagged]
    .sort((a, b) => a - b)
    .map((index) => ({
      index,
      ...position(text, index),
      char: text[index]!,
      replacement: FULL_WIDTH[text[index]!]!,
      excerpt: text.slice(Math.max(0, index - 12), index + 13).replace(/\s+/g, " "),
    }));
}

/** The text with every finding replaced by its full-width form and the spaces around it dropped. */
export function fixAsciiPunctuation(text: string): string {
  // A fix can make a neighbour Chinese ("）;" once "(注)" is converted): repeat until nothing is left.
  for (let pass = 0; pass < 8; pass++) {
    const fixed = fixOnce(text);
    if (fixed === text) return text;
    text = fixed;
  }
  return text;
}

function fixOnce(text: string): string {
  const findings = findAsciiPunctuation(text);
  if (!findings.length) return text;
  let out = "";
  let last = 0;
  for (const f of findings) {
    // Full-width punctuation carries its own spacing: "值 (a)" becomes "值（a）", "是 , 而" becomes "是，而".
    let start = f.index;
    while (start > last && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
    if (start === 0 || text[start - 1] === "\n") start = f.index; // keep a line's indentation
    out += text.slice(last, start) + f.replacement;
    last = f.index + 1;
    while (text[last] === " " || text[last] === "\t") last++;
  }
  return out + text.slice(last);
}
