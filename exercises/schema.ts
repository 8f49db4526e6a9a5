/**
 * The exercise format. An exercise is a self-describing folder `exercises/<topic>/<slug>/`:
 *
 *   exercise.json          metadata below (validated with `exerciseMetaSchema` when loaded)
 *   statement.en.md        the statement, Markdown with KaTeX math ($…$, $$…$$), in the notes' notation
 *   statement.zh.md
 *   starter.ts             the signature with a doc comment: what the learner starts from
 *   solution.ts            a model solution in plain TypeScript (never the oracle)
 *   reference.ts           `export default` an `ExerciseReference`: the TensorFlow.js oracle
 *   cases.ts               `export default` a `CaseGenerator`: seeded cases, visible and hidden
 *   misconceptions/<id>.ts one wrong implementation per misconception, same signature as starter.ts
 *   crosscheck.ts          optional: `export default` a `CrossCheck` proving the reference's convention
 *
 * Static metadata lives in JSON so the web app can read it without loading TensorFlow.js; the code that
 * needs tfjs lives in the .ts files, which only the grader loads.
 */
import { z } from "zod";
import { topicIds, type TopicId } from "./topics";

export type Json = number | string | boolean | null | Json[] | { [key: string]: Json };

export const localizedSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof localizedSchema>;
export type Lang = keyof Localized;
export const langs = ["zh", "en"] as const satisfies readonly Lang[];

const identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, "must be a JavaScript identifier");
const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case");

export const toleranceSchema = z.object({
  rtol: z.number().nonnegative(),
  atol: z.number().nonnegative(),
});
export type Tolerance = z.infer<typeof toleranceSchema>;

/**
 * A misconception's review item: when the grader names the misconception in a learner's submission, this
 * question enters the learner's spaced-repetition queue. Its answer is the correct idea, e.g. "J(w,b) for
 * linear regression divides the summed squared error by ___?" → "2m". One short question per misconception:
 * a blank to fill, a formula to complete, or a true/false about the convention (the answer says why).
 */
export const misconceptionReviewSchema = z
  .object({
    question: localizedSchema,
    answer: localizedSchema,
  })
  .strict();
export type MisconceptionReview = z.infer<typeof misconceptionReviewSchema>;

/** The longest review question and answer, in characters per language (`lacuna check`): a card read at a glance. */
export const REVIEW_QUESTION_MAX_CHARS = 200;
export const REVIEW_ANSWER_MAX_CHARS = 300;

export const misconceptionMetaSchema = z.object({
  id: kebab,
  title: localizedSchema,
  explanation: localizedSchema,
  review: misconceptionReviewSchema.optional(),
});
export type MisconceptionMeta = z.infer<typeof misconceptionMetaSchema>;

export const exerciseMetaSchema = z
  .object({
    slug: kebab,
    topics: z
      .array(z.string().refine((t) => (topicIds as readonly string[]).includes(t), "unknown topic id (see exercises/topics.ts)"))
      .min(1) as unknown as z.ZodType<TopicId[]>,
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    functionName: identifier,
    params: z.array(identifier).min(1),
    title: localizedSchema,
    /** The notes' section this exercise traces to, verbatim. */
    notesSection: z.string().min(1),
    /** `default` applies to every output; `outputs` overrides it per key of an object output. */
    tolerance: z.object({
      default: toleranceSchema,
      outputs: z.record(z.string(), toleranceSchema).default({}),
    }),
    /** Object-output keys that are gradients: the report gives the relative error per parameter. */
    gradientOutputs: z.array(z.string()).default([]),
    /** Object-output key holding a cost history, drawn as a learning curve by the app. */
    curveOutput: z.string().optional(),
    misconceptions: z.array(misconceptionMetaSchema).min(3),
    hints: z.array(localizedSchema).min(1),
  })
  .strict();
export type ExerciseMeta = z.infer<typeof exerciseMetaSchema>;

/**
 * A case's name, shown beside its result in the learner's language: { en, zh }. A plain string (the first
 * catalogue's form) is read as the same text in both languages, and `lacuna check` reports it as untranslated.
 */
export const caseNameSchema = z.union([z.string().min(1).transform((text): Localized => ({ en: text, zh: text })), localizedSchema]);

export const exerciseCaseSchema = z.object({
  name: caseNameSchema,
  args: z.array(z.json()),
  visible: z.boolean(),
  weight: z.number().positive().default(1),
  /** Why this case is there, when it teaches something (an edge case). */
  note: localizedSchema.optional(),
});
export type ExerciseCase = z.input<typeof exerciseCaseSchema>;
export type ParsedExerciseCase = z.output<typeof exerciseCaseSchema>;

/** Deterministic for a seed: the same seed gives the same cases, shapes vary between cases. */
export type CaseGenerator = (seed: number) => ExerciseCase[];

/** The oracle: computes the expected output of one case with TensorFlow.js. */
export type ExerciseReference = (...args: Json[]) => Json;

export interface CrossCheckResult {
  name: string;
  /** Largest absolute difference between the reference and the independent computation. */
  maxAbsError: number;
  tolerance: number;
}
/** Proves a convention: e.g. the ops-based GRU reference against tf.layers.gru with mapped weights. */
export type CrossCheck = (seed: number) => CrossCheckResult[];
