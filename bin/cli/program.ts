import { Command, CommanderError } from 'commander';
import { senderText } from '../../functions/shared/domain/sender-text.ts';
import { MembersCsvError } from '../../functions/shared/adapters/members-csv.ts';
import { InputError, RefusedError, UsageError } from './usage-error.ts';

export const PROGRAM_NAME = 'claims-intake';

/** Exit codes, as the help text states them. */
export const EXIT_DONE = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_REFUSED = 3;

const EXIT_CODES_HELP = `
Exit codes:
  0  done; for triage, any decision, a message that could not be read included
  1  the command failed (a bug, AWS unreachable or refusing): one line on stderr
  2  bad arguments, a file that cannot be read, or a malformed members file: one line on stderr
  3  refused: a decision on a claim that is not in REVIEW or NEEDS_INFO, a resend of a message
     never sent; nothing was changed or sent, one line on stderr says why`;

/** The command has already said what is wrong on stdout (as `doctor` does): exit code 1, nothing on stderr. */
export class ReportedFailure extends Error {
  override readonly name = 'ReportedFailure';
}

/** The root command: every command added to it inherits its error handling. */
export function rootCommand(): Command {
  return new Command(PROGRAM_NAME)
    .description('Operate the claims intake: triage a message offline, import members, find and read claims.')
    .exitOverride()
    .showSuggestionAfterError(false)
    .configureOutput({ outputError: (text, write) => write(`${PROGRAM_NAME}: ${oneLine(text.replace(/^error: /, ''))}\n`) })
    .addHelpText('after', EXIT_CODES_HELP);
}

/**
 * What `--help` shows of a command: its summary (also listed under its parent), the details
 * after it, then its examples under the options.
 */
export function describe(command: Command, summary: string, examples: readonly string[], details?: string): Command {
  const exampleLines = examples.map((example) => `  $ ${PROGRAM_NAME} ${example}`).join('\n');
  return command
    .summary(summary)
    .description(details ? `${summary}\n\n${details}` : summary)
    .addHelpText('after', `\nExample${examples.length > 1 ? 's' : ''}:\n${exampleLines}`);
}

/** The error's first line, as a terminal shows it: what it quotes of a file cannot move the cursor or recolour it. */
const oneLine = (text: string) => senderText(text.split(/\r?\n/)[0] ?? '', 'line');

/**
 * Runs the program and returns its exit code; what went wrong is one line on stderr. Commander
 * has written its own errors already (see rootCommand), and `--help` is a success.
 */
export async function runProgram(program: Command, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_DONE;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_DONE : EXIT_BAD_INPUT;
    if (error instanceof ReportedFailure) return EXIT_FAILURE;
    if (error instanceof RefusedError) {
      process.stderr.write(`${PROGRAM_NAME}: refused: ${oneLine(error.message)}\n`);
      return EXIT_REFUSED;
    }
    const badInput = error instanceof UsageError || error instanceof InputError || error instanceof MembersCsvError;
    const message = oneLine(error instanceof Error ? error.message : String(error));
    process.stderr.write(badInput ? `${PROGRAM_NAME}: ${message}\n` : `${PROGRAM_NAME}: failed (${error instanceof Error ? error.name : 'error'}): ${message}\n`);
    return badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
  }
}

/** A whole number from 1, for options such as --limit. */
export function positiveInteger(name: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isInteger(value) || value < 1) throw new UsageError(`bad ${name} "${text}": expected a whole number from 1`);
    return value;
  };
}
