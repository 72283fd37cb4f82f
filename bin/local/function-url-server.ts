import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { closeHttpServer, listeningPort, LOOPBACK, loopbackEndpoint } from './local-service.ts';

export interface FunctionUrlServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** The function's handler, called with the event a function URL delivers. */
  readonly handler: (event: LambdaFunctionURLEvent) => Promise<LambdaFunctionURLResult>;
}

export interface FunctionUrlServer {
  /** http://127.0.0.1:<port>/, as a function URL ends with a slash. */
  readonly url: string;
  close(): Promise<void>;
}

/** Plays a Lambda function URL with auth type NONE on 127.0.0.1: each HTTP request becomes the event AWS delivers. */
export async function startFunctionUrlServer(options: FunctionUrlServerOptions): Promise<FunctionUrlServer> {
  const server = createServer((request, response) => {
    void readBody(request)
      .then((body) => options.handler(functionUrlEvent(request, body)))
      .then((result) => writeResult(response, result))
      .catch(() => {
        // What a function URL answers when the function fails.
        response.writeHead(502, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ Message: 'Internal Server Error' }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  return { url: `${loopbackEndpoint(listeningPort(server))}/`, close: () => closeHttpServer(server) };
}

/** The payload format 2.0 event, as the Lambda developer guide documents it for function URLs. */
export function functionUrlEvent(request: IncomingMessage, body: Buffer): LambdaFunctionURLEvent {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const now = new Date();
  const headers = joinedValues(Object.entries(request.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, value]])));
  const query = joinedValues([...url.searchParams]);
  const domainName = request.headers.host ?? LOOPBACK;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: 'anonymous',
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? LOOPBACK,
        userAgent: request.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: commonLogFormatTime(now),
      timeEpoch: now.getTime(),
    },
    ...eventBody(body, request.headers['content-type']),
  };
}

/** A body is passed as text when it is JSON or text, in base64 otherwise. */
function eventBody(body: Buffer, contentType: string | undefined): Pick<LambdaFunctionURLEvent, 'body' | 'isBase64Encoded'> {
  if (body.length === 0) return { isBase64Encoded: false };
  const textual = contentType !== undefined && /^(text\/|application\/json\b)/i.test(contentType);
  return textual ? { body: body.toString('utf8'), isBase64Encoded: false } : { body: body.toString('base64'), isBase64Encoded: true };
}

/** 05/Aug/2022:08:14:39 +0000 */
function commonLogFormatTime(date: Date): string {
  const [, day, month, year, time] = date.toUTCString().split(' ');
  return `${day}/${month}/${year}:${time} +0000`;
}

/** A function URL joins the values of a repeated header or query parameter with commas. */
function joinedValues(entries: readonly (readonly [string, string | readonly string[]])[]): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const [name, value] of entries) {
    const values = typeof value === 'string' ? [value] : value;
    joined[name] = joined[name] === undefined ? values.join(',') : [joined[name], ...values].join(',');
  }
  return joined;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function writeResult(response: ServerResponse, result: LambdaFunctionURLResult): void {
  // A function may also return a bare value: the function URL sends it as JSON.
  if (typeof result !== 'object' || result === null) {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(result));
    return;
  }
  const body = result.body ?? '';
  response.writeHead(result.statusCode ?? 200, { ...result.headers, ...(result.cookies ? { 'Set-Cookie': result.cookies } : {}) });
  response.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}
