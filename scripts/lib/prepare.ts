// Everything the app needs before it serves: data folder, auth secret, migrations, demo data.
// Shared by scripts/start.ts (npm start / npm run dev) and usable from tests and other scripts.
import { mkdirSync } from "node:fs";
import { dataDir, databaseUrlOf, ensureAuthSecret, type Env } from "../../lib/env";
import { createDb } from "../../lib/db";
import { demoUsersPresent, seedDemoUsers, DEMO_PASSWORD } from "../../lib/accounts";
import { migrateDatabase } from "./migrate";

export interface Prepared {
  databaseUrl: string;
  secret: string;
  appliedMigrations: string[];
  seeded: string[];
}

export async function prepare(env: Env, log: (line: string) => void = console.log): Promise<Prepared> {
  mkdirSync(dataDir(env), { recursive: true });
  const secret = ensureAuthSecret(env);
  const databaseUrl = databaseUrlOf(env);
  const migration = await migrateDatabase(databaseUrl);
  if (migration.applied.length) log(`[lacuna] applied migrations: ${migration.applied.join(", ")}`);
  for (const name of migration.modified) log(`[lacuna] warning: migration ${name} was edited after it was applied`);

  const db = createDb(databaseUrl);
  try {
    const seeded = await seedDemoUsers(db);
    if (seeded.length) log(`[lacuna] created demo accounts ${seeded.join(", ")} (password ${DEMO_PASSWORD})`);
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
