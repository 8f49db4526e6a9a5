/** Messages between the pool (parent) and its worker processes, validated on both sides. (A job's phases go on the
 * worker's phase board instead, ../phase-board.ts.) */
import { z } from "zod";
import { graderLimitsSchema } from "../limits";

export const gradeJobSchema = z.object({
  slug: z.string(),
  source: z.string(),
  seed: z.number().int().nonnegative(),
  lang: z.enum(["zh", "en"]),
  mode: z.enum(["visible", "all"]),
  exercisesRoot: z.string(),
});

export const toWorkerSchema = z.object({
  type: z.literal("grade"),
  id: z.number().int(),
  job: gradeJobSchema,
  limits: graderLimitsSchema,
});
export type ToWorker = z.input<typeof toWorkerSchema>;

/**
 * Seeds whose expected and misconception outputs the worker computes in the background while idle (the
 * daemon's pools of hidden seeds). `limits` lets it keep the spare isolate of the next submission ready.
 */
export const warmWorkerSchema = z.object({
  type: z.literal("warm"),
  exercisesRoot: z.string(),
  seedsBySlug: z.array(z.object({ slug: z.string(), seeds: z.array(z.number().int().nonnegative()).max(1024) })),
  /** "now": warm every listed exercise while idle; "on-first-job": each once the worker grades it for the first time. */
  start: z.enum(["now", "on-first-job"]).default("now"),
  limits: graderLimitsSchema,
});
export type WarmWorker = z.input<typeof warmWorkerSchema>;

export const fromWorkerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("result"), id: z.number().int(), report: z.unknown(), recycle: z.boolean() }),
  z.object({ type: z.literal("failed"), id: z.number().int(), message: z.string() }),
  /** Background cache tasks still to do (sent now and then, and when it reaches 0). */
  z.object({ type: z.literal("warming"), remaining: z.number().int().nonnegative() }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;

export const toTypeCheckerSchema = z.object({ id: z.number().int(), source: z.string() });
export const fromTypeCheckerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("result"), id: z.number().int(), warnings: z.unknown() }),
  z.object({ type: z.literal("failed"), id: z.number().int(), message: z.string() }),
]);
