/** `lacuna <command> …`: answers help, parses the command line, runs the command, maps errors to exit codes. */
import { parseArgs } from "node:util";
import { CliError, exitCodes, type CliIo } from "./command";
import { cliMessages, type CliMessages } from "./messages";
import { parseLang } from "./options";
import { commandLoaders } from "./registry";
import { findCommandSpec, helpFor, requestedLang, usageLine, usageText, type CommandSpec, type ParseArgsOptions } from "./spec.mjs";

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function parseOptions(spec: CommandSpec): ParseArgsOptions {
  return Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }]));
}

/** node:util's parse errors, in the learner's language. */
function parseError(error: { code?: string; message: string }, say: CliMessages): string | null {
  const option = /'(-[^']*?)(?: <value>)?'/.exec(error.message)?.[1] ?? "";
  const name = option.split(", ").pop() ?? option;
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return say.unknownOption(name);
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return /argument missing/.test(error.message) ? say.missingValue(name) : say.takesNoValue(name);
  return error.code?.startsWith("ERR_PARSE_ARGS") ? error.message : null;
}

export async function main(argv: readonly string[], io: CliIo = processIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const help = helpFor(argv, env);
  if (help) {
    io.out(help.text);
    return help.code;
  }
  const lang = requestedLang(argv, env);
  const say = cliMessages[lang];
  const [colon, open, close] = lang === "zh" ? ["：", "（", "）"] : [": ", "(", ")"];
  const name = argv[0]!;
  const spec = findCommandSpec(name);
  const load = commandLoaders[name];
  if (!spec || !load) {
    io.err(`lacuna${colon}${say.unknownCommand(name)}\n\n${usageText(lang)}`);
    return exitCodes.cannotGrade;
  }
  try {
    const { values, positionals } = parseArgs({ args: argv.slice(1), options: parseOptions(spec), allowPositionals: true, strict: true });
    const command = await load();
    const chosen = parseLang(values.lang, say, env);
    return await command.run({ values: values as Record<string, string | boolean | undefined>, positionals, io, lang: chosen, say: cliMessages[chosen] });
  } catch (error) {
    // A user's mistake is said plainly (exit 2); a bad command line also gets the usage; anything else is a bug
    // and keeps its stack.
    const known = error instanceof CliError || (error as Error).name === "ExerciseFormatError" || (error as Error).name === "FlashcardFormatError";
    const parse = known ? null : parseError(error as Error, say);
    io.err(`lacuna ${name}${colon}${known ? (error as Error).message : (parse ?? (error as Error).stack ?? String(error))}`);
    if (!known) io.err(`${say.usage}${colon}${usageLine(spec, lang)}  ${open}lacuna ${name} --help${close}`);
    return exitCodes.cannotGrade;
  }
}
