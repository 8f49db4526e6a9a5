// The background fit's process: `node --import tsx lib/review/fit-worker.ts <userId>`, started detached by
// lib/review/fit.ts (never awaited by a request). Same environment as the web server, so the same database.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { runFit } from "./fit";

const userId = z.string().min(1).parse(process.argv[2]);
const db = getDb();
try {
  const status = await runFit(db, userId);
  console.log(`[srs-fit] ${new Date().toISOString()} ${userId}: ${JSON.stringify(status)}`);
} finally {
  await db.$disconnect();
}
