// Import/export of review history through the same request → response code the API routes use, on real
// SQLite and PostgreSQL databases: an export imported into another account rebuilds the same memory state; a
// re-import adds nothing; a bad file is a 400 that names every bad line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import type { Db } from "@/lib/db";
import { Rating, parseReviewLogCsv, type ReviewRating } from "@/lib/scheduling";
import { reviewItem } from "@/lib/review/service";
import { exportReviewResponse, importReviewResponse } from "@/lib/review/http";
import { FUTURE_REVIEW_SKEW_MS, flashcardsTsv, importReviewCsv } from "@/lib/review/io";
import { reviewCatalog } from "@/lib/review/items";


async function newUser(db: Db, name: string): Promise<string> {
  return (await db.user.create({ data: { email: `${name}-${Date.now()}@example.test`, passwordHash: "not-used" } })).id;
}

function csvRequest(body: string): Request {
  return new Request("http://localhost/api/review/import", { method: "POST", headers: { "content-type": "text/csv" }, body });
}

const T0 = Date.parse("2026-10-01T09:00:00Z");
const at = (days: number, minutes = 0) => new Date(T0 + days * 86_400_000 + minutes * 60_000);

describe.each(["sqlite", "postgres"] as const)("review history import and export on %s", (flavor) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(flavor);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("round-trips: an exported history imported into a new account gives the same cards", async () => {
    const alice = await newUser(t.db, "alice");
    const [a, b] = [...reviewCatalog().flashcards.keys()];
    const plan: [string, ReviewRating, Date][] = [
      [a!, Rating.Good, at(0)],
      [a!, Rating.Good, at(0, 10)],
      [b!, Rating.Again, at(0, 1)],
      [b!, Rating.Good, at(0, 12)],
      [a!, Rating.Hard, at(3)],
      [b!, Rating.Easy, at(4)],
      [a!, Rating.Again, at(11)],
    ];
    for (const [itemId, rating, now] of plan) await reviewItem(t.db, { userId: alice, item: { itemType: "flashcard", itemId }, rating, now, meta: { durationMs: 1500 } });

    const exported = await exportReviewResponse(t.db, alice);
    expect(exported.headers.get("content-type")).toMatch(/^text\/csv/);
    const csv = await exported.text();
    const parsed = parseReviewLogCsv(csv);
    expect(parsed.ok && parsed.rows.length).toBe(plan.length);
    expect(csv.split("\n")[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
    expect(csv).toContain(`flashcard:${a},${at(0).getTime()},3,0,1500`);

    const bob = await newUser(t.db, "bob");
    const imported = await importReviewResponse(t.db, bob, csvRequest(csv));
    expect(imported.status).toBe(200);
    expect(await imported.json()).toEqual({ imported: plan.length, duplicates: 0, items: 2, skipped: [] });

    const cards = async (userId: string) =>
      (await t.db.srsCard.findMany({ where: { userId }, orderBy: { itemId: "asc" } })).map((c) => ({ itemId: c.itemId, state: c.state, reps: c.reps, lapses: c.lapses, stability: c.stability, difficulty: c.difficulty, due: c.due.toISOString() }));
    expect(await cards(bob)).toEqual(await cards(alice));
    const logs = await t.db.srsReviewLog.findMany({ where: { userId: bob }, orderBy: { review: "asc" } });
    expect(logs.map((l) => [l.source, l.rating, l.firstOfDay])).toEqual(plan.sort((x, y) => x[2].getTime() - y[2].getTime()).map(([, rating], i) => ["import", rating, [true, true, false, false, true, true, true][i]]));

    // Importing the same file again adds nothing.
    const again = await importReviewResponse(t.db, bob, csvRequest(csv));
    expect(await again.json()).toEqual({ imported: 0, duplicates: plan.length, items: 2, skipped: [] });
    expect(await t.db.srsReviewLog.count({ where: { userId: bob } })).toBe(plan.length);

    // The exported file of the importing account is the same history.
    expect(await (await exportReviewResponse(t.db, bob)).text()).toBe(csv);
  });

  it("accepts the file as a multipart form upload", async () => {
    const carol = await newUser(t.db, "carol");
    const id = [...reviewCatalog().flashcards.keys()][5]!;
    const form = new FormData();
    form.set("file", new Blob([`card_id,review_time,review_rating\nflashcard:${id},${at(0).getTime()},3\n`], { type: "text/csv" }), "reviews.csv");
    const response = await importReviewResponse(t.db, carol, new Request("http://localhost/api/review/import", { method: "POST", body: form }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ imported: 1, duplicates: 0, items: 1, skipped: [] });
  });

  it("rejects a bad file with 400, naming each bad line, and writes nothing", async () => {
    const dave = await newUser(t.db, "dave");
    const id = [...reviewCatalog().flashcards.keys()][0]!;
    const bad = [
      "card_id,review_time,review_rating,review_state,review_duration",
      `flashcard:${id},${at(0).getTime()},3,0,100`,
      `flashcard:${id},${at(1).getTime()},5,2,100`,
      `flashcard:${id},not-a-time,3,2,100`,
      `flashcard:no-such-card,${at(2).getTime()},3,2,100`,
    ].join("\n");
    const response = await importReviewResponse(t.db, dave, csvRequest(bad));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: { line: number; message: string }[] };
    expect(body.error).toMatch(/^line 3: /);
    expect(body.issues.map((i) => i.line)).toEqual([3, 4]);
    expect(body.issues[0]!.message).toMatch(/review_rating must be 1 \(Again\)/);

    // Once the values are fixed, the unknown card is the remaining problem, on its own line.
    const unknown = bad.split("\n").filter((_, i) => i !== 2 && i !== 3).join("\n");
    const second = await importReviewResponse(t.db, dave, csvRequest(unknown));
    expect(second.status).toBe(400);
    expect(((await second.json()) as { issues: { line: number; message: string }[] }).issues).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/not a Lacuna item/) })]);

    const empty = await importReviewResponse(t.db, dave, csvRequest(""));
    expect(empty.status).toBe(400);
    expect(await t.db.srsReviewLog.count({ where: { userId: dave } })).toBe(0);
  });

  it("refuses review times in the future (beyond a few minutes of clock skew), each with its line", async () => {
    const erin = await newUser(t.db, "erin");
    const [a, b] = [...reviewCatalog().flashcards.keys()];
    const now = at(30);
    const file = (rows: string[]) => ["card_id,review_time,review_rating,review_state,review_duration", ...rows].join("\n");
    const future = file([
      `flashcard:${a},${at(29).getTime()},3,0,1000`,
      `flashcard:${a},${now.getTime() + FUTURE_REVIEW_SKEW_MS + 1},3,2,1000`,
      `flashcard:${b},${Date.parse("2100-01-01T00:00:00Z")},3,0,1000`,
    ]);
    const refused = await importReviewCsv(t.db, erin, future, { now });
    expect(refused).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({ line: 3, column: "review_time", code: "futureTime", message: expect.stringMatching(/is in the future/) }),
        expect.objectContaining({ line: 4, column: "review_time", code: "futureTime", message: expect.stringMatching(/2100-01-01T00:00:00.000Z\) is in the future/) }),
      ],
    });
    expect(await t.db.srsReviewLog.count({ where: { userId: erin } })).toBe(0);
    // Through the API (the server's clock): the tester's file, a review on 1 Jan 2100, is a 400 naming line 2.
    const response = await importReviewResponse(t.db, erin, csvRequest(file([`flashcard:${b},${Date.parse("2100-01-01T00:00:00Z")},3,1,1000`])));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^line 2: .*in the future/);
    // A device clock a little fast is fine: a review up to FUTURE_REVIEW_SKEW_MS ahead is imported.
    const skewed = await importReviewCsv(t.db, erin, file([`flashcard:${a},${now.getTime() + FUTURE_REVIEW_SKEW_MS},3,0,1000`]), { now });
    expect(skewed).toMatchObject({ ok: true, imported: 1 });
  });

  it("exports every flashcard as an Anki TSV with both languages and topic tags", () => {
    const tsv = flashcardsTsv();
    const lines = tsv.trimEnd().split("\n");
    expect(lines.slice(0, 3)).toEqual(["#separator:tab", "#html:true", "#tags column:3"]);
    expect(lines).toHaveLength(3 + reviewCatalog().flashcards.size);
    for (const line of lines.slice(3)) {
      const fields = line.split("\t");
      expect(fields).toHaveLength(3);
      expect(fields[0]).toMatch(/^<div lang="zh">.+<\/div><div lang="en">.+<\/div>$/);
      expect(fields[2]).toMatch(/^lacuna [a-z-]+/);
    }
    // Cloze deletions are hidden on the front and revealed on the back, not left as {{c1::…}}.
    expect(tsv).not.toContain("{{c1::");
  });
});
