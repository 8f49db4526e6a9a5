/**
 * bench/srs: does Lacuna's scheduling core predict memory and find weak topics, on learners whose memory does
 * NOT follow FSRS?
 *
 * Simulated learners (default 50) study 100 items spread over the topic map for 180 days. Their TRUE memory is
 * half-life regression (Settles & Meeder 2016) with a per-topic ability:
 *
 *   p(recall after Δ days) = 2^(−Δ/h),   log2 h = 1.5 + (spaced successes) + 0.3·(spaced failures) + a_topic + g − d_item
 *
 * (a_topic per learner and topic: with `--abilities gaps`, the default, N(0, 0.4) and three random gap topics
 * 1.5 lower; with `--abilities normal`, N(0, 0.8) for every topic. g ~ N(0, 0.3) per learner, d_item ~ N(0, 0.3);
 * only reviews at least 12 h after the previous exposure count as spaced, so same-day steps refresh but do not
 * strengthen. A first study is rated Good with probability σ(1.5 + a_topic + g − d_item), else Again; a recall
 * is Hard half the time when p < 0.6 and Easy 30% of the time when p > 0.95.)
 * Lacuna's queue (FSRS default parameters, desired retention 0.9, 5 new items a day in prerequisite order)
 * decides what each learner reviews every morning; outcomes are drawn from the true model.
 *
 * Exercises are submitted. Every exercise review is a graded submit whose evidence is drawn from the learner's TRUE
 * skill on the item, k = a_topic + g − d_item, and whether they recalled how to solve it, never from the
 * scheduler's state or the weakness model (the assumptions, fixed before any model was measured on them):
 *   - each exercise has 2 named misconceptions; the learner makes one at a submit with probability
 *     σ(−1.5 − k) · 0.75^(passes of the exercise so far) · (1 − recall of its correction): a per-topic
 *     propensity that decays with practice, and with the explanation the grader gave when it was named, which is
 *     remembered like an item (the same half-life regression, the exercise's ability and difficulty) and
 *     refreshed whenever the learner applies it (each later submit of the exercise) or reviews its item;
 *   - a submit passes when the learner recalled the solution and made no misconception; a misconception made
 *     lowers the rating to Hard (recalled) or Again; a failed submit fails 1 + Binomial(4, σ(−k)) of 5 hidden cases;
 *   - hints used ~ Binomial(3, σ(−2 − k + 1.5·[not recalled])); minutes to pass (passes only) =
 *     exp(ln 12 − 0.4·k + N(0, 0.6)).
 *   - with misconception items (the product): a named misconception's item enters the queue with an Again from
 *     the grade, the learner recalls its correction or not when it comes up, and the product's own rule
 *     (lib/review/misconception-rule.ts `settleMisconception`) retires it after a pass AND a later recall.
 *     Without (`simulateLearner(…, { misconceptionItems: false })`): the same learner (abilities, random seeds).
 *   Measured: for every naming with 30 days left, the probability that the learner makes that mistake 30 days
 *   later (on that morning, before the day's reviews), averaged: with and without misconception items.
 * Items are dealt over the topics alternating flashcard/exercise, shifted each round so every topic has both.
 *
 * Scored: the predicted recall before every cross-day review in days 120–180 (the same later part for every
 * method), pooled over learners: a constant predictor (the learner's recall rate in days 0–120), SM-2 (the
 * `supermemo` package; R = 0.9^(t/interval), as srs-benchmark does), FSRS with default parameters, FSRS with
 * parameters fitted by the FSRS optimizer on the learner's days 0–120 only, FSRS with the product's rule
 * (fit on days 0–120 with its own inner time split; keep the fit only if it wins there), and the weakness model
 * (lib/scheduling/weakness/model.ts) fitted on the learner's evidence up to day 120, its recall feature FSRS with the
 * product rule's parameters (the learner's SrsSettings: fitted if kept, else the defaults; the day-120 fit serves
 * the day-180 ranking too). Also recall@3: the share of
 * each learner's three truly weakest topics (lowest a_topic) among the three weakest at day 180, for the weakness
 * model with all its evidence, without each kind in turn (the ablation), and today's averaged-difficulty score.
 * The model's defaults were tuned on seeds 99–101 and 200–202 only; report other seeds (2026, 7, 31337, 4242).
 *
 *   npm run bench:srs                 # table
 *   npm run bench:srs -- --json       # the table as one JSON object
 *   npm run bench:srs -- --learners 10 --seed 7 --abilities normal --verbose
 *   npm run bench:srs -- --seed 7 --weakness-only     # no unconditional FSRS fit, no counterfactual run
 *   npm run bench:srs -- --seed 200 --cache /tmp/srs --model-options '{"thetaSd":0.3}' --no-ablation   # tuning
 * (tuning seeds only; `--cache DIR` keeps the simulated learners and the rule's fits, the slow part, for the next run)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { supermemo, type SuperMemoGrade, type SuperMemoItem } from "supermemo";
import { default_w } from "ts-fsrs";
import { createRng, caseSeed, type Rng } from "../exercises/lib/random";
import { topicsInPrerequisiteOrder } from "../exercises/topics";
import {
  auc,
  buildQueue,
  cardHistories,
  CardState,
  computeFsrsParameters,
  createCard,
  fitPersonalParameters,
  itemKey,
  logLoss,
  parseSchedulerSettings,
  predictHistory,
  review,
  rmseBins,
  toFsrsItems,
  topicWeakness,
  weakestTopics,
  type FsrsReviewStep,
  type ReviewRating,
  type SrsCardState,
  type SrsReviewLogEntry,
  type ExerciseAttempt,
  type TopicItem,
  type WeaknessEvidence,
  type WeaknessModelOptionsInput,
  type WeaknessOptionsInput,
  type RecallSettings,
  allWeaknessEvidence,
  predictRecall,
  recallObservations,
  weaknessModel,
  weaknessModelOptionsSchema,
} from "../lib/scheduling/index";
import { settleMisconception } from "../lib/review/misconception-rule";

const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 0, 5);

/** "gaps": abilities N(0, 0.4) and three gap topics 1.5 lower; "normal": every topic N(0, 0.8), no distinct gaps. */
type AbilityModel = "gaps" | "normal";

interface Args {
  abilities: AbilityModel;
  learners: number;
  items: number;
  days: number;
  splitDay: number;
  seed: number;
  json: boolean;
  verbose: boolean;
  /** Skip the unconditional FSRS fit and the run without misconception items: simulation, the product rule's fit, weakness and the model's log loss only. */
  weaknessOnly: boolean;
  /** The weakness model's options (`--model-options '{"thetaSd":0.5}'`): for tuning on the tuning seeds. */
  modelOptions: WeaknessModelOptionsInput;
  /** `--cache DIR`: keep each simulated learner and the product rule's fit there, and read them back on the next run. */
  cacheDir: string | null;
  /** `--no-ablation`: the weakness model with all its evidence only, not once more without each kind. */
  ablation: boolean;
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { abilities: "gaps", learners: 50, items: 100, days: 180, splitDay: 120, seed: 2026, json: false, verbose: false, weaknessOnly: false, modelOptions: {}, cacheDir: null, ablation: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") args.json = true;
    else if (a === "--verbose") args.verbose = true;
    else if (a === "--weakness-only") args.weaknessOnly = true;
    else if (a === "--no-ablation") args.ablation = false;
    else if (a === "--model-options") args.modelOptions = weaknessModelOptionsSchema.parse(JSON.parse(argv[++i] ?? "{}"));
    else if (a === "--cache") {
      const v = argv[++i];
      if (!v) throw new Error("--cache needs a directory");
      args.cacheDir = v;
    }
    else if (a === "--abilities") {
      const v = argv[++i];
      if (v !== "gaps" && v !== "normal") throw new Error("--abilities is gaps or normal");
      args.abilities = v;
    }
    else if (a === "--learners" || a === "--items" || a === "--days" || a === "--split-day" || a === "--seed") {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v <= 0) throw new Error(`${a} needs a positive integer`);
      if (a === "--learners") args.learners = v;
      else if (a === "--items") args.items = v;
      else if (a === "--days") args.days = v;
      else if (a === "--split-day") args.splitDay = v;
      else args.seed = v;
    } else throw new Error(`unknown argument ${a} (known: --json --verbose --weakness-only --model-options JSON --cache DIR --no-ablation --abilities gaps|normal --learners N --items N --days N --split-day N --seed N)`);
  }
  if (args.splitDay >= args.days) throw new Error("--split-day must be before --days");
  return args;
}

/**
 * The item catalogue: `n` items dealt over the topics in prerequisite order, alternating flashcard/exercise, the
 * alternation shifted by one each round so that every topic has exercises (as the real catalogue does; dealing
 * `i % 2` over an even number of topics gave every exercise to the odd-numbered topics).
 */
export function makeItems(n: number): TopicItem[] {
  const topics = topicsInPrerequisiteOrder();
  return Array.from({ length: n }, (_, i) => ({
    itemType: (i + Math.floor(i / topics.length)) % 2 === 0 ? "flashcard" : "exercise",
    itemId: `item-${String(i).padStart(3, "0")}`,
    topics: [topics[i % topics.length]!.id],
  }));
}

interface TrueMemory {
  successes: number;
  failures: number;
  lastExposure: number;
}

interface Learner {
  ability: Map<string, number>;
  general: number;
  difficulty: Map<string, number>;
}

function makeLearner(rng: Rng, items: readonly TopicItem[], abilityModel: AbilityModel): Learner {
  const topics = topicsInPrerequisiteOrder();
  const gaps = new Set<string>();
  while (gaps.size < Math.min(3, topics.length)) gaps.add(rng.pick(topics).id);
  const ability = new Map(topics.map((t) => [t.id, abilityModel === "normal" ? rng.normal(0, 0.8) : rng.normal(0, 0.4) - (gaps.has(t.id) ? 1.5 : 0)]));
  return { ability, general: rng.normal(0, 0.3), difficulty: new Map(items.map((i) => [itemKey(i), rng.normal(0, 0.3)])) };
}

function trueRecall(learner: Learner, item: TopicItem, memory: TrueMemory, now: number): number {
  const log2h = 1.5 + memory.successes + 0.3 * memory.failures + learner.ability.get(item.topics[0]!)! + learner.general - learner.difficulty.get(itemKey(item))!;
  return 2 ** (-((now - memory.lastExposure) / DAY_MS) / 2 ** log2h);
}

interface SimulatedLearner {
  learner: Learner;
  /** The reviews of the catalogue's items (flashcards and exercises). */
  logs: SrsReviewLogEntry[];
  cards: SrsCardState[];
  /** The misconception items' own reviews (kept apart: the memory predictions are scored on the catalogue's items). */
  misconceptionLogs: SrsReviewLogEntry[];
  /** Every exercise review as the graded submit it stands for (what the app reads from Submission rows). */
  attempts: ExerciseAttempt[];
  /** Misconception items active at the end (named, not retired). */
  activeMisconceptions: { exerciseId: string; misconceptionId: string }[];
  /** For each naming with 30 days left: the probability the learner still makes that mistake 30 days later. */
  stillMadeAfter30Days: number[];
}

/** Each exercise has this many named misconceptions the learner may make. */
const MISCONCEPTIONS_PER_EXERCISE = 2;
const HIDDEN_CASES = 5;
const HINTS = 3;

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function binomial(rng: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k += 1;
  return k;
}

/** A learner's hold on one misconception of one exercise: how often they make it, and the correction they remember. */
interface MisconceptionState {
  exercise: TopicItem;
  misconceptionId: string;
  /** The learner's base probability of the mistake before any practice: σ(−1.5 − skill). */
  base: number;
  /** The explanation read when it was named, remembered like any item (null: never named). */
  correction: TrueMemory | null;
}

export interface SimulationOptions {
  /** The product's rule: a named misconception's review item enters the queue (false: the counterfactual without items). */
  misconceptionItems: boolean;
}

export function simulateLearner(index: number, args: Args, items: readonly TopicItem[], simulation: SimulationOptions = { misconceptionItems: true }): SimulatedLearner {
  const rng = createRng(caseSeed(args.seed, index));
  // Submissions and misconceptions draw from a stream of their own, so that the memory outcomes of the catalogue's
  // items stay the same draws with and without misconception items.
  const evidenceRng = createRng(caseSeed(args.seed + 1_000_003, index));
  const correctionRng = createRng(caseSeed(args.seed + 2_000_003, index));
  const learner = makeLearner(rng, items, args.abilities);
  const settings = parseSchedulerSettings({ timezone: "UTC" });
  const userId = `learner-${index}`;
  const cards = new Map<string, SrsCardState>();
  const memories = new Map<string, TrueMemory>();
  const itemsByKey = new Map(items.map((i) => [itemKey(i), i]));
  const logs: SrsReviewLogEntry[] = [];
  const misconceptionLogs: SrsReviewLogEntry[] = [];
  const attempts: ExerciseAttempt[] = [];
  const passesByExercise = new Map<string, { id: string; at: Date }[]>();
  /** Active misconception items: queue item, the state behind it, and when it was last named. */
  const active = new Map<string, { item: TopicItem; state: MisconceptionState; lastNamedAt: Date }>();
  const misconceptions = new Map<string, MisconceptionState>();
  const pendingChecks: { due: number; state: MisconceptionState }[] = [];
  const stillMadeAfter30Days: number[] = [];
  const skill = (item: TopicItem): number => learner.ability.get(item.topics[0]!)! + learner.general - learner.difficulty.get(itemKey(item))!;
  for (const exercise of items.filter((i) => i.itemType === "exercise")) {
    for (let m = 0; m < MISCONCEPTIONS_PER_EXERCISE; m++) {
      misconceptions.set(`${exercise.itemId}/m${m}`, { exercise, misconceptionId: `m${m}`, base: sigmoid(-1.5 - skill(exercise)), correction: null });
    }
  }
  const passesOf = (exerciseId: string): number => passesByExercise.get(exerciseId)?.length ?? 0;
  // The mistake's probability now: the base, decaying by a quarter with each pass of the exercise (practice), and
  // avoided when the learner recalls the correction.
  const mistakeProbability = (state: MisconceptionState, now: number): number =>
    state.base * 0.75 ** passesOf(state.exercise.itemId) * (state.correction ? 1 - trueRecall(learner, state.exercise, state.correction, now) : 1);
  const exposeCorrection = (state: MisconceptionState, recalled: boolean, now: number): void => {
    if (!state.correction) return;
    if (now - state.correction.lastExposure >= DAY_MS / 2) {
      if (recalled) state.correction.successes += 1;
      else state.correction.failures += 1;
    }
    state.correction.lastExposure = now;
  };
  const reviewMisconceptionCard = (key: string, item: TopicItem, rating: ReviewRating, now: number, source: "exercise" | "review"): void => {
    const card = cards.get(key) ?? createCard(userId, item, new Date(now));
    const result = review(card, rating, new Date(now), settings, { durationMs: 20_000, source });
    cards.set(key, result.card);
    misconceptionLogs.push(result.log);
  };
  let recentStart = 0;

  for (let day = 0; day < args.days; day++) {
    let now = START + day * DAY_MS + 9 * 3_600_000 + Math.floor(rng.next() * 3 * 3_600_000);
    const sessionEnd = now + 3 * 3_600_000;
    while (pendingChecks.length > 0 && pendingChecks[0]!.due <= now) stillMadeAfter30Days.push(mistakeProbability(pendingChecks.shift()!.state, now));
    while (recentStart < logs.length && logs[recentStart]!.review.getTime() < now - 15 * DAY_MS) recentStart++;
    for (let pass = 0; pass < 20 && now < sessionEnd; pass++) {
      const queueItems = [...items, ...[...active.values()].map((a) => a.item)];
      const queue = buildQueue({ items: queueItems, cards: [...cards.values()], logs: logs.slice(recentStart), now: new Date(now), settings, options: { dailyNewLimit: 5 } });
      for (const entry of queue.entries) {
        const key = itemKey(entry);
        if (entry.itemType === "misconception") {
          // A misconception item: the learner recalls the correction (or not), and the product's rule may retire it.
          const held = active.get(key);
          if (!held) continue;
          const recalled = correctionRng.next() < (held.state.correction ? trueRecall(learner, held.state.exercise, held.state.correction, now) : 0);
          exposeCorrection(held.state, recalled, now);
          reviewMisconceptionCard(key, held.item, recalled ? 3 : 1, now, "review");
          settle(key, held);
          now += 20_000;
          continue;
        }
        const item = itemsByKey.get(key)!;
        const card = cards.get(key) ?? createCard(userId, item, new Date(now));
        const memory = memories.get(key);
        let rating: ReviewRating;
        let recalled: boolean;
        if (!memory) {
          // First study: the learner reads the item; understanding it at once depends on ability and difficulty.
          const understood = 1 / (1 + Math.exp(-(1.5 + learner.ability.get(item.topics[0]!)! + learner.general - learner.difficulty.get(key)!)));
          recalled = rng.next() < understood;
          rating = recalled ? 3 : 1;
          memories.set(key, { successes: 0, failures: 0, lastExposure: now });
        } else {
          const p = trueRecall(learner, item, memory, now);
          recalled = rng.next() < p;
          const spaced = now - memory.lastExposure >= DAY_MS / 2;
          if (recalled) {
            rating = p < 0.6 && rng.next() < 0.5 ? 2 : p > 0.95 && rng.next() < 0.3 ? 4 : 3;
            if (spaced) memory.successes += 1;
          } else {
            rating = 1;
            if (spaced) memory.failures += 1;
          }
          memory.lastExposure = now;
        }
        if (item.itemType === "exercise") rating = submitExercise(item, recalled, rating, now);
        const result = review(card, rating, new Date(now), settings, { durationMs: 20_000, source: item.itemType === "exercise" ? "exercise" : "review" });
        cards.set(key, result.card);
        logs.push(result.log);
        now += 20_000;
      }
      const inQueue = (c: SrsCardState): boolean => itemsByKey.has(itemKey(c)) || active.has(itemKey(c));
      const nextLearning = Math.min(...[...cards.values()].filter((c) => inQueue(c) && (c.state === CardState.Learning || c.state === CardState.Relearning)).map((c) => c.due.getTime()));
      if (!(nextLearning < sessionEnd)) break;
      now = Math.max(now, nextLearning);
    }
  }

  /**
   * An exercise review is a graded submit. Its evidence is drawn from the learner's true skill on the item
   * (a_topic + g − d_item) and whether they recalled how to solve it, never from the scheduler's state. A
   * misconception made fails the submit (the grader names it): the rating drops to Hard (the rest was right) or
   * stays Again.
   */
  function submitExercise(item: TopicItem, recalled: boolean, rating: ReviewRating, now: number): ReviewRating {
    const k = skill(item);
    const named = [...misconceptions.values()].filter((m) => m.exercise === item && evidenceRng.next() < mistakeProbability(m, now));
    // The learner applied (or failed to apply) each correction they had been given: that is a retrieval of it.
    for (const m of misconceptions.values()) if (m.exercise === item && m.correction) exposeCorrection(m, !named.includes(m), now);
    const passed = recalled && named.length === 0;
    const failedHiddenCases = passed ? 0 : 1 + binomial(evidenceRng, HIDDEN_CASES - 1, sigmoid(-k));
    const hintsUsed = binomial(evidenceRng, HINTS, sigmoid(-2 - k + (recalled ? 0 : 1.5)));
    const minutesToPass = passed ? Math.exp(Math.log(12) - 0.4 * k + evidenceRng.normal(0, 0.6)) : null;
    const id = `${item.itemId}@${now}`;
    attempts.push({ exerciseId: item.itemId, at: new Date(now), passed, hiddenCases: HIDDEN_CASES, failedHiddenCases, hintsUsed, minutesToPass, misconceptionsNamed: named.length });
    for (const m of named) {
      // The learner reads the explanation: the correction starts in memory (a known one was refreshed above).
      m.correction ??= { successes: 0, failures: 0, lastExposure: now };
      if (now + 30 * DAY_MS < START + args.days * DAY_MS) pendingChecks.push({ due: now + 30 * DAY_MS, state: m });
      if (!simulation.misconceptionItems) continue;
      const mItem: TopicItem = { itemType: "misconception", itemId: `${item.itemId}/${m.misconceptionId}`, topics: item.topics };
      const key = itemKey(mItem);
      const held = active.get(key);
      if (held) held.lastNamedAt = new Date(now);
      else active.set(key, { item: mItem, state: m, lastNamedAt: new Date(now) });
      reviewMisconceptionCard(key, mItem, 1, now, "exercise");
    }
    if (passed) {
      passesByExercise.set(item.itemId, [...(passesByExercise.get(item.itemId) ?? []), { id, at: new Date(now) }]);
      for (const [key, held] of active) if (held.state.exercise === item) settle(key, held);
    }
    return named.length === 0 ? rating : recalled ? 2 : 1;
  }

  /** The product's rule (lib/review/misconception-rule.ts) decides whether the item leaves the queue. */
  function settle(key: string, held: { item: TopicItem; state: MisconceptionState; lastNamedAt: Date }): void {
    const reviews = misconceptionLogs
      .filter((l) => itemKey(l) === key)
      .map((l, i) => ({ id: `${key}#${i}`, at: l.review, rating: l.rating, source: l.source, undone: l.undone }));
    if (settleMisconception({ lastNamedAt: held.lastNamedAt, passes: passesByExercise.get(held.state.exercise.itemId) ?? [], reviews }).recall) active.delete(key);
  }

  const catalogueKeys = new Set(items.map(itemKey));
  return {
    learner,
    logs,
    cards: [...cards.values()].filter((c) => catalogueKeys.has(itemKey(c))),
    misconceptionLogs,
    attempts,
    activeMisconceptions: [...active.values()].map((a) => ({ exerciseId: a.state.exercise.itemId, misconceptionId: a.state.misconceptionId })),
    stillMadeAfter30Days,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A simulated learner (with misconception items) and the product rule's fit on their days before the split: read
 * from `--cache` when an earlier run with the same arguments stored them (the simulation is deterministic in the
 * seed; the optimizer in its input), else simulated, fitted and stored. Tuning runs thus skip the slow part.
 */
async function learnerAndRule(u: number, args: Args, items: readonly TopicItem[], splitAt: number, settings: ReturnType<typeof parseSchedulerSettings>): Promise<{ sim: SimulatedLearner; rule: { accepted: boolean; parameters: number[] } }> {
  const file = args.cacheDir && join(args.cacheDir, `srs-${args.seed}-${args.abilities}-${args.items}x${args.days}-split${args.splitDay}-learner${u}.json`);
  if (file && existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8"), (_, v: unknown) => (typeof v === "string" && ISO_DATE.test(v) ? new Date(v) : v));
    const { ability, difficulty, ...learner } = stored.sim.learner;
    return { sim: { ...stored.sim, learner: { ...learner, ability: new Map(ability), difficulty: new Map(difficulty) } }, rule: stored.rule };
  }
  const sim = simulateLearner(u, args, items);
  const { accepted, parameters } = await fitPersonalParameters(sim.logs.filter((l) => l.review.getTime() < splitAt), settings);
  if (file) {
    mkdirSync(args.cacheDir!, { recursive: true });
    const learner = { ...sim.learner, ability: [...sim.learner.ability], difficulty: [...sim.learner.difficulty] };
    writeFileSync(file, JSON.stringify({ sim: { ...sim, learner }, rule: { accepted, parameters } }));
  }
  return { sim, rule: { accepted, parameters } };
}

interface Scored {
  predictions: number[];
  outcomes: number[];
}

/** Today's weakness score (./lib/scheduling/weakness/core.ts, the history-averaged FSRS difficulty) and its predecessor. */
const none = { difficulty: 0, forgetting: 0, lapses: 0, recentFailures: 0, surprise: 0 };
const scoreVariants: Record<string, WeaknessOptionsInput | undefined> = {
  "today's score (averaged FSRS difficulty)": undefined,
  "previous score (end state, 0.8/0.1/0.05/0.05)": { difficultySource: "now", weights: { ...none, difficulty: 0.8, forgetting: 0.1, lapses: 0.05, recentFailures: 0.05 } },
};
const MODEL = "model, all evidence";

/** The weakness model with all its evidence, and without each kind in turn (the README's ablation). */
function modelVariants(base: WeaknessModelOptionsInput, ablation: boolean): Record<string, WeaknessModelOptionsInput> {
  const variants: Record<string, WeaknessModelOptionsInput> = { [MODEL]: base };
  if (!ablation) return variants;
  for (const left of allWeaknessEvidence) variants[`without ${left}`] = { ...base, signals: allWeaknessEvidence.filter((e: WeaknessEvidence) => e !== left) };
  return variants;
}

const methods = ["constant", "SM-2", "FSRS default", "FSRS fitted", "FSRS (product rule)", "weakness model (days 0–120)"] as const;
type Method = (typeof methods)[number];
/** Skipped by --weakness-only (the product rule's fit is kept: the model's recall feature uses its parameters). */
const fittedMethods: readonly Method[] = ["FSRS fitted"];

function sm2Predictions(history: readonly { at: Date; step: FsrsReviewStep }[]): number[] {
  // SM-2 has no same-day steps: only the first review of each day updates it, as in srs-benchmark.
  let state: SuperMemoItem = { interval: 0, repetition: 0, efactor: 2.5 };
  let lastAt: number | null = null;
  const grades: Record<ReviewRating, SuperMemoGrade> = { 1: 1, 2: 3, 3: 4, 4: 5 };
  return history.map(({ at, step }, i) => {
    const predicted = lastAt === null || state.interval === 0 ? Number.NaN : 0.9 ** ((at.getTime() - lastAt) / DAY_MS / state.interval);
    if (i === 0 || step.deltaT >= 1) {
      state = supermemo(state, grades[step.rating]);
      lastAt = at.getTime();
    }
    return predicted;
  });
}

/**
 * The weakness model's recall predictions for the reviews after `splitAt`, fitted on the learner's evidence before
 * it (reviews, submits, the misconception items active then are not known, so none), keyed "itemKey@ms".
 */
export function modelPredictions(sim: Pick<SimulatedLearner, "cards" | "logs" | "attempts">, items: readonly TopicItem[], splitAt: number, options: WeaknessModelOptionsInput, settings: RecallSettings): Map<string, number> {
  const { fit } = weaknessModel({ items, cards: sim.cards, logs: sim.logs, signals: { attempts: sim.attempts }, until: new Date(splitAt), options, settings });
  const predictions = new Map<string, number>();
  for (const o of recallObservations(items, sim.logs, settings)) if (o.at.getTime() >= splitAt) predictions.set(`${o.key}@${o.at.getTime()}`, predictRecall(fit, o));
  return predictions;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const items = makeItems(args.items);
  const splitAt = START + args.splitDay * DAY_MS;
  const settings = parseSchedulerSettings({ timezone: "UTC" });
  const scored = new Map<Method, Scored>(methods.map((m) => [m, { predictions: [], outcomes: [] }]));
  const variants = { ...modelVariants(args.modelOptions, args.ablation) };
  const recallAt3 = new Map<string, number>();
  let reviewsTotal = 0;
  let accepted = 0;
  let fitMs = 0;
  let modelMs = 0;
  let unmatched = 0;
  const retention = { withItems: [] as number[], withoutItems: [] as number[] };
  let attemptsTotal = 0;
  let namings = 0;

  for (let u = 0; u < args.learners; u++) {
    const simStarted = performance.now();
    const { sim, rule } = await learnerAndRule(u, args, items, splitAt, settings);
    const simMs = performance.now() - simStarted;
    reviewsTotal += sim.logs.length;
    attemptsTotal += sim.attempts.length;
    namings += sim.attempts.reduce((a, x) => a + x.misconceptionsNamed, 0);
    retention.withItems.push(...sim.stillMadeAfter30Days);
    if (!args.weaknessOnly) retention.withoutItems.push(...simulateLearner(u, args, items, { misconceptionItems: false }).stillMadeAfter30Days);
    const trainLogs = sim.logs.filter((l) => l.review.getTime() < splitAt);
    const fitStarted = performance.now();
    const fitted = args.weaknessOnly ? [...default_w] : await computeFsrsParameters(toFsrsItems(trainLogs, settings).filter((i) => i.reviewedAt.getTime() < splitAt), settings);
    fitMs += performance.now() - fitStarted;
    if (rule.accepted) accepted += 1;
    const modelStarted = performance.now();
    // The learner's SrsSettings as the product keeps them: the rule's parameters (fitted if kept, else the defaults).
    const learnerSettings = { ...settings, parameters: rule.parameters };
    const model = modelPredictions(sim, items, splitAt, args.modelOptions, learnerSettings);
    modelMs += performance.now() - modelStarted;
    if (args.verbose) console.error(`learner ${u}: ${sim.logs.length} reviews, ${sim.attempts.length} submits, simulated and rule fitted (or read from --cache) in ${Math.round(simMs)} ms, fits ${Math.round(performance.now() - fitStarted)} ms`);

    const histories = cardHistories(sim.logs, settings);
    let trainRecalled = 0;
    let trainCount = 0;
    for (const history of histories.values()) {
      history.forEach(({ at, step }, i) => {
        if (i > 0 && step.deltaT >= 1 && at.getTime() < splitAt) {
          trainCount += 1;
          if (step.rating !== 1) trainRecalled += 1;
        }
      });
    }
    const constant = trainCount > 0 ? trainRecalled / trainCount : 0.9;
    for (const [key, history] of histories) {
      const steps = history.map((h) => h.step);
      const byMethod: Record<Method, number[]> = {
        constant: steps.map(() => constant),
        "SM-2": sm2Predictions(history),
        "FSRS default": predictHistory(steps, default_w),
        "FSRS fitted": predictHistory(steps, fitted),
        "FSRS (product rule)": predictHistory(steps, rule.parameters),
        "weakness model (days 0–120)": history.map(({ at }) => model.get(`${key}@${at.getTime()}`) ?? Number.NaN),
      };
      history.forEach(({ at, step }, i) => {
        if (i === 0 || step.deltaT < 1 || at.getTime() < splitAt) return;
        if (Number.isNaN(byMethod["weakness model (days 0–120)"][i]!)) unmatched += 1;
        for (const m of methods) {
          const p = byMethod[m][i]!;
          scored.get(m)!.predictions.push(Number.isNaN(p) ? constant : p);
          scored.get(m)!.outcomes.push(step.rating === 1 ? 0 : 1);
        }
      });
    }

    const end = new Date(START + args.days * DAY_MS);
    const truth = [...sim.learner.ability].sort((a, b) => a[1] - b[1]).slice(0, 3).map(([t]) => t);
    const score = (found: readonly string[]): number => truth.filter((t) => found.includes(t)).length / 3;
    const add = (variant: string, recall: number): void => void recallAt3.set(variant, (recallAt3.get(variant) ?? 0) + recall / args.learners);
    const signals = { attempts: sim.attempts, activeMisconceptions: sim.activeMisconceptions };
    for (const [variant, options] of Object.entries(variants)) {
      const report = weaknessModel({ items, cards: sim.cards, logs: sim.logs, signals, options, settings: learnerSettings }).topics;
      add(variant, score(weakestTopics(report, 3).map((t) => t.topicId)));
    }
    for (const [variant, options] of Object.entries(scoreVariants)) {
      add(variant, score(weakestTopics(topicWeakness({ items, cards: sim.cards, logs: sim.logs, now: end, settings, options }), 3).map((t) => t.topicId)));
    }
  }

  const rows = methods
    .filter((m) => !(args.weaknessOnly && fittedMethods.includes(m)))
    .map((m) => {
      const s = scored.get(m)!;
      return { method: m, logLoss: round(logLoss(s.predictions, s.outcomes)), rmseBins: round(rmseBins(s.predictions, s.outcomes)), auc: round(auc(s.predictions, s.outcomes)) };
    });
  const row = (m: Method) => rows.find((r) => r.method === m);
  const evaluated = scored.get("constant")!;
  const mean = (xs: readonly number[]): number | null => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
  const modelRecall = round(recallAt3.get(MODEL)!);
  const todaysPredictor = row("FSRS (product rule)")!;
  const result = {
    learners: args.learners,
    items: args.items,
    days: args.days,
    splitDay: args.splitDay,
    seed: args.seed,
    abilities: args.abilities,
    reviews: reviewsTotal,
    submits: attemptsTotal,
    misconceptionsNamed: namings,
    evaluatedReviews: evaluated.predictions.length,
    modelUnmatchedReviews: unmatched,
    observedRecall: round(evaluated.outcomes.reduce((a, b) => a + b, 0) / evaluated.outcomes.length),
    methods: rows,
    productRuleAccepted: `${accepted}/${args.learners}`,
    weakestTopicsRecallAt3: modelRecall,
    randomRecallAt3: round(3 / topicsInPrerequisiteOrder().length),
    recallAt3: Object.fromEntries([...recallAt3].map(([k, v]) => [k, round(v)])),
    misconceptionsStillMadeAfter30Days: { withItems: mean(retention.withItems), withoutItems: mean(retention.withoutItems), namings: retention.withItems.length, namingsWithout: retention.withoutItems.length },
    goals: {
      fittedBeatsSm2AndDefaults: args.weaknessOnly ? null : row("FSRS fitted")!.logLoss < row("SM-2")!.logLoss && row("FSRS fitted")!.logLoss < row("FSRS default")!.logLoss,
      recallAt3AtLeast085: modelRecall >= 0.85,
      modelLogLossNoWorseThanTodaysPredictor: row("weakness model (days 0–120)")!.logLoss <= todaysPredictor.logLoss,
    },
    fitSecondsTotal: round(fitMs / 1000, 1),
    modelSecondsTotal: round(modelMs / 1000, 1),
    runtimeSeconds: round((performance.now() - started) / 1000, 1),
  };
  if (args.json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(`bench:srs — ${result.learners} simulated HLR learners × ${result.items} items × ${result.days} days (seed ${result.seed}, abilities ${result.abilities}); ${result.reviews} reviews, ${result.submits} exercise submits, ${result.misconceptionsNamed} misconceptions named`);
  console.log(`scored: ${result.evaluatedReviews} cross-day reviews in days ${result.splitDay}–${result.days} (observed recall ${result.observedRecall})\n`);
  console.log("| method | log loss | RMSE (bins) | AUC |");
  console.log("|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.method} | ${r.logLoss.toFixed(4)} | ${r.rmseBins.toFixed(4)} | ${r.auc.toFixed(4)} |`);
  console.log(`\nproduct rule (fit on days 0–${result.splitDay}, keep only if better on its own later reviews) accepted the fit for ${result.productRuleAccepted} learners`);
  console.log(`\nweakest topics, recall@3 at day ${result.days} (random ${result.randomRecallAt3}):\n`);
  console.log("| weakness | recall@3 |");
  console.log("|---|---|");
  for (const [k, v] of Object.entries(result.recallAt3)) console.log(`| ${k} | ${v.toFixed(3)} |`);
  const share = result.misconceptionsStillMadeAfter30Days;
  console.log(`\nnamed misconceptions still made 30 days later: ${share.withItems} with misconception items (${share.namings} namings), ${share.withoutItems ?? "not run (--weakness-only)"} without (${share.namingsWithout} namings)`);
  console.log(`goals: recall@3 ≥ 0.85: ${result.goals.recallAt3AtLeast085 ? "yes" : "NO"}; model log loss ≤ today's predictor (${todaysPredictor.method}): ${result.goals.modelLogLossNoWorseThanTodaysPredictor ? "yes" : "NO"}${args.weaknessOnly ? "" : `; fitted FSRS beats SM-2 and defaults: ${result.goals.fittedBeatsSm2AndDefaults ? "yes" : "NO"}`}`);
  console.log(`runtime ${result.runtimeSeconds} s (optimizer ${result.fitSecondsTotal} s, weakness model ${result.modelSecondsTotal} s)`);
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
