// The background fit's process: `node --import tsx lib/review/fit-worker.ts <userId>`, started detached by
// lib/review/fit.ts (never awaited by a request). Same environment as the web server, so the same database.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { createLogger } from "@/lib/observability/log";
import { runFit } from "./fit";

const userId = z.string().min(1).parse(process.argv[2]);
const db = getDb();
try {
  const status = await runFit(db, userId);
  createLogger({ service: "srs-fit" }).info({ userId, status }, "background FSRS fit finished");
} finally {
  await db.$disconnect();
}
