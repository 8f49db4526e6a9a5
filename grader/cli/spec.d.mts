// Types of ./spec.mjs (plain JavaScript, so that help loads nothing).
import type { ParseArgsConfig } from "node:util";

export type Lang = "en" | "zh";
export interface Localized {
  en: string;
  zh: string;
}
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** The placeholder of a string option's value in the help: N, MS, zh|en. */
  value?: string;
  help: Localized;
}
export interface CommandSpec {
  name: string;
  /** The positional arguments, as the usage line shows them: "<slug> <file.ts>". */
  args: string;
  summary: Localized;
  description?: Localized;
  options: Record<string, OptionSpec>;
  exits?: Localized;
  examples: string[];
}

export const commandSpecs: readonly CommandSpec[];
export function findCommandSpec(name: string): CommandSpec | undefined;
export function requestedLang(argv: readonly string[], env?: Record<string, string | undefined>): Lang;
export function usageText(lang: Lang): string;
export function usageLine(spec: CommandSpec, lang: Lang): string;
export function commandHelp(spec: CommandSpec, lang: Lang): string;
export function helpFor(argv: readonly string[], env?: Record<string, string | undefined>): { text: string; code: number } | null;

/** A command's options as node:util parseArgs takes them. */
export type ParseArgsOptions = NonNullable<ParseArgsConfig["options"]>;
