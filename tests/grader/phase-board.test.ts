import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPhaseBoard, readPhaseBoard } from "../../grader/phase-board";

const dir = mkdtempSync(path.join(os.tmpdir(), "lacuna-phase-board-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the phase board", () => {
  it("reads back the latest entry, even where a shorter line was written over a longer one", () => {
    const file = path.join(dir, "a.phase");
    const board = openPhaseBoard(file);
    expect(readPhaseBoard(file)).toBeNull();
    const cases = [{ name: "small", visible: true, weight: 1 }, { name: "hidden 1", visible: false, weight: 2 }];
    board.write({ id: 7, phase: "sandbox", since: 1_000, budgetMs: 5_000, cases });
    expect(readPhaseBoard(file)).toEqual({ id: 7, phase: "sandbox", since: 1_000, budgetMs: 5_000, cases });
    board.write({ id: 7, phase: "host", since: 1_200, budgetMs: 0 });
    expect(readPhaseBoard(file)).toEqual({ id: 7, phase: "host", since: 1_200, budgetMs: 0 });
  });

  it("says nothing (null) for a missing file, a line cut short or a line that is not an entry", () => {
    expect(readPhaseBoard(path.join(dir, "missing.phase"))).toBeNull();
    const file = path.join(dir, "b.phase");
    writeFileSync(file, '{"id":1,"phase":"sandbox","since":5,"budg');
    expect(readPhaseBoard(file)).toBeNull();
    writeFileSync(file, '{"id":1,"phase":"sleeping","since":5,"budgetMs":0}\n');
    expect(readPhaseBoard(file)).toBeNull();
    writeFileSync(file, "not json\n");
    expect(readPhaseBoard(file)).toBeNull();
  });
});
