import { randomBytes } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { InvalidHeaderValueError } from '../../../../functions/shared/adapters/mime/header-fields.ts';
import { buildRawMessage } from '../../../../functions/shared/adapters/mime/raw-message.ts';
import type { OutgoingMessage } from '../../../../functions/shared/templates/index.ts';
import { sha256 } from '../../../support/contexts.ts';
import { ACKNOWLEDGEMENT, ACKNOWLEDGEMENT_SUBJECT, FAX, INVOICE, SENDER } from '../../../support/outgoing-message.ts';

const DATE = new Date('2026-11-30T09:15:00Z');
/** RFC 5322 §2.1.1: no line of a message may pass 998 characters. */
const MAX_LINE = 998;
/** RFC 2045 §6.8. */
const MAX_BASE64_LINE = 76;

const built = async (message: OutgoingMessage): Promise<{ raw: Buffer; mail: ParsedMail }> => {
  const raw = buildRawMessage(message, { from: SENDER, date: DATE });
  return { raw, mail: await simpleParser(raw) };
};

/** The header block of a raw message, as written on the wire. */
const headerBlock = (raw: Buffer) => raw.toString('latin1').split(/\r?\n\r?\n/)[0] ?? '';

describe('buildRawMessage', () => {
  it('addresses the message from the sender address to the one recipient', async () => {
    const { mail } = await built(ACKNOWLEDGEMENT);
    expect(mail.from?.value).toEqual([{ address: 'claims@claims.example.org', name: 'CFE Claims' }]);
    expect(mail.to).toMatchObject({ value: [{ address: 'marie.dupont@example.fr', name: '' }] });
    expect(mail.cc).toBeUndefined();
    expect(mail.bcc).toBeUndefined();
  });

  it('encodes a non-ASCII subject, which reads back unchanged', async () => {
    const { raw, mail } = await built(ACKNOWLEDGEMENT);
    expect(mail.subject).toBe(ACKNOWLEDGEMENT_SUBJECT);
    expect(headerBlock(raw)).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(headerBlock(raw)).not.toMatch(/[^\x00-\x7f]/);
  });

  it('keeps the text and HTML bodies', async () => {
    const { mail } = await built(ACKNOWLEDGEMENT);
    expect(mail.text).toBe('Bonjour Marie Dupont,\nNous avons bien reçu votre demande.');
    expect(mail.html).toBe(ACKNOWLEDGEMENT.html);
  });

  it('marks an automatic reply and threads it after the member message', async () => {
    const { mail } = await built(ACKNOWLEDGEMENT);
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.inReplyTo).toBe('<m1@mail.example.fr>');
    expect(mail.references).toEqual(['<a@mail.example.fr>', '<m1@mail.example.fr>']);
  });

  it('writes no Auto-Submitted, In-Reply-To or References header the message does not call for', async () => {
    const { autoSubmitted: _auto, inReplyTo: _inReplyTo, references: _references, ...plain } = ACKNOWLEDGEMENT;
    const { mail } = await built(plain);
    expect(mail.headers.has('auto-submitted')).toBe(false);
    expect(mail.headers.has('in-reply-to')).toBe(false);
    expect(mail.headers.has('references')).toBe(false);
  });

  it('attaches the documents byte for byte, with their names and types', async () => {
    const { mail } = await built(ACKNOWLEDGEMENT);
    expect(mail.attachments.map(({ filename, contentType, content }) => [filename, contentType, sha256(content)])).toEqual([
      ['facture été.pdf', 'application/pdf', sha256(INVOICE)],
      ['fax.tif', 'image/tiff', sha256(FAX)],
    ]);
  });

  it('lets no line break in the subject add a header', async () => {
    const { raw, mail } = await built({ ...ACKNOWLEDGEMENT, subject: 'Claim CLM-2026-7K3F9Q\r\nBcc: attacker@evil.example\nX-Injected: yes' });
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.headers.has('x-injected')).toBe(false);
    expect(headerBlock(raw)).not.toMatch(/^(Bcc|X-Injected):/im);
    expect(mail.subject).toContain('CLM-2026-7K3F9Q');
  });

  it('writes the date, a Message-ID in the sender domain, and MIME-Version', () => {
    const header = headerBlock(buildRawMessage(ACKNOWLEDGEMENT, { from: SENDER, date: DATE }));
    expect(header).toMatch(/^Date: Mon, 30 Nov 2026 09:15:00 \+0000$/m);
    expect(header).toMatch(/^Message-ID: <[0-9a-f-]{36}@claims\.example\.org>$/m);
    expect(header).toMatch(/^MIME-Version: 1\.0$/m);
  });

  it('leaves out a Message-ID the member client wrote that could carry anything but an identifier', async () => {
    const { mail } = await built({
      ...ACKNOWLEDGEMENT,
      inReplyTo: '<m1@mail.example.fr> Bcc: attacker@evil.example',
      references: ['<a@mail.example.fr>', 'not an id', '<b c@mail.example.fr>', '<m1@mail.example.fr>'],
    });
    expect(mail.headers.has('in-reply-to')).toBe(false);
    expect(mail.references).toEqual(['<a@mail.example.fr>', '<m1@mail.example.fr>']);
    expect(mail.bcc).toBeUndefined();
  });

  it('copies the Cc recipients', async () => {
    const { mail } = await built({ ...ACKNOWLEDGEMENT, cc: ['fax-gateway@efax.example', 'archive@claims.example.org'] });
    expect(mail.cc).toMatchObject({ value: [{ address: 'fax-gateway@efax.example' }, { address: 'archive@claims.example.org' }] });
  });

  it('refuses a recipient that is not one plain address', () => {
    for (const to of ['marie@example.fr\r\nBcc: attacker@evil.example', 'marie@example.fr, attacker@evil.example', 'Marie <marie@example.fr>>', 'marie']) {
      expect(() => buildRawMessage({ ...ACKNOWLEDGEMENT, to }, { from: SENDER, date: DATE })).toThrow(InvalidHeaderValueError);
    }
  });

  it('encodes a display name that is not plain ASCII, and quotes one with specials', async () => {
    const { mail } = await built({ ...ACKNOWLEDGEMENT, attachments: [] });
    expect(mail.from?.value).toEqual([{ address: 'claims@claims.example.org', name: 'CFE Claims' }]);
    for (const [from, name] of [
      ['Remboursements CFE – Santé <claims@claims.example.org>', 'Remboursements CFE – Santé'],
      ['"CFE Claims, Paris" <claims@claims.example.org>', 'CFE Claims, Paris'],
    ] as const) {
      const parsed = await simpleParser(buildRawMessage(ACKNOWLEDGEMENT, { from, date: DATE }));
      expect(parsed.from?.value).toEqual([{ address: 'claims@claims.example.org', name }]);
    }
  });

  it('reads back long, non-ASCII and quoting file names unchanged', async () => {
    const names = ['relevé de soins – hospitalisation du 12 au 19 mars 2025, clinique Saint-Jean, chambre 214.pdf', 'a "quoted" \\ name.pdf', '請求書.tif'];
    const { mail } = await built({ ...ACKNOWLEDGEMENT, attachments: names.map((filename) => ({ filename, content: INVOICE, contentType: 'application/pdf' })) });
    expect(mail.attachments.map(({ filename, contentType }) => [filename, contentType])).toEqual(names.map((filename) => [filename, 'application/pdf']));
  });

  it('declares a document whose declared type is not a media type as octet-stream', async () => {
    const { raw, mail } = await built({ ...ACKNOWLEDGEMENT, attachments: [{ filename: 'scan.tif', content: FAX, contentType: 'image/tiff\r\nX-Injected: yes' }] });
    expect(raw.toString('latin1')).toContain('\r\nContent-Type: application/octet-stream;\r\n name="scan.tif"\r\n');
    expect(mail.headers.has('x-injected')).toBe(false);
    expect(mail.attachments.map(({ content }) => sha256(content))).toEqual([sha256(FAX)]);
  });

  it('keeps every line within the limits, in 7-bit ASCII, whatever the content', () => {
    const raw = buildRawMessage(
      {
        ...ACKNOWLEDGEMENT,
        subject: `${'Très '.repeat(60)}${'x'.repeat(1200)}`,
        text: `${'é'.repeat(500)}\n${'ligne '.repeat(300)}`,
        attachments: [{ filename: `${'nom très long '.repeat(30)}.pdf`, content: randomBytes(200_000), contentType: 'application/pdf' }],
      },
      { from: SENDER, date: DATE },
    );
    const text = raw.toString('latin1');
    expect(text).not.toMatch(/[^\x00-\x7f]/);
    expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    const lines = text.split('\r\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(MAX_LINE);
    const base64Lines = lines.filter((line) => /^[A-Za-z0-9+/]+=*$/.test(line) && line.length > 40);
    expect(base64Lines.length).toBeGreaterThan(2000);
    expect(Math.max(...base64Lines.map((line) => line.length))).toBe(MAX_BASE64_LINE);
  });

  it('round-trips the text and documents of a large forward through mailparser', async () => {
    const statements = [randomBytes(3_000_001), randomBytes(57 * 256), randomBytes(0), randomBytes(1)];
    const text = 'Résumé de la demande\n\nNuméro d’adhérent : 12345678\nFin de ligne avec blancs   \n.\nFrom the member';
    const { mail } = await built({
      ...ACKNOWLEDGEMENT,
      text,
      attachments: statements.map((content, index) => ({ filename: `releve-${index}.pdf`, content, contentType: 'application/pdf' })),
    });
    expect(mail.text).toBe(text);
    expect(mail.attachments.map(({ content }) => sha256(content))).toEqual(statements.map(sha256));
  });

  it('writes a message without documents as text and HTML alternatives', async () => {
    const raw = buildRawMessage({ ...ACKNOWLEDGEMENT, attachments: [] }, { from: SENDER, date: DATE });
    expect(headerBlock(raw)).toMatch(/^Content-Type: multipart\/alternative;\r\n boundary="=_alternative_[0-9a-f]{24}"$/m);
    const mail = await simpleParser(raw);
    expect(mail.attachments).toEqual([]);
    expect([mail.text, mail.html]).toEqual([ACKNOWLEDGEMENT.text, ACKNOWLEDGEMENT.html]);
  });
});
