// Results of the cohort functions: either the value, or field → message key (translated by the form next to
// that field). Shared by lib/cohorts.ts and its stores (assignments/, roster/).
import type { z } from "zod";

export type FieldErrors<F extends string> = Partial<Record<F, string>>;
export type Result<T, F extends string> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors<F> };

export function issuesToFieldErrors<F extends string>(issues: readonly z.core.$ZodIssue[], fields: readonly F[], fallback: string): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || !(fields as readonly string[]).includes(field)) continue;
    const key = field as F;
    errors[key] ??= issue.message.startsWith("cohorts.") ? issue.message : fallback;
  }
  return errors;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export function fail<F extends string>(field: F, key: string): { ok: false; fieldErrors: FieldErrors<F> } {
  return { ok: false, fieldErrors: { [field]: key } as FieldErrors<F> };
}
