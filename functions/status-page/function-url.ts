import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { TOKEN_PARAMETER } from '../shared/domain/status-link/index.ts';
import { STATUS_PAGE_CONTENT_SECURITY_POLICY } from '../shared/status-page/page-layout.ts';
import type { StatusPageRequest, StatusPageResult } from '../shared/status-page/show-claim-status.ts';

/**
 * On every answer. The token is in the address: the page is never stored, nor sent as a referrer
 * to the portals it links to; no page may frame it and no search engine index it.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': STATUS_PAGE_CONTENT_SECURITY_POLICY,
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'X-Robots-Tag': 'noindex',
};

/** The page is only read. */
export function isReadRequest(event: LambdaFunctionURLEvent): boolean {
  const { method } = event.requestContext.http;
  return method === 'GET' || method === 'HEAD';
}

export function statusPageRequest(event: LambdaFunctionURLEvent): StatusPageRequest {
  return {
    path: event.rawPath,
    token: event.queryStringParameters?.[TOKEN_PARAMETER],
    acceptLanguage: event.headers['accept-language'],
  };
}

export function pageResponse(event: LambdaFunctionURLEvent, result: StatusPageResult): LambdaFunctionURLResult {
  return {
    statusCode: result.found ? 200 : 404,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...SECURITY_HEADERS },
    body: event.requestContext.http.method === 'HEAD' ? '' : result.html,
  };
}

export function methodNotAllowed(): LambdaFunctionURLResult {
  return { statusCode: 405, headers: { Allow: 'GET, HEAD', ...SECURITY_HEADERS }, body: '' };
}
