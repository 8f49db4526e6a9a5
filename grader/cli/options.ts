/** Option parsing shared by several commands. */
import { z } from "zod";
import { findExercise, loadCatalog, type ExerciseEntry } from "../../exercises/catalog";
import type { Lang } from "../../exercises/schema";
import { CliError } from "./command";

export const langOption = { lang: { type: "string", short: "l" } } as const;
export const jsonOption = { json: { type: "boolean" } } as const;
export const seedOption = { seed: { type: "string", short: "s" } } as const;

export function parseLang(value: unknown): Lang {
  if (value === undefined) return process.env.LACUNA_LANG === "zh" ? "zh" : "en";
  if (value === "zh" || value === "en") return value;
  throw new CliError(`--lang must be zh or en, not "${String(value)}"`);
}

export function parseSeed(value: unknown): number {
  if (value === undefined) return 1;
  const parsed = z.coerce.number().int().min(0).max(2 ** 32 - 1).safeParse(value);
  if (!parsed.success || !/^\d+$/.test(String(value))) throw new CliError(`--seed must be a whole number from 0 to ${2 ** 32 - 1}, not "${String(value)}"`);
  return parsed.data;
}

export function requireExercise(slug: string | undefined): ExerciseEntry {
  if (!slug) throw new CliError("missing the exercise slug (lacuna exercises lists them)");
  const entry = findExercise(slug);
  if (!entry) {
    const slugs = loadCatalog().map((e) => e.meta.slug);
    const close = slugs.filter((s) => s.includes(slug) || slug.includes(s));
    throw new CliError(`there is no exercise "${slug}"${close.length ? ` (did you mean ${close.join(", ")}?)` : " (lacuna exercises lists them)"}`);
  }
  return entry;
}
