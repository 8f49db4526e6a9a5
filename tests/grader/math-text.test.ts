/** LaTeX as terminal text (grader/math-text.ts): the subset the content uses, and every text the CLI prints. */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../exercises/catalog";
import { cardTexts, loadFlashcards, renderCard } from "../../exercises/flashcards";
import type { CaseGenerator } from "../../exercises/schema";
import { formatArgs, formatValue } from "../../grader/format";
import { mathToText, texToText } from "../../grader/math-text";

describe("math as text", () => {
  it("renders the statements' formulas readably", () => {
    expect(texToText(String.raw`J(\mathbf w,b) = \frac{1}{2m}\sum_{i=1}^{m}\left(f_{\mathbf w,b}(\mathbf x^{(i)}) - y^{(i)}\right)^2`)).toBe(
      "J(w, b) = 1/(2m) Σᵢ₌₁ᵐ (f_(w,b)(x⁽ⁱ⁾) - y⁽ⁱ⁾)²",
    );
    expect(texToText(String.raw`J = -\frac{1}{m}\sum_{i=1}^{m}\Big[y^{(i)}\log a^{[2](i)} + \big(1-y^{(i)}\big)\log\big(1-a^{[2](i)}\big)\Big]`)).toBe(
      "J = -1/m Σᵢ₌₁ᵐ [y⁽ⁱ⁾ log a[2](i) + (1 - y⁽ⁱ⁾) log(1 - a[2](i))]",
    );
    expect(texToText(String.raw`\operatorname{softmax}\left(\frac{QK^\top}{\sqrt{d_k}} + M\right)V`)).toBe("softmax(QKᵀ/√dₖ + M)V");
    expect(texToText(String.raw`W \leftarrow W - \alpha \frac{\hat v_{dW}}{\sqrt{\hat s_{dW}} + \epsilon}`)).toBe("W ← W - α v̂_(dW)/(√ŝ_(dW) + ϵ)");
    expect(texToText(String.raw`\sigma(z) = \frac{1}{1+e^{-z}}, \quad \hat y \in \{0, 1\}, \quad \lVert g \rVert_2 \ge \lfloor \tfrac{n}{s} \rfloor`)).toBe(
      "σ(z) = 1/(1 + e⁻ᶻ),  ŷ ∈ {0, 1},  ‖g‖₂ ≥ ⌊n/s⌋",
    );
    expect(texToText(String.raw`X = \begin{bmatrix}1 & 2\\3 & 4\end{bmatrix}, D_{ij} = \begin{cases}1 & U_{ij} < \text{keep\_prob}\\ 0 & \text{otherwise}\end{cases}`)).toBe(
      "X = [1, 2; 3, 4], Dᵢⱼ = { 1 if Uᵢⱼ < keep_prob; 0 otherwise }",
    );
    expect(texToText(String.raw`a^{<t>} = \Gamma_o * \tanh(c^{<t>}), \ \tilde c^{<t>}, \ \vec{w}\cdot\vec{x}`)).toBe("a<t> = Γₒ * tanh(c<t>), c̃<t>, w⃗·x⃗");
  });

  it("puts display math on lines of its own and leaves code alone", () => {
    const markdown = "The cost\n\n$$J = \\frac{1}{2m}\\sum_i e_i^2$$\n\nwith `$notMath$` and $m$ examples:\n\n```ts\nconst x = \"$\\\\frac$\";\n```\n";
    expect(mathToText(markdown)).toBe("The cost\n\n    J = 1/(2m) Σᵢ eᵢ²\n\nwith `$notMath$` and m examples:\n\n```ts\nconst x = \"$\\\\frac$\";\n```\n");
  });

  it("keeps a command it does not know, so the check below finds it", () => {
    expect(texToText(String.raw`\frobnicate{x} + 1`)).toContain("\\frobnicate");
  });

  it("leaves no backslash command in any statement, hint, misconception, case note or flashcard", async () => {
    const texts: { where: string; text: string }[] = [];
    for (const entry of loadCatalog()) {
      const slug = entry.meta.slug;
      for (const lang of ["en", "zh"] as const) {
        texts.push({ where: `${slug} statement.${lang}.md`, text: entry.statement[lang] }, { where: `${slug} title (${lang})`, text: entry.meta.title[lang] });
        entry.meta.hints.forEach((hint, i) => texts.push({ where: `${slug} hint ${i + 1} (${lang})`, text: hint[lang] }));
        for (const m of entry.meta.misconceptions) texts.push({ where: `${slug} misconception ${m.id} (${lang})`, text: `${m.title[lang]}\n${m.explanation[lang]}` });
      }
      const cases = ((await import(pathToFileURL(path.join(entry.dir, "cases.ts")).href)) as { default: CaseGenerator }).default(1);
      for (const c of cases) for (const lang of ["en", "zh"] as const) if (c.note) texts.push({ where: `${slug} case "${typeof c.name === "string" ? c.name : c.name.en}" note (${lang})`, text: c.note[lang] });
    }
    for (const card of loadFlashcards()) {
      for (const { field, text } of cardTexts(card)) for (const lang of ["en", "zh"] as const) texts.push({ where: `card ${card.id} ${field} (${lang})`, text: text[lang] });
      // The faces `lacuna cards` prints, with the cloze deletions boxed.
      for (const lang of ["en", "zh"] as const) for (const [face, text] of Object.entries(renderCard(card, lang))) texts.push({ where: `card ${card.id} ${face} face (${lang})`, text: String(text) });
    }
    expect(texts.length).toBeGreaterThan(1000);

    const left = texts.flatMap(({ where, text }) => {
      const prose = mathToText(text).replace(/```[\s\S]*?```|`[^`\n]*`/g, "");
      const commands = prose.match(/\\[A-Za-z]+|\\[^\sA-Za-z]/g);
      return commands ? [`${where}: ${[...new Set(commands)].join(" ")}`] : [];
    });
    expect(left).toEqual([]);
  }, 120_000);
});

describe("values in the terminal", () => {
  it("prints -0 as 0 (the comparison treats them as equal)", () => {
    expect(formatValue([-0, 0.5, -1])).toBe("[0, 0.5, -1]");
    expect(formatArgs(["x", "b"], [[-0], -0])).toBe("x = [0], b = 0");
  });

  it("keeps six significant digits and drops only the zeros after a decimal point", () => {
    expect(formatValue([100000.4, 120000.3, 999999.4])).toBe("[100000, 120000, 999999]");
    expect(formatValue([0.5, 1.25, 123.456789, 100.0001, -0.000012345678])).toBe("[0.5, 1.25, 123.457, 100, -0.0000123457]");
    expect(formatValue([1e-7, 1.5e-7, 1e21, -2.5e30, 1234567.8])).toBe("[1e-7, 1.5e-7, 1e+21, -2.5e+30, 1.23457e+6]");
    expect(formatValue([NaN, Infinity, -Infinity, 42])).toBe("[NaN, Infinity, -Infinity, 42]");
  });
});
