import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { createCard, review, type SrsCardState, type SrsReviewLogEntry } from "../core/core";
import { parseSchedulerSettings, Rating, type ReviewRating } from "../core/schema";
import { cardHistories, predictHistory } from "../optimizer/core";
import { weakestTopics, type TopicItem } from "./core";
import { fitRecallModel, recallObservations, weaknessModel, type RecallObservation } from "./model";
import { learnerSignalsSchema, weaknessModelOptionsSchema, type ExerciseAttempt } from "./schema";

const settings = parseSchedulerSettings({ timezone: "UTC" });
const DAY = 86_400_000;
const t0 = Date.UTC(2026, 9, 1, 9);

/** An item studied (Good) and then reviewed once every `gapDays` with the given ratings. */
function study(item: TopicItem, ratings: readonly ReviewRating[], gapDays = 4, first: ReviewRating = Rating.Good): { card: SrsCardState; logs: SrsReviewLogEntry[] } {
  let card = createCard("u1", item, new Date(t0));
  const logs: SrsReviewLogEntry[] = [];
  let now = t0;
  for (const rating of [first, ...ratings]) {
    const r = review(card, rating, new Date(now), settings);
    card = r.card;
    logs.push(r.log);
    now += gapDays * DAY;
  }
  return { card, logs };
}

const item = (itemType: TopicItem["itemType"], itemId: string, topic: string): TopicItem => ({ itemType, itemId, topics: [topic] });
const attempt = (exerciseId: string, day: number, extra: Partial<ExerciseAttempt> = {}): ExerciseAttempt => ({
  exerciseId,
  at: new Date(t0 + day * DAY),
  passed: true,
  hiddenCases: 5,
  failedHiddenCases: 0,
  hintsUsed: 0,
  minutesToPass: 10,
  misconceptionsNamed: 0,
  ...extra,
});

describe("recall observations", () => {
  it("are the cross-day reviews, with ln Δ and the item's earlier spaced successes and failures", () => {
    const lr = item("flashcard", "lr", "linear-regression");
    const { logs } = study(lr, [Rating.Good, Rating.Again, Rating.Good], 4, Rating.Again);
    const observations = recallObservations([lr], logs);
    expect(observations.map((o) => o.recalled)).toEqual([1, 0, 1]);
    // The first study's Again counts as a failure; then one success, then one failure more.
    expect(observations.map((o) => o.features.slice(2, 4))).toEqual([
      [Math.log1p(0), Math.log1p(1)],
      [Math.log1p(1), Math.log1p(1)],
      [Math.log1p(1), Math.log1p(2)],
    ]);
    expect(observations[0]!.features[1]).toBeCloseTo(Math.log(4), 10);
    expect(recallObservations([], logs)).toEqual([]);
  });

  it("start from FSRS's recall with the learner's own parameters, as the product's predictor replays them", () => {
    const lr = item("flashcard", "lr", "linear-regression");
    const { logs } = study(lr, [Rating.Good, Rating.Again, Rating.Good], 5);
    // A learner whose fitted parameters forget faster (initial stability for Good 3.17 → 1; decay as default).
    const fitted = parseSchedulerSettings({ timezone: "UTC", parameters: default_w.map((w, i) => (i === 2 ? 1 : w)) });
    const steps = [...cardHistories(logs, fitted).values()][0]!.map((h) => h.step);
    const logit = (p: number): number => Math.log(p / (1 - p));
    const expected = predictHistory(steps, fitted.parameters).slice(1).map(logit);
    const features = recallObservations([lr], logs, fitted).map((o) => o.features[4]!);
    features.forEach((f, i) => expect(f).toBeCloseTo(expected[i]!, 10));
    // The defaults (no settings) predict the first review higher than those parameters do.
    expect(recallObservations([lr], logs)[0]!.features[4]!).toBeGreaterThan(features[0]! + 0.4);
  });
});

describe("the recall model's topic effect", () => {
  it("is lower for a topic recalled less often at the same intervals and history", () => {
    const observations: RecallObservation[] = [];
    for (let i = 0; i < 200; i++) {
      for (const [topic, rate] of [["strong", 0.95], ["weak", 0.7]] as const) {
        observations.push({ key: `${topic}-${i}`, topics: [topic], at: new Date(t0), features: [1, Math.log(1 + (i % 10)), Math.log1p(i % 3), 0, 2], recalled: (i * 37) % 100 < rate * 100 ? 1 : 0 });
      }
    }
    const fit = fitRecallModel(observations, ["strong", "weak"], new Map(), { thetaSd: 1, betaSd: 5 });
    expect(fit.theta.get("weak")!).toBeLessThan(fit.theta.get("strong")! - 1);
    // With no reviews the effects are their prior.
    const prior = fitRecallModel([], ["strong", "weak"], new Map([["weak", -0.7]]), { thetaSd: 1, betaSd: 5 });
    expect(prior.theta.get("weak")).toBe(-0.7);
    expect(prior.theta.get("strong")).toBe(0);
  });

  it("gives its reviews a higher evidence under a prior that agrees with them", () => {
    // Both topics recalled alike, as FSRS predicts (logit R = 2, recall 0.88): no topic effect to find.
    const observations: RecallObservation[] = [];
    for (let i = 0; i < 300; i++) {
      for (const topic of ["strong", "weak"]) observations.push({ key: `${topic}-${i}`, topics: [topic], at: new Date(t0), features: [1, 0, 0, 0, 2], recalled: (i * 37) % 100 < 88 ? 1 : 0 });
    }
    const evidence = (scale: number): number => fitRecallModel(observations, ["strong", "weak"], new Map([["strong", scale], ["weak", -scale]]), { thetaSd: 0.5 * scale, betaSd: 5 }).logEvidence;
    // A prior that says the topics differ by 2 logits (scale 1) is less probable than one that says 0.5.
    expect(evidence(0.25)).toBeGreaterThan(evidence(1) + 1);
  });
});

describe("the weakness model", () => {
  // Four topics, each one exercise and one flashcard, all reviewed alike: only the submits tell them apart.
  const topics = ["linear-regression", "gradient-descent", "vectorization", "logistic-regression"];
  const items = topics.flatMap((t) => [item("exercise", `ex-${t}`, t), item("flashcard", `fc-${t}`, t)]);
  const studied = items.filter((i) => i.itemId !== "ex-logistic-regression" && i.itemId !== "fc-logistic-regression").map((i) => study(i, [Rating.Good, Rating.Good]));
  const cards = studied.map((s) => s.card);
  const logs = studied.flatMap((s) => s.logs);
  const submits = (topic: string, extra: Partial<ExerciseAttempt>) => [1, 5, 9].map((day) => attempt(`ex-${topic}`, day, extra));

  it("ranks the topic whose submits named misconceptions weakest, and leaves unstudied topics out", () => {
    const signals = { attempts: [...submits("linear-regression", {}), ...submits("gradient-descent", { misconceptionsNamed: 2, passed: false, minutesToPass: null, failedHiddenCases: 1 }), ...submits("vectorization", {})] };
    const report = weaknessModel({ items, cards, logs, signals }).topics;
    expect(weakestTopics(report, 1).map((t) => t.topicId)).toEqual(["gradient-descent"]);
    const gd = report.find((t) => t.topicId === "gradient-descent")!;
    expect(gd.signals.misconceptions!).toBeGreaterThan(0);
    expect(gd.weakness!).toBeGreaterThan(0.5);
    expect(report.find((t) => t.topicId === "logistic-regression")!.weakness).toBeNull();
    for (const t of report.filter((t) => t.weakness !== null)) {
      expect(t.weakness!).toBeGreaterThan(0);
      expect(t.weakness!).toBeLessThan(1);
    }
  });

  it("counts an active misconception item, hints and a slow pass as trouble too", () => {
    for (const signals of [
      { activeMisconceptions: [{ exerciseId: "ex-vectorization", misconceptionId: "m" }], attempts: topics.slice(0, 3).flatMap((t) => submits(t, {})) },
      { attempts: [...submits("linear-regression", {}), ...submits("gradient-descent", {}), ...submits("vectorization", { hintsUsed: 3 })] },
      { attempts: [...submits("linear-regression", {}), ...submits("gradient-descent", {}), ...submits("vectorization", { minutesToPass: 90 })] },
    ]) {
      expect(weakestTopics(weaknessModel({ items, cards, logs, signals }).topics, 1).map((t) => t.topicId)).toEqual(["vectorization"]);
    }
  });

  it("scales the topic effects in recall by the learner's own reviews, not their order", () => {
    const signals = { attempts: [...submits("linear-regression", {}), ...submits("gradient-descent", { hintsUsed: 3, minutesToPass: 60 }), ...submits("vectorization", {})] };
    const chosen = weaknessModel({ items, cards, logs, signals });
    // Three items reviewed twice each say little about topics: the smallest scale of the candidates is the most probable.
    expect(chosen.fit.topicScale).toBe(0.25);
    const full = weaknessModel({ items, cards, logs, signals, options: { topicScales: [1] } });
    expect(full.fit.topicScale).toBe(1);
    const order = (report: typeof chosen.topics): string[] => weakestTopics(report, 3).map((t) => t.topicId);
    expect(order(chosen.topics)).toEqual(order(full.topics));
    // The effects shrink with the scale; the weakness stays on the signals' scale (comparable between learners).
    const gd = (report: typeof chosen.topics) => report.find((t) => t.topicId === "gradient-descent")!;
    expect(Math.abs(gd(chosen.topics).effect!)).toBeLessThan(Math.abs(gd(full.topics).effect!) / 2);
    expect(gd(chosen.topics).weakness!).toBeGreaterThan(0.5);
    expect(weaknessModelOptionsSchema.safeParse({ topicScales: [] }).success).toBe(false);
  });

  it("ranks topics with the γ = 1 fit and predicts recall with the learner's γ", () => {
    const signals = { attempts: [...submits("linear-regression", {}), ...submits("gradient-descent", { hintsUsed: 3, minutesToPass: 60 }), ...submits("vectorization", {})] };
    const model = weaknessModel({ items, cards, logs, signals });
    const fullScale = weaknessModel({ items, cards, logs, signals, options: { topicScales: [1] } });
    expect(model.fit.topicScale).toBe(0.25);
    expect(model.rankingFit.topicScale).toBe(1);
    // The ranking is the γ = 1 model's, to the last digit; the recall fit's effects are its own.
    for (const t of model.topics) {
      const same = fullScale.topics.find((u) => u.topicId === t.topicId)!;
      expect(t.weakness).toBe(same.weakness);
      expect(t.explainedBy).toBe(same.explainedBy);
      if (t.effect !== null) expect(t.effect).toBeCloseTo(model.fit.theta.get(t.topicId)!, 12);
    }
    expect(model.rankingFit.theta).toEqual(fullScale.fit.theta);
    expect(model.fit.theta).not.toEqual(fullScale.fit.theta);
  });

  it("ignores a signal left out of the options, and names a weaker prerequisite as the explanation", () => {
    const signals = {
      attempts: [
        ...submits("linear-regression", { misconceptionsNamed: 3, passed: false, minutesToPass: null, failedHiddenCases: 3, hintsUsed: 3 }),
        ...submits("gradient-descent", { hintsUsed: 1, minutesToPass: 60 }),
        ...submits("vectorization", {}),
      ],
    };
    const all = weaknessModel({ items, cards, logs, signals }).topics;
    // gradient-descent's prerequisite linear-regression is weaker: it explains part of gradient-descent's trouble.
    expect(all.find((t) => t.topicId === "gradient-descent")!.explainedBy).toBe("linear-regression");
    expect(all.find((t) => t.topicId === "linear-regression")!.explainedBy).toBeNull();
    expect(weakestTopics(all, 1).map((t) => t.topicId)).toEqual(["linear-regression"]);
    // Time to pass alone: linear-regression was never passed, gradient-descent slowly.
    const timeOnly = weaknessModel({ items, cards, logs, signals, options: { signals: ["timeToPass", "reviews"] } }).topics;
    expect(weakestTopics(timeOnly, 1).map((t) => t.topicId)).toEqual(["gradient-descent"]);
  });

  it("uses only the evidence up to `until`", () => {
    const late = { attempts: [...submits("linear-regression", {}), ...submits("vectorization", {}), ...[40, 41, 42].map((d) => attempt("ex-gradient-descent", d, { misconceptionsNamed: 2, passed: false, minutesToPass: null }))] };
    const before = weaknessModel({ items, cards, logs, signals: late, until: new Date(t0 + 20 * DAY) }).topics;
    expect(before.find((t) => t.topicId === "gradient-descent")!.signals.misconceptions).toBeUndefined();
  });

  it("refuses bad options and evidence with a zod issue", () => {
    expect(weaknessModelOptionsSchema.safeParse({ signals: ["gossip"] }).success).toBe(false);
    expect(weaknessModelOptionsSchema.safeParse({ thetaSd: 0 }).success).toBe(false);
    const bad = learnerSignalsSchema.safeParse({ attempts: [attempt("ex", 1, { failedHiddenCases: 6 })] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe("failedHiddenCases cannot exceed hiddenCases");
  });
});
