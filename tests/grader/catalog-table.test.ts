// The catalog table of exercises/README.md: rows measured now replace their cells, the others keep the cell the
// last full run measured, and an exercise never measured says so.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../exercises/catalog";
import { catalogTable, scoreCellsOf } from "../../grader/mutants/catalog-table";
import type { MutationReport } from "../../grader/mutants/gate";
import { fixturesRoot } from "./helpers";

const entries = loadCatalog(fixturesRoot);
const report = (slug: string, killed: number, counted: number): MutationReport =>
  ({ slug, ok: killed / counted >= 0.9, score: killed / counted, killed, counted, equivalent: 0, tested: counted, generated: counted, survivors: [], target: 0.9 }) as unknown as MutationReport;

describe("catalogTable", () => {
  it("lists every exercise, measured or not", () => {
    const table = catalogTable(entries, [report("fixture-mse", 9, 10)]);
    expect(table).toMatch(/`fixture-mse`:.*\| 90\.0 % \(9\/10\) \|$/m);
    expect(table).toMatch(/`fixture-gradient`:.*\| not measured \|$/m);
  });

  it("keeps an earlier run's cell for an exercise not measured now, and reads it back", () => {
    const first = catalogTable(entries, [report("fixture-mse", 9, 10), report("fixture-gradient", 20, 20)]);
    expect(Object.fromEntries(scoreCellsOf(first))).toEqual({ "fixture-mse": "90.0 % (9/10)", "fixture-gradient": "100.0 % (20/20)" });
    const second = catalogTable(entries, [report("fixture-mse", 10, 10)], scoreCellsOf(first));
    expect(second).toMatch(/`fixture-mse`:.*\| 100\.0 % \(10\/10\) \|$/m);
    expect(second).toMatch(/`fixture-gradient`:.*\| 100\.0 % \(20\/20\) \|$/m);
  });
});

describe("exercises/README.md", () => {
  it("lists every exercise of the catalog with a measured mutation score (npm run catalog:table -- --new adds a new one)", () => {
    const text = readFileSync(path.join(import.meta.dirname, "..", "..", "exercises", "README.md"), "utf8");
    const block = text.slice(text.indexOf("<!-- catalog:begin"), text.indexOf("<!-- catalog:end -->"));
    const cells = scoreCellsOf(block);
    const slugs = loadCatalog().map((entry) => entry.meta.slug);
    expect(slugs.filter((slug) => !cells.has(slug) || cells.get(slug) === "not measured"), "exercises without a measured row").toEqual([]);
    expect([...cells.keys()].filter((slug) => !slugs.includes(slug)), "rows of exercises that no longer exist").toEqual([]);
  });
});
