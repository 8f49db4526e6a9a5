// The assignment form (create and edit), judged in one place: a title, a set of exercises and flashcard topics,
// open and due times typed in the cohort's time zone, a late policy and an optional attempt limit. A due time
// already past is refused unless the instructor confirms it (`confirmPast`): "2020-01-01" typed by mistake no
// longer shows every learner "Done late" at once. Messages are keys under "cohorts.errors.".
import { z } from "zod";
import { attemptLimitSchema, latePolicySchema, type LatePolicy } from "../policy/schema";
import { localToInstant } from "./core";
import { ASSIGNMENT_FIELDS, type AssignmentField, type AssignmentFormValues } from "./fields";

export { ASSIGNMENT_FIELDS, type AssignmentField, type AssignmentFormValues };

export interface AssignmentInput {
  title: string;
  items: { kind: "exercise" | "topic"; ref: string }[];
  opensAt: Date | null;
  dueAt: Date | null;
  policy: LatePolicy;
  attemptLimit: number | null;
}

const MAX_ITEMS = 50;

function idList(known: readonly string[], unknownKey: string) {
  return z
    .string()
    .optional()
    .transform((raw) => [...new Set((raw ?? "").split(/[\s,]+/).filter(Boolean))])
    .refine((ids) => ids.length <= MAX_ITEMS, { error: "cohorts.errors.tooManyItems" })
    .refine((ids) => ids.every((id) => known.includes(id)), { error: unknownKey });
}

/** "" → null; otherwise a whole or decimal number of percent 0..100 → a fraction. */
function percent(key: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = (raw ?? "").trim();
      if (!text) return null;
      const value = Number(text);
      if (!/^\d+(\.\d+)?$/.test(text) || value > 100) {
        ctx.addIssue({ code: "custom", message: key });
        return z.NEVER;
      }
      return value / 100;
    });
}

export interface AssignmentContext {
  exerciseSlugs: readonly string[];
  topicIds: readonly string[];
  timeZone: string;
  now: Date;
  /** The due time stored before an edit: keeping a past due time as it was needs no confirmation. */
  previousDueAt?: Date | null;
}

export function assignmentFormSchema(context: AssignmentContext) {
  const time = (key: string) =>
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        const text = (raw ?? "").trim();
        if (!text) return null;
        const instant = localToInstant(text, context.timeZone);
        if (!instant) {
          ctx.addIssue({ code: "custom", message: key });
          return z.NEVER;
        }
        return instant;
      });
  return z
    .object({
      title: z.string().optional().transform((t) => (t ?? "").trim()).pipe(z.string().max(120, { error: "cohorts.errors.titleTooLong" })),
      exercises: idList(context.exerciseSlugs, "cohorts.errors.exerciseUnknown"),
      topics: idList(context.topicIds, "cohorts.errors.topicUnknown"),
      opensAt: time("cohorts.errors.opensInvalid"),
      dueAt: time("cohorts.errors.dueInvalid"),
      latePolicy: z.string().optional().transform((k) => k || "none"),
      penaltyPercent: percent("cohorts.errors.penaltyInvalid"),
      floorPercent: percent("cohorts.errors.floorInvalid"),
      attemptLimit: z
        .string()
        .optional()
        .transform((raw, ctx) => {
          const text = (raw ?? "").trim();
          if (!text) return null;
          const parsed = attemptLimitSchema.safeParse(/^\d+$/.test(text) ? Number(text) : NaN);
          if (!parsed.success) {
            ctx.addIssue({ code: "custom", message: "cohorts.errors.attemptLimitInvalid" });
            return z.NEVER;
          }
          return parsed.data;
        }),
      confirmPast: z.string().optional().transform((v) => v === "on" || v === "true" || v === "1"),
    })
    .transform((form, ctx): AssignmentInput => {
      if (form.exercises.length + form.topics.length === 0) ctx.addIssue({ code: "custom", path: ["exercises"], message: "cohorts.errors.exerciseRequired" });
      if (form.exercises.length + form.topics.length > MAX_ITEMS) ctx.addIssue({ code: "custom", path: ["exercises"], message: "cohorts.errors.tooManyItems" });
      if (form.opensAt && form.dueAt && form.opensAt >= form.dueAt) ctx.addIssue({ code: "custom", path: ["dueAt"], message: "cohorts.errors.dueBeforeOpen" });
      const unchanged = form.dueAt && context.previousDueAt && form.dueAt.getTime() === context.previousDueAt.getTime();
      if (form.dueAt && form.dueAt < context.now && !unchanged && !form.confirmPast) {
        ctx.addIssue({ code: "custom", path: ["dueAt"], message: "cohorts.errors.duePast" });
      }
      if (form.latePolicy !== "none" && !form.dueAt) ctx.addIssue({ code: "custom", path: ["latePolicy"], message: "cohorts.errors.policyNeedsDue" });
      const policy = latePolicySchema.safeParse(
        form.latePolicy === "per-day" ? { kind: "per-day", penaltyPerDay: form.penaltyPercent ?? NaN, floor: form.floorPercent ?? 0 } : { kind: form.latePolicy },
      );
      if (!policy.success) {
        for (const issue of policy.error.issues) {
          const field = issue.path[0] === "penaltyPerDay" ? "penaltyPercent" : issue.path[0] === "floor" ? "floorPercent" : "latePolicy";
          ctx.addIssue({ code: "custom", path: [field], message: issue.message });
        }
        return z.NEVER;
      }
      return {
        title: form.title,
        items: [...form.exercises.map((ref) => ({ kind: "exercise" as const, ref })), ...form.topics.map((ref) => ({ kind: "topic" as const, ref }))],
        opensAt: form.opensAt,
        dueAt: form.dueAt,
        policy: policy.data,
        attemptLimit: form.attemptLimit,
      };
    });
}

export interface ExtensionContext {
  timeZone: string;
  now: Date;
  /** The assignment's own due time: an extension must come after it (null: any time will do). */
  assignmentDueAt: Date | null;
}

/**
 * A learner's own due time (an extension), typed in the cohort's time zone. It must come after the assignment's
 * due time (an "extension" before it would take time away and turn on-time work late). A time already past is
 * refused unless the instructor confirms it (`confirmPast`, as on the assignment form): the learner's work after
 * it is late at once.
 */
export function extensionSchema(context: ExtensionContext) {
  return z
    .object({
      userId: z.string({ error: "cohorts.errors.learnerRequired" }).min(1, { error: "cohorts.errors.learnerRequired" }),
      dueAt: z
        .string({ error: "cohorts.errors.dueInvalid" })
        .transform((raw, ctx) => {
          const instant = localToInstant(raw.trim(), context.timeZone);
          if (!instant) {
            ctx.addIssue({ code: "custom", message: "cohorts.errors.dueInvalid" });
            return z.NEVER;
          }
          return instant;
        }),
      confirmPast: z.string().optional().transform((v) => v === "on" || v === "true" || v === "1"),
    })
    .transform((form, ctx) => {
      if (context.assignmentDueAt && form.dueAt.getTime() <= context.assignmentDueAt.getTime()) {
        ctx.addIssue({ code: "custom", path: ["dueAt"], message: "cohorts.errors.extensionNotAfterDue" });
      } else if (form.dueAt < context.now && !form.confirmPast) {
        ctx.addIssue({ code: "custom", path: ["dueAt"], message: "cohorts.errors.extensionPast" });
      }
      return { userId: form.userId, dueAt: form.dueAt };
    });
}
