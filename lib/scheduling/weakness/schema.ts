import { z } from "zod";

/** Knobs of the weakness score; see core.ts for the formula they plug into. */
export const weaknessOptionsSchema = z
  .object({
    /** Recall is predicted this many days ahead: a topic about to slip is weak now. */
    horizonDays: z.number().min(0).max(365).default(7),
    /** Failures count as "recent" within this many days. */
    recentDays: z.number().min(1).max(365).default(14),
    /**
     * Weights of the parts (normalised by their sum). `difficulty` weighs the history-averaged FSRS difficulty
     * (time-averaged over each item's whole reviewed life), not the end state; `surprise` weighs failures beyond
     * what FSRS predicted at each review. Defaults chosen on simulated learners of tuning seeds only (core.ts).
     */
    weights: z
      .object({
        difficulty: z.number().min(0).default(1),
        forgetting: z.number().min(0).default(0),
        lapses: z.number().min(0).default(0),
        recentFailures: z.number().min(0).default(0),
        surprise: z.number().min(0).default(0),
      })
      .prefault({}),
    /**
     * Which difficulty the `difficulty` weight uses: "history" (default), each item's FSRS difficulty averaged
     * over time since its first review; "now", the end state only (the score before 2026-11-27, kept for the
     * bench's comparison).
     */
    difficultySource: z.enum(["history", "now"]).default("history"),
    /**
     * Pseudo-reviews of prior for the recent failure rate: a topic with one review that failed is not certainly
     * weak. The prior rate is 1 − desired retention, what the scheduler expects anyway.
     */
    priorReviews: z.number().min(0).default(2),
    /**
     * Prior for the failure surprise, in pseudo-reviews at the expected failure rate 1 − desired retention, added
     * to both the observed and the predicted failures: with few reviews the surprise stays near 0.5 (as predicted).
     */
    surprisePriorReviews: z.number().min(0).default(10),
  })
  .refine((o) => Object.values(o.weights).some((w) => w > 0), { message: "at least one weight must be positive" });
export type WeaknessOptionsInput = z.input<typeof weaknessOptionsSchema>;
export type WeaknessOptions = z.output<typeof weaknessOptionsSchema>;

/** The evidence the weakness model weighs (see model.ts); "reviews" is the recall likelihood itself. */
export const weaknessSignalSchema = z.enum(["misconceptions", "hiddenCases", "hints", "timeToPass", "lapses", "firstStudy", "difficulty"]);
export type WeaknessSignal = z.infer<typeof weaknessSignalSchema>;
export const weaknessEvidenceSchema = z.union([weaknessSignalSchema, z.enum(["reviews", "prerequisites"])]);
export type WeaknessEvidence = z.infer<typeof weaknessEvidenceSchema>;
export const allWeaknessEvidence: readonly WeaknessEvidence[] = [...weaknessSignalSchema.options, "reviews", "prerequisites"];

/** Knobs of the weakness model (model.ts). Defaults chosen on bench/srs's tuning seeds 99–101 and 200–202 only. */
export const weaknessModelOptionsSchema = z.object({
  /** Which evidence the model uses (the README's ablation leaves one out at a time). */
  signals: z.array(weaknessEvidenceSchema).default([...allWeaknessEvidence]),
  /** Prior standard deviation of a topic effect around its prior mean (logit units). */
  thetaSd: z.number().positive().max(10).default(0.5),
  /**
   * Prior standard deviation of the shared coefficients around the FSRS recall alone (intercept, elapsed days,
   * successes, failures 0; the FSRS recall's logit 1). Tuning seeds 200–202: 1 lowers log loss by 0.0004–0.0023 but
   * recall@3 too (0.856 mean against 0.858); 0.3 raises log loss by 0.006–0.013: the counts do correct FSRS.
   */
  betaSd: z.number().positive().max(100).default(5),
  /** Logit units of prior per unit of the signals' weighted mean z-score (a topic one sd worse on every signal: −τ). */
  signalScale: z.number().min(0).max(10).default(2),
  /**
   * Relative weight of each signal in that mean (a signal missing here: 1). Defaults: a ridge regression of the
   * simulated learners' true topic abilities on the signals' z-scores (tuning seeds 99 and 100), ×10, rounded; the
   * negative weight of the reviews' own effect there is why reviews enter as the likelihood, not as a signal.
   * Lapses 0 since tuning seeds 200–202 (recall@3 0.862 without, 0.858 with, as on 99–101: 0.867 against 0.858):
   * the reviews' likelihood already counts an item's failures.
   */
  signalWeights: z
    .partialRecord(weaknessSignalSchema, z.number().min(0).max(100))
    .default({ misconceptions: 0.1, hiddenCases: 0.6, hints: 2.3, timeToPass: 1.6, lapses: 0, firstStudy: 0.5, difficulty: 1.2 }),
  /**
   * Candidate scales γ of the topic effects in recall (θ_T = γ · ability_T; the prior's mean and spread are
   * multiplied by γ): each learner's is the one under which their reviews are most probable (Laplace's evidence).
   */
  topicScales: z.array(z.number().positive().max(10)).min(1).default([0.25, 0.35, 0.5, 0.7, 1]),
  /**
   * γ of the fit that ranks the topics (weakness, explainedBy), the same for every learner: 1, the model before
   * γ was fitted. The learner's evidence-chosen γ predicts recall better but ranks worse (held-out recall@3 0.873
   * mean with 1, 0.852 with the chosen γ, seeds 2026, 7, 31337, 4242), so predicted recall and ranking each use theirs.
   */
  rankingTopicScale: z.number().positive().max(10).default(1),
  /** Share of the prerequisites' mean fitted effect added to a topic's prior. */
  prerequisiteWeight: z.number().min(0).max(1).default(0.3),
  /** Pseudo-observations at the learner's pooled rate that shrink each topic's signal rates. */
  pseudoObservations: z.number().min(0).max(100).default(2),
});
export type WeaknessModelOptionsInput = z.input<typeof weaknessModelOptionsSchema>;
export type WeaknessModelOptions = z.output<typeof weaknessModelOptionsSchema>;

/** One graded exercise submit, as the weakness model reads it (from Submission rows and their reports). */
export const exerciseAttemptSchema = z.object({
  /** The exercise's item id (its slug). */
  exerciseId: z.string().min(1),
  at: z.date(),
  passed: z.boolean(),
  hiddenCases: z.number().int().min(0),
  failedHiddenCases: z.number().int().min(0),
  hintsUsed: z.number().int().min(0),
  /** For a pass: minutes from the first submission of this round (since the previous pass) to this one. */
  minutesToPass: z.number().min(0).nullable(),
  /** Misconceptions the grader's diagnosis named in it. */
  misconceptionsNamed: z.number().int().min(0),
}).refine((a) => a.failedHiddenCases <= a.hiddenCases, { message: "failedHiddenCases cannot exceed hiddenCases" });
export type ExerciseAttempt = z.infer<typeof exerciseAttemptSchema>;

export const learnerSignalsSchema = z.object({
  attempts: z.array(exerciseAttemptSchema).default([]),
  /** Active misconception items (named, not yet retired), by exercise. */
  activeMisconceptions: z.array(z.object({ exerciseId: z.string().min(1), misconceptionId: z.string().min(1) })).default([]),
});
export type LearnerSignalsInput = z.input<typeof learnerSignalsSchema>;
export type LearnerSignals = z.output<typeof learnerSignalsSchema>;
