import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import katex from "katex";
import { describe, expect, it } from "vitest";
import {
  cardCountsByTopic,
  cardsByTopic,
  cardTexts,
  clozeNumbers,
  findCard,
  FlashcardFormatError,
  loadFlashcards,
  mathSpans,
  parseCloze,
  renderCard,
  renderCloze,
  type ClozeCard,
  type Flashcard,
} from "../../exercises/flashcards";
import { langs } from "../../exercises/schema";
import { main } from "../../grader/cli/main";
import { topicIds } from "../../exercises/topics";
import { notesAvailable, readNotes } from "../helpers/notes";

const root = path.join(process.cwd(), "exercises", "flashcards");
const cards = loadFlashcards(root);


/** Renders every math span of `markdown` with KaTeX; returns "where: message" for each span that fails. */
function katexFailures(markdown: string, where: string): string[] {
  const failures: string[] = [];
  for (const span of mathSpans(markdown)) {
    try {
      katex.renderToString(span.tex, { throwOnError: true, displayMode: span.display, strict: "error" });
    } catch (error) {
      failures.push(`${where}: ${(error as Error).message}`);
    }
  }
  return failures;
}

function tempRoot(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "lacuna-cards-"));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

const goodCard = {
  id: "tmp-card",
  kind: "qa",
  topics: ["softmax"],
  front: { zh: "问", en: "Q" },
  back: { zh: "答", en: "A" },
  notesSection: "多分类问题",
};

describe("the flashcard collection", () => {
  it("validates and holds at least 150 cards", () => {
    expect(cards.length).toBeGreaterThanOrEqual(150);
  });

  it("gives every card a unique id", () => {
    const ids = cards.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("covers every topic of the topic map with at least four cards", () => {
    const counts = cardCountsByTopic(cards);
    const thin = topicIds.filter((t) => counts[t] < 4).map((t) => `${t}: ${counts[t]}`);
    expect(thin).toEqual([]);
    for (const topic of topicIds) expect(cardsByTopic(topic, cards).length).toBeGreaterThanOrEqual(counts[topic]);
  });

  it("fills both languages of every text", () => {
    const empty = cards.flatMap((card) =>
      cardTexts(card).flatMap(({ field, text }) => langs.filter((lang) => !text[lang].trim()).map((lang) => `${card.id} ${field}.${lang}`)),
    );
    expect(empty).toEqual([]);
  });

  it("writes the Chinese side in Chinese and the English side without Chinese", () => {
    const han = /\p{Script=Han}/u;
    const wrong = cards.flatMap((card) =>
      cardTexts(card).flatMap(({ field, text }) => [
        ...(han.test(text.zh) ? [] : [`${card.id} ${field}.zh has no Chinese`]),
        ...(han.test(text.en) ? [`${card.id} ${field}.en contains Chinese`] : []),
      ]),
    );
    expect(wrong).toEqual([]);
  });

  it("gives every cloze card deletions, numbered the same in zh and en", () => {
    const cloze = cards.filter((c): c is ClozeCard => c.kind === "cloze");
    expect(cloze.length).toBeGreaterThan(40);
    for (const card of cloze) {
      const zh = clozeNumbers(card.text.zh);
      expect(zh.length, card.id).toBeGreaterThan(0);
      expect(clozeNumbers(card.text.en), card.id).toEqual(zh);
    }
  });

  it("renders every math span with KaTeX, including cloze questions and answers", () => {
    const failures = cards.flatMap((card) =>
      langs.flatMap((lang) => {
        const rendered = renderCard(card, lang);
        const sides = [
          ...katexFailures(rendered.question, `${card.id} question.${lang}`),
          ...katexFailures(rendered.answer, `${card.id} answer.${lang}`),
          ...katexFailures(rendered.extra ?? "", `${card.id} extra.${lang}`),
        ];
        if (card.kind !== "cloze") return sides;
        return [...sides, ...clozeNumbers(card.text[lang]).flatMap((n) => katexFailures(renderCloze(card, lang, { deletion: n }).question, `${card.id} c${n}.${lang}`))];
      }),
    );
    expect(failures).toEqual([]);
  });

  it("has math in a good share of the cards", () => {
    const withMath = cards.filter((card) => cardTexts(card).some(({ text }) => mathSpans(text.en).length > 0));
    expect(withMath.length).toBeGreaterThan(cards.length / 3);
  });

  it.skipIf(!notesAvailable)("traces every card to a section that occurs verbatim in the notes", () => {
    const notes = readNotes();
    const missing = cards.filter((c) => !notes.includes(c.notesSection)).map((c) => `${c.id}: ${c.notesSection}`);
    expect(missing).toEqual([]);
  });

  it("has both kinds of card for the dense topics", () => {
    for (const topic of ["gradient-descent", "logistic-regression", "regularization", "softmax", "optimizers", "batch-normalization", "cnn", "attention"] as const) {
      const kinds = new Set(cardsByTopic(topic, cards).map((c) => c.kind));
      expect([...kinds].sort(), topic).toEqual(["cloze", "qa"]);
    }
  });
});

describe("the loader's helpers", () => {
  it("finds a card by id and returns undefined for an unknown id", () => {
    const first = cards[0] as Flashcard;
    expect(findCard(first.id, cards)).toBe(first);
    expect(findCard("no-such-card", cards)).toBeUndefined();
  });

  it("returns cards tagged with a topic as a secondary topic too", () => {
    const tagged = cards.find((c) => c.topics.length > 1) as Flashcard;
    const secondary = tagged.topics[1]!;
    expect(cardsByTopic(secondary, cards)).toContain(tagged);
  });

  it("hides and reveals cloze deletions in text and in math", () => {
    const card: ClozeCard = {
      id: "t",
      kind: "cloze",
      topics: ["softmax"],
      notesSection: "多分类问题",
      text: {
        zh: "softmax:$a_j = {{c1::\\frac{e^{z_j} }{\\sum_k e^{z_k} } }}$,输出之和为 {{c2::1::一个数}}。",
        en: "softmax: $a_j = {{c1::\\frac{e^{z_j} }{\\sum_k e^{z_k} } }}$; the outputs sum to {{c2::1::a number}}.",
      },
      extra: { zh: "补充", en: "More" },
    };
    const all = renderCloze(card, "en");
    expect(all.question).toBe("softmax: $a_j = \\boxed{\\,?\\,}$; the outputs sum to [a number].");
    expect(all.answer).toBe("softmax: $a_j = \\boxed{\\frac{e^{z_j} }{\\sum_k e^{z_k} } }$; the outputs sum to **1**.");
    expect(all.extra).toBe("More");
    const onlyC2 = renderCloze(card, "zh", { deletion: 2 });
    expect(onlyC2.question).toBe("softmax:$a_j = \\frac{e^{z_j} }{\\sum_k e^{z_k} } $,输出之和为 [一个数]。");
    expect(onlyC2.answer).toBe("softmax:$a_j = \\frac{e^{z_j} }{\\sum_k e^{z_k} } $,输出之和为 **1**。");
    expect(() => renderCloze(card, "en", { deletion: 3 })).toThrow(/no deletion c3/);
  });

  it("parses deletions with their hint and whether they sit inside math", () => {
    expect(parseCloze("a {{c1::b::hint}} $x = {{c2::y}}$ $$z$$")).toEqual({
      ok: true,
      segments: [
        { type: "text", text: "a " },
        { type: "deletion", number: 1, answer: "b", hint: "hint", inMath: false },
        { type: "text", text: " $x = " },
        { type: "deletion", number: 2, answer: "y", inMath: true },
        { type: "text", text: "$ $$z$$" },
      ],
    });
    expect(parseCloze("$x = {{c1::y}}")).toEqual({ ok: false, error: "a $…$ or $$…$$ math span is never closed" });
    expect(clozeNumbers("{{c2::a}} {{c1::b}} {{c2::c}}")).toEqual([1, 2]);
  });

  it("finds inline and display math spans and skips escaped dollars", () => {
    expect(mathSpans("cost \\$5, $a+b$ and $$\\frac{1}{2}$$")).toEqual([
      { tex: "a+b", display: false },
      { tex: "\\frac{1}{2}", display: true },
    ]);
  });
});

describe("malformed flashcard files", () => {
  function problemsOf(files: Record<string, unknown>): string {
    try {
      loadFlashcards(tempRoot(files));
    } catch (error) {
      expect(error).toBeInstanceOf(FlashcardFormatError);
      return (error as Error).message;
    }
    throw new Error("expected the loader to fail");
  }

  it("names the file, the card and the field of a missing translation", () => {
    const message = problemsOf({ "softmax.json": [{ ...goodCard, back: { zh: "答" } }] });
    expect(message).toContain('softmax.json card "tmp-card" back.en');
  });

  it("rejects an unknown topic and a first topic that is not the file's", () => {
    expect(problemsOf({ "softmax.json": [{ ...goodCard, topics: ["softmax", "quantum"] }] })).toMatch(/softmax\.json card "tmp-card" topics\.1: unknown topic id/);
    expect(problemsOf({ "softmax.json": [{ ...goodCard, topics: ["cnn", "softmax"] }] })).toMatch(/first topic must be the file's topic "softmax"/);
  });

  it("rejects a file named after no topic, and invalid JSON with its file name", () => {
    expect(problemsOf({ "softmaxx.json": [goodCard] })).toMatch(/softmaxx\.json: the file name must be a topic id/);
    expect(problemsOf({ "cnn.json": "[{" })).toMatch(/^[\s\S]*cnn\.json: /);
  });

  it("rejects ids reused across files and ids that are not kebab-case", () => {
    expect(problemsOf({ "softmax.json": [goodCard], "cnn.json": [{ ...goodCard, topics: ["cnn"] }] })).toMatch(/cnn\.json card "tmp-card" id: already used in softmax\.json/);
    expect(problemsOf({ "softmax.json": [{ ...goodCard, id: "Tmp_Card" }] })).toMatch(/card "Tmp_Card" id: must be kebab-case/);
  });

  it("rejects cloze cards without deletions, with mismatched numbers, or with a brace-swallowing deletion", () => {
    const cloze = { id: "c", kind: "cloze", topics: ["softmax"], notesSection: "多分类问题" };
    expect(problemsOf({ "softmax.json": [{ ...cloze, text: { zh: "没有", en: "none" } }] })).toMatch(/card "c" text\.zh: a cloze card needs at least one deletion/);
    expect(problemsOf({ "softmax.json": [{ ...cloze, text: { zh: "{{c1::甲}}", en: "{{c2::a}}" } }] })).toMatch(/same deletion numbers \(zh: c1; en: c2\)/);
    expect(problemsOf({ "softmax.json": [{ ...cloze, text: { zh: "$x = {{c1::\\frac{1}{2}}}$", en: "$x = {{c1::\\frac{1}{2} }}$" } }] })).toMatch(/text\.zh: deletion c1 .* unbalanced braces/);
    expect(problemsOf({ "softmax.json": [{ ...cloze, text: { zh: "{{c1::甲", en: "{{c1::a}}" } }] })).toMatch(/never closed/);
  });

  it("rejects a qa card carrying cloze fields (cards are strict)", () => {
    expect(problemsOf({ "softmax.json": [{ ...goodCard, text: { zh: "x", en: "x" } }] })).toMatch(/card "tmp-card" .*text/);
  });
});

describe("lacuna cards", () => {
  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["cards", ...argv], { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("reports the total and the count of every topic as JSON", async () => {
    const { code, out } = await run("--json");
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { total: number; byTopic: Record<string, number> };
    expect(parsed.total).toBe(cards.length);
    expect(Object.keys(parsed.byTopic).sort()).toEqual([...topicIds].sort());
  });

  it("prints one card with its question hidden and its answer revealed", async () => {
    const { code, out } = await run("lstm-output", "--lang", "zh");
    expect(code).toBe(0);
    // Math as terminal text (grader/math-text.ts): a hidden deletion is "[ ? ]", a revealed one is boxed in [].
    expect(out).toContain("a<t> = [ ? ]");
    expect(out).toContain("[Γₒ * tanh(c<t>)]");
    expect(out).toContain("笔记出处：LSTM中,不存在GRU里的c<t>=a<t>");
  });

  it("lists a topic's cards, including cards tagged with it as a secondary topic", async () => {
    const { code, out } = await run("--topic", "gru");
    expect(code).toBe(0);
    expect(out).toContain("gru-memory-update");
    expect(out).toContain("lstm-vs-gru");
  });

  it("rejects an unknown card or topic with exit code 2 and a reason", async () => {
    const card = await run("lstm");
    expect(card.code).toBe(2);
    expect(card.err).toContain('there is no card "lstm" (did you mean lstm-gates');
    const topic = await run("--topic", "transformers");
    expect(topic.code).toBe(2);
    expect(topic.err).toContain('--topic must be a topic id');
  });
});
