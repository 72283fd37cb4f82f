import { describe, expect, it } from 'vitest';
import { composeForward, composeMemberReply, type OutgoingMessage } from '../../../functions/shared/templates/index.ts';
import { claimInSpain, MARIE, REFERENCE } from './summaries.ts';

const MAI_TRACKING = 'http://expat.cigna.medical-administrators.com/fr';
const STATUS_LINK = `https://status.claims.example.org/claims/${REFERENCE}?t=1805117400.ynJPnDvytTASUWbQCFYDFlFHqWHcDcWUlYrB3LsS4uI`;
/** What no outgoing message may carry: controls, bidi controls, zero-width characters, line separators. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ufeff]/u;

/**
 * A claim as a sender could make it, recorded before its text was made safe: the templates
 * clear what they are given whatever its origin.
 */
const hostileClaim = claimInSpain({
  channel: 'fax',
  fax: { callerNumber: '+33142680690', remoteStationId: '\u202eFDP.EXE\u0000\u001b[31m', pages: 2 },
  reasons: ['facture\r\nBcc: x@evil.example.pdf already received with CLM-2026-2B8D4M'],
  documents: [
    { filename: '<a href="https://evil.example/">cliquez ici</a>.pdf', type: 'pdf', size: 1000, sha256: 'a'.repeat(64), textRead: true },
    { filename: 'https://evil.example/payer.pdf', type: 'pdf', size: 2000, sha256: 'b'.repeat(64), textRead: true },
    { filename: '<img src=x onerror=alert(1)>\u202egpj.exe', type: 'jpeg', size: 3000, sha256: 'c'.repeat(64), textRead: false },
  ],
});

/** Every link of a message's HTML. */
const hrefs = (html: string) => [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((match) => match[1]);

function expectSafe(message: OutgoingMessage) {
  for (const part of [message.subject, message.text, message.html]) expect(part).not.toMatch(UNSAFE);
  expect(message.html).not.toMatch(/<(?:img|script|iframe|form|object)\b/i);
  expect(message.html).not.toContain('evil.example/">');
}

describe("a sender's text in what the intake sends", () => {
  it('reaches the administrator as it shows, escaped, and never as a link or markup', () => {
    const message = composeForward({ summary: hostileClaim, to: 'contact@medical-administrators.com', attachments: [] });

    expectSafe(message);
    expect(hrefs(message.html)).toEqual([]);
    expect(message.text).toContain('\nFax station ID: FDP.EXE\n');
    expect(message.text).toContain('\n- facture Bcc: x@evil.example.pdf already received with CLM-2026-2B8D4M\n');
    expect(message.text).toContain('\n- <a href="https://evil.example/">cliquez ici</a>.pdf – PDF, 1 kB, text read\n');
    expect(message.text).toContain('\n- <img src=x onerror=alert(1)>gpj.exe – JPEG, 3 kB, text not read\n');
    expect(message.html).toContain('Fax station ID: FDP.EXE<br>');
    expect(message.html).toContain('<li>&lt;a href=&quot;https://evil.example/&quot;&gt;cliquez ici&lt;/a&gt;.pdf – PDF, 1 kB, text read</li>');
    expect(message.html).toContain('<li>https://evil.example/payer.pdf – PDF, 2 kB, text read</li>');
    expect(message.html).toContain('<li>&lt;img src=x onerror=alert(1)&gt;gpj.exe – JPEG, 3 kB, text not read</li>');
  });

  it.each(['acknowledged', 'review'] as const)('reaches the member in a %s reply escaped, with no link but ours', (kind) => {
    const message = composeMemberReply({
      kind,
      summary: hostileClaim,
      to: MARIE.email,
      language: 'both',
      administrators: {},
      statusLink: STATUS_LINK,
    });

    expectSafe(message);
    expect(new Set(hrefs(message.html))).toEqual(new Set(kind === 'acknowledged' ? [MAI_TRACKING, STATUS_LINK] : [STATUS_LINK]));
  });
});
