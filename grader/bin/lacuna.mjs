#!/usr/bin/env node
// The `lacuna` command. Help is answered from ../cli/spec.mjs (plain JavaScript) before anything else loads;
// every other command registers tsx's loader so the TypeScript CLI (and exercise files) run directly, and
// main.ts loads only the command it runs.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { helpFor } from "../cli/spec.mjs";

const argv = process.argv.slice(2);
const help = helpFor(argv);
if (help) {
  process.stdout.write(`${help.text}\n`);
  process.exitCode = help.code;
} else {
  // The repository's exercises, wherever in the tree `npx lacuna` is run from (LACUNA_EXERCISES_DIR overrides).
  process.env.LACUNA_EXERCISES_DIR ??= path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "exercises");
  const { register } = await import("tsx/esm/api");
  register();
  // `lacuna exercises | head` closes the pipe early: that is not an error.
  process.stdout.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const { main } = await import("../cli/main.ts");
  process.exitCode = await main(argv);
}
