/** Shared by the grader and security tests: the fixture exercises and their known-good sources. */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");
export const fixturesRoot = path.join(repoRoot, "tests", "fixtures", "exercises");

export function fixtureFile(topic: string, slug: string, file: string): string {
  return readFileSync(path.join(fixturesRoot, topic, slug, file), "utf8");
}

export const mseSolution = (): string => fixtureFile("linear-regression", "fixture-mse", "solution.ts");
export const gradientSolution = (): string => fixtureFile("gradient-descent", "fixture-gradient", "solution.ts");

/**
 * The fixture-mse solution after types that keep TypeScript's checker busy: for each of six alphabets, a
 * template-literal union of 10,000 members compared with itself through a distributive conditional type and
 * indexed through a mapped type (the issue's "deeply generic types" kind). One such block took the checker
 * 6–7 s at load 5 on this 2-core machine and the cost adds up per block, so six stay far above the 5 s budget
 * on a machine several times faster.
 */
export const slowTypesSource = (): string =>
  ["0123456789", "abcdefghij", "klmnopqrst", "ABCDEFGHIJ", "KLMNOPQRST", "uvwxyzUVWX"]
    .map(
      (alphabet, k) => `type D${k} = ${[...alphabet].map((c) => `"${c}"`).join(" | ")};
type T${k} = \`\${D${k}}\${D${k}}\${D${k}}\${D${k}}\`;
type Same${k}<A, B> = A extends B ? (B extends A ? true : false) : false;
const a${k}: Same${k}<T${k}, T${k}> = true;
type M${k} = { [K in T${k}]: K };
const c${k}: M${k}[T${k}] = "${alphabet[0]!.repeat(4)}";`,
    )
    .join("\n") + `\n${mseSolution()}`;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npx lacuna …` as a learner or author would, on the exercise tree `exercisesRoot`. The registry is one
 * that cannot answer, so npx must resolve `lacuna` locally and never ask it.
 */
export function runLacuna(exercisesRoot: string, timeoutMs: number, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["lacuna", ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, LACUNA_EXERCISES_DIR: exercisesRoot, npm_config_registry: "http://127.0.0.1:9/", npm_config_offline: "false" },
        timeout: timeoutMs,
      },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
