/**
 * Gradescope's side of an assignment: run_autograder (in the bundle made by lib/cohorts/export/gradescope.ts)
 * runs this file with tsx:
 *
 *   node --import tsx grader/gradescope-autograder.ts <lacuna-autograder.json> <submission folder> <results.json>
 *
 * It grades every exercise of the assignment from the file the learner uploaded for it (`<slug>.ts`, found
 * anywhere in the submission folder; an assignment of one exercise takes the only .ts file whatever its name),
 * in mode "all" on the bundle's seed, and writes Gradescope's results.json. Exit status 0 once the results are
 * written (failing cases are a grade, not an error); 2 when the configuration or the folders are unusable, with
 * the reason on stderr.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assignmentToGradescope, autograderConfigSchema, type AutograderConfig, type ExerciseOutcome } from "./gradescope";
import { createGraderPool } from "./pool";

/** Every .ts file under `dir`, relative paths, in a stable order. */
function tsFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : tsFiles(path.join(dir, entry.name), rel);
      return entry.isFile() && entry.name.endsWith(".ts") ? [rel] : [];
    });
}

/** The uploaded file for each exercise (relative to the submission folder), or null. */
export function locateSubmissions(config: AutograderConfig, files: readonly string[]): Map<string, string | null> {
  const found = new Map<string, string | null>();
  for (const exercise of config.exercises) {
    const named = files.filter((f) => path.posix.basename(f) === exercise.file).sort((a, b) => a.split("/").length - b.split("/").length);
    found.set(exercise.slug, named[0] ?? (config.exercises.length === 1 && files.length === 1 ? files[0]! : null));
  }
  return found;
}

export async function runAutograder(configFile: string, submissionDir: string, resultsFile: string): Promise<void> {
  const config = autograderConfigSchema.parse(JSON.parse(readFileSync(configFile, "utf8")));
  if (!statSync(submissionDir).isDirectory()) throw new Error(`${submissionDir} is not a folder`);
  const located = locateSubmissions(config, tsFiles(submissionDir));
  const exercisesRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "exercises");
  const pool = createGraderPool({ workers: 1, exercisesRoot });
  try {
    const outcomes: ExerciseOutcome[] = [];
    for (const exercise of config.exercises) {
      const base = { slug: exercise.slug, title: exercise.title, file: exercise.file, points: exercise.points };
      const file = located.get(exercise.slug);
      if (!file) {
        outcomes.push({ ...base, report: null, problem: `No file named ${exercise.file} was submitted: upload your solution of "${exercise.title}" as ${exercise.file}.` });
        continue;
      }
      const source = readFileSync(path.join(submissionDir, file), "utf8");
      outcomes.push({ ...base, report: await pool.grade({ slug: exercise.slug, source, seed: config.seed, lang: config.lang, mode: "all" }) });
    }
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(assignmentToGradescope(config.assignment, config.seed, outcomes), null, 2)}\n`);
  } finally {
    await pool.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [configFile, submissionDir, resultsFile] = process.argv.slice(2);
  if (!configFile || !submissionDir || !resultsFile) {
    process.stderr.write("usage: gradescope-autograder.ts <lacuna-autograder.json> <submission folder> <results.json>\n");
    process.exit(2);
  }
  runAutograder(configFile, submissionDir, resultsFile).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`lacuna autograder: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
