import { readFileSync } from 'node:fs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { InMemoryMemberDirectory } from '../../../functions/shared/adapters/in-memory-member-directory.ts';
import { sharedDocumentDecoder } from '../../../functions/shared/adapters/isolation/isolated-document-decoder.ts';
import { Deadline } from '../../../functions/shared/domain/deadline.ts';
import { DEFAULT_DOCUMENT_LIMITS } from '../../../functions/shared/domain/documents/index.ts';
import { knownFaxGateways } from '../../../functions/shared/domain/fax/index.ts';
import { DEFAULT_SCAN_LIMITS } from '../../../functions/shared/domain/scans/index.ts';
import { authenticateSender } from '../../../functions/shared/pipeline/authenticate-sender.ts';
import { detectChannel } from '../../../functions/shared/pipeline/detect-channel.ts';
import { parseMessage, readMessage } from '../../../functions/shared/pipeline/parse-message.ts';
import { readBody } from '../../../functions/shared/pipeline/read-body.ts';
import { triage, type TriageSettings } from '../../../functions/shared/pipeline/triage.ts';
import { triageReport } from '../../../functions/shared/pipeline/triage-report.ts';
import { composeMail, envelope, SAMPLE_MEMBERS } from '../../support/contexts.ts';
import { BLANK_OCR } from '../../support/in-memory-intake.ts';

/** Far more than any of these claims takes: only a body's own bound may stop it. */
const CLAIM_TIME_MS = 60_000;
/** A body past its time bound is stopped at it: what the claim may take beyond, on a shared machine. */
const STOP_MARGIN_MS = 3_000;
const SETTINGS: TriageSettings = {
  ownAddresses: ['claims@claims.example.org', 'fax@claims.example.org'],
  faxLocalPart: 'fax',
  faxGateways: knownFaxGateways([]),
  scans: { engine: BLANK_OCR, limits: DEFAULT_SCAN_LIMITS, ocrTimeLimitMs: 1_000 },
};
/** html-to-text took 9 minutes over these 3 MB: a million elements never closed. */
const UNCLOSED_ELEMENTS = '<b>'.repeat(1_000_000);

const triageOf = (raw: Buffer) => triage(envelope(), raw, new InMemoryMemberDirectory(SAMPLE_MEMBERS), SETTINGS, Deadline.in(CLAIM_TIME_MS));
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A text body as a webmail client writes it in HTML alone: a paragraph a line. */
const asHtml = (text: string) => `<html><body>${text.split('\n').map((line) => `<p>${escaped(line)}</p>`).join('\n')}</body></html>`;

/** The same message, its text body written in HTML alone: same sender, subject and attachments. */
async function inHtmlAlone(mail: ParsedMail, html = asHtml(mail.text ?? '')): Promise<Buffer> {
  return composeMail({
    from: mail.from?.text ?? '',
    to: 'claims@claims.example.org',
    subject: mail.subject ?? '',
    html,
    attachments: mail.attachments.map(({ filename, content, contentType }) => ({ ...(filename ? { filename } : {}), content, contentType })),
  });
}

/** A text's words, as the searches for member numbers and places read them: line breaks and spacing aside. */
const wordsOf = (text: string) => text.split(/\s+/).filter((word) => word !== '');
const sampleClaim = (name: string) => readFileSync(new URL(`../../fixtures/claims/${name}`, import.meta.url));

describe('a body written in HTML alone', () => {
  it('is left unread by the parser, kept as HTML for the decoder process', async () => {
    const mail = await parseMessage(await composeMail({ from: 'marie.dupont@example.fr', subject: 'Facture', html: "<p>N&deg; d'adh&eacute;rent 12345678</p>" }));
    expect({ text: mail.text, html: mail.html, textConversionError: mail.textConversionError }).toEqual({
      text: '',
      html: "<p>N&deg; d'adh&eacute;rent 12345678</p>\n",
      textConversionError: undefined,
    });
  });

  it.each(['fr-paris-invoice.eml', 'en-boston-bill.eml', 'cambodia-usd-invoice.eml', 'mixed-us-fr.eml', 'no-attachment.eml', 'no-location.eml', 'unknown-sender.eml'])(
    'of %s, read in the decoder process, finds the member and routes the claim exactly as its text did',
    async (name) => {
      const raw = sampleClaim(name);
      const html = await inHtmlAlone(await simpleParser(raw));
      const [fromText, fromHtml] = [await triageOf(raw), await triageOf(html)];
      expect(fromHtml.mail.text ?? '').toBe('');
      expect(wordsOf(fromHtml.body?.text ?? '')).toEqual(wordsOf(fromText.mail.text ?? ''));
      expect(triageReport(fromHtml)).toEqual(triageReport(fromText));
    },
  );

  it('of a real message (a multipart/alternative of one HTML part, which mailparser left without text) is read in the decoder process', async () => {
    const raw = readFileSync(new URL('../../fixtures/third-party/mime/mikel-mail-content_transfer_encoding_text-html.eml', import.meta.url));
    const context = await triageOf(raw);
    expect(context.body).toEqual({
      textRead: true,
      text: [
        'Hello,',
        '',
        'You have qualified for the lowest rate in years.',
        'You could get over $400,000 for as little as $500 a month.',
        'Low rates are fixed no matter what.',
        '',
        'Please visit the link below to verify your information:',
        'Approval Form',
        '',
        'Best Regards,',
        'chianfong cuthbert, Account Manager',
        'Reynolds Associates, LLC',
        '',
        '',
        '',
        '--------------------',
        'if you received this in error: re-m0-ve',
      ].join('\n'),
    });
    expect(triageReport(context)).toMatchObject({ memberId: null, status: 'NEEDS_INFO', reasons: ['no member number, and the sender address is not registered'] });
  });

  it('of a member number in the body alone, finds the member by it', async () => {
    const raw = await composeMail({
      from: 'Marie Dupont <marie.dupont@example.fr>',
      subject: 'Remboursement',
      html: "<table><tr><td>N&deg; d'adh&eacute;rent</td><td>12345678</td></tr></table>",
    });
    const report = triageReport(await triageOf(raw));
    expect({ memberId: report.memberId, status: report.status, reasons: report.reasons }).toEqual({
      memberId: '12345678',
      status: 'NEEDS_INFO',
      reasons: ['member number found in body', 'no document attached'],
    });
  });

  it('of a fax gateway is read before the fax is recognised: its details come from the HTML', async () => {
    const raw = await composeMail({
      from: 'eFax <message@inbound.efax.com>',
      to: 'claims@claims.example.org',
      subject: 'eFax message from "2125550100" - 3 page(s), Caller-ID: 1-212-555-0100',
      html: '<html><body><p>You have received a 3 page fax at 2026-07-01 06:03:22 PM EDT.</p></body></html>',
    });
    const delivered = envelope({ envelopeSender: 'message@inbound.efax.com' });
    const reading = await readMessage(raw);
    const deadline = Deadline.in(CLAIM_TIME_MS);
    const body = await readBody(reading, sharedDocumentDecoder(), deadline, deadline);
    const sender = await authenticateSender(delivered.verdicts, reading.mail);
    expect(body).toEqual({ textRead: true, text: 'You have received a 3 page fax at 2026-07-01 06:03:22 PM EDT.' });
    expect(detectChannel(delivered, reading.mail, body.text, sender, SETTINGS)).toEqual({
      channel: 'fax',
      fax: { gateway: 'eFax', callerNumber: '+12125550100', remoteStationId: '2125550100', pages: 3 },
    });
  });

  it('that passes its time bound is kept unread, and the claim is decided within the bound, saying why', { timeout: CLAIM_TIME_MS }, async () => {
    const raw = await composeMail({ from: 'Marie Dupont <marie.dupont@example.fr>', subject: "Remboursement - N° d'adhérent 12345678", html: UNCLOSED_ELEMENTS });
    const started = performance.now();
    const context = await triageOf(raw);
    const elapsedMs = performance.now() - started;
    expect(elapsedMs).toBeGreaterThan(DEFAULT_DOCUMENT_LIMITS.maxReadMsPerDocument);
    expect(elapsedMs).toBeLessThan(DEFAULT_DOCUMENT_LIMITS.maxReadMsPerDocument + STOP_MARGIN_MS);
    expect(context.body).toMatchObject({ text: '', textRead: false, decoderStopped: true });
    expect(triageReport(context)).toMatchObject({
      memberId: '12345678',
      status: 'NEEDS_INFO',
      reasons: ['member number found in subject', 'no document attached', 'message body in HTML not read: decoding it passed its 10-second time limit'],
    });
  });
});

describe('a forwarded message whose body is written in HTML alone', () => {
  const forwarding = (forwardedHtml: string) =>
    composeMail({
      from: 'Marie Dupont <marie.dupont@example.fr>',
      subject: 'Fwd: facture',
      text: 'Voir le message de la clinique.',
      attachments: [
        {
          filename: 'clinique.eml',
          contentType: 'message/rfc822',
          contentDisposition: 'attachment',
          content: Buffer.from(`From: accueil@clinique.example.fr\r\nSubject: Votre facture\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${forwardedHtml}\r\n`),
        },
      ],
    });

  it('is read in the decoder process as a text to search', async () => {
    const context = await triageOf(await forwarding("<p>Patient : adh&eacute;rent n&deg; 12345678</p><p>Clinique du Parc, 75015 Paris</p>"));
    expect(context.messageTexts?.find(({ source }) => source === 'forwarded message 1')).toEqual({
      source: 'forwarded message 1',
      text: 'Votre facture\nPatient : adhérent n° 12345678\n\nClinique du Parc, 75015 Paris',
    });
    expect(triageReport(context).memberId).toBe('12345678');
  });

  it('that passes its time bound is kept unread, and the claim says so', { timeout: CLAIM_TIME_MS }, async () => {
    const context = await triageOf(await forwarding(UNCLOSED_ELEMENTS));
    expect(context.messageTexts?.find(({ source }) => source === 'forwarded message 1')).toEqual({
      source: 'forwarded message 1',
      text: 'Votre facture\n',
      notReadReason: 'not read: decoding it passed its 10-second time limit',
    });
    expect(triageReport(context).reasons.at(-1)).toBe('forwarded message 1 body in HTML not read: decoding it passed its 10-second time limit');
  });
});
