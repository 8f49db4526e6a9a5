/** Option values shared by several commands, checked with messages in the learner's language. */
import { z } from "zod";
import { findExercise, loadCatalog, type ExerciseEntry } from "../../exercises/catalog";
import type { Lang } from "../../exercises/schema";
import { CliError } from "./command";
import type { CliMessages } from "./messages";

/** --lang: zh or en; without it $LACUNA_LANG, else English. */
export function parseLang(value: unknown, say: CliMessages, env: Record<string, string | undefined> = process.env): Lang {
  if (value === undefined) return env.LACUNA_LANG === "zh" ? "zh" : "en";
  if (value === "zh" || value === "en") return value;
  throw new CliError(say.langInvalid(String(value)));
}

const maxSeed = 2 ** 32 - 1;

export function parseSeed(value: unknown, say: CliMessages): number {
  if (value === undefined) return 1;
  const parsed = z.coerce.number().int().min(0).max(maxSeed).safeParse(value);
  if (!parsed.success || !/^\d+$/.test(String(value))) throw new CliError(say.seedInvalid(String(value), maxSeed));
  return parsed.data;
}

export function requireExercise(slug: string | undefined, say: CliMessages): ExerciseEntry {
  if (!slug) throw new CliError(say.missingSlug);
  const entry = findExercise(slug);
  if (!entry) {
    const slugs = loadCatalog().map((e) => e.meta.slug);
    throw new CliError(say.noExercise(slug, slugs.filter((s) => s.includes(slug) || slug.includes(s))));
  }
  return entry;
}
