import { base64LinesLength } from '../adapters/mime/base64-lines.ts';
import { SES_MAX_MESSAGE_BYTES } from '../adapters/ses-mailer.ts';
import type { ClaimRecord } from '../domain/claim.ts';
import type { SendId } from '../domain/ledger.ts';
import { administratorFor, type AdministratorOverrides } from '../domain/administrators.ts';
import type { Route } from '../domain/types.ts';
import { composeForward } from '../templates/index.ts';
import { required, type IntakeContext } from './context.ts';
import { sendOnce, type SendOnceDependencies } from './send-once.ts';
import { summarizeClaim } from './summarize-claim.ts';

export interface ForwardDependencies extends SendOnceDependencies {
  readonly administrators: AdministratorOverrides;
}

/** Which forward: the claim's first (`forward`), or a later one under its own ledger id; a resend changes no status. */
export interface ForwardSend {
  readonly id: SendId;
  readonly resend?: boolean;
}

const FIRST_FORWARD: ForwardSend = { id: 'forward' };

/** Where a claim routed to `route` is sent: its administrator's claims address, and its fax gateway when it has one. */
export function administratorAddressing(route: Route, administrators: AdministratorOverrides): { readonly to: string; readonly cc?: readonly string[] } {
  const override = administrators[route];
  return { to: administratorFor(route, override).email, ...(override?.faxGatewayAddress ? { cc: [override.faxGatewayAddress] } : {}) };
}

/**
 * Sends a routed claim to its administrator with the original documents and their renditions,
 * once (see sendOnce); forwards are never counted against a reply limit.
 */
export async function forwardClaim(
  claim: ClaimRecord,
  context: IntakeContext,
  dependencies: ForwardDependencies,
  send: ForwardSend = FIRST_FORWARD,
): Promise<ClaimRecord> {
  if (claim.outcome !== 'FORWARDED' || (send.id === 'forward' && claim.forward)) return claim;
  const route = required(claim.route, 'the route');
  const { to, cc } = administratorAddressing(route, dependencies.administrators);
  const compose = async () =>
    composeForward({ summary: summarizeClaim(claim, context.identification?.member), to, cc, attachments: forwardAttachments(context) });
  const onSent = send.resend ? {} : { onSent: { status: 'FORWARDED', detail: `to ${route}` } as const };
  return sendOnce(claim, { id: send.id, kind: 'forward', messageKind: 'forward', to, ...(cc ? { cc } : {}), ...onSent, compose }, dependencies);
}

/**
 * Room in the forward for all but its attachments' content: its headers, the cover in text and
 * HTML (a line per document and per piece of evidence), and each attachment's part headers with
 * its name. 300 KB for 50 documents whose long names are written in other scripts, each byte of
 * which is encoded in three.
 */
const FORWARD_ENVELOPE_ALLOWANCE_BYTES = 1024 * 1024;

const sizeBound = (attachments: readonly { readonly content: Buffer }[]) =>
  attachments.reduce((total, { content }) => total + base64LinesLength(content.length), FORWARD_ENVELOPE_ALLOWANCE_BYTES);

/**
 * What the forward carries: the documents as received, then the renditions SES's limit leaves
 * room for. A rendition is a convenience made from a document the forward carries anyway: the
 * forward goes without it rather than not at all.
 */
export function forwardAttachments(context: IntakeContext) {
  const documents = required(context.documents, 'the documents').map((document) => ({
    filename: document.filename,
    content: document.content,
    contentType: document.declaredContentType,
  }));
  let bytes = sizeBound(documents);
  const renditions = (context.renditions ?? []).filter(({ content }) => {
    const withIt = bytes + base64LinesLength(content.length);
    if (withIt > SES_MAX_MESSAGE_BYTES) return false;
    bytes = withIt;
    return true;
  });
  return [...documents, ...renditions.map(({ filename, content, contentType }) => ({ filename, content, contentType }))];
}

/** More than the forward of the claim will weigh as raw MIME: its attachments in base64 and an allowance for the rest. */
export function forwardSizeBound(context: IntakeContext): number {
  return sizeBound(forwardAttachments(context));
}
