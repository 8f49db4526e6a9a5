/**
 * The Gradescope autograder bundle, run as Gradescope runs it: the .zip unpacked with `unzip` into
 * <tmp>/autograder/source, setup.sh run there (pointed at this checkout instead of a package to download),
 * run_autograder copied to <tmp>/autograder/run_autograder and run on a submission in
 * <tmp>/autograder/submission; the test reads <tmp>/autograder/results/results.json. Real grader, real sandbox.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { AssignmentResults, AutograderConfig } from "@/grader/gradescope";
import { gradescopeBundle } from "@/lib/cohorts/export/gradescope";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");
const exercise = path.join(repoRoot, "exercises", "linear-regression", "linear-regression-cost");
const solution = readFileSync(path.join(exercise, "solution.ts"), "utf8");
const missingHalf = readFileSync(path.join(exercise, "misconceptions", "missing-one-half.ts"), "utf8");
const scratch = mkdtempSync(path.join(os.tmpdir(), "lacuna-gradescope-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const config = (exercises: AutograderConfig["exercises"]): AutograderConfig => ({
  version: 1,
  assignment: { id: "asg_1", title: "Week 1" },
  exercises,
  seed: 7,
  lang: "en",
  package: null,
});
const cost = { slug: "linear-regression-cost", title: "The linear-regression cost", file: "linear-regression-cost.ts", points: 10 };

/** Unpacks the bundle and runs setup.sh as Gradescope would; returns the autograder root. */
function installBundle(name: string, bundle: Buffer): string {
  const root = path.join(scratch, name, "autograder");
  mkdirSync(path.join(root, "source"), { recursive: true });
  const zipFile = path.join(scratch, name, "autograder.zip");
  writeFileSync(zipFile, bundle);
  execFileSync("unzip", ["-q", zipFile, "-d", path.join(root, "source")]);
  expect(statSync(path.join(root, "source", "run_autograder")).mode & 0o111).not.toBe(0);
  const setup = spawnSync("bash", ["setup.sh"], { cwd: path.join(root, "source"), env: { ...process.env, AUTOGRADER_ROOT: root, LACUNA_PACKAGE: repoRoot }, encoding: "utf8" });
  expect(setup.status, setup.stderr).toBe(0);
  copyFileSync(path.join(root, "source", "run_autograder"), path.join(root, "run_autograder"));
  return root;
}

/** Puts `files` in submission/ (fresh), runs run_autograder, reads results.json. */
function grade(root: string, files: Record<string, string>): AssignmentResults {
  rmSync(path.join(root, "submission"), { recursive: true, force: true });
  rmSync(path.join(root, "results"), { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, "submission", name)), { recursive: true });
    writeFileSync(path.join(root, "submission", name), text);
  }
  mkdirSync(path.join(root, "results"));
  const run = spawnSync(path.join(root, "run_autograder"), [], { cwd: root, env: { ...process.env, AUTOGRADER_ROOT: root }, encoding: "utf8", timeout: 180_000 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(path.join(root, "results", "results.json"), "utf8")) as AssignmentResults;
}

describe("the Gradescope autograder bundle", () => {
  it("gives full marks to the model solution and names a misconception, with hidden cases shown after publishing", () => {
    const root = installBundle("one", gradescopeBundle(config([cost])));
    const passed = grade(root, { "linear-regression-cost.ts": solution });
    expect(passed.max_score).toBe(10);
    expect(passed.score).toBe(10);
    expect(passed.tests.length).toBeGreaterThan(1);
    expect(passed.tests.every((t) => t.status === "passed" && t.name.startsWith("The linear-regression cost · "))).toBe(true);
    expect(passed.tests.some((t) => t.visibility === "after_published")).toBe(true);

    // One exercise: the only .ts file counts whatever its name, in whatever folder.
    const wrong = grade(root, { "src/my-answer.ts": missingHalf });
    expect(wrong.score).toBeLessThan(wrong.max_score);
    expect(wrong.extra_data.exercises).toEqual([expect.objectContaining({ slug: "linear-regression-cost", status: "failed", misconceptions: ["missing-one-half"] })]);
    expect(wrong.output).toMatch(/½|1\/2|half/i);
  }, 400_000);

  it("grades each exercise of an assignment from its own file and says which file is missing", () => {
    const other = { slug: "sigmoid", title: "Sigmoid", file: "sigmoid.ts", points: 5 };
    const root = installBundle("two", gradescopeBundle(config([cost, other])));
    const results = grade(root, { "linear-regression-cost.ts": solution, "notes.ts": "// not an exercise" });
    expect(results.max_score).toBe(15);
    expect(results.score).toBe(10);
    const missing = results.tests.find((t) => t.name === "Sigmoid: sigmoid.ts");
    expect(missing).toMatchObject({ status: "failed", score: 0, max_score: 5 });
    expect(missing?.output).toContain("No file named sigmoid.ts was submitted");
    expect(results.extra_data.exercises.map((e) => e.status)).toEqual(["passed", "missing"]);
  }, 400_000);

  it("refuses a configuration run_autograder could not use", () => {
    expect(() => gradescopeBundle(config([]))).toThrow(/at least one exercise/);
    expect(() => gradescopeBundle(config([{ ...cost, file: "../escape.ts" }]))).toThrow(/file name/);
  });
});
