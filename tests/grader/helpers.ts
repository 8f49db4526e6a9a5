/** Shared by the grader and security tests: the fixture exercises and their known-good sources. */
import { readFileSync } from "node:fs";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");
export const fixturesRoot = path.join(repoRoot, "tests", "fixtures", "exercises");

export function fixtureFile(topic: string, slug: string, file: string): string {
  return readFileSync(path.join(fixturesRoot, topic, slug, file), "utf8");
}

export const mseSolution = (): string => fixtureFile("linear-regression", "fixture-mse", "solution.ts");
export const gradientSolution = (): string => fixtureFile("gradient-descent", "fixture-gradient", "solution.ts");
