// Statements, hints and misconception explanations: Markdown with KaTeX math, raw HTML shown as text.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/exercises/catalog";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown";

describe("renderMarkdown", () => {
  it("renders inline and display math with KaTeX and leaves the rest as Markdown", () => {
    const html = renderMarkdown("The cost $J(w,b)$ is\n\n$$J = \\frac{1}{2m}\\sum_i e_i^2$$\n\n- **bold** and `code`");
    expect(html).toContain('<span class="katex">');
    expect(html).toContain('<div class="math-display"><span class="katex-display">');
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<code>code</code>");
    expect(html).not.toContain("$");
  });

  it("shows raw HTML as text instead of injecting it", () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)"> and <script>alert(2)</script>');
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
  });

  it("renders every statement, hint and misconception of the catalogue without a KaTeX error", () => {
    for (const { meta, statement } of loadCatalog()) {
      const texts = [statement.en, statement.zh, ...meta.hints.flatMap((h) => [h.en, h.zh]), ...meta.misconceptions.flatMap((m) => [m.explanation.en, m.explanation.zh])];
      for (const text of texts) expect(renderMarkdown(text), `${meta.slug}: ${text.slice(0, 60)}`).not.toContain("katex-error");
      expect(renderInlineMarkdown(meta.misconceptions[0]!.title.en)).not.toContain("<p>");
    }
  });

  it("renders a formula that wraps onto the paragraph's next source line, and puts a table in a box that scrolls", () => {
    const html = renderMarkdown("Return $\\dfrac{\\partial J}{\\partial W},\n\\dfrac{\\partial J}{\\partial b}$.\n\n| a | b |\n|---|---|\n| $1$ | 2 |");
    expect(html).not.toContain("$");
    expect(html.match(/<span class="katex">/g)).toHaveLength(2);
    expect(html).toContain('<div class="table-scroll"><table>');
    expect(html).toContain("</table></div>");
    // A blank line still ends a formula that was never closed.
    expect(renderMarkdown("costs $5\n\nand $x$")).toContain("costs $5");
  });

  it("leaves no formula of any statement unrendered (before: five statements showed raw $…$ text)", () => {
    const raw = loadCatalog().flatMap(({ meta, statement }) =>
      (["en", "zh"] as const).flatMap((lang) => {
        const html = renderMarkdown(statement[lang]).replace(/<code[\s\S]*?<\/code>/g, "").replace(/<annotation[\s\S]*?<\/annotation>/g, "");
        const at = html.indexOf("$");
        return at < 0 ? [] : [`${meta.slug} (${lang}): …${html.slice(Math.max(0, at - 40), at + 40)}…`];
      }),
    );
    expect(raw).toEqual([]);
  });
});

describe("visible cases' notes", () => {
  it("are rendered as Markdown with KaTeX on the server, not shown raw (tester: softmax, linear-regression-cost)", async () => {
    const { caseNoteHtml } = await import("../../app/exercises/[slug]/rendered");
    const axis = caseNoteHtml("`axis = 1`: each row holds one example's $N$ logits");
    expect(axis).toContain("<code>axis = 1</code>");
    expect(axis).toContain('<span class="katex">');
    expect(axis).not.toMatch(/[`$]/);
    const overflow = caseNoteHtml("$e^{1000}$ overflows");
    expect(overflow).toContain('<span class="katex">');
    expect(overflow).not.toContain("$");
    expect(caseNoteHtml("$e^{1000}$ overflows")).toBe(overflow);
    expect(caseNoteHtml("<img src=x onerror=alert(1)>")).not.toContain("<img");
  });

  it("every visible case note of the catalog renders without raw $ or backticks", async () => {
    const { caseNoteHtml } = await import("../../app/exercises/[slug]/rendered");
    const { generateCases, loadOracle } = await import("@/exercises/oracle");
    const entries = loadCatalog().filter((e) => ["softmax", "linear-regression-cost"].includes(e.meta.slug));
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      const cases = generateCases(await loadOracle(entry), 1);
      const notes = cases.flatMap((c) => (c.visible && c.note ? [c.note.en, c.note.zh] : []));
      expect(notes.length, entry.meta.slug).toBeGreaterThan(0);
      for (const note of notes) expect(caseNoteHtml(note).replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, ""), note).not.toMatch(/[`$]/);
    }
  });
});
