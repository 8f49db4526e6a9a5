#!/usr/bin/env node
// The `lacuna` command: registers tsx's loader so the TypeScript CLI (and exercise files) run directly.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// The repository's exercises, wherever in the tree `npx lacuna` is run from (LACUNA_EXERCISES_DIR overrides).
process.env.LACUNA_EXERCISES_DIR ??= path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "exercises");

register();
// `lacuna exercises | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
