// Whether the production build in .next is older than what it is made from (npm start and bench:web).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./schemas";

export const NEXT_BIN = path.join(repoRoot, "node_modules", "next", "dist", "bin", "next");
/** The build folder: `.next`, or LACUNA_NEXT_DIST_DIR (read by next.config.ts too). */
export const NEXT_DIST_DIR = process.env.LACUNA_NEXT_DIST_DIR ?? ".next";
const BUILD_ID = path.join(repoRoot, NEXT_DIST_DIR, "BUILD_ID");
/** What a production build is made from; a newer file in here means the build is stale. */
export const BUILD_INPUTS = ["app", "lib", "messages", "exercises", "grader", "components", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package.json", "tsconfig.json"];
const SKIP_DIRS = new Set(["node_modules", ".next", NEXT_DIST_DIR, "data", ".git"]);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

export function buildIsStale(): boolean {
  if (!existsSync(BUILD_ID)) return true;
  const builtAt = statSync(BUILD_ID).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(repoRoot, input)) > builtAt);
}
