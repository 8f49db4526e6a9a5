// Runs once after every spec: removes this run's throw-away data folder (see playwright.config.ts) unless
// LACUNA_E2E_KEEP=1 asks to keep it for a post-mortem.
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export default function removeRunDataDir(): void {
  const dir = process.env.LACUNA_E2E_DATA_DIR;
  if (!dir) return;
  if (process.env.LACUNA_E2E_KEEP === "1") {
    console.log(`[e2e] kept the run's data folder: ${dir}`);
    return;
  }
  // Only ever delete what the config created: a lacuna-e2e-* folder in the OS temp dir.
  const resolved = path.resolve(dir);
  if (path.dirname(resolved) !== path.resolve(os.tmpdir()) || !path.basename(resolved).startsWith("lacuna-e2e-")) return;
  rmSync(resolved, { recursive: true, force: true });
}
