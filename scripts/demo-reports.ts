// Regenerates lib/cohorts/demo/reports.json: the demo cohort's graded submissions (lib/cohorts/demo/seed.ts) are
// real grader output, produced here once by the real grader on each demo exercise's solution and two of its
// planted misconceptions, so `npm start` seeds them in milliseconds instead of grading at start.
//
//   npm run demo:reports        (after an exercise or the report format changes)
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createGraderPool } from "../grader";
import { loadCatalog } from "../exercises/catalog";
import { DEMO_EXERCISES, DEMO_REPORTS_FILE, type DemoReport } from "../lib/cohorts/demo/exercises";

const SEED = 20261130;

async function main(): Promise<void> {
  const catalog = new Map(loadCatalog().map((e) => [e.meta.slug, e]));
  const pool = createGraderPool({ workers: 2 });
  const reports: DemoReport[] = [];
  try {
    for (const demo of DEMO_EXERCISES) {
      const entry = catalog.get(demo.slug);
      if (!entry) throw new Error(`demo exercise ${demo.slug} is not in the catalog`);
      const variants = [{ variant: "solution", file: path.join(entry.dir, "solution.ts") }, ...demo.misconceptions.map((id) => ({ variant: id, file: path.join(entry.dir, "misconceptions", `${id}.ts`) }))];
      const graded = await Promise.all(
        variants.map(async ({ variant, file }) => {
          const source = readFileSync(file, "utf8");
          const report = await pool.grade({ slug: demo.slug, source, lang: "en", seed: SEED, mode: "all" });
          return { slug: demo.slug, variant, source, report };
        }),
      );
      for (const r of graded) {
        if (r.variant === "solution" && r.report.status !== "passed") throw new Error(`${r.slug}: the solution did not pass`);
        if (r.variant !== "solution" && !r.report.diagnosis.some((d) => d.misconceptionId === r.variant)) throw new Error(`${r.slug}: ${r.variant} was not diagnosed`);
        console.log(`${r.slug} ${r.variant}: ${r.report.status} ${Math.round(r.report.score * 100)}%`);
      }
      reports.push(...graded);
    }
  } finally {
    await pool.close();
  }
  writeFileSync(DEMO_REPORTS_FILE, `${JSON.stringify(reports)}\n`);
  console.log(`wrote ${reports.length} reports to ${path.relative(process.cwd(), DEMO_REPORTS_FILE)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
