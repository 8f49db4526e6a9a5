/**
 * Reads exercise folders: metadata, statements and starter code, validated with zod. Loads no TensorFlow.js,
 * so the web app can use it; the oracle (reference, cases, cross-checks) is loaded by `./oracle`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { exerciseMetaSchema, type ExerciseMeta, type Lang, type Localized } from "./schema";

export interface ExerciseEntry {
  meta: ExerciseMeta;
  /** Absolute path of the exercise's folder. */
  dir: string;
  statement: Localized;
  starter: string;
}

export class ExerciseFormatError extends Error {
  constructor(dir: string, problems: string[]) {
    super(`exercise ${dir} is malformed:\n  - ${problems.join("\n  - ")}`);
    this.name = "ExerciseFormatError";
  }
}

export function exercisesRoot(): string {
  return process.env.LACUNA_EXERCISES_DIR ?? path.join(process.cwd(), "exercises");
}

/** Folders `<root>/<topic>/<slug>/` holding an exercise.json. */
export function exerciseDirs(root = exercisesRoot()): string[] {
  const dirs: string[] = [];
  for (const group of readdirSync(root).sort()) {
    const groupDir = path.join(root, group);
    if (!statSync(groupDir).isDirectory()) continue;
    for (const slug of readdirSync(groupDir).sort()) {
      const dir = path.join(groupDir, slug);
      if (existsSync(path.join(dir, "exercise.json"))) dirs.push(dir);
    }
  }
  return dirs;
}

function readText(dir: string, file: string, problems: string[]): string {
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    problems.push(`${file} is missing`);
    return "";
  }
  const text = readFileSync(full, "utf8");
  if (!text.trim()) problems.push(`${file} is empty`);
  return text;
}

export function loadExerciseEntry(dir: string): ExerciseEntry {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(dir, "exercise.json"), "utf8"));
  } catch (error) {
    throw new ExerciseFormatError(dir, [`exercise.json: ${(error as Error).message}`]);
  }
  const parsed = exerciseMetaSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ExerciseFormatError(
      dir,
      parsed.error.issues.map((issue) => `exercise.json ${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  const meta = parsed.data;
  if (path.basename(dir) !== meta.slug) problems.push(`folder name must equal the slug "${meta.slug}"`);
  const statement = { zh: readText(dir, "statement.zh.md", problems), en: readText(dir, "statement.en.md", problems) };
  const starter = readText(dir, "starter.ts", problems);
  for (const file of ["solution.ts", "reference.ts", "cases.ts"]) {
    if (!existsSync(path.join(dir, file))) problems.push(`${file} is missing`);
  }
  for (const m of meta.misconceptions) {
    if (!existsSync(path.join(dir, "misconceptions", `${m.id}.ts`))) problems.push(`misconceptions/${m.id}.ts is missing`);
  }
  const ids = meta.misconceptions.map((m) => m.id);
  if (new Set(ids).size !== ids.length) problems.push("misconception ids must be unique");
  if (problems.length) throw new ExerciseFormatError(dir, problems);
  return { meta, dir, statement, starter };
}

let cached: { root: string; entries: ExerciseEntry[] } | undefined;

/** Every exercise, validated; read once per process (content changes need a restart). */
export function loadCatalog(root = exercisesRoot()): ExerciseEntry[] {
  if (cached?.root !== root) {
    const entries = exerciseDirs(root).map(loadExerciseEntry);
    const slugs = entries.map((e) => e.meta.slug);
    const duplicate = slugs.find((s, i) => slugs.indexOf(s) !== i);
    if (duplicate) throw new Error(`two exercises share the slug "${duplicate}"`);
    cached = { root, entries };
  }
  return cached.entries;
}

export function findExercise(slug: string, root = exercisesRoot()): ExerciseEntry | undefined {
  return loadCatalog(root).find((e) => e.meta.slug === slug);
}

export function readExerciseFile(entry: ExerciseEntry, file: string): string {
  return readFileSync(path.join(entry.dir, file), "utf8");
}

export function localize(text: Localized, lang: Lang): string {
  return text[lang];
}
