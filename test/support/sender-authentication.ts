import type { Verdicts } from '../../functions/shared/domain/types.ts';
import { PASSING_VERDICTS } from './contexts.ts';

/** The From domain publishes no DMARC policy: SES's DMARC verdict is GRAY, and SPF and DKIM say nothing of From. */
export const NO_DMARC_POLICY: Verdicts = { ...PASSING_VERDICTS, spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' };

export interface SesAuthentication {
  readonly spf: 'pass' | 'fail' | 'softfail' | 'none';
  /** The SMTP MAIL FROM SES checked SPF for. */
  readonly envelopeFrom: string;
  /** Each DKIM signature SES checked: its result and `header.i` identity. */
  readonly dkim?: readonly { readonly result: 'pass' | 'fail'; readonly identity: string }[];
  readonly dmarc: 'pass' | 'fail' | 'none';
  readonly fromDomain: string;
}

/**
 * The `Authentication-Results` header SES receiving prepends to a stored message, in its own
 * layout (its SPF result carries `client-ip`, `envelope-from` and `helo` after semicolons).
 */
export function sesAuthenticationResults(auth: SesAuthentication): string {
  const envelopeDomain = auth.envelopeFrom.split('@').at(-1) ?? '';
  return [
    'Authentication-Results: amazonses.com;',
    ` spf=${auth.spf} (spfCheck: domain of ${envelopeDomain} designates 192.0.2.25 as permitted sender) client-ip=192.0.2.25; envelope-from=${auth.envelopeFrom}; helo=mail.${envelopeDomain};`,
    ...(auth.dkim ?? []).map((signature) => ` dkim=${signature.result} header.i=${signature.identity};`),
    ` dmarc=${auth.dmarc} header.from=${auth.fromDomain};`,
  ].join('\r\n');
}

/** A small message as SES stores it: the trace headers given (topmost first), then the sender's own. */
export function storedMessage(traceHeaders: readonly string[], from: string, subject = 'Remboursement consultation'): Buffer {
  return Buffer.from(
    [
      'Return-Path: <bounce@example.net>',
      'Received: from mail.example.net (mail.example.net [192.0.2.25]) by inbound-smtp.eu-west-1.amazonaws.com with SMTP id 0123456789abcdef for claims@claims.example.org; Sun, 15 Mar 2026 13:30:00 +0000 (UTC)',
      ...traceHeaders,
      `From: ${from}`,
      'To: claims@claims.example.org',
      `Subject: ${subject}`,
      'Message-ID: <claim-0001@example.net>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Bonjour, ci-joint ma facture.',
      '',
    ].join('\r\n'),
  );
}
