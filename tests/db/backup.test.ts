// Backup and restore round trip, SQLite then PostgreSQL (this folder runs on both): seed learners, submissions
// and review logs, run `npm run db:backup`'s command while this process keeps writing submissions (the app
// does not stop for a backup), restore into a NEW database with `npm run db:restore`'s command, and compare
// every table row by row. The copy must be one consistent state: every seeded row, and of the rows written
// during the backup a gap-free prefix (all rows up to some point, none after it).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { libpqConnection } from "@/scripts/lib/backup";
import { createEmptyDatabase, createTestDb, testDbFlavor, type TestDb } from "@/tests/helpers/db";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "..", "..");

/** `npm run db:<command> -- <file>` as npm runs it (tsx scripts/db.ts), on the database of `databaseUrl`. */
function dbScript(command: "backup" | "restore", file: string, databaseUrl: string) {
  return run(process.execPath, ["--import", "tsx", path.join(repoRoot, "scripts", "db.ts"), command, file], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

type Rows = Record<string, string[]>;

/** Every table's rows as sorted JSON lines (dates as ISO text), read with the plain drivers. */
async function everyRow(databaseUrl: string): Promise<Rows> {
  const normalise = (row: Record<string, unknown>) =>
    JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : typeof v === "bigint" ? String(v) : v])));
  const tables: Rows = {};
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { readonly: true });
    try {
      const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
      for (const name of names) tables[name] = (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).map(normalise).sort();
    } finally {
      db.close();
    }
    return tables;
  }
  const client = new pg.Client({ connectionString: libpqConnection(databaseUrl).url });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    for (const { schema, name } of rows) tables[`${schema}.${name}`] = (await client.query(`SELECT * FROM "${schema}"."${name}"`)).rows.map(normalise).sort();
  } finally {
    await client.end();
  }
  return tables;
}

const DAY = 86_400_000;

async function seed(t: TestDb): Promise<string> {
  const users = await Promise.all(
    ["ada", "lin", "wei"].map((name) => t.db.user.create({ data: { email: `${name}@backup.test`, name, passwordHash: "x", locale: name === "wei" ? "zh" : "en" } })),
  );
  // Enough source text that the SQLite file spans thousands of pages (the copy takes more than an instant).
  const source = `export function f(x: number): number {\n  return x; // 数值 ${"·".repeat(1500)}\n}\n`;
  for (const user of users) {
    await t.db.submission.createMany({
      data: Array.from({ length: 400 }, (_, i) => ({
        userId: user.id,
        exerciseSlug: i % 2 ? "sigmoid" : "linear-regression-cost",
        kind: i % 3 ? "submit" : "run",
        source: `${source}// ${i}`,
        lang: "en",
        seed: 1000 + i,
        status: i % 5 ? "graded" : "error",
        score: i % 5 ? (i % 7) / 7 : null,
        passed: i % 5 ? i % 7 === 0 : null,
        report: i % 5 ? JSON.stringify({ score: (i % 7) / 7, cases: [i, -0.5, 1e-12] }) : null,
        error: i % 5 ? null : "The grader could not grade this submission.",
        createdAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000),
        gradedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000 + 1234),
      })),
    });
    const card = await t.db.srsCard.create({
      data: { userId: user.id, itemType: "exercise", itemId: "sigmoid", due: new Date(Date.UTC(2026, 11, 3)), stability: 3.17, difficulty: 5.28, elapsedDays: 2, scheduledDays: 3, learningSteps: 0, reps: 3, lapses: 1, state: 2, lastReview: new Date(Date.UTC(2026, 10, 29)) },
    });
    await t.db.srsReviewLog.createMany({
      data: Array.from({ length: 3 }, (_, i) => ({
        cardId: card.id,
        userId: user.id,
        itemType: "exercise",
        itemId: "sigmoid",
        rating: i + 1,
        state: i ? 2 : 0,
        due: new Date(Date.UTC(2026, 10, 20) + i * DAY),
        stability: 0.4 + i,
        difficulty: 6.1 - i / 3,
        elapsedDays: i,
        lastElapsedDays: i ? i - 1 : 0,
        scheduledDays: i + 1,
        learningSteps: 0,
        review: new Date(Date.UTC(2026, 10, 20) + i * DAY),
        durationMs: i ? 5000 + i : null,
        source: i === 2 ? "exercise" : "review",
        score: i === 2 ? 0.75 : null,
        firstOfDay: true,
        previousDue: i ? new Date(Date.UTC(2026, 10, 19) + i * DAY) : null,
        reps: i + 1,
      })),
    });
  }
  return users[0]!.id;
}

const writtenId = (n: number) => `w-${String(n).padStart(6, "0")}`;

describe(`backup and restore on ${testDbFlavor()}`, () => {
  let t: TestDb;
  let restored: { url: string; drop: () => Promise<void> };
  let dir: string;
  let userId: string;

  beforeAll(async () => {
    t = await createTestDb();
    restored = await createEmptyDatabase(t.flavor);
    dir = mkdtempSync(path.join(os.tmpdir(), "lacuna-backup-"));
    userId = await seed(t);
  });
  afterAll(async () => {
    await t.drop();
    await restored.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("backs up while submissions are being written, restores into a new database, and loses nothing", async () => {
    const file = path.join(dir, t.flavor === "sqlite" ? "lacuna-backup.db" : "lacuna-backup.dump");
    // The app keeps writing: one submission after another, each committed, until the backup is done.
    let written = 0;
    let backupDone = false;
    const writer = (async () => {
      while (!backupDone || written < 5) {
        // better-sqlite3 answers without I/O: yield, or the loop starves the event loop (and the backup's exit).
        await new Promise((resolve) => setImmediate(resolve));
        written += 1;
        await t.db.submission.create({
          data: { id: writtenId(written), userId, exerciseSlug: "sigmoid", kind: "run", source: `// during the backup ${written}`, lang: "en", seed: 1, status: "queued" },
        });
      }
    })();
    const backup = dbScript("backup", file, t.url).finally(() => {
      backupDone = true;
    });
    const { stdout } = await backup;
    await writer;
    expect(stdout).toMatch(/^Backed up to .+ \(\d+ bytes; /);
    expect(written).toBeGreaterThan(5);

    await dbScript("restore", file, restored.url);
    const [source, copy] = await Promise.all([everyRow(t.url), everyRow(restored.url)]);
    expect(Object.keys(copy).sort()).toEqual(Object.keys(source).sort());
    const submissionTable = Object.keys(source).find((name) => /(^|\.)Submission$/.test(name))!;
    // Rows written during the backup: the copy holds all of them up to some point and none after it.
    const isWritten = (line: string) => line.startsWith('{"id":"w-');
    const copiedWritten = copy[submissionTable]!.filter(isWritten).map((line) => JSON.parse(line).id as string).sort();
    expect(copiedWritten).toEqual(Array.from({ length: copiedWritten.length }, (_, i) => writtenId(i + 1)));
    const kept = new Set(copiedWritten);
    for (const table of Object.keys(source)) {
      const expected = table === submissionTable ? source[table]!.filter((line) => !isWritten(line) || kept.has(JSON.parse(line).id)) : source[table]!;
      expect(copy[table], table).toEqual(expected);
    }
    expect(copy[submissionTable]!.length).toBeGreaterThanOrEqual(1200);
    expect(Object.entries(copy).find(([name]) => /(^|\.)SrsReviewLog$/.test(name))?.[1]).toHaveLength(9);
  });

  it("never overwrites a file, and refuses to restore what is not a backup, with the reason", async () => {
    const existing = path.join(dir, "exists.bin");
    writeFileSync(existing, "not a database");
    await expect(dbScript("backup", existing, t.url)).rejects.toMatchObject({ stderr: expect.stringMatching(/already exists: choose a new file name/) });
    const reason = t.flavor === "sqlite" ? /cannot be opened as a SQLite database|not a usable SQLite database/ : /not a pg_dump archive in the custom format/;
    await expect(dbScript("restore", existing, restored.url)).rejects.toMatchObject({ stderr: expect.stringMatching(reason) });
    await expect(dbScript("restore", path.join(dir, "missing.db"), restored.url)).rejects.toMatchObject({ stderr: expect.stringMatching(/there is no backup file/) });
  });
});
