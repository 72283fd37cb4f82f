import type { Command } from 'commander';
import type { Decision, ResentMessage } from '../../functions/shared/domain/decision.ts';
import type { Route } from '../../functions/shared/domain/types.ts';
import { decisionLine, decisionWords, messageLines, terminalLines } from './claim-view.ts';
import { decide, resend, type DecisionResult } from './decisions.ts';
import { describe } from './program.ts';
import { withTarget, withTargetOptions, type TargetOptions } from './target.ts';
import { UsageError } from './usage-error.ts';

const ROUTES: readonly Route[] = ['MAI', 'CIGNA_US'];

function route(text: string): Route {
  const upper = text.toUpperCase();
  const found = ROUTES.find((candidate) => candidate === upper);
  if (!found) throw new UsageError(`bad --to "${text}": expected ${ROUTES.join(' or ')}`);
  return found;
}

/** A note or reason is what the member and the next person read: it says something. */
function words(option: string) {
  return (text: string): string => {
    if (text.trim() === '') throw new UsageError(`${option} is empty: say why`);
    return text;
  };
}

const DECISION_DETAILS =
  'Only a claim in REVIEW or NEEDS_INFO can be decided; any other is refused with why (exit 3). The decision is recorded on the claim with who took it (your AWS identity, or your user name with --local), why and when. Each message is sent at most once: running the command again, after a stop half-way, sends only what was not sent.';

export function addDecisionCommands(claims: Command): void {
  describe(
    withTargetOptions(claims.command('route')),
    'Forwards a claim held for review to an administrator and acknowledges it to the member, as the intake would have.',
    ['claims route CLM-2026-NNSXX6 --to MAI --note "clinic in Phnom Penh, confirmed by the member" --local', 'claims route CLM-2026-NNSXX6 --to CIGNA_US --note "Boston bill" --stack ClaimsIntake'],
    `${DECISION_DETAILS} On AWS the intake function sends the messages, from its queue; claims show follows them.`,
  )
    .argument('<reference>', 'the claim reference')
    .requiredOption('--to <administrator>', 'MAI (treatment outside the USA) or CIGNA_US', route)
    .requiredOption('--note <why>', 'why, for the record', words('--note'))
    .action(async (reference: string, options: TargetOptions & { to: Route; note: string }) => {
      const result = await withTarget(options, (target) => decide(target, options, reference, { action: 'route', route: options.to }, options.note));
      console.log(decisionOutput(result, { action: 'route', route: options.to }).join('\n'));
    });

  describe(
    withTargetOptions(claims.command('reject')),
    'Declines a claim held for review and tells the member why, in their language, at their registered address only.',
    ['claims reject CLM-2026-NNSXX6 --reason "treatment before the membership started" --local'],
    `${DECISION_DETAILS} A claim with no member is declined without telling anybody: no registered address is known.`,
  )
    .argument('<reference>', 'the claim reference')
    .requiredOption('--reason <why>', 'why, as the member reads it in the reply (one line)', words('--reason'))
    .action(async (reference: string, options: TargetOptions & { reason: string }) => {
      const result = await withTarget(options, (target) => decide(target, options, reference, { action: 'reject' }, options.reason));
      console.log(decisionOutput(result, { action: 'reject' }).join('\n'));
    });

  resendCommand(claims);
}

function resendCommand(claims: Command): void {
  describe(
    withTargetOptions(claims.command('resend')),
    "Sends a claim's forward or its reply to the member again, as a new message recorded as a resend.",
    [
      'claims resend CLM-2026-R85JVH --forward --note "MAI asked for it again" --local',
      'claims resend CLM-2026-R85JVH --acknowledgement --note "the member changed address" --stack ClaimsIntake',
    ],
    "Only a message that was sent can be sent again; any other is refused (exit 3). The resend is recorded on the claim with who asked for it and why, and is a message of its own in the claim's ledger: it is sent at most once, and each resend asked for is a new one. The forward goes to the administrator's current address; the reply to the member's registered address as the members table holds it now.",
  )
    .argument('<reference>', 'the claim reference')
    .option('--forward', 'the forward to the administrator')
    .option('--acknowledgement', "the reply to the member")
    .requiredOption('--note <why>', 'why, for the record', words('--note'))
    .action(async (reference: string, options: TargetOptions & { forward?: boolean; acknowledgement?: boolean; note: string }) => {
      if (options.forward === options.acknowledgement) throw new UsageError('name one message: --forward or --acknowledgement');
      const message: ResentMessage = options.forward ? 'forward' : 'acknowledgement';
      const result = await withTarget(options, (target) => resend(target, options, reference, message, options.note));
      const recorded = result.claim.resends?.filter((resend) => resend.message === message).at(-1);
      console.log(
        terminalLines([
          `${result.claim.reference}  ${result.claim.status}  ${message} sent again${recorded ? ` as ${recorded.sendId}` : ''}${result.again ? ', asked for already: carried out again, sending only what was not sent' : ''}`,
          ...(recorded ? [`${recorded.at}  by ${recorded.by}: ${recorded.why}`] : []),
          ...outcomeLines(result),
        ]).join('\n'),
      );
    });
}

function outcomeLines({ claim, carriedOut }: DecisionResult): string[] {
  return carriedOut === 'queued'
    ? [`The intake function sends the messages: claims show ${claim.reference} shows them once sent.`]
    : ['Messages sent:', ...messageLines(claim)];
}

function decisionOutput({ claim, again, carriedOut }: DecisionResult, decision: Decision): string[] {
  const what = decisionWords(decision);
  const recorded = claim.decisions?.at(-1);
  return terminalLines([
    `${claim.reference}  ${claim.status}  ${again ? `${what} already: carried out again, sending only what was not sent` : what}`,
    ...(recorded ? [decisionLine(recorded).trimStart()] : []),
    ...outcomeLines({ claim, again, carriedOut }),
  ]);
}
