// Everything the app needs before it serves: data folder, auth secret, migrations, demo data.
// Shared by scripts/start.ts (npm start / npm run dev) and usable from tests and other scripts.
import { mkdirSync } from "node:fs";
import { dataDir, databaseUrlOf, ensureAuthSecret, EnvError, unsharedSecretProblem, type Env } from "../../lib/env";
import { createDb } from "../../lib/db";
import { demoUsersPresent, seedDemoUsers, DEMO_PASSWORD } from "../../lib/accounts";
import { formatJoinCode, seedDemoCohort } from "../../lib/cohorts";
import { seedDemoActivity } from "../../lib/cohorts/demo/seed";
import { loadCatalog } from "../../exercises/catalog";
import { migrateDatabase } from "./migrate";

export interface Prepared {
  databaseUrl: string;
  secret: string;
  appliedMigrations: string[];
  seeded: string[];
}

export async function prepare(env: Env, log: (line: string) => void = console.log): Promise<Prepared> {
  mkdirSync(dataDir(env), { recursive: true });
  const databaseUrl = databaseUrlOf(env);
  const unshared = unsharedSecretProblem(env, databaseUrl);
  if (unshared?.fatal) throw new EnvError([unshared.message]);
  if (unshared) log(`[lacuna] warning: ${unshared.message}`);
  const secret = ensureAuthSecret(env);
  const migration = await migrateDatabase(databaseUrl);
  if (migration.applied.length) log(`[lacuna] applied migrations: ${migration.applied.join(", ")}`);
  for (const name of migration.modified) log(`[lacuna] warning: migration ${name} was edited after it was applied`);

  const db = createDb(databaseUrl);
  try {
    const seeded = await seedDemoUsers(db);
    if (seeded.length) log(`[lacuna] created demo accounts ${seeded.join(", ")} (password ${DEMO_PASSWORD})`);
    if (seeded.length) {
      // The demo instructor's cohort, with the demo learner in it (lib/cohorts.ts). A broken exercise folder
      // must not stop the app from starting: the cohort is then seeded without its assignment.
      let slugs: string[] = [];
      try {
        slugs = loadCatalog().map((entry) => entry.meta.slug);
      } catch (error) {
        log(`[lacuna] warning: exercise catalog unreadable, demo cohort gets no assignment: ${(error as Error).message}`);
      }
      const cohort = await seedDemoCohort(db, slugs);
      if (cohort) {
        log(`[lacuna] created the demo cohort "${cohort.name}" (join code ${formatJoinCode(cohort.joinCode)})`);
        // Demo learners with three weeks of graded work and reviews (lib/cohorts/demo/seed.ts): the gradebook and
        // analytics have something to show. Like the catalog above, a failure here must not stop the app.
        try {
          const demo = await seedDemoActivity(db, cohort.id);
          log(`[lacuna] demo cohort: ${demo.learners} learners, ${demo.assignments} more assignments, ${demo.submissions} graded submissions, ${demo.reviews} reviews`);
        } catch (error) {
          log(`[lacuna] warning: the demo cohort's activity was not seeded: ${(error as Error).message}`);
        }
      }
    }
    if (env.NODE_ENV === "production") {
      const demo = await demoUsersPresent(db);
      if (demo.length) {
        log(`[lacuna] WARNING: demo accounts with a public password exist in production: ${demo.join(", ")} — delete them or change their passwords.`);
      }
    }
    return { databaseUrl, secret, appliedMigrations: migration.applied, seeded };
  } finally {
    await db.$disconnect();
  }
}
