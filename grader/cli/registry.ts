/** Every `lacuna` sub-command. To add one: write ./commands/<name>.ts exporting a Command, and list it here. */
import type { Command } from "./command";
import { cardsCommand } from "./commands/cards";
import { casesCommand } from "./commands/cases";
import { checkCommand } from "./commands/check";
import { exercisesCommand } from "./commands/exercises";
import { gradeCommand } from "./commands/grade";
import { showCommand } from "./commands/show";

export const commands: readonly Command[] = [exercisesCommand, showCommand, casesCommand, gradeCommand, checkCommand, cardsCommand];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}
