/**
 * Every `lacuna` sub-command's code, loaded only when it runs (so `lacuna exercises` never loads the grader).
 * To add one: describe it in ./spec.mjs, write ./commands/<name>.ts exporting a Command, and list it here.
 */
import type { Command } from "./command";

export const commandLoaders: Record<string, () => Promise<Command>> = {
  exercises: async () => (await import("./commands/exercises")).exercisesCommand,
  show: async () => (await import("./commands/show")).showCommand,
  cases: async () => (await import("./commands/cases")).casesCommand,
  grade: async () => (await import("./commands/grade")).gradeCommand,
  check: async () => (await import("./commands/check")).checkCommand,
  cards: async () => (await import("./commands/cards")).cardsCommand,
};
