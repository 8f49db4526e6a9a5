/**
 * The shape of a `lacuna` sub-command. Its name, arguments, options and help are in ./spec.mjs; its code lives in
 * ./commands/<name>.ts and is loaded (./registry.ts) only when it runs.
 */
import type { Lang } from "../../exercises/schema";
import type { CliMessages } from "./messages";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  io: CliIo;
  /** The language the command line asked for (--lang, else $LACUNA_LANG, else en). */
  lang: Lang;
  /** The CLI's own messages in that language. */
  say: CliMessages;
}

export interface Command {
  name: string;
  /** Resolves to the process exit code. */
  run(context: CommandContext): Promise<number>;
}

/** A user error: printed without a stack trace, exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

export const exitCodes = { ok: 0, failures: 1, cannotGrade: 2 } as const;
