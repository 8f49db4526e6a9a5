// Personal FSRS parameters, fitted in the background.
//
// When a learner has enough kept reviews (FIT_MIN_REVIEWS) and FIT_EVERY_REVIEWS more since the last attempt,
// loading the review page starts `lib/review/fit-worker.ts` as a detached child process and returns at once: the
// optimizer (fsrs-rs through @open-spaced-repetition/binding) never runs inside a request. The worker runs
// lib/scheduling's `fitPersonalParameters`, which keeps fitted parameters only if they lower log loss on the
// learner's held-out later reviews; accepted parameters go to SrsSettings (parameters, parametersFittedAt,
// parametersLogLoss) and from then on schedule that learner's reviews (lib/review/store.ts reads them).
//
// Each attempt's status is a small JSON file, <LACUNA_DATA_DIR>/srs-fit/<userId>.json: it keeps two requests
// from starting two fits, and the settings page shows it (running, accepted or not and why, failed).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { dataDir } from "@/lib/env";
import type { Translate } from "@/lib/i18n";
import { fitPersonalParameters, fitReasonSchema, type FitOptionsInput, type FitReason } from "@/lib/scheduling";
import { loadLearnerState } from "./store";

/** Below this many kept reviews a fit cannot both train and be judged (the optimizer wants ≥ 64 items, the judge ≥ 30). */
export const FIT_MIN_REVIEWS = 150;
/** A new attempt after this many more reviews: parameters move slowly, refitting on every review would waste CPU. */
export const FIT_EVERY_REVIEWS = 100;
/** A "running" status older than this is a worker that died without writing its result. */
const STALE_RUN_MS = 30 * 60_000;

const isoDate = z.iso.datetime().transform((s) => new Date(s));

export const fitStatusSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("running"), pid: z.number().int(), startedAt: isoDate, reviews: z.number().int() }),
  z.object({
    state: z.literal("done"),
    startedAt: isoDate,
    finishedAt: isoDate,
    reviews: z.number().int(),
    accepted: z.boolean(),
    // A sentence in English in status files written before reasons were data; shown as it is.
    reason: z.union([fitReasonSchema, z.string()]),
    heldOutReviews: z.number().int(),
    currentLogLoss: z.number().nullable(),
    candidateLogLoss: z.number().nullable(),
  }),
  z.object({ state: z.literal("failed"), startedAt: isoDate, finishedAt: isoDate, reviews: z.number().int(), error: z.string() }),
]);
export type FitStatus = z.output<typeof fitStatusSchema>;
type FitStatusJson = z.input<typeof fitStatusSchema>;

/** Why a fit was kept or not, in the learner's language (`t` of zh or en). */
export function fitReasonText(reason: FitReason | string, t: Translate): string {
  if (typeof reason === "string") return reason;
  switch (reason.code) {
    case "fewCrossDayReviews":
      return t("review.settings.fitReasons.fewCrossDayReviews");
    case "fewHeldOut":
      return t("review.settings.fitReasons.fewHeldOut", { heldOut: reason.heldOut, needed: reason.needed });
    case "fewTraining":
      return t("review.settings.fitReasons.fewTraining", { training: reason.training, needed: reason.needed });
    case "optimizerUnavailable":
      return t("review.settings.fitReasons.optimizerUnavailable", { error: reason.error });
    case "better":
    case "notBetter":
      return t(`review.settings.fitReasons.${reason.code}`, { heldOut: reason.heldOut, current: reason.currentLogLoss.toFixed(4), candidate: reason.candidateLogLoss.toFixed(4) });
  }
}

function statusDir(): string {
  return path.join(dataDir(), "srs-fit");
}

function statusFile(userId: string): string {
  // cuid ids are safe file names; anything else is refused rather than escaped.
  if (!/^[A-Za-z0-9_-]+$/.test(userId)) throw new Error(`user id ${JSON.stringify(userId)} cannot name a file`);
  return path.join(statusDir(), `${userId}.json`);
}

export function readFitStatus(userId: string): FitStatus | null {
  const file = statusFile(userId);
  if (!existsSync(file)) return null;
  try {
    const parsed = fitStatusSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeFitStatus(userId: string, status: FitStatusJson): void {
  mkdirSync(statusDir(), { recursive: true });
  const file = statusFile(userId);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(status, null, 2));
  renameSync(temporary, file);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether a new fit should start now for a learner with `keptReviews` kept reviews. */
export function fitIsDue(status: FitStatus | null, keptReviews: number, now: Date): boolean {
  if (keptReviews < FIT_MIN_REVIEWS) return false;
  if (!status) return true;
  if (status.state === "running" && processAlive(status.pid) && now.getTime() - status.startedAt.getTime() < STALE_RUN_MS) return false;
  if (status.state === "running") return true;
  return keptReviews >= status.reviews + FIT_EVERY_REVIEWS;
}

/**
 * Start a background fit if one is due; returns immediately either way. The child is detached and unreferenced,
 * so neither the request nor the server waits for it; its output goes to <data>/srs-fit/<userId>.log.
 */
export function maybeStartBackgroundFit(userId: string, keptReviews: number, now = new Date()): boolean {
  if (!fitIsDue(readFitStatus(userId), keptReviews, now)) return false;
  mkdirSync(statusDir(), { recursive: true });
  const out = openSync(path.join(statusDir(), `${userId}.log`), "a");
  const root = process.cwd();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib", "review", "fit-worker.ts"), userId], {
    cwd: root,
    detached: true,
    stdio: ["ignore", out, out],
    env: process.env,
  });
  child.unref();
  if (child.pid === undefined) return false;
  writeFitStatus(userId, { state: "running", pid: child.pid, startedAt: now.toISOString(), reviews: keptReviews });
  return true;
}

/**
 * Fit and judge a learner's parameters now (the worker's job; tests call it directly). Stores accepted
 * parameters and writes the status file.
 */
export async function runFit(db: Db, userId: string, options: FitOptionsInput = {}): Promise<FitStatus> {
  const startedAt = new Date();
  const state = await loadLearnerState(db, userId);
  const kept = state.logs.filter((l) => !l.undone);
  let status: FitStatusJson;
  try {
    const result = await fitPersonalParameters(kept, state.settings.scheduler, options);
    if (result.accepted && result.candidate) {
      const fitted = { parameters: JSON.stringify(result.parameters), parametersFittedAt: new Date(), parametersLogLoss: result.candidate.logLoss };
      await db.srsSettings.upsert({ where: { userId }, create: { userId, ...fitted }, update: fitted });
    }
    status = {
      state: "done",
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      reviews: kept.length,
      accepted: result.accepted,
      reason: result.reason,
      heldOutReviews: result.heldOutReviews,
      currentLogLoss: result.current?.logLoss ?? null,
      candidateLogLoss: result.candidate?.logLoss ?? null,
    };
  } catch (error) {
    status = { state: "failed", startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), reviews: kept.length, error: error instanceof Error ? error.message : String(error) };
  }
  writeFitStatus(userId, status);
  return fitStatusSchema.parse(status);
}
