// The e2e server's own database, for specs that seed data a user would take weeks to make (a review history).
// The server runs on the SQLite file in the run's data folder (playwright.config.ts); a spec writes through the
// app's own layers (lib/review's service and grading listener), so what it seeds is what the app would store.
//
//   const db = e2eDb();                                   // a Prisma client on the server's database
//   const userId = await userIdOf(db, learner.email);     // e.g. after signUpFreshLearner
//   await reviewItem(db, { userId, item, rating, now });  // lib/review/service.ts, at any time in the past
//   await db.$disconnect();                               // when done (tests/e2e/numbers.spec.ts)
import path from "node:path";
import { createDb, type Db } from "../../../lib/db";

export function e2eDb(): Db {
  const dataDir = process.env.LACUNA_E2E_DATA_DIR;
  if (!dataDir) throw new Error("LACUNA_E2E_DATA_DIR is not set: run the spec through playwright.config.ts");
  return createDb(`file:${path.join(dataDir, "lacuna.db")}`);
}

export async function userIdOf(db: Db, email: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
