import { cardCountsByTopic, cardsByTopic, findCard, FlashcardFormatError, loadFlashcards, renderCard, type Flashcard } from "../../../exercises/flashcards";
import type { Lang } from "../../../exercises/schema";
import { getTopic, isTopicId, topicIds } from "../../../exercises/topics";
import { mathToText } from "../../math-text";
import { CliError, type Command } from "../command";

/** Validation problems are the author's to fix, so they are reported like any other user error (exit 2). */
function loadOrExplain(): Flashcard[] {
  try {
    return loadFlashcards();
  } catch (error) {
    if (error instanceof FlashcardFormatError) throw new CliError(error.message);
    throw error;
  }
}

function firstLine(text: string, max = 70): string {
  const line = text.split("\n").find((l) => l.trim()) ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function printCard(card: Flashcard, lang: Lang, out: (text: string) => void): void {
  const labels = lang === "zh" ? { q: "问题", a: "答案", x: "说明", s: "笔记出处" } : { q: "Question", a: "Answer", x: "Extra", s: "Notes section" };
  const rendered = renderCard(card, lang);
  const [question, answer] = [mathToText(rendered.question), mathToText(rendered.answer)];
  const extra = rendered.extra === undefined ? undefined : mathToText(rendered.extra);
  out(`${card.id}  (${card.kind})  [${card.topics.join(", ")}]`);
  out(`${labels.s}${lang === "zh" ? "：" : ": "}${card.notesSection}`);
  out(`── ${labels.q} ──`);
  out(question);
  out(`── ${labels.a} ──`);
  out(answer);
  if (extra) {
    out(`── ${labels.x} ──`);
    out(extra);
  }
}

export const cardsCommand: Command = {
  name: "cards",
  async run({ positionals, values, io, lang, say }) {
    const cards = loadOrExplain();
    const id = positionals[0];
    if (id) {
      const card = findCard(id, cards);
      if (!card) {
        const close = cards.map((c) => c.id).filter((c) => c.includes(id) || id.includes(c));
        throw new CliError(say.noCard(id, close.slice(0, 5)));
      }
      if (values.json) io.out(JSON.stringify(card, null, 2));
      else printCard(card, lang, io.out);
      return 0;
    }
    if (values.topic !== undefined) {
      const topic = String(values.topic);
      if (!isTopicId(topic)) throw new CliError(say.topicInvalid(topic, topicIds));
      const selected = cardsByTopic(topic, cards);
      if (values.json) {
        io.out(JSON.stringify(selected, null, 2));
        return 0;
      }
      io.out(`${getTopic(topic).name[lang]}${lang === "zh" ? "：" : ": "}${selected.length}`);
      const width = Math.max(0, ...selected.map((c) => c.id.length));
      for (const card of selected) io.out(`${card.id.padEnd(width)}  ${card.kind.padEnd(5)}  ${firstLine(mathToText(renderCard(card, lang).question))}`);
      return 0;
    }
    const counts = cardCountsByTopic(cards);
    if (values.json) {
      io.out(JSON.stringify({ total: cards.length, byTopic: counts }, null, 2));
      return 0;
    }
    const width = Math.max(...topicIds.map((t) => t.length));
    for (const topic of topicIds) io.out(`${topic.padEnd(width)}  ${String(counts[topic]).padStart(3)}  ${getTopic(topic).name[lang]}`);
    const cloze = cards.filter((c) => c.kind === "cloze").length;
    io.out(lang === "zh" ? `共 ${cards.length} 张卡片（填空 ${cloze}，问答 ${cards.length - cloze}），全部通过校验。` : `${cards.length} cards (${cloze} cloze, ${cards.length - cloze} Q&A), all valid.`);
    return 0;
  },
};
