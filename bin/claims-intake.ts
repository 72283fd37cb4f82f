#!/usr/bin/env -S node --import tsx
import { claimsIntakeProgram } from './cli/claims-intake-program.ts';
import { runProgram } from './cli/program.ts';

process.exitCode = await runProgram(claimsIntakeProgram(), process.argv.slice(2));
