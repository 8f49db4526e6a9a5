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

/**
 * The fixture-mse solution after types that keep TypeScript's checker busy for tens of seconds (template-literal
 * unions of 10,000 members compared with each other): the "deeply generic types" kind.
 */
export const slowTypesSource = (): string => `type D = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";
type T4 = \`\${D}\${D}\${D}\${D}\`;
type U4 = \`\${D}\${D}\${D}\${D}\`;
type W4 = \`\${D}\${D}\${D}\${D}\`;
type Same<A, B> = A extends B ? (B extends A ? true : false) : false;
const a: Same<T4, U4> = true;
const b: Same<U4, W4> = true;
type M = { [K in T4]: K };
const c: M[W4] = "0000";
${mseSolution()}`;
