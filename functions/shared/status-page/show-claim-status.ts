import type { AdministratorOverrides } from '../domain/administrators.ts';
import type { ClaimRecordStatus, ClaimRepository } from '../domain/claim.ts';
import { referenceFromPath, type StatusLinkVerifier, type TokenVerdict } from '../domain/status-link/index.ts';
import { renderClaimStatusPage } from './claim-status-page.ts';
import { renderNotFoundPage } from './not-found-page.ts';
import { acceptedLanguage, replyLanguageOf } from './page-language.ts';

export interface StatusPageRequest {
  readonly path: string;
  /** The link's token, as given. */
  readonly token: string | undefined;
  readonly acceptLanguage: string | undefined;
}

/** Why a request shows the not-found page; for the logs only, never for the page. */
export type NotFoundReason = 'not-a-status-path' | Exclude<TokenVerdict, 'valid'> | 'unknown-claim';

export type StatusPageResult =
  | { readonly found: true; readonly reference: string; readonly status: ClaimRecordStatus; readonly html: string }
  | { readonly found: false; readonly reason: NotFoundReason; readonly html: string };

export interface StatusPageDependencies {
  readonly claims: Pick<ClaimRepository, 'get'>;
  readonly links: StatusLinkVerifier;
  readonly administrators: AdministratorOverrides;
  readonly now: () => Date;
}

/**
 * The status page use case: the claim a valid link names, in the language of its reply (else the
 * browser's). The claim is only read once the token is verified, so a made-up link costs no read.
 */
export async function showClaimStatus(request: StatusPageRequest, dependencies: StatusPageDependencies): Promise<StatusPageResult> {
  const notFound = (reason: NotFoundReason): StatusPageResult => ({
    found: false,
    reason,
    html: renderNotFoundPage(acceptedLanguage(request.acceptLanguage)),
  });
  const reference = referenceFromPath(request.path);
  if (reference === undefined) return notFound('not-a-status-path');
  const verdict = request.token === undefined ? 'malformed' : await dependencies.links.verify(reference, request.token, dependencies.now());
  if (verdict !== 'valid') return notFound(verdict);
  const claim = await dependencies.claims.get(reference);
  if (!claim) return notFound('unknown-claim');
  const language = replyLanguageOf(claim) ?? acceptedLanguage(request.acceptLanguage);
  return { found: true, reference, status: claim.status, html: renderClaimStatusPage(claim, language, dependencies.administrators) };
}
