/**
 * LaTeX math in Markdown ($…$ inline, $$…$$ display) as plain Unicode text, for the terminal: the `lacuna` CLI
 * prints statements, hints, case notes, misconceptions and flashcards with it, so
 * `$\frac{1}{2m}\sum_{i=1}^{m}$` reads `1/(2m) Σᵢ₌₁ᵐ`. It covers the subset the exercises and flashcards use
 * (fractions, scripts, roots, Greek, operators and relations, accents, fonts, \text, \left/\right and the sizes,
 * bmatrix, cases, aligned). A command it does not know is kept as written, so the test over every text finds it.
 *
 * Spacing follows TeX rather than the source: spaces in math are ignored, relations (=, ≤, ←) and the binary
 * operators + − × ± get a space on each side (a sign does not), commas one after, big operators and function
 * names one around them; scripts stay tight.
 */

const SYMBOLS: Record<string, string> = {
  // Greek
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ϵ", varepsilon: "ε", zeta: "ζ", eta: "η", theta: "θ",
  vartheta: "ϑ", iota: "ι", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π", rho: "ρ", sigma: "σ",
  tau: "τ", upsilon: "υ", phi: "ϕ", varphi: "φ", chi: "χ", psi: "ψ", omega: "ω",
  Gamma: "Γ", Delta: "Δ", Theta: "Θ", Lambda: "Λ", Xi: "Ξ", Pi: "Π", Sigma: "Σ", Phi: "Φ", Psi: "Ψ", Omega: "Ω",
  // ordinary symbols
  partial: "∂", nabla: "∇", infty: "∞", emptyset: "∅", prime: "′", top: "ᵀ", perp: "⊥", angle: "∠", ell: "ℓ",
  forall: "∀", exists: "∃", neg: "¬", dots: "…", ldots: "…", cdots: "⋯", vdots: "⋮", ddots: "⋱", cdot: "·",
  odot: "⊙", circ: "∘", ast: "∗", vert: "|", Vert: "‖", "|": "‖", "{": "{", "}": "}", _: "_", "%": "%", $: "$", "#": "#", "&": "&",
};
/** Relations: a space on each side. */
const RELATIONS: Record<string, string> = {
  approx: "≈", sim: "∼", simeq: "≃", equiv: "≡", ne: "≠", neq: "≠", le: "≤", leq: "≤", ge: "≥", geq: "≥", ll: "≪",
  gg: "≫", lesssim: "≲", gtrsim: "≳", propto: "∝", in: "∈", notin: "∉", subset: "⊂", subseteq: "⊆", to: "→",
  rightarrow: "→", leftarrow: "←", gets: "←", longrightarrow: "⟶", longleftarrow: "⟵", Rightarrow: "⇒", Leftarrow: "⇐",
  leftrightarrow: "↔", iff: "⟺", implies: "⟹", mapsto: "↦", uparrow: "↑", downarrow: "↓", mid: "|",
};
/** Binary operators: a space on each side, unless used as a sign. */
const BINARY: Record<string, string> = { times: "×", pm: "±", mp: "∓", div: "÷", otimes: "⊗", oplus: "⊕", cap: "∩", cup: "∪", setminus: "∖", land: "∧", lor: "∨", wedge: "∧", vee: "∨", bmod: "mod" };
const BIG_OPERATORS: Record<string, string> = { sum: "Σ", prod: "Π", int: "∫" };
/** Function names, set apart from a letter on either side: "y log a", "arg max". */
const WORDS = new Set(["log", "ln", "exp", "max", "min", "sup", "inf", "arg", "argmax", "argmin", "sin", "cos", "tan", "tanh", "sinh", "cosh", "det", "lim", "dim", "ker", "deg", "Pr"]);
/** Fonts: their argument as it renders (bold, upright and sans-serif letters are plain letters here). */
const FONTS = new Set(["mathbf", "mathrm", "mathsf", "mathit", "mathtt", "mathcal", "boldsymbol", "bm", "operatorname", "mathop", "mathord", "displaystyle", "textstyle", "underline"]);
/** Text: its words as written, spaces kept. */
const TEXTS = new Set(["text", "textbf", "textit", "texttt", "textrm", "textsf", "mbox"]);
const DOUBLE_STRUCK: Record<string, string> = { R: "ℝ", N: "ℕ", Z: "ℤ", Q: "ℚ", C: "ℂ", E: "𝔼", P: "ℙ" };
/** Accents as combining marks over one character. */
const ACCENTS: Record<string, string> = { hat: "\u0302", widehat: "\u0302", tilde: "\u0303", widetilde: "\u0303", bar: "\u0304", overline: "\u0305", vec: "\u20d7", dot: "\u0307", ddot: "\u0308" };
const OPENING: Record<string, string> = { lfloor: "⌊", lceil: "⌈", langle: "⟨", lVert: "‖", lvert: "|", lbrace: "{" };
const CLOSING: Record<string, string> = { rfloor: "⌋", rceil: "⌉", rangle: "⟩", rVert: "‖", rvert: "|", rbrace: "}" };
/** Delimiter sizes draw nothing themselves: \left( is "(". */
const SIZES = new Set(["left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr", "limits", "nolimits"]);
/** Explicit spaces, kept. */
const SPACES: Record<string, string> = { ",": " ", ";": " ", ":": " ", ">": " ", " ": " ", "!": "", quad: "\u0007", qquad: "\u0007\u0007", enspace: " ", thinspace: " " };

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
  "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾",
  a: "ᵃ", b: "ᵇ", c: "ᶜ", d: "ᵈ", e: "ᵉ", f: "ᶠ", g: "ᵍ", h: "ʰ", i: "ⁱ", j: "ʲ", k: "ᵏ", l: "ˡ", m: "ᵐ", n: "ⁿ",
  o: "ᵒ", p: "ᵖ", r: "ʳ", s: "ˢ", t: "ᵗ", u: "ᵘ", v: "ᵛ", w: "ʷ", x: "ˣ", y: "ʸ", z: "ᶻ",
  A: "ᴬ", B: "ᴮ", D: "ᴰ", E: "ᴱ", G: "ᴳ", H: "ᴴ", I: "ᴵ", J: "ᴶ", K: "ᴷ", L: "ᴸ", M: "ᴹ", N: "ᴺ", O: "ᴼ",
  P: "ᴾ", R: "ᴿ", T: "ᵀ", U: "ᵁ", V: "ⱽ", W: "ᵂ", ᵀ: "ᵀ", "′": "′", "'": "′",
  α: "ᵅ", β: "ᵝ", γ: "ᵞ", δ: "ᵟ", ε: "ᵋ", θ: "ᶿ", ι: "ᶥ", ϕ: "ᵠ", φ: "ᵠ", χ: "ᵡ",
};
const SUBSCRIPT: Record<string, string> = {
  "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
  "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎",
  a: "ₐ", e: "ₑ", h: "ₕ", i: "ᵢ", j: "ⱼ", k: "ₖ", l: "ₗ", m: "ₘ", n: "ₙ", o: "ₒ", p: "ₚ", r: "ᵣ", s: "ₛ", t: "ₜ",
  u: "ᵤ", v: "ᵥ", x: "ₓ", β: "ᵦ", γ: "ᵧ", ρ: "ᵨ", ϕ: "ᵩ", φ: "ᵩ", χ: "ᵪ",
};

// Spacing marks inside a rendering, resolved at the end (texToText) or dropped inside scripts (tight):
const REL = "\u0001"; // around a relation
const BIN = "\u0002"; // around a binary operator, unless it is a sign
const AFTER = "\u0003"; // after a comma or semicolon
const AROUND = "\u0004"; // around a function name, before a big operator: a space between two operands
const NOSPACE = "\u0005"; // before a closing delimiter: no space
const AFTER_BIG = "\u0006"; // after a big operator's limits, before anything but a closing bracket
const QUAD = "\u0007"; // \quad: two spaces, whatever spaces surround it
const MARKS = /[\u0001-\u0007]/g;

type Token = { kind: "command"; name: string } | { kind: "char"; text: string };

function tokenize(tex: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < tex.length; ) {
    const ch = tex[i]!;
    if (ch === "\\") {
      const word = /^[A-Za-z]+/.exec(tex.slice(i + 1));
      const name = word ? word[0] : (tex[i + 1] ?? "");
      tokens.push({ kind: "command", name });
      i += 1 + Math.max(1, name.length);
      continue;
    }
    if (ch === "%") {
      while (i < tex.length && tex[i] !== "\n") i++;
      continue;
    }
    tokens.push({ kind: "char", text: /\s/.test(ch) ? " " : ch });
    i++;
  }
  return tokens;
}

const isChar = (token: Token | undefined, text: string): boolean => token?.kind === "char" && token.text === text;

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private skipSpaces(): void {
    while (isChar(this.peek(), " ")) this.pos++;
  }

  /** Math up to a closing `}` (consumed) or the end, or up to a token `stop` accepts (not consumed). */
  sequence(stop?: (token: Token) => boolean): string {
    let out = "";
    while (!this.done()) {
      const token = this.peek()!;
      if (stop?.(token)) break;
      if (isChar(token, "}")) {
        this.pos++;
        break;
      }
      out += this.atom();
    }
    return out;
  }

  /** A `{…}` group or one token: the argument of a command or a script. */
  argument(): string {
    this.skipSpaces();
    if (this.done()) return "";
    if (isChar(this.peek(), "{")) {
      this.pos++;
      return this.sequence();
    }
    return this.atom();
  }

  /** The raw characters of a `{…}` group (an environment's name). */
  private rawGroup(): string {
    this.skipSpaces();
    if (!isChar(this.peek(), "{")) return "";
    this.pos++;
    let text = "";
    while (!this.done() && !isChar(this.peek(), "}")) {
      const t = this.tokens[this.pos++]!;
      text += t.kind === "char" ? t.text : `\\${t.name}`;
    }
    this.pos++;
    return text;
  }

  atom(): string {
    const token = this.tokens[this.pos++]!;
    if (token.kind === "command") return this.command(token.name);
    const c = token.text;
    if (c === " " || c === "&") return ""; // math ignores spaces; & outside an environment aligns nothing
    if (c === "{") return this.sequence();
    if (c === "^") return script(this.argument(), SUPERSCRIPT, "^");
    if (c === "_") return script(this.argument(), SUBSCRIPT, "_");
    if (c === "~") return " ";
    if ("=<>".includes(c)) return `${REL}${c}${REL}`;
    if ("+-*".includes(c)) return `${BIN}${c}${BIN}`;
    if (",;".includes(c)) return `${c}${AFTER}`;
    if (")]".includes(c)) return `${NOSPACE}${c}`;
    if (c === "'") return "′";
    return c;
  }

  private command(name: string): string {
    if (name in BIG_OPERATORS) return this.bigOperator(BIG_OPERATORS[name]!);
    if (name in SYMBOLS) return SYMBOLS[name]!;
    if (name in RELATIONS) return `${REL}${RELATIONS[name]}${REL}`;
    if (name in BINARY) return `${BIN}${BINARY[name]}${BIN}`;
    if (name in SPACES) return SPACES[name]!;
    if (name in OPENING) return OPENING[name]!;
    if (name in CLOSING) return `${NOSPACE}${CLOSING[name]}`;
    if (WORDS.has(name)) return `${AROUND}${name}${this.limits()}${AROUND}`;
    if (FONTS.has(name)) return this.argument();
    if (TEXTS.has(name)) return this.text();
    if (name in ACCENTS) return accent(this.argument(), ACCENTS[name]!, name);
    if (SIZES.has(name)) {
      this.skipSpaces();
      if (isChar(this.peek(), ".")) this.pos++; // \left. and \right. draw nothing
      return "";
    }
    switch (name) {
      case "frac":
      case "tfrac":
      case "dfrac":
      case "cfrac": {
        const numerator = this.argument();
        const denominator = this.argument();
        return `${AROUND}${wrap(numerator, true)}/${wrap(denominator)}${AROUND}`;
      }
      case "binom": {
        const n = this.argument();
        const k = this.argument();
        return `C(${tight(n)}, ${tight(k)})`;
      }
      case "sqrt": {
        this.skipSpaces();
        let index = "";
        if (isChar(this.peek(), "[")) {
          this.pos++;
          index = script(this.sequence((t) => isChar(t, "]")), SUPERSCRIPT, "^");
          this.pos++;
        }
        return `${index}√${wrap(this.argument())}`;
      }
      case "mathbb":
        return [...tight(this.argument())].map((c) => DOUBLE_STRUCK[c] ?? c).join("");
      case "mathrel":
      case "mathbin":
        // \mathrel{+}= is one relation, "+=".
        return `${REL}${tight(this.argument())}${this.peekRelation()}${REL}`;
      case "boxed":
      case "fbox":
        // A flashcard's hidden deletion in math: "[ ? ]"; a revealed one: "[Γₒ * tanh(c<t>)]".
        return `[${resolve(this.argument())}]`;
      case "underbrace":
      case "overbrace": {
        // The brace's label follows in parentheses: "n_H n_W cₒᵤₜ (output values)".
        const body = this.argument();
        this.skipSpaces();
        if (!isChar(this.peek(), "_") && !isChar(this.peek(), "^")) return body;
        this.pos++;
        return `${body} (${tight(this.argument()).trim()})`;
      }
      case "pmod":
        return ` (mod ${tight(this.argument())})`;
      case "not": {
        const next = this.argument().replace(MARKS, "");
        return `${REL}${next === "=" ? "≠" : next === "∈" ? "∉" : `¬${next}`}${REL}`;
      }
      case "begin":
        return this.environment(this.rawGroup());
      case "end":
        this.rawGroup();
        return "";
      case "\\":
        return "\n";
      default:
        return `\\${name}`;
    }
  }

  /** The "=" of \mathrel{+}=, taken into the relation. */
  private peekRelation(): string {
    if (!isChar(this.peek(), "=")) return "";
    this.pos++;
    return "=";
  }

  /** Σ, Π, ∫ with their limits, set apart from what precedes and follows: "1/(2m) Σᵢ₌₁ᵐ (…)". */
  private bigOperator(symbol: string): string {
    return `${AROUND}${symbol}${this.limits()}${AFTER_BIG}`;
  }

  /** The scripts right after an operator or function name: Σᵢ₌₁ᵐ, maxₖ. */
  private limits(): string {
    let limits = "";
    for (;;) {
      const start = this.pos;
      this.skipSpaces();
      const next = this.peek();
      if (isChar(next, "^") || isChar(next, "_")) limits += this.atom();
      else if (next?.kind === "command" && (next.name === "limits" || next.name === "nolimits")) this.pos++;
      else {
        this.pos = start;
        return limits;
      }
    }
  }

  /** \text{…}: the words as written, with any $math$ inside rendered. */
  private text(): string {
    this.skipSpaces();
    if (!isChar(this.peek(), "{")) return this.atom();
    this.pos++;
    let out = "";
    for (let depth = 0; !this.done(); ) {
      const t = this.tokens[this.pos++]!;
      if (t.kind === "command") out += t.name in SYMBOLS ? SYMBOLS[t.name] : t.name in SPACES || t.name === "\\" ? " " : this.command(t.name);
      else if (t.text === "$") {
        out += this.sequence((x) => isChar(x, "$"));
        this.pos++;
      } else if (t.text === "{") depth++;
      else if (t.text === "}") {
        if (depth === 0) break;
        depth--;
      } else out += t.text;
    }
    return out;
  }

  /** bmatrix → [a, b; c, d]; cases → { a if …; b otherwise }; aligned and the like → one line per row. */
  private environment(name: string): string {
    const rows: string[][] = [[]];
    let cell = "";
    while (!this.done()) {
      cell += this.sequence((t) => (t.kind === "command" && (t.name === "end" || t.name === "\\")) || isChar(t, "&"));
      const t = this.tokens[this.pos++];
      rows[rows.length - 1]!.push(cell);
      cell = "";
      if (!t) break;
      if (t.kind === "command" && t.name === "\\") rows.push([]);
      else if (t.kind === "command") {
        this.rawGroup();
        break;
      }
    }
    const filled = rows.map((row) => row.map((c) => resolve(c).trim())).filter((row) => row.some((c) => c !== ""));
    const bare = name.replace(/\*$/, "");
    const brackets: Record<string, [string, string]> = { matrix: ["[", "]"], bmatrix: ["[", "]"], array: ["[", "]"], pmatrix: ["(", ")"], vmatrix: ["|", "|"], Vmatrix: ["‖", "‖"], Bmatrix: ["{", "}"] };
    const matrix = brackets[bare];
    if (matrix) return `${matrix[0]}${filled.map((row) => row.join(", ")).join("; ")}${matrix[1]}`;
    if (bare === "cases") {
      const cases = filled.map((row) => {
        const [value, condition] = [row[0] ?? "", row.slice(1).join(" ").trim()];
        if (!condition) return value;
        return /^(if|otherwise|else)\b/.test(condition) ? `${value} ${condition}` : `${value} if ${condition}`;
      });
      return `{ ${cases.join("; ")} }`;
    }
    // aligned, align, gathered, split: one line per row; the columns pair up (right-aligned, left-aligned), and
    // the pairs stand apart.
    const line = (row: string[]) => row.map((c, i) => (i === 0 ? c : i % 2 === 1 ? ` ${c}` : `    ${c}`)).join("").replace(/ {2,}$/, "").trim();
    return `\n${filled.map(line).join("\n")}\n`;
  }
}

/** A rendering without spacing marks: scripts, binomials and labels stay tight. */
function tight(text: string): string {
  return text.replace(MARKS, "");
}

/** A script in Unicode when every character has a raised or lowered form, else `^x`, `^(…)`, or `a[l]`, `a<t>`. */
function script(content: string, table: Record<string, string>, mark: "^" | "_"): string {
  const text = tight(content).trim();
  if (text === "") return "";
  const chars = [...text];
  if (chars.every((c) => c in table)) return chars.map((c) => table[c]).join("");
  // The notes' layer, time and example indices read well on the line: a[l], a<t>, a→<t>, a[2](i).
  if (mark === "^" && /^(?:[[<→←][^\s]*|\*)$/.test(text)) return text;
  if (chars.length === 1) return `${mark}${text}`;
  return `${mark}(${text})`;
}

/** An accent over one character as a combining mark; over more, the accent's name. */
function accent(content: string, mark: string, name: string): string {
  const chars = [...tight(content).trim()];
  if (chars.length === 1) return chars[0] + mark;
  return `${name}(${chars.join("")})`;
}

/** One symbol with its accents, scripts and indices: ∂J, ŷ, wⱼ, x⁽ⁱ⁾, W[1], a<t>, v_(dW), √dₖ. */
const SYMBOL = /^(?:√|∂)?\p{L}\p{M}*(?:[⁰-⁹⁺⁻⁼⁽⁾ⁱⁿ₀-₎ᵃ-ᶿₐ-ₜᴬ-ᵂʰ-ˡⱼⱽ′ᵀ]|\[[^\]\s]*\]|<[^>\s]*>|[_^]\([^()\s]*\)|[_^][^\s(])*$/u;

/**
 * A fraction's part or a radicand, in parentheses unless it is a number or one symbol; a numerator may also be
 * a product (QKᵀ/√dₖ), which is read before the division anyway.
 */
function wrap(rendered: string, numerator = false): string {
  const t = resolve(rendered).trim();
  if (/^\d+(?:\.\d+)?$/.test(t) || t === "∂" || SYMBOL.test(t)) return t;
  if (numerator && /^[^\s+\-−=<>≤≥±/,;]+$/.test(t) && balanced(t)) return t;
  if (/^\(.*\)$/.test(t) && balanced(t.slice(1, -1))) return t;
  return `(${t})`;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

const SCRIPTS = new Set([...Object.values(SUPERSCRIPT), ...Object.values(SUBSCRIPT)]);
/** Ends like an operand: a letter, digit, accent, script or closing bracket. */
const endsLikeOperand = (text: string): boolean => /[\p{L}\p{N}\p{M})\]}|‖⌋⌉⟩′⁾₎]$/u.test(text);
/** Starts like an operand: a letter or digit (not a script), ∂, √ or a big operator. */
const startsLikeOperand = (text: string): boolean => text !== "" && !SCRIPTS.has([...text][0]!) && /^[\p{L}\p{N}∂√ΣΠ∫]/u.test(text);

/** The spacing marks as spaces: relations and binary operators spaced, signs tight, names set apart. */
function resolve(rendered: string): string {
  let out = "";
  for (let i = 0; i < rendered.length; i++) {
    const c = rendered[i]!;
    const next = () => rendered.slice(i + 1).replace(MARKS, "");
    if (c === REL || c === BIN) {
      const end = rendered.indexOf(c, i + 1);
      const operator = rendered.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? rendered.length : end;
      const before = out.replace(/ +$/, "");
      // A sign: at the start, after an opening bracket, a comma, a relation or another operator.
      // (A relation leaves a space after itself; "a<t>" does not.)
      const sign = c === BIN && (before === "" || /[([{,;:|\n]$/.test(before) || (out.endsWith(" ") && /[=<>≤≥≈←→±×÷*+-]$/.test(before)));
      out = sign ? out + operator : `${before} ${operator} `;
    } else if (c === AFTER) out += " ";
    else if (c === AROUND) {
      if (endsLikeOperand(out) && startsLikeOperand(next())) out += " ";
    } else if (c === AFTER_BIG) {
      if (/^[^\s)\]},;.]/.test(next())) out += " ";
    } else if (c === NOSPACE) out = out.replace(/ +$/, "");
    else if (c === QUAD) out = rendered[i - 1] === QUAD ? `${out}  ` : `${out.replace(/ +$/, "")}  `;
    else if (c !== " " || !out.endsWith(" ")) out += c;
  }
  return out;
}

/** One formula (the inside of $…$ or $$…$$) as text. */
export function texToText(tex: string): string {
  const parser = new Parser(tokenize(tex));
  let rendered = "";
  // A stray "}" ends a sequence early: carry on after it.
  while (!parser.done()) rendered += parser.sequence();
  return resolve(rendered)
    .replace(/[ \t]+$/gm, "")
    .replace(/^\n+|\n+$/g, "")
    .replace(/^ +/, "")
    .normalize("NFC"); // ŷ and ŝ as one character where Unicode has one
}

/**
 * Markdown with math, the math as text: inline formulas in place, display formulas on lines of their own,
 * indented. Code (fenced blocks and `inline`) is left as written.
 */
export function mathToText(markdown: string): string {
  const pattern = /(```[\s\S]*?(?:```|$)|`[^`\n]*`)|\$\$([\s\S]+?)\$\$|\$((?:\\\$|[^$])+?)\$/g;
  return markdown.replace(pattern, (match, code: string | undefined, display: string | undefined, inline: string | undefined, offset: number, all: string) => {
    if (code !== undefined) return code;
    if (display !== undefined) {
      const lines = texToText(display).split("\n");
      const before = offset > 0 && all[offset - 1] !== "\n" ? "\n" : "";
      const after = offset + match.length < all.length && all[offset + match.length] !== "\n" ? "\n" : "";
      return `${before}${lines.map((line) => `    ${line}`).join("\n")}${after}`;
    }
    // Inline math never spans a paragraph break.
    if (inline!.includes("\n\n")) return match;
    return texToText(inline!).replace(/\s*\n\s*/g, " ");
  });
}
