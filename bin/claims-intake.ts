#!/usr/bin/env -S node --import tsx
import { claimsIntakeProgram } from './cli/claims-intake-program.ts';
import { runProgram } from './cli/program.ts';

// The SDK's notice about future Node versions would break the promise of one line on stderr; it is read when a client is made.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

process.exitCode = await runProgram(claimsIntakeProgram(), process.argv.slice(2));
