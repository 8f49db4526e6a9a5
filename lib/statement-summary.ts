// A one-line plain-text summary of an exercise statement (Markdown + KaTeX) for the page's description meta tag:
// the statement's first sentence after its heading, math written as readable text, at most `maxChars`.
// Framework-free and pure.

const SYMBOLS: Record<string, string> = {
  cdot: "·", times: "×", sum: "Σ", prod: "Π", sqrt: "√", partial: "∂", nabla: "∇", infty: "∞", odot: "⊙", circ: "∘",
  le: "≤", leq: "≤", ge: "≥", geq: "≥", ne: "≠", neq: "≠", approx: "≈", in: "∈", to: "→", rightarrow: "→", leftarrow: "←",
  quad: " ", qquad: " ", dots: "…", ldots: "…", cdots: "⋯", top: "ᵀ", pm: "±", mid: "|", lVert: "‖", rVert: "‖", Vert: "‖",
  alpha: "α", beta: "β", gamma: "γ", Gamma: "Γ", delta: "δ", Delta: "Δ", epsilon: "ε", varepsilon: "ε", eta: "η", theta: "θ",
  lambda: "λ", mu: "μ", sigma: "σ", Sigma: "Σ", tau: "τ", phi: "φ", varphi: "φ", omega: "ω", pi: "π", rho: "ρ", xi: "ξ",
};

/** LaTeX math as plain text: commands to symbols, fractions to a/b, decorations and braces dropped. */
export function mathToText(tex: string): string {
  let text = tex;
  text = text.replace(/\\\\/g, "; ").replace(/\\(?:begin|end)\s*\{[^{}]*\}/g, " ").replace(/&/g, " ");
  // Innermost groups first, so nesting unwinds: braced sub- and superscripts (a^{(i)} → a^(i)), square roots,
  // fractions (\frac{a}{b} → (a)/(b)).
  for (let i = 0; i < 8 && /[_^]\s*\{[^{}]*\}|\\sqrt\s*\{[^{}]*\}|\\[dt]?frac\s*\{[^{}]*\}\s*\{[^{}]*\}/.test(text); i++) {
    text = text
      .replace(/([_^])\s*\{([^{}]*)\}/g, "$1$2")
      .replace(/\\sqrt\s*\{([^{}]*)\}/g, "√($1)")
      .replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, "($1)/($2)");
  }
  text = text
    .replace(/\\[dt]?frac\s*([^\s{\\])\s*([^\s{\\])/g, "$1/$2")
    .replace(/\\(?:left|right|big|Big|bigg|Bigg)\b/g, "")
    // Symbols first: "\cdot\mathbf x" must not become "\cdotx" once the decoration is gone.
    .replace(/\\([a-zA-Z]+)/g, (whole, name: string) => SYMBOLS[name] ?? whole)
    .replace(/\\(?:mathbf|mathrm|mathit|boldsymbol|text|textbf|operatorname|vec|hat|tilde|bar|overline)\s*/g, "")
    // Any other command reads as its name ("\log", "\max"), apart from the letter before it.
    .replace(/(\w?)\\([a-zA-Z]+)/g, (_, before: string, name: string) => `${before}${before ? " " : ""}${name}`)
    // One symbol or number needs no parentheses around it: (1)/(2m) → 1/(2m).
    .replace(/\(([^\s()+\-*/=,^_]|\d+(?:\.\d+)?)\)(?=\/)|(?<=\/)\(([^\s()+\-*/=,^_]|\d+(?:\.\d+)?)\)/g, (_, a?: string, b?: string) => a ?? b ?? "")
    .replace(/\\[,;:! ]/g, " ")
    .replace(/\\([{}_^%$#&|])/g, "$1")
    .replace(/[{}]/g, "")
    .replace(/\s+/g, " ");
  return text.trim();
}

/** Inline Markdown (code, emphasis, links, inline and display math) as plain text. */
function inlineToText(markdown: string): string {
  return markdown
    // A line break inside Chinese text is no space.
    .replace(/([\u3000-\u9fff\uff00-\uffef][*_]*)[ \t]*\n[ \t]*(?=[*_]*[\u3000-\u9fff\uff00-\uffef])/g, "$1")
    .replace(/\$\$([\s\S]*?)\$\$/g, (_, tex: string) => ` ${mathToText(tex)} `)
    .replace(/\$([^$\n]+?)\$/g, (_, tex: string) => mathToText(tex))
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** Blocks of the statement that read as prose: no headings, code, lists, tables or quotes. */
function proseBlocks(markdown: string): string[] {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, "\n\n");
  return withoutCode
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block && !/^(#|[-*+] |\d+\. |\||>)/.test(block));
}

const SENTENCE_END = /([.!?])(?=\s|$)|([。！？])/;

function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:，；：、]+$/, "")}…`;
}

/**
 * The statement's first sentence as plain text, at most `maxChars` characters. A sentence that runs into a
 * displayed formula ("… predicts $$f(x) = …$$") continues through it.
 */
export function statementSummary(markdown: string, maxChars = 160): string {
  let text = "";
  for (const block of proseBlocks(markdown)) {
    text = `${text} ${inlineToText(block)}`.trim();
    const end = SENTENCE_END.exec(text);
    if (end) return clip(text.slice(0, end.index + 1).replace(/\s+([.!?])$/, "$1"), maxChars);
    if (text.length >= maxChars) break;
  }
  return clip(text, maxChars);
}
