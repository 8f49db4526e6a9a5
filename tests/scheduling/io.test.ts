import { describe, expect, it } from "vitest";
import { createCard, review, undoReview, type SrsReviewLogEntry } from "../../lib/scheduling/core/core";
import { parseSchedulerSettings, Rating, type ReviewRating } from "../../lib/scheduling/core/schema";
import { flashcardsToAnkiTsv, parseReviewLogCsv, replayImportedReviews, reviewLogsToCsv } from "../../lib/scheduling/io/core";
import { csvIssueCodes, csvIssueText, csvLineLabel } from "../../lib/scheduling/io/messages";

const settings = parseSchedulerSettings({ timezone: "UTC" });
const DAY = 86_400_000;
const t0 = Date.UTC(2026, 9, 1, 9);

function history(itemId: string, ratings: readonly ReviewRating[], start = t0): SrsReviewLogEntry[] {
  let card = createCard("u1", { itemType: "flashcard", itemId }, new Date(start));
  return ratings.map((rating, i) => {
    const r = review(card, rating, new Date(start + i * 2 * DAY), settings, { durationMs: 1000 * (i + 1) });
    card = r.card;
    return r.log;
  });
}

describe("review-log CSV", () => {
  const logs = [...history("a", [Rating.Good, Rating.Again, Rating.Good]), ...history("b,with \"quotes\"", [Rating.Easy, Rating.Hard], t0 + DAY)];

  it("exports the optimizer's columns, oldest first, quoting where needed", () => {
    const csv = reviewLogsToCsv(logs);
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
    expect(lines[1]).toBe(`flashcard:a,${t0},3,0,1000`);
    expect(lines[2]).toBe(`"flashcard:b,with ""quotes""",${t0 + DAY},4,0,1000`);
    expect(lines).toHaveLength(6);
  });

  it("uses the database card id when given and leaves undone reviews out", () => {
    const withIds = logs.map((l, i) => ({ ...l, cardId: 100 + (l.itemId === "a" ? 1 : 2), undone: i === 2 }));
    const csv = reviewLogsToCsv(withIds);
    expect(csv.trimEnd().split("\n")).toHaveLength(5);
    expect(csv).toContain(`\n101,${t0},3,0,1000\n`);
  });

  it("round-trips: export, import, same reviews", () => {
    const parsed = parseReviewLogCsv(reviewLogsToCsv(logs));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.rows.map((r) => [r.cardId, r.reviewTime.getTime(), r.rating, r.state, r.durationMs])).toEqual(
      [...logs].sort((x, y) => x.review.getTime() - y.review.getTime()).map((l) => [`flashcard:${l.itemId}`, l.review.getTime(), l.rating, l.state, l.durationMs]),
    );
    expect(parsed.rows[0]!.line).toBe(2);
  });

  it("replays imported rows into the same cards and logs the scheduler would have made", () => {
    const parsed = parseReviewLogCsv(reviewLogsToCsv(logs));
    if (!parsed.ok) throw new Error("parse failed");
    const { cards, logs: replayed, unknownCardIds } = replayImportedReviews(parsed.rows, "u1", (id) => (id === "flashcard:a" ? { itemType: "flashcard", itemId: "a" } : null), settings);
    expect(unknownCardIds).toEqual(['flashcard:b,with "quotes"']);
    expect(cards).toHaveLength(1);
    const original = logs.filter((l) => l.itemId === "a");
    expect(replayed.map((l) => ({ ...l, source: "review" }))).toEqual(original);
    expect(replayed.every((l) => l.source === "import")).toBe(true);
  });

  it("accepts columns in any order and without the optional ones, and a BOM and CRLF", () => {
    const parsed = parseReviewLogCsv(`\uFEFFreview_rating,card_id,review_time\r\n3,x,${t0}\r\n1,x,${t0 + DAY}\r\n`);
    expect(parsed).toMatchObject({ ok: true });
    if (parsed.ok) expect(parsed.rows.map((r) => [r.cardId, r.rating, r.state, r.durationMs])).toEqual([["x", 3, null, null], ["x", 1, null, null]]);
  });

  it("reports every bad cell with its line number and column", () => {
    const csv = [
      "card_id,review_time,review_rating,review_state,review_duration",
      `a,${t0},3,0,1000`,
      `a,${t0},5,0,1000`,
      `,${Math.floor(t0 / 1000)},3,0,1000`,
      `a,${t0},3,7,-5`,
      `a,${t0},3`,
      `a,yesterday,3,0,1000`,
    ].join("\n");
    const parsed = parseReviewLogCsv(csv);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const messages = parsed.issues.map((i) => `${i.line}:${i.column ?? ""} ${i.message}`);
    expect(messages).toEqual([
      "3:review_rating review_rating: review_rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)",
      "4:card_id card_id: card_id is empty",
      "4:review_time review_time: review_time must be milliseconds since 1970 after 2000-01-01 (seconds given?)",
      "5:review_state review_state: review_state must be 0 (New), 1 (Learning), 2 (Review) or 3 (Relearning)",
      "5:review_duration review_duration: review_duration must not be negative",
      "6: expected 5 cells, found 3",
      "7:review_time review_time: review_time (milliseconds since 1970) must be an integer",
    ]);
  });

  it("rejects a bad header and an unclosed quote with the line", () => {
    const header = parseReviewLogCsv("card,review_time,rating\n1,2,3\n");
    expect(header.ok).toBe(false);
    if (!header.ok) {
      expect(header.issues.map((i) => i.message)).toEqual([
        'missing column "card_id" (header must contain card_id, review_time, review_rating)',
        'missing column "review_rating" (header must contain card_id, review_time, review_rating)',
        'unknown column "card" (known: card_id, review_time, review_rating, review_state, review_duration)',
        'unknown column "rating" (known: card_id, review_time, review_rating, review_state, review_duration)',
      ]);
    }
    expect(parseReviewLogCsv("")).toEqual({
      ok: false,
      issues: [{ line: 1, code: "emptyFile", params: { columns: "card_id,review_time,review_rating,review_state,review_duration" }, message: "the file is empty; expected a header line card_id,review_time,review_rating,review_state,review_duration" }],
    });
    expect(parseReviewLogCsv(`card_id,review_time,review_rating\n"a,${t0},3\n`)).toEqual({ ok: false, issues: [{ line: 2, code: "unclosedQuote", params: {}, message: "a quoted cell is never closed" }] });
  });

  it("words every problem in Chinese for a zh page, each unlike its English text, and labels the line", () => {
    const zhIssues = (csv: string) => {
      const result = parseReviewLogCsv(csv);
      return result.ok ? [] : result.issues.map((issue) => `${csvLineLabel(issue.line, "zh")}：${csvIssueText(issue, "zh")}`);
    };
    expect(zhIssues(`card_id,review_time,review_rating\n"a,${t0},3\n`)).toEqual(["第 2 行：有一个带引号的单元格没有闭合"]);
    expect(zhIssues("card,review_time\n")[0]).toBe('第 1 行：缺少列 "card_id"（表头必须包含 card_id, review_time, review_rating）');
    expect(zhIssues(`card_id,review_time,review_rating,review_duration\n,x,9,-1\nc,${t0},3,0\nc,${t0},1,0\n`)).toEqual([
      "第 2 行：card_id 是空的",
      "第 2 行：review_time 必须是整数（1970 年以来的毫秒数）",
      "第 2 行：review_rating 必须是 1（重来）、2（困难）、3（良好）或 4（简单）",
      "第 2 行：review_duration 不能为负数",
      expect.stringMatching(/^第 4 行：c 在 .* 有两条不同的复习：第 3 行评为 3（良好），这一行评为 1（重来）；请保留正确的一条$/),
    ]);
    expect(csvLineLabel(4, "en")).toBe("line 4");
    const params = { columns: "a", column: "c", required: "r", known: "k", expected: 2, found: 1, max: 1, earlier: 1, cardId: "x", when: "t", earlierRating: 1, rating: 2, line: 3, item: "flashcard:x", stored: 3, now: "t", megabytes: 5, rows: 9 };
    for (const code of csvIssueCodes) {
      const zh = csvIssueText({ code, params, message: "" }, "zh");
      expect(zh, code).not.toBe(csvIssueText({ code, params, message: "" }, "en"));
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("exports nothing for a review that was undone", () => {
    const [first] = history("z", [Rating.Good]);
    const card = review(createCard("u1", { itemType: "flashcard", itemId: "z" }, new Date(t0)), Rating.Good, new Date(t0), settings).card;
    const undone = undoReview(card, first!, settings).log;
    expect(reviewLogsToCsv([undone])).toBe("card_id,review_time,review_rating,review_state,review_duration\n");
  });
});

describe("Anki TSV", () => {
  it("writes Anki's headers and one note per line: front, back, tags", () => {
    const tsv = flashcardsToAnkiTsv([{ id: "c1", front: { zh: "什么是 softmax?", en: "What is softmax?" }, back: { zh: "归一化指数", en: "Normalised exponential" }, topics: ["softmax", "neural-networks"] }]);
    expect(tsv).toBe(
      "#separator:tab\n#html:true\n#tags column:3\n" +
        '<div lang="zh">什么是 softmax?</div><div lang="en">What is softmax?</div>\t<div lang="zh">归一化指数</div><div lang="en">Normalised exponential</div>\tlacuna softmax neural-networks\n',
    );
  });

  it("escapes HTML, tabs and newlines so no note splits and markup shows literally", () => {
    const tsv = flashcardsToAnkiTsv([{ id: "c2", front: { zh: "a < b & c > d", en: 'say "hi"\tnow' }, back: { zh: "line 1\nline 2\r\nline 3", en: "#1" }, topics: ["model evaluation"] }]);
    const lines = tsv.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    const fields = lines[3]!.split("\t");
    expect(fields).toEqual([
      '<div lang="zh">a &lt; b &amp; c &gt; d</div><div lang="en">say &quot;hi&quot;&#9;now</div>',
      '<div lang="zh">line 1<br>line 2<br>line 3</div><div lang="en">#1</div>',
      "lacuna model_evaluation",
    ]);
  });

  it("rejects a card without its fields", () => {
    expect(() => flashcardsToAnkiTsv([{ id: "c3", front: { zh: "x" }, back: { zh: "y", en: "y" }, topics: [] } as never])).toThrow(/en/);
  });
});
