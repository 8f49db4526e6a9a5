// (1) The real pipeline: a learner's "submit" goes through the grading daemon and the real sandboxed grader; the
// built-in spaced-repetition listener turns the grade into a review of the exercise (no test-only wiring).
// (2) The request → response logic of POST /api/review/rate and /undo (status codes and messages a caller sees).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GraderPool } from "@/grader/index";
import { createGradingDaemon, type GradingDaemon } from "@/lib/grading/daemon";
import { createSubmission } from "@/lib/grading/service";
import { rateResponse, undoResponse } from "@/lib/review/http";
import { reconcileGradedSubmissions, submissionLogId } from "@/lib/review/exercise-grades";
import type { SessionView } from "@/lib/review/session";
import { Rating } from "@/lib/scheduling";
import { costMisconception, costSlug, costSolution, createLearner, waitForFinished } from "@/tests/api/helpers";
import { createTestDb, type TestDb } from "@/tests/helpers/db";

let t: TestDb;
let pool: GraderPool;
let daemon: GradingDaemon;

beforeAll(async () => {
  t = await createTestDb("sqlite");
  pool = createGraderPool({ workers: 1 });
  daemon = createGradingDaemon({ db: t.db, pool, concurrency: 1, port: 0, pollMs: 200, ownsPool: false, log: () => undefined });
  await daemon.start();
});

afterAll(async () => {
  await daemon?.stop();
  await pool?.close();
  await t?.drop();
});

async function waitForLog(id: string) {
  for (let i = 0; i < 200; i++) {
    const log = await t.db.srsReviewLog.findUnique({ where: { id } });
    if (log) return log;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no review log ${id}`);
}

describe("graded exercises schedule their exercise", () => {
  it("a failing then a passing submit become Again and then Good, each with its raw score", async () => {
    const learner = await createLearner(t.db, "srs");
    const submit = (source: string) => createSubmission(t.db, learner.id, { slug: costSlug, source, kind: "submit" }, { wake: () => daemon.wake(), rate: { limit: 1000, windowMs: 30_000 } });

    const wrong = await submit(costMisconception("missing-one-half"));
    const wrongRow = await waitForFinished(t.db, (wrong.body as { id: string }).id);
    expect(wrongRow).toMatchObject({ status: "graded", passed: false });
    const wrongLog = await waitForLog(submissionLogId(wrongRow.id));
    expect(wrongLog).toMatchObject({ itemType: "exercise", itemId: costSlug, rating: Rating.Again, score: wrongRow.score, source: "exercise", firstOfDay: true });

    const right = await submit(costSolution());
    const rightRow = await waitForFinished(t.db, (right.body as { id: string }).id);
    expect(rightRow).toMatchObject({ status: "graded", passed: true, score: 1 });
    // A clean pass, but the second try today: Good, not Easy.
    expect(await waitForLog(submissionLogId(rightRow.id))).toMatchObject({ rating: Rating.Good, score: 1, firstOfDay: false });

    const card = await t.db.srsCard.findFirstOrThrow({ where: { userId: learner.id, itemType: "exercise", itemId: costSlug } });
    expect(card.reps).toBe(2);
    // A "run" is practice, not a review.
    const run = await createSubmission(t.db, learner.id, { slug: costSlug, source: costSolution(), kind: "run" }, { wake: () => daemon.wake(), rate: { limit: 1000, windowMs: 30_000 } });
    expect(await waitForFinished(t.db, (run.body as { id: string }).id)).toMatchObject({ status: "graded", kind: "run" });
    // Reconciliation finds nothing the hook missed, and the run left no review. (The misconception the failing
    // submit named has a review of its own: tests/db/misconception-items.test.ts.)
    expect(await reconcileGradedSubmissions(t.db, learner.id)).toBe(0);
    expect(await t.db.srsReviewLog.count({ where: { userId: learner.id, itemType: "exercise" } })).toBe(2);
    expect(await t.db.srsReviewLog.count({ where: { userId: learner.id, itemType: "misconception" } })).toBe(1);
  }, 480_000);
});

function post(body: unknown): Request {
  return new Request("http://localhost/api/review/x", { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

describe("rate and undo responses", () => {
  it("rates the shown card, answers with the next one, refuses stale and malformed ratings, and undoes", async () => {
    const learner = await createLearner(t.db, "api");
    const first = await (await rateResponse(t.db, learner.id, "en", post({ itemId: "lr-model-f-wb", rating: 3, lastReview: null, durationMs: 2000 }))).json() as { session: SessionView };
    expect(first.session.current?.itemId).toBeTruthy();
    expect(first.session.current?.itemId).not.toBe("lr-model-f-wb");
    expect(first.session.canUndo).toBe(true);
    expect(first.session.current?.buttons.map((b) => b.name)).toEqual(["again", "hard", "good", "easy"]);

    // The same card as it looked before the rating (another tab): 409 with the current session.
    const stale = await rateResponse(t.db, learner.id, "en", post({ itemId: "lr-model-f-wb", rating: 4, lastReview: null }));
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { session: SessionView }).session.current).not.toBeNull();

    expect((await rateResponse(t.db, learner.id, "en", post({ itemId: "lr-model-f-wb", rating: 5, lastReview: null }))).status).toBe(400);
    expect((await rateResponse(t.db, learner.id, "en", post("not json"))).status).toBe(400);
    const unknown = await rateResponse(t.db, learner.id, "en", post({ itemId: "no-such-card", rating: 3, lastReview: null }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no flashcard "no-such-card"' });

    const undone = await undoResponse(t.db, learner.id, "zh", post({}));
    expect(undone.status).toBe(200);
    const body = (await undone.json()) as { undone: { itemId: string }; session: SessionView };
    expect(body.undone.itemId).toBe("lr-model-f-wb");
    expect(body.session.current?.itemId).toBe("lr-model-f-wb");
    expect(body.session.current?.lastReview).toBeNull();
    expect(body.session.canUndo).toBe(false);
    // Rendered in the requested language.
    expect(body.session.current?.topicName).toBe("线性回归与代价函数");

    // Refused, the answer carries the session as it is now, so the page turns its Undo off.
    const nothing = await undoResponse(t.db, learner.id, "en", post({}));
    expect(nothing.status).toBe(409);
    expect(await nothing.json()).toMatchObject({ error: "there is no rating to undo", session: { canUndo: false, current: { itemId: "lr-model-f-wb" } } });
  });
});
