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
 * Scored: the predicted recall before every cross-day review in days 120–180 (the same later part for every
 * method), pooled over learners: a constant predictor (the learner's recall rate in days 0–120), SM-2 (the
 * `supermemo` package; R = 0.9^(t/interval), as srs-benchmark does), FSRS with default parameters, FSRS with
 * parameters fitted by the FSRS optimizer on the learner's days 0–120 only, and FSRS with the product's rule
 * (fit on days 0–120 with its own inner time split; keep the fit only if it wins there). Also recall@3: the
 * share of each learner's three truly weakest topics (lowest a_topic) among the three `weakestTopics` at day 180.
 *
 *   npm run bench:srs                 # table
 *   npm run bench:srs -- --json       # the table as one JSON object
 *   npm run bench:srs -- --learners 10 --seed 7 --abilities normal --verbose
 */
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
  type TopicItem,
  type WeaknessOptionsInput,
} from "../lib/scheduling/index";

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
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { abilities: "gaps", learners: 50, items: 100, days: 180, splitDay: 120, seed: 2026, json: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") args.json = true;
    else if (a === "--verbose") args.verbose = true;
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
    } else throw new Error(`unknown argument ${a} (known: --json --verbose --abilities gaps|normal --learners N --items N --days N --split-day N --seed N)`);
  }
  if (args.splitDay >= args.days) throw new Error("--split-day must be before --days");
  return args;
}

/** The item catalogue: `n` items dealt over the topics in prerequisite order, alternating flashcard/exercise. */
export function makeItems(n: number): TopicItem[] {
  const topics = topicsInPrerequisiteOrder();
  return Array.from({ length: n }, (_, i) => ({
    itemType: i % 2 === 0 ? "flashcard" : "exercise",
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

interface Event {
  key: string;
  at: number;
  rating: ReviewRating;
}

interface SimulatedLearner {
  learner: Learner;
  logs: SrsReviewLogEntry[];
  cards: SrsCardState[];
}

export function simulateLearner(index: number, args: Args, items: readonly TopicItem[]): SimulatedLearner {
  const rng = createRng(caseSeed(args.seed, index));
  const learner = makeLearner(rng, items, args.abilities);
  const settings = parseSchedulerSettings({ timezone: "UTC" });
  const userId = `learner-${index}`;
  const cards = new Map<string, SrsCardState>();
  const memories = new Map<string, TrueMemory>();
  const itemsByKey = new Map(items.map((i) => [itemKey(i), i]));
  const logs: SrsReviewLogEntry[] = [];
  let recentStart = 0;

  for (let day = 0; day < args.days; day++) {
    let now = START + day * DAY_MS + 9 * 3_600_000 + Math.floor(rng.next() * 3 * 3_600_000);
    const sessionEnd = now + 3 * 3_600_000;
    while (recentStart < logs.length && logs[recentStart]!.review.getTime() < now - 15 * DAY_MS) recentStart++;
    for (let pass = 0; pass < 20 && now < sessionEnd; pass++) {
      const queue = buildQueue({ items, cards: [...cards.values()], logs: logs.slice(recentStart), now: new Date(now), settings, options: { dailyNewLimit: 5 } });
      for (const entry of queue.entries) {
        const key = itemKey(entry);
        const item = itemsByKey.get(key)!;
        const card = cards.get(key) ?? createCard(userId, item, new Date(now));
        const memory = memories.get(key);
        let rating: ReviewRating;
        if (!memory) {
          // First study: the learner reads the item; understanding it at once depends on ability and difficulty.
          const understood = 1 / (1 + Math.exp(-(1.5 + learner.ability.get(item.topics[0]!)! + learner.general - learner.difficulty.get(key)!)));
          rating = rng.next() < understood ? 3 : 1;
          memories.set(key, { successes: 0, failures: 0, lastExposure: now });
        } else {
          const p = trueRecall(learner, item, memory, now);
          const recalled = rng.next() < p;
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
        const result = review(card, rating, new Date(now), settings, { durationMs: 20_000, source: item.itemType === "exercise" ? "exercise" : "review" });
        cards.set(key, result.card);
        logs.push(result.log);
        now += 20_000;
      }
      const nextLearning = Math.min(...[...cards.values()].filter((c) => c.state === CardState.Learning || c.state === CardState.Relearning).map((c) => c.due.getTime()));
      if (!(nextLearning < sessionEnd)) break;
      now = Math.max(now, nextLearning);
    }
  }
  return { learner, logs, cards: [...cards.values()] };
}

interface Scored {
  predictions: number[];
  outcomes: number[];
}

/** The weakness score as shipped, and each of its components alone (for the README's ablation). */
const none = { difficulty: 0, forgetting: 0, lapses: 0, recentFailures: 0, surprise: 0 };
const weaknessVariants: Record<string, WeaknessOptionsInput | undefined> = {
  default: undefined,
  "previous score (end state, 0.8/0.1/0.05/0.05)": { difficultySource: "now", weights: { ...none, difficulty: 0.8, forgetting: 0.1, lapses: 0.05, recentFailures: 0.05 } },
  "end-state difficulty only": { difficultySource: "now", weights: { ...none, difficulty: 1 } },
  "lapses only": { weights: { ...none, lapses: 1 } },
  "forgetting only": { weights: { ...none, forgetting: 1 } },
  "recent failures only": { weights: { ...none, recentFailures: 1 } },
  "failure surprise only": { weights: { ...none, surprise: 1 } },
};

const methods = ["constant", "SM-2", "FSRS default", "FSRS fitted", "FSRS (product rule)"] as const;
type Method = (typeof methods)[number];

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

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const items = makeItems(args.items);
  const splitAt = START + args.splitDay * DAY_MS;
  const settings = parseSchedulerSettings({ timezone: "UTC" });
  const scored = new Map<Method, Scored>(methods.map((m) => [m, { predictions: [], outcomes: [] }]));
  let recallAt3 = 0;
  const ablation = new Map<string, number>();
  let reviewsTotal = 0;
  let accepted = 0;
  let fitMs = 0;

  for (let u = 0; u < args.learners; u++) {
    const simStarted = performance.now();
    const sim = simulateLearner(u, args, items);
    const simMs = performance.now() - simStarted;
    reviewsTotal += sim.logs.length;
    const trainLogs = sim.logs.filter((l) => l.review.getTime() < splitAt);
    const fitStarted = performance.now();
    const fitted = await computeFsrsParameters(toFsrsItems(trainLogs, settings).filter((i) => i.reviewedAt.getTime() < splitAt), settings);
    const rule = await fitPersonalParameters(trainLogs, settings);
    fitMs += performance.now() - fitStarted;
    if (rule.accepted) accepted += 1;
    if (args.verbose) console.error(`learner ${u}: ${sim.logs.length} reviews, simulated in ${Math.round(simMs)} ms, fits ${Math.round(performance.now() - fitStarted)} ms`);

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
    for (const history of histories.values()) {
      const steps = history.map((h) => h.step);
      const byMethod: Record<Method, number[]> = {
        constant: steps.map(() => constant),
        "SM-2": sm2Predictions(history),
        "FSRS default": predictHistory(steps, default_w),
        "FSRS fitted": predictHistory(steps, fitted),
        "FSRS (product rule)": predictHistory(steps, rule.parameters),
      };
      history.forEach(({ at, step }, i) => {
        if (i === 0 || step.deltaT < 1 || at.getTime() < splitAt) return;
        for (const m of methods) {
          const p = byMethod[m][i]!;
          scored.get(m)!.predictions.push(Number.isNaN(p) ? constant : p);
          scored.get(m)!.outcomes.push(step.rating === 1 ? 0 : 1);
        }
      });
    }

    const end = new Date(START + args.days * DAY_MS);
    const truth = [...sim.learner.ability].sort((a, b) => a[1] - b[1]).slice(0, 3).map(([t]) => t);
    for (const [variant, options] of Object.entries(weaknessVariants)) {
      const found = weakestTopics(topicWeakness({ items, cards: sim.cards, logs: sim.logs, now: end, settings, options }), 3).map((t) => t.topicId);
      const recall = truth.filter((t) => found.includes(t)).length / 3;
      ablation.set(variant, (ablation.get(variant) ?? 0) + recall / args.learners);
      if (variant === "default") recallAt3 += recall;
    }
  }

  const rows = methods.map((m) => {
    const s = scored.get(m)!;
    return { method: m, logLoss: round(logLoss(s.predictions, s.outcomes)), rmseBins: round(rmseBins(s.predictions, s.outcomes)), auc: round(auc(s.predictions, s.outcomes)) };
  });
  const evaluated = scored.get("constant")!;
  const result = {
    learners: args.learners,
    items: args.items,
    days: args.days,
    splitDay: args.splitDay,
    seed: args.seed,
    reviews: reviewsTotal,
    evaluatedReviews: evaluated.predictions.length,
    observedRecall: round(evaluated.outcomes.reduce((a, b) => a + b, 0) / evaluated.outcomes.length),
    methods: rows,
    productRuleAccepted: `${accepted}/${args.learners}`,
    weakestTopicsRecallAt3: round(recallAt3 / args.learners),
    randomRecallAt3: round(3 / topicsInPrerequisiteOrder().length),
    weaknessAblationRecallAt3: Object.fromEntries([...ablation].map(([k, v]) => [k, round(v)])),
    goals: {
      fittedBeatsSm2AndDefaults: rows[3]!.logLoss < rows[1]!.logLoss && rows[3]!.logLoss < rows[2]!.logLoss,
      recallAt3AtLeast08: recallAt3 / args.learners >= 0.8,
    },
    fitSecondsTotal: round(fitMs / 1000, 1),
    runtimeSeconds: round((performance.now() - started) / 1000, 1),
  };
  if (args.json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(`bench:srs — ${result.learners} simulated HLR learners × ${result.items} items × ${result.days} days (seed ${result.seed}); ${result.reviews} reviews`);
  console.log(`scored: ${result.evaluatedReviews} cross-day reviews in days ${result.splitDay}–${result.days} (observed recall ${result.observedRecall})\n`);
  console.log("| method | log loss | RMSE (bins) | AUC |");
  console.log("|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.method} | ${r.logLoss.toFixed(4)} | ${r.rmseBins.toFixed(4)} | ${r.auc.toFixed(4)} |`);
  console.log(`\nproduct rule (fit on days 0–${result.splitDay}, keep only if better on its own later reviews) accepted the fit for ${result.productRuleAccepted} learners`);
  console.log(`weakest topics recall@3: ${result.weakestTopicsRecallAt3} (random: ${result.randomRecallAt3}); components alone: ${Object.entries(result.weaknessAblationRecallAt3).filter(([k]) => k !== "default").map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`goals: fitted FSRS beats SM-2 and defaults on log loss: ${result.goals.fittedBeatsSm2AndDefaults ? "yes" : "NO"}; recall@3 ≥ 0.8: ${result.goals.recallAt3AtLeast08 ? "yes" : "NO"}`);
  console.log(`runtime ${result.runtimeSeconds} s (optimizer ${result.fitSecondsTotal} s)`);
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
