/** `lacuna <command> …`: parses the command line, runs the command, maps errors to exit codes. */
import { parseArgs } from "node:util";
import { ExerciseFormatError } from "../../exercises/catalog";
import { CliError, exitCodes, type CliIo } from "./command";
import { commands, findCommand } from "./registry";

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return ["usage: lacuna <command> [options]", "", ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`), "", "lacuna <command> --help shows a command's options."].join("\n");
}

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(usage());
    return name ? exitCodes.ok : exitCodes.cannotGrade;
  }
  const command = findCommand(name);
  if (!command) {
    io.err(`lacuna: unknown command "${name}"\n\n${usage()}`);
    return exitCodes.cannotGrade;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`usage: ${command.usage}\n\n${command.summary}`);
    return exitCodes.ok;
  }
  try {
    const { values, positionals } = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    return await command.run({ values: values as Record<string, string | boolean | undefined>, positionals, io });
  } catch (error) {
    const known = error instanceof CliError || error instanceof ExerciseFormatError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    io.err(`lacuna ${name}: ${known ? (error as Error).message : (error as Error).stack ?? String(error)}`);
    if (!known) io.err(`usage: ${command.usage}`);
    return exitCodes.cannotGrade;
  }
}
