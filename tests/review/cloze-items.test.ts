// A cloze card asks one thing (issue 17, item 4): as in Anki, each deletion number of a cloze flashcard is its own
// review item with its own memory state. The card's first deletion keeps the card's id, so history recorded when
// the card asked every deletion at once stays valid; the session, the rating API, imports and the Anki export all
// see the items. On real SQLite and PostgreSQL databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clozeNumbers, parseCloze, renderCard, type ClozeCard } from "@/exercises/flashcards";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import type { Db } from "@/lib/db";
import { CardState, Rating } from "@/lib/scheduling";
import { clozeItemId, flashcardFaces, isKnownItem, itemFromCardId, reviewCatalog } from "@/lib/review/items";
import { rateResponse } from "@/lib/review/http";
import { reviewItem } from "@/lib/review/service";
import { loadLearnerState } from "@/lib/review/store";
import { saveReviewPreferences } from "@/lib/review/settings";
import { loadSession, sessionFromState } from "@/lib/review/session";

const T0 = new Date("2026-11-20T09:00:00Z");

/** The first cloze card with two deletions or more. */
function twoDeletionCard(): ClozeCard {
  const card = [...new Set(reviewCatalog().flashcards.values())].find((c): c is ClozeCard => c.kind === "cloze" && clozeNumbers(c.text.en).length >= 2);
  if (!card) throw new Error("no cloze card with two deletions");
  return card;
}

/** The answers of the deletions numbered `n` in a card's text. */
function answers(card: ClozeCard, n: number): string[] {
  const parsed = parseCloze(card.text.en);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.segments.flatMap((s) => (s.type === "deletion" && s.number === n ? [s.answer] : []));
}

describe("cloze deletions as review items", () => {
  it("makes one review item per deletion number, the first keeping the card's id", () => {
    const card = twoDeletionCard();
    const numbers = clozeNumbers(card.text.en);
    const ids = numbers.map((n) => clozeItemId(card, n));
    expect(ids[0]).toBe(card.id);
    expect(ids.slice(1)).toEqual(numbers.slice(1).map((n) => `${card.id}.c${n}`));
    const catalog = reviewCatalog();
    for (const [i, id] of ids.entries()) {
      expect(catalog.items.filter((item) => item.itemType === "flashcard" && item.itemId === id)).toHaveLength(1);
      expect(catalog.flashcards.get(id)).toBe(card);
      expect(catalog.clozeDeletions.get(id)).toBe(numbers[i]);
      expect(isKnownItem({ itemType: "flashcard", itemId: id })).toBe(true);
      expect(itemFromCardId(`flashcard:${id}`)).toEqual({ itemType: "flashcard", itemId: id });
    }
    expect(isKnownItem({ itemType: "flashcard", itemId: `${card.id}.c99` })).toBe(false);
    // A qa card stays one item under its id.
    const qa = [...catalog.flashcards.values()].find((c) => c.kind === "qa")!;
    expect(catalog.flashcards.get(qa.id)).toBe(qa);
    expect(catalog.clozeDeletions.has(qa.id)).toBe(false);
  });

  it("asks one deletion and shows the others (the card used to hide every deletion at once)", () => {
    const card = twoDeletionCard();
    const [first, second] = clozeNumbers(card.text.en) as [number, number];
    const all = renderCard(card, "en").question;
    const askFirst = flashcardFaces(clozeItemId(card, first), "en");
    const askSecond = flashcardFaces(clozeItemId(card, second), "en");
    expect(askFirst.question).not.toBe(all);
    for (const answer of answers(card, second)) {
      expect(askFirst.question).toContain(answer);
      expect(all).not.toContain(answer);
    }
    for (const answer of answers(card, first)) expect(askSecond.question).toContain(answer);
    expect(askFirst.question).not.toBe(askSecond.question);
    expect(flashcardFaces(clozeItemId(card, first), "zh").question).not.toBe(renderCard(card, "zh").question);
  });

  it("introduces a card's first deletions before the second ones within a topic (Anki's card type, then order gathered)", () => {
    const card = twoDeletionCard();
    const topic = card.topics[0]!;
    const ids = reviewCatalog().items.filter((i) => i.itemType === "flashcard" && i.topics[0] === topic).map((i) => i.itemId);
    const firstSecond = ids.findIndex((id) => /\.c\d+$/.test(id));
    expect(firstSecond).toBeGreaterThan(0);
    expect(ids.slice(firstSecond).every((id) => /\.c\d+$/.test(id))).toBe(true);
  });
});

describe.each(["sqlite", "postgres"] as const)("cloze review items on %s", (flavor) => {
  let t: TestDb;
  let userCounter = 0;
  const newUser = async (db: Db) => (await db.user.create({ data: { email: `cloze-${flavor}-${++userCounter}-${Date.now()}@example.test`, passwordHash: "not-used" } })).id;
  beforeAll(async () => {
    t = await createTestDb(flavor);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("schedules each deletion on its own: rating one leaves the other new; history under the card's id is the first deletion's", async () => {
    const userId = await newUser(t.db);
    const card = twoDeletionCard();
    const [first, second] = clozeNumbers(card.text.en) as [number, number];
    // A review stored before deletions were items: under the card's id.
    await reviewItem(t.db, { userId, item: { itemType: "flashcard", itemId: card.id }, rating: Rating.Good, now: T0 });
    await reviewItem(t.db, { userId, item: { itemType: "flashcard", itemId: card.id }, rating: Rating.Good, now: new Date(T0.getTime() + 600_000) });

    const request = (itemId: string, rating: number) =>
      new Request("http://localhost/api/review/rate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ itemId, rating, lastReview: null }) });
    const now = new Date(T0.getTime() + 3_600_000);
    expect((await rateResponse(t.db, userId, "en", request(clozeItemId(card, second), Rating.Again), now)).status).toBe(200);
    expect((await rateResponse(t.db, userId, "en", request(`${card.id}.c99`, Rating.Good), now)).status).toBe(404);

    const state = await loadLearnerState(t.db, userId);
    const byId = new Map(state.cards.map((c) => [c.itemId, c]));
    expect(byId.get(clozeItemId(card, first))).toMatchObject({ state: CardState.Review, reps: 2 });
    expect(byId.get(clozeItemId(card, second))).toMatchObject({ state: CardState.Learning, reps: 1, lapses: 0 });
    const session = sessionFromState(state, { lang: "en", now: new Date(now.getTime() + 5 * 60_000) });
    // The second deletion's learning step comes back; its card asks that deletion only.
    expect(session.current?.itemId).toBe(clozeItemId(card, second));
    expect(session.current?.questionHtml).not.toBe(sessionFromState({ ...state, cards: [] }, { lang: "en", now: T0 }).current?.questionHtml);
  });

  it("a new learner's session shows a cloze item's question with one deletion hidden", async () => {
    const userId = await newUser(t.db);
    await saveReviewPreferences(t.db, userId, { dailyNewLimit: 400, desiredRetention: 0.9, timezone: "UTC" });
    const session = await loadSession(t.db, userId, { lang: "en", now: T0 });
    const current = session.current!;
    const card = reviewCatalog().flashcards.get(current.itemId)!;
    expect(current.itemId).toBe(reviewCatalog().items.find((i) => i.itemType === "flashcard")!.itemId);
    if (card.kind === "cloze" && clozeNumbers(card.text.en).length > 1) {
      for (const answer of answers(card, clozeNumbers(card.text.en)[1]!)) expect(current.questionHtml).toContain(answer.replace(/&/g, "&amp;"));
    }
  });
});
