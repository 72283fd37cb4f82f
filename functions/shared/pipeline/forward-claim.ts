import type { Mailer } from '../adapters/ses-mailer.ts';
import type { ClaimRecord, ClaimRepository } from '../domain/claim.ts';
import { administratorFor, type AdministratorOverrides } from '../domain/administrators.ts';
import type { DocumentFile } from '../domain/types.ts';
import { composeForward } from '../templates/index.ts';
import { required, type IntakeContext, type Rendition } from './context.ts';
import { summarizeClaim } from './summarize-claim.ts';

export interface ForwardDependencies {
  readonly claims: ClaimRepository;
  readonly mailer: Mailer;
  readonly administrators: AdministratorOverrides;
  readonly now: () => Date;
}

/** Sends a routed claim to its administrator with the original documents and their renditions, once. */
export async function forwardClaim(claim: ClaimRecord, context: IntakeContext, dependencies: ForwardDependencies): Promise<ClaimRecord> {
  if (claim.outcome !== 'FORWARDED' || claim.forward) return claim;
  const route = required(claim.route, 'the route');
  const override = dependencies.administrators[route];
  const to = administratorFor(route, override).email;
  const cc = override?.faxGatewayAddress ? [override.faxGatewayAddress] : undefined;
  const message = composeForward({
    summary: summarizeClaim(claim, context.identification?.member),
    to,
    cc,
    attachments: attachmentsOf(required(context.documents, 'the documents'), context.renditions ?? []),
  });
  const messageId = await dependencies.mailer.send(message, { claimReference: claim.reference, kind: 'forward' });
  const forward = { to, ...(cc ? { cc } : {}), messageId, at: dependencies.now().toISOString() };
  await dependencies.claims.markForwarded(claim.reference, forward, `to ${route}`);
  return { ...claim, status: 'FORWARDED', forward, statusHistory: [...claim.statusHistory, { status: 'FORWARDED', at: forward.at, detail: `to ${route}` }] };
}

function attachmentsOf(documents: readonly DocumentFile[], renditions: readonly Rendition[]) {
  return [
    ...documents.map((document) => ({ filename: document.filename, content: document.content, contentType: document.declaredContentType })),
    ...renditions.map(({ filename, content, contentType }) => ({ filename, content, contentType })),
  ];
}
