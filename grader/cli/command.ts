/** The shape of a `lacuna` sub-command. Each command lives in ./commands/<name>.ts and is listed in ./registry.ts. */
import type { ParseArgsConfig } from "node:util";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  io: CliIo;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig["options"]>;
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
