#!/usr/bin/env -S node --import tsx
import { addClaimsCommands } from './cli/claims-cli.ts';
import { addMembersCommands } from './cli/members-cli.ts';
import { rootCommand, runProgram } from './cli/program.ts';
import { addTriageCommand } from './cli/triage-cli.ts';

const program = rootCommand();
addTriageCommand(program);
addMembersCommands(program);
addClaimsCommands(program);

process.exitCode = await runProgram(program, process.argv.slice(2));
