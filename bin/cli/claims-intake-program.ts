import type { Command } from 'commander';
import { addClaimsCommands } from './claims-cli.ts';
import { addDlqCommands } from './dlq-cli.ts';
import { addDoctorCommand } from './doctor-command.ts';
import { addMembersCommands } from './members-cli.ts';
import { rootCommand } from './program.ts';
import { addRemindersCommands } from './reminders-cli.ts';
import { addTriageCommand } from './triage-cli.ts';

/** Every command of claims-intake. */
export function claimsIntakeProgram(): Command {
  const program = rootCommand();
  addTriageCommand(program);
  addMembersCommands(program);
  addClaimsCommands(program);
  addDlqCommands(program);
  addDoctorCommand(program);
  addRemindersCommands(program);
  return program;
}
