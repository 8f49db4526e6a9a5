// The late policy of an assignment and the attempt limit, validated at every boundary (forms, the database's
// string columns). Messages are keys under "cohorts.errors." (translated by the form next to the field).
import { z } from "zod";

export const LATE_POLICY_KINDS = ["none", "per-day", "hard"] as const;
export const latePolicyKindSchema = z.enum(LATE_POLICY_KINDS, { error: "cohorts.errors.latePolicyInvalid" });
export type LatePolicyKind = z.infer<typeof latePolicyKindSchema>;

const fraction = (message: string) => z.number({ error: message }).finite({ error: message }).min(0, { error: message }).max(1, { error: message });

/**
 * - none: late work counts in full and is marked late;
 * - per-day: `penaltyPerDay` (a fraction of full marks) off the score per started 24 hours late, never taking it
 *   below `floor` (a score already below the floor stays as it is: the floor limits the deduction, as Canvas's
 *   "lowest possible grade" does);
 * - hard: nothing submitted after the due time counts.
 */
export const latePolicySchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("none") }),
    z.object({
      kind: z.literal("per-day"),
      penaltyPerDay: fraction("cohorts.errors.penaltyInvalid").refine((p) => p > 0, { error: "cohorts.errors.penaltyInvalid" }),
      floor: fraction("cohorts.errors.floorInvalid"),
    }),
    z.object({ kind: z.literal("hard") }),
  ],
  { error: "cohorts.errors.latePolicyInvalid" },
);
export type LatePolicy = z.infer<typeof latePolicySchema>;

/** Graded submits per exercise that count; null = unlimited. */
export const attemptLimitSchema = z
  .number({ error: "cohorts.errors.attemptLimitInvalid" })
  .int({ error: "cohorts.errors.attemptLimitInvalid" })
  .min(1, { error: "cohorts.errors.attemptLimitInvalid" })
  .max(1000, { error: "cohorts.errors.attemptLimitInvalid" })
  .nullable();

/** An Assignment row's policy columns → the policy (a row that does not validate is read as "none"). */
export function latePolicyOf(row: { latePolicy: string; latePenaltyPerDay: number | null; lateFloor: number | null }): LatePolicy {
  const parsed = latePolicySchema.safeParse(
    row.latePolicy === "per-day" ? { kind: "per-day", penaltyPerDay: row.latePenaltyPerDay, floor: row.lateFloor ?? 0 } : { kind: row.latePolicy },
  );
  return parsed.success ? parsed.data : { kind: "none" };
}

/** The policy → the Assignment row's columns. */
export function latePolicyColumns(policy: LatePolicy): { latePolicy: LatePolicyKind; latePenaltyPerDay: number | null; lateFloor: number | null } {
  return policy.kind === "per-day"
    ? { latePolicy: "per-day", latePenaltyPerDay: policy.penaltyPerDay, lateFloor: policy.floor }
    : { latePolicy: policy.kind, latePenaltyPerDay: null, lateFloor: null };
}
