import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFunctionUrlServer, type FunctionUrlServer } from '../../bin/local/function-url-server.ts';

/** AWS's sample function URL event (aws-lambda-go testdata): the shape the local server must give. */
const SAMPLE = JSON.parse(readFileSync(path.resolve('test', 'fixtures', 'third-party', 'aws-events', 'lambda-urls-request.json'), 'utf8')) as LambdaFunctionURLEvent;

const keysOf = (value: object) => Object.keys(value).sort();

describe('local function URL', () => {
  const events: LambdaFunctionURLEvent[] = [];
  let answer: LambdaFunctionURLResult = { statusCode: 200, body: '' };
  let server: FunctionUrlServer;

  beforeAll(async () => {
    server = await startFunctionUrlServer({
      port: 0,
      handler: async (event) => {
        events.push(event);
        if (event.rawPath === '/fail') throw new Error('handler failed');
        return answer;
      },
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('ends with a slash, as a function URL does', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('delivers a GET as the payload format 2.0 event, repeated values joined with commas', async () => {
    answer = { statusCode: 200, body: 'ok' };
    await fetch(`${server.url}claims/CLM-2026-7K3F9Q?t=1.abc&t=2.def&lang=fr`, { headers: { 'Accept-Language': 'fr-FR', 'User-Agent': 'test-agent' } });
    const event = events.at(-1)!;

    // The sample's, less the body and cookies this request has not, plus the routeKey AWS's documented events carry.
    expect(keysOf(event)).toEqual([...keysOf(SAMPLE).filter((key) => key !== 'body' && key !== 'cookies'), 'routeKey'].sort());
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/claims/CLM-2026-7K3F9Q',
      rawQueryString: 't=1.abc&t=2.def&lang=fr',
      queryStringParameters: { t: '1.abc,2.def', lang: 'fr' },
      isBase64Encoded: false,
      requestContext: {
        accountId: 'anonymous',
        routeKey: '$default',
        stage: '$default',
        http: { method: 'GET', path: '/claims/CLM-2026-7K3F9Q', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test-agent' },
      },
    });
    expect(event.headers).toMatchObject({ 'accept-language': 'fr-FR', 'user-agent': 'test-agent' });
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    // An IAM authorizer only comes with auth type AWS_IAM.
    expect(keysOf(event.requestContext)).toEqual([...keysOf(SAMPLE.requestContext).filter((key) => key !== 'authorizer'), 'routeKey', 'stage'].sort());
  });

  it('passes a text body as text and any other in base64', async () => {
    await fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
    await fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: new Uint8Array([0, 1, 2]) });

    expect(events.slice(-2).map(({ body, isBase64Encoded }) => ({ body, isBase64Encoded }))).toEqual([
      { body: '{"a":1}', isBase64Encoded: false },
      { body: 'AAEC', isBase64Encoded: true },
    ]);
  });

  it("answers with the handler's status, headers and body", async () => {
    answer = { statusCode: 404, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, body: '<p>not found</p>' };
    const response = await fetch(`${server.url}anything`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('<p>not found</p>');
  });

  it('answers 502 when the function fails, as a function URL does', async () => {
    const response = await fetch(`${server.url}fail`);

    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ Message: 'Internal Server Error' });
  });
});
