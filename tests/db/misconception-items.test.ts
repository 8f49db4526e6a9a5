// The grade → misconception item path, end to end on SQLite and then PostgreSQL: a learner's "submit" goes
// through the real grading daemon and the real sandboxed grader; the misconception its diagnosis names enters the
// learner's review queue (lib/review/misconceptions.ts, a transactional listener of the grading hook), and leaves
// it once the exercise is passed again and the item recalled after that pass.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraderPool, type GraderPool } from "@/grader/index";
import { createGradingDaemon, type GradingDaemon } from "@/lib/grading/daemon";
import { onSubmissionGraded } from "@/lib/grading/hooks";
import { createSubmission } from "@/lib/grading/service";
import { reconcileGradedSubmissions } from "@/lib/review/exercise-grades";
import { rateResponse, undoResponse } from "@/lib/review/http";
import { attemptHref, formatOriginDate, listMisconceptionItems, namingLogId } from "@/lib/review/misconceptions";
import { loadSession, type SessionView } from "@/lib/review/session";
import { loadLearnerState } from "@/lib/review/store";
import { Rating } from "@/lib/scheduling";
import { costMisconception, costSlug, costSolution, createLearner, waitForFinished } from "@/tests/api/helpers";
import { createTestDb, testDbFlavor, type TestDb } from "@/tests/helpers/db";

const mistake = "missing-one-half";
const itemId = `${costSlug}/${mistake}`;

describe(`misconception items on ${testDbFlavor()}`, () => {
  let t: TestDb;
  let pool: GraderPool;
  let daemon: GradingDaemon;

  beforeAll(async () => {
    t = await createTestDb();
    pool = createGraderPool({ workers: 1 });
    daemon = createGradingDaemon({ db: t.db, pool, concurrency: 1, port: 0, pollMs: 200, ownsPool: false, log: () => undefined });
    await daemon.start();
  });

  afterAll(async () => {
    await daemon?.stop();
    await pool?.close();
    await t?.drop();
  });

  async function send(userId: string, source: string, kind: "submit" | "run" = "submit") {
    const created = await createSubmission(t.db, userId, { slug: costSlug, source, kind }, { wake: () => daemon.wake(), rate: { limit: 1000, windowMs: 30_000 } });
    return waitForFinished(t.db, (created.body as { id: string }).id);
  }

  const namingLogs = (userId: string) => t.db.srsReviewLog.findMany({ where: { userId, itemType: "misconception", itemId, source: "exercise" }, orderBy: { review: "asc" } });

  function post(body: unknown): Request {
    return new Request("http://localhost/api/review/rate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  }

  /** Rates the item as the review page does (its card's last review as shown); the answer's status and session. */
  async function rate(userId: string, rating: number) {
    const card = await t.db.srsCard.findUnique({ where: { userId_itemType_itemId: { userId, itemType: "misconception", itemId } } });
    const response = await rateResponse(t.db, userId, "en", post({ itemType: "misconception", itemId, rating, lastReview: card?.lastReview?.toISOString() ?? null, durationMs: 3000 }));
    return { status: response.status, body: (await response.json()) as { session?: SessionView; error?: string } };
  }

  it("a named misconception enters the queue with its origin; named again or graded twice, it is still one item; a run names nothing", async () => {
    const learner = await createLearner(t.db, "named");
    const first = await send(learner.id, costMisconception(mistake));
    expect(first).toMatchObject({ status: "graded", passed: false });
    expect(first.report).toContain(`"misconceptionId":"${mistake}"`);

    const [item, ...others] = await listMisconceptionItems(t.db, learner.id);
    expect(others).toEqual([]);
    expect(item).toMatchObject({ exerciseSlug: costSlug, misconceptionId: mistake, submissionId: first.id, namedAt: first.createdAt, lastSubmissionId: first.id, passedAt: null, retiredAt: null });
    expect(item!.activeKey).not.toBeNull();
    // The naming is a failed recall, from the grade: Again, at the submission's time.
    const [naming] = await namingLogs(learner.id);
    expect(naming).toMatchObject({ id: namingLogId(first.id, mistake), rating: Rating.Again, submissionId: first.id, review: first.createdAt });

    // In the session, due in its first learning step: the first card a minute later, with why it is there.
    const now = new Date(first.createdAt.getTime() + 2 * 60_000);
    const session = await loadSession(t.db, learner.id, { lang: "en", now });
    expect(session.current).toMatchObject({ itemType: "misconception", itemId, kind: "learning" });
    expect(session.current!.questionHtml).toContain("divides the summed squared error by");
    expect(session.current!.answerHtml).toContain("katex");
    expect(session.current!.origin).toEqual({
      exerciseSlug: costSlug,
      exerciseTitle: "The linear-regression cost J(w,b)",
      misconceptionTitle: "Dropped the 1/2: divided by m only",
      submissionId: first.id,
      namedAt: first.createdAt.toISOString(),
      date: formatOriginDate(first.createdAt, "en", "UTC", now),
      href: `/exercises/${costSlug}?attempt=${first.id}`,
      passedAgain: false,
    });
    expect(session.remaining.learning).toBe(1);
    const zh = await loadSession(t.db, learner.id, { lang: "zh", now });
    expect(zh.current!.origin).toMatchObject({ exerciseTitle: "线性回归的代价函数 J(w,b)", date: formatOriginDate(first.createdAt, "zh", "UTC", now) });
    // Day and month; the year too only when the submission was in another year than now (a submit at 23:59 UTC
    // on 31 December is shown two minutes later, in the new year, with its year).
    const sameYear = first.createdAt.getUTCFullYear() === now.getUTCFullYear();
    expect(zh.current!.origin!.date).toMatch(sameYear ? /^\d{1,2}月\d{1,2}日$/ : /^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(attemptHref(costSlug, first.id)).toBe(session.current!.origin!.href);

    // At-least-once delivery: the same grade handed to every listener again (twice at once, as two daemons
    // might), then the review page's reconciliation.
    expect(await onSubmissionGraded(t.db, first, () => {})).toEqual([]);
    expect(await Promise.all([onSubmissionGraded(t.db, first, () => {}), onSubmissionGraded(t.db, first, () => {})])).toEqual([[], []]);
    expect(await reconcileGradedSubmissions(t.db, learner.id)).toBe(0);
    expect(await listMisconceptionItems(t.db, learner.id)).toHaveLength(1);
    expect(await namingLogs(learner.id)).toHaveLength(1);

    // Named again by a later submit: one item still, its origin kept and its last naming moved; a second Again.
    const second = await send(learner.id, costMisconception(mistake));
    const again = await listMisconceptionItems(t.db, learner.id);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: item!.id, submissionId: first.id, lastSubmissionId: second.id, lastNamedAt: second.createdAt, retiredAt: null });
    expect((await namingLogs(learner.id)).map((l) => l.submissionId)).toEqual([first.id, second.id]);

    // A run is practice on the visible cases: its diagnosis is shown, but nothing enters the queue.
    const other = await createLearner(t.db, "run");
    const run = await send(other.id, costMisconception(mistake), "run");
    expect(run).toMatchObject({ status: "graded", kind: "run", passed: false });
    expect(run.report).toContain(`"misconceptionId":"${mistake}"`);
    expect(await listMisconceptionItems(t.db, other.id)).toEqual([]);
  }, 600_000);

  it("it stays until the exercise is passed again and the item then recalled; it leaves with its history kept", async () => {
    const learner = await createLearner(t.db, "retire");
    const named = await send(learner.id, costMisconception(mistake));
    expect(named.passed).toBe(false);

    // Recalled without a pass: it stays.
    expect((await rate(learner.id, Rating.Good)).status).toBe(200);
    expect((await listMisconceptionItems(t.db, learner.id))[0]).toMatchObject({ retiredAt: null, passedAt: null });

    // Passed again: it stays until it is recalled after that pass; the card says so.
    const pass = await send(learner.id, costSolution());
    expect(pass).toMatchObject({ status: "graded", passed: true });
    expect((await listMisconceptionItems(t.db, learner.id))[0]).toMatchObject({ passSubmissionId: pass.id, passedAt: pass.createdAt, retiredAt: null });
    const later = new Date(Date.now() + 60 * 60_000);
    const shown = await loadSession(t.db, learner.id, { lang: "en", now: later });
    expect(shown.current).toMatchObject({ itemType: "misconception", itemId });
    expect(shown.current!.origin).toMatchObject({ submissionId: named.id, passedAgain: true });

    // Hard is not a recall.
    expect((await rate(learner.id, Rating.Hard)).status).toBe(200);
    expect((await listMisconceptionItems(t.db, learner.id))[0]!.retiredAt).toBeNull();

    // Good after the pass: it leaves the queue, retired and kept with every review.
    const recalled = await rate(learner.id, Rating.Good);
    expect(recalled.status).toBe(200);
    const [retired] = await listMisconceptionItems(t.db, learner.id);
    expect(retired).toMatchObject({ activeKey: null, submissionId: named.id, passSubmissionId: pass.id });
    const recall = await t.db.srsReviewLog.findUniqueOrThrow({ where: { id: retired!.retiredByLogId! } });
    expect(recall).toMatchObject({ itemType: "misconception", itemId, rating: Rating.Good, source: "review" });
    expect(retired!.retiredAt).toEqual(recall.review);
    expect(recalled.body.session!.current?.itemId).not.toBe(itemId);
    const state = await loadLearnerState(t.db, learner.id);
    expect(state.misconceptions).toEqual([]);
    expect(state.cards.some((c) => c.itemType === "misconception")).toBe(false);
    expect(state.logs.filter((l) => l.itemType === "misconception").map((l) => l.rating)).toEqual([Rating.Again, Rating.Good, Rating.Hard, Rating.Good]);
    const month = await loadSession(t.db, learner.id, { lang: "en", now: new Date(Date.now() + 30 * 86_400_000) });
    expect(month.current?.itemType).not.toBe("misconception");
    const gone = await rate(learner.id, Rating.Good);
    expect(gone).toEqual({ status: 404, body: { error: `no active review item for the misconception "${itemId}"` } });

    // Undoing the recall brings the item back; recalled again, it leaves again.
    const undone = await undoResponse(t.db, learner.id, "en", post({}));
    expect(undone.status).toBe(200);
    expect(((await undone.json()) as { session: SessionView }).session.current).toMatchObject({ itemType: "misconception", itemId });
    expect((await listMisconceptionItems(t.db, learner.id))[0]).toMatchObject({ retiredAt: null, retiredByLogId: null, passSubmissionId: pass.id });
    expect((await rate(learner.id, Rating.Easy)).status).toBe(200);
    expect((await listMisconceptionItems(t.db, learner.id))[0]!.activeKey).toBeNull();

    // Named again after it left: a new item with a new origin; the retired one is kept.
    const relapse = await send(learner.id, costMisconception(mistake));
    const items = await listMisconceptionItems(t.db, learner.id);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ submissionId: relapse.id, retiredAt: null, passedAt: null });
    expect(items[0]!.activeKey).not.toBeNull();
    expect(items[1]).toMatchObject({ submissionId: named.id, activeKey: null });
  }, 900_000);
});
