import { readFileSync } from 'node:fs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { screenMessage, type ScreeningInput } from '../../functions/shared/domain/screening.ts';
import type { Verdicts } from '../../functions/shared/domain/types.ts';

const PASSING: Verdicts = { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' };
const OWN_ADDRESSES = ['claims@claims.example.org', 'no-reply@claims.example.org'];
const MEMBER_FROM = 'From: Marie Dupont <marie.dupont@example.fr>';

/** A small message: the given header lines, then the usual To, Subject and a body. */
async function message(headers: readonly string[], body = 'Bonjour, ci-joint ma facture.'): Promise<ParsedMail> {
  const lines = [...headers];
  if (!lines.some((line) => /^from:/i.test(line))) lines.push(MEMBER_FROM);
  if (!lines.some((line) => /^subject:/i.test(line))) lines.push('Subject: Remboursement consultation');
  return simpleParser([...lines, 'To: claims@claims.example.org', '', body, ''].join('\r\n'));
}

function screen(mail: ParsedMail, overrides: Partial<ScreeningInput> = {}) {
  return screenMessage({ mail, verdicts: PASSING, envelopeSender: 'marie.dupont@example.fr', ownAddresses: OWN_ADDRESSES, ...overrides });
}

const fixture = async (name: string): Promise<ParsedMail> =>
  simpleParser(readFileSync(new URL(`../fixtures/third-party/mime/${name}`, import.meta.url)));

const DELIVERY_STATUS_REPORT = [
  'From: Mail Delivery System <mailer@mx.example.net>',
  'Subject: Undelivered Mail Returned to Sender',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"',
];

describe('screenMessage', () => {
  it('accepts an ordinary member message', async () => {
    expect(screen(await message([]))).toEqual({ outcome: 'accept' });
  });

  it.each(['flanker-text-only.eml', 'mikel-mail-raw_email_reply.eml', 'flanker-iphone.eml'])('accepts the real message %s', async (name) => {
    expect(screen(await fixture(name))).toEqual({ outcome: 'accept' });
  });

  it('quarantines a message whose virus verdict is FAIL, before anything else', async () => {
    const bounce = await message(['From: MAILER-DAEMON@mx.example.net']);
    expect(screen(bounce, { verdicts: { ...PASSING, virus: 'FAIL', spam: 'FAIL' } })).toEqual({
      outcome: 'QUARANTINED',
      reason: 'virus verdict FAIL',
    });
  });

  it.each([
    ['reject', "DMARC verdict FAIL, and the sender's domain asks to reject such mail"],
    ['quarantine', "DMARC verdict FAIL, and the sender's domain asks to quarantine such mail"],
  ] as const)('quarantines a message that fails DMARC for a domain whose policy is %s', async (dmarcPolicy, reason) => {
    const bounce = await message(['From: MAILER-DAEMON@example.fr']);
    expect(screen(bounce, { verdicts: { ...PASSING, spf: 'PASS', dmarc: 'FAIL', dmarcPolicy } })).toEqual({ outcome: 'QUARANTINED', reason });
  });

  it.each([
    ['fails DMARC for a domain whose policy is none', { ...PASSING, dmarc: 'FAIL', dmarcPolicy: 'none' }],
    ['fails DMARC with no policy reported', { ...PASSING, dmarc: 'FAIL' }],
    ["passes DMARC for a domain whose policy is reject (AWS's example receipt)", { ...PASSING, dmarcPolicy: 'reject' }],
    ['has no DMARC verdict, for a domain whose policy is reject', { ...PASSING, dmarc: 'PROCESSING_FAILED', dmarcPolicy: 'reject' }],
  ] as const)('leaves a message that %s to the later steps', async (_case, verdicts) => {
    expect(screen(await message([]), { verdicts })).toEqual({ outcome: 'accept' });
  });

  it('quarantines a message whose spam verdict is FAIL', async () => {
    expect(screen(await message([]), { verdicts: { ...PASSING, spam: 'FAIL' } })).toEqual({ outcome: 'QUARANTINED', reason: 'spam verdict FAIL' });
  });

  it.each(['GRAY', 'PROCESSING_FAILED', 'DISABLED'] as const)('accepts a message whose spam and virus verdicts are %s', async (verdict) => {
    expect(screen(await message([]), { verdicts: { ...PASSING, spam: verdict, virus: verdict } })).toEqual({ outcome: 'accept' });
  });

  it('ignores a delivery status report', async () => {
    const mail = await message(DELIVERY_STATUS_REPORT, '--dsn\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--dsn--');
    expect(screen(mail)).toEqual({ outcome: 'IGNORED', reason: 'delivery status notification (bounce)' });
  });

  it('reads a Content-Type header the parser left as a string', async () => {
    const mail = await message([]);
    mail.headers.set('content-type', 'Multipart/Report; report-type="delivery-status"; boundary=x');
    expect(screen(mail)).toEqual({ outcome: 'IGNORED', reason: 'delivery status notification (bounce)' });
  });

  it.each([
    ['From: MAILER-DAEMON@mx.example.net', 'bounce from mailer-daemon'],
    ['From: Mail Administrator <Postmaster@example.fr>', 'bounce from postmaster'],
  ])('ignores a message %s', async (from, reason) => {
    expect(screen(await message([from]))).toEqual({ outcome: 'IGNORED', reason });
  });

  it.each(['', '<>'])('ignores a message with the null envelope sender %j', async (envelopeSender) => {
    expect(screen(await message([]), { envelopeSender })).toEqual({
      outcome: 'IGNORED',
      reason: 'null envelope sender (bounce or automatic message)',
    });
  });

  it('ignores the read receipt of flanker-disposition-notification.eml', async () => {
    expect(screen(await fixture('flanker-disposition-notification.eml'))).toEqual({
      outcome: 'IGNORED',
      reason: 'read receipt (disposition notification)',
    });
  });

  it.each([
    ['Auto-Submitted: auto-replied', 'automatic message (Auto-Submitted)'],
    ['Auto-Submitted: auto-generated; owner-email="x@example.fr"', 'automatic message (Auto-Submitted)'],
    ['X-Auto-Response-Suppress: All', 'automatic reply (X-Auto-Response-Suppress)'],
    ['X-Auto-Response-Suppress: DR, OOF, AutoReply', 'automatic reply (X-Auto-Response-Suppress)'],
    ['Precedence: bulk', 'bulk or list mail (Precedence)'],
    ['Precedence: junk', 'bulk or list mail (Precedence)'],
    ['Precedence: List', 'bulk or list mail (Precedence)'],
    ['X-Autoreply: yes', 'automatic reply (X-Autoreply)'],
    ['X-Autorespond: Out of office', 'automatic reply (X-Autoreply)'],
  ])('ignores a message with the header %j', async (header, reason) => {
    expect(screen(await message([header]))).toEqual({ outcome: 'IGNORED', reason });
  });

  it.each(['Auto-Submitted: no', 'X-Auto-Response-Suppress: DR, RN, NRN', 'Precedence: first-class'])(
    'accepts a message with the header %j',
    async (header) => {
      expect(screen(await message([header]))).toEqual({ outcome: 'accept' });
    },
  );

  it.each([
    'Out of Office: Remboursement consultation',
    'Out of Office AutoReply: Remboursement',
    'Automatic reply: Claim 12345678',
    'Auto: Remboursement',
    'Réponse automatique : Remboursement consultation',
    'REPONSE AUTOMATIQUE: Remboursement',
    'Absence du bureau',
    'Absent du bureau : Remboursement',
    'Abwesenheitsnotiz: Erstattung',
    'Automatische Antwort: Erstattung',
    '=?UTF-8?Q?R=C3=A9ponse_automatique_:_Note_d=27honoraires?=',
  ])('ignores an out-of-office reply with the subject %j', async (subject) => {
    expect(screen(await message([`Subject: ${subject}`]))).toEqual({ outcome: 'IGNORED', reason: 'out-of-office reply (subject)' });
  });

  it.each(['Auto', 'Accident auto : facture du garage', 'Out of office hours consultation', 'Re: Automatic reply received, here is my claim'])(
    'accepts a member message with the subject %j',
    async (subject) => {
      expect(screen(await message([`Subject: ${subject}`]))).toEqual({ outcome: 'accept' });
    },
  );

  it('ignores our own message coming back, whatever the case of the address', async () => {
    const mail = await message(['From: CFE Claims <Claims@Claims.Example.org>']);
    expect(screen(mail, { envelopeSender: 'claims@claims.example.org' })).toEqual({ outcome: 'IGNORED', reason: 'our own message came back' });
  });
});
