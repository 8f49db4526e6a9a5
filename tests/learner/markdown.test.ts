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
});
