// Markdown with KaTeX math ($…$ inline, $$…$$ display) rendered to HTML. KaTeX's CSS and fonts are served
// from our own bundle (app/exercises/katex.css imports them from node_modules), never from a CDN.
// Used on the server for statements and hints, and in the browser for the texts of a grade report (misconception
// explanations, case notes). Raw HTML in the input is shown as text, never injected.
import katex from "katex";
import { Marked, type TokenizerAndRendererExtension, type Tokens } from "marked";

// A token's type must be the name of the extension that renders it.
interface MathToken extends Tokens.Generic {
  type: "blockMath" | "inlineMath";
  raw: string;
  tex: string;
  display: boolean;
}

function renderTex(tex: string, display: boolean): string {
  // throwOnError false: a typo in one formula shows that formula in red instead of breaking the page.
  return katex.renderToString(tex, { displayMode: display, throwOnError: false, output: "htmlAndMathml", strict: "ignore" });
}

/** A paragraph that is only `$$…$$` (possibly spanning lines) becomes display math. */
const blockMath: TokenizerAndRendererExtension = {
  name: "blockMath",
  level: "block",
  start: (src) => src.match(/^\$\$/m)?.index,
  tokenizer(src): MathToken | undefined {
    const match = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/.exec(src);
    if (!match) return undefined;
    return { type: "blockMath", raw: match[0], tex: match[1]!.trim(), display: true };
  },
  renderer: (token) => `<div class="math-display">${renderTex((token as MathToken).tex, true)}</div>\n`,
};

/**
 * `$$…$$` inside a line is display math; `$…$` is inline math (no empty body, no blank line: a formula may wrap
 * onto the paragraph's next source line, as `$\dfrac{∂J}{∂W},\n\dfrac{∂J}{∂b}$` does in a statement).
 */
const inlineMath: TokenizerAndRendererExtension = {
  name: "inlineMath",
  level: "inline",
  start: (src) => (src.includes("$") ? src.indexOf("$") : undefined),
  tokenizer(src): MathToken | undefined {
    const display = /^\$\$([\s\S]+?)\$\$/.exec(src);
    if (display) return { type: "inlineMath", raw: display[0], tex: display[1]!.trim(), display: true };
    const inline = /^\$((?:\\\$|[^$\n]|\n(?!\n))+?)\$/.exec(src);
    if (inline) return { type: "inlineMath", raw: inline[0], tex: inline[1]!, display: false };
    return undefined;
  },
  renderer: (token) => {
    const math = token as MathToken;
    return math.display ? `<span class="math-display">${renderTex(math.tex, true)}</span>` : renderTex(math.tex, false);
  },
};

const markdown = new Marked({ gfm: true, breaks: false, async: false });
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
markdown.use({
  extensions: [blockMath, inlineMath],
  renderer: {
    html: ({ text }) => escapeHtml(text),
    // A code block may scroll sideways: focusable, so keyboard users can scroll it too.
    code: ({ text, lang }) => `<pre tabindex="0"><code${lang ? ` class="language-${escapeHtml(lang)}"` : ""}>${escapeHtml(text)}</code></pre>\n`,
  },
});

/**
 * Block Markdown (headings, lists, code, tables, paragraphs) with math, as HTML. A table sits in a box of its
 * own that scrolls sideways on a narrow screen (raw HTML in the source is escaped, so every <table> is ours).
 */
export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false }).replace(/<table>/g, '<div class="table-scroll"><table>').replace(/<\/table>/g, "</table></div>");
}

/** One line of Markdown with math (no surrounding <p>), for titles and short texts. */
export function renderInlineMarkdown(source: string): string {
  return markdown.parseInline(source, { async: false });
}
