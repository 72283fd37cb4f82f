import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusLinkVerifier } from '../../../functions/shared/domain/status-link/index.ts';
import { showClaimStatus, type StatusPageDependencies } from '../../../functions/shared/status-page/show-claim-status.ts';
import { isReadRequest, methodNotAllowed, pageResponse, statusPageRequest } from '../../../functions/status-page/function-url.ts';
import { claimRecord, REFERENCE } from '../../support/claim-records.ts';
import { InMemoryClaimRepository } from '../../support/in-memory-claim-repository.ts';
import { CURRENT_KEY, FixedSigningKeys, PREVIOUS_KEY } from '../../support/signing-keys.ts';

/** Signed with CURRENT_KEY for REFERENCE, valid until 2027-03-15T13:30:00Z. */
const TOKEN = '1805117400.ynJPnDvytTASUWbQCFYDFlFHqWHcDcWUlYrB3LsS4uI';
const NOW = new Date('2026-04-01T08:00:00.000Z');
const OTHER_REFERENCE = 'CLM-2026-2B8D4M';
const TOKEN_FOR_OTHER_REFERENCE = '1805117400.4pFWhWdR_n4sJy62UxSdJ4bkbbS2P4X9P8WbnBbHDuU';

/** AWS's sample function URL event (aws-lambda-go testdata), pointed at a path and a query. */
function functionUrlEvent(method: string, rawPath: string, query: Record<string, string> = {}, headers: Record<string, string> = {}): LambdaFunctionURLEvent {
  const sample = JSON.parse(readFileSync(path.resolve('test', 'fixtures', 'third-party', 'aws-events', 'lambda-urls-request.json'), 'utf8')) as LambdaFunctionURLEvent;
  const { body: _body, ...withoutBody } = sample;
  return {
    ...withoutBody,
    isBase64Encoded: false,
    rawPath,
    rawQueryString: new URLSearchParams(query).toString(),
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    headers,
    requestContext: { ...sample.requestContext, http: { ...sample.requestContext.http, method, path: rawPath } },
  };
}

describe('showClaimStatus', () => {
  let claims: InMemoryClaimRepository;
  let dependencies: StatusPageDependencies;

  beforeEach(async () => {
    claims = new InMemoryClaimRepository();
    await claims.seed(
      claimRecord({
        status: 'FORWARDED',
        acknowledgement: { to: 'bill.smith@example.org', messageId: '<sent-1@mailer.test>', at: NOW.toISOString(), language: 'en' },
      }),
    );
    dependencies = {
      claims,
      links: new StatusLinkVerifier(new FixedSigningKeys({ current: CURRENT_KEY, previous: PREVIOUS_KEY })),
      administrators: {},
      now: () => NOW,
    };
  });

  const show = (changes: { path?: string; token?: string; acceptLanguage?: string }) =>
    showClaimStatus({ path: `/claims/${REFERENCE}`, token: TOKEN, acceptLanguage: undefined, ...changes }, dependencies);

  it('shows the claim a valid link names, in the language of its reply whatever the browser prefers', async () => {
    const result = await show({ acceptLanguage: 'fr-FR,fr;q=0.9' });

    expect(result).toMatchObject({ found: true, reference: REFERENCE, status: 'FORWARDED' });
    expect(result.html).toContain(`<h1>Your claim ${REFERENCE}</h1>`);
  });

  it("follows the browser's language for a claim whose reply was in both languages", async () => {
    await claims.seed(
      claimRecord({
        reference: OTHER_REFERENCE,
        sesMessageId: 'ses-message-0002',
        status: 'REVIEW',
        acknowledgement: { to: 'someone@example.org', messageId: '<sent-2@mailer.test>', at: NOW.toISOString(), language: 'both' },
      }),
    );

    const result = await show({ path: `/claims/${OTHER_REFERENCE}`, token: TOKEN_FOR_OTHER_REFERENCE, acceptLanguage: 'en-US,en;q=0.9' });
    expect(result).toMatchObject({ found: true, status: 'REVIEW' });
    expect(result.html).toContain(`<h1>Your claim ${OTHER_REFERENCE}</h1>`);
  });

  it.each([
    ['a path that is not a status page', { path: '/' }, 'not-a-status-path'],
    ['a reference that is not one', { path: '/claims/CLM-2026-7K3F9Q%00' }, 'not-a-status-path'],
    ['no token', { token: undefined }, 'malformed'],
    ['a malformed token', { token: 'abc' }, 'malformed'],
    ['a tampered token', { token: TOKEN.replace('ynJP', 'ynJQ') }, 'forged'],
    ["another claim's token", { token: TOKEN_FOR_OTHER_REFERENCE }, 'forged'],
    ['an unknown claim', { path: `/claims/${OTHER_REFERENCE}`, token: TOKEN_FOR_OTHER_REFERENCE }, 'unknown-claim'],
  ])('shows the one not-found page for %s', async (_, request, reason) => {
    const result = await show({ ...request, acceptLanguage: 'en' });
    const expired = await showClaimStatus(
      { path: `/claims/${REFERENCE}`, token: TOKEN, acceptLanguage: 'en' },
      { ...dependencies, now: () => new Date('2027-03-15T13:30:00.000Z') },
    );

    expect(result).toEqual({ found: false, reason, html: expired.html });
    expect(expired).toMatchObject({ found: false, reason: 'expired' });
    expect(result.html).toContain('<h1>This status link is not valid</h1>');
  });

  it('shows the not-found page in the browser language, never in the claim\'s', async () => {
    const result = await show({ token: TOKEN.replace('ynJP', 'ynJQ'), acceptLanguage: undefined });

    expect(result.html).toContain('<html lang="fr">');
  });

  it('reads no claim before the link is verified', async () => {
    const get = vi.spyOn(claims, 'get');

    await show({ token: TOKEN.replace('ynJP', 'ynJQ') });
    await show({ token: 'abc' });
    expect(get).not.toHaveBeenCalled();
  });
});

describe('the function URL answer', () => {
  const found = { found: true, reference: REFERENCE, status: 'FORWARDED', html: '<!DOCTYPE html><p>page</p>' } as const;
  const securityHeaders = (styleHash: string) => ({
    'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'X-Robots-Tag': 'noindex',
  });

  it('reads the path, the token and the preferred language of a GET', () => {
    const event = functionUrlEvent('GET', `/claims/${REFERENCE}`, { t: TOKEN }, { 'accept-language': 'en-GB' });

    expect(isReadRequest(event)).toBe(true);
    expect(statusPageRequest(event)).toEqual({ path: `/claims/${REFERENCE}`, token: TOKEN, acceptLanguage: 'en-GB' });
    expect(statusPageRequest(functionUrlEvent('GET', '/'))).toEqual({ path: '/', token: undefined, acceptLanguage: undefined });
  });

  it('answers the page with its security headers, allowing no style but its own, by hash', async () => {
    const page = await showClaimStatus(
      { path: `/claims/${REFERENCE}`, token: 'abc', acceptLanguage: undefined },
      { claims: new InMemoryClaimRepository(), links: new StatusLinkVerifier(new FixedSigningKeys({ current: CURRENT_KEY })), administrators: {}, now: () => NOW },
    );
    const style = /<style>([^<]*)<\/style>/.exec(page.html)?.[1] ?? '';
    const styleHash = createHash('sha256').update(style).digest('base64');

    expect(pageResponse(functionUrlEvent('GET', '/'), found)).toEqual({
      statusCode: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8', ...securityHeaders(styleHash) },
      body: found.html,
    });
    expect(pageResponse(functionUrlEvent('GET', '/'), page)).toEqual({
      statusCode: 404,
      headers: { 'Content-Type': 'text/html; charset=utf-8', ...securityHeaders(styleHash) },
      body: page.html,
    });
  });

  it('answers HEAD with the headers of the page and no body', () => {
    const response = pageResponse(functionUrlEvent('HEAD', `/claims/${REFERENCE}`), found);

    expect(response).toMatchObject({ statusCode: 200, body: '' });
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])('refuses %s', (method) => {
    expect(isReadRequest(functionUrlEvent(method, `/claims/${REFERENCE}`))).toBe(false);
    expect(methodNotAllowed()).toMatchObject({ statusCode: 405, headers: { Allow: 'GET, HEAD', 'Cache-Control': 'no-store' }, body: '' });
  });
});
