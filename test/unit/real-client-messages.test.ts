import { readdirSync, readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { readMessageDocuments } from '../../functions/shared/domain/documents/index.ts';
import { screenMessage, type ScreeningResult } from '../../functions/shared/domain/screening.ts';
import { documentReading } from '../support/document-reading.ts';

const MIME_FIXTURES = new URL('../fixtures/third-party/mime/', import.meta.url);
const ACCEPTED: ScreeningResult = { outcome: 'accept' };

/** What each real message gives: how it is screened, how many documents and forwarded messages it holds. */
const EXPECTED: Readonly<Record<string, { screening: ScreeningResult; documents: number; embeddedMessages: number }>> = {
  'flanker-8bitmime.eml': { screening: ACCEPTED, documents: 0, embeddedMessages: 0 },
  'flanker-attached-pdf.eml': { screening: ACCEPTED, documents: 1, embeddedMessages: 0 },
  'flanker-bilingual-simple.eml': { screening: ACCEPTED, documents: 0, embeddedMessages: 0 },
  'flanker-dashed-boundaries.eml': { screening: ACCEPTED, documents: 0, embeddedMessages: 0 },
  'flanker-disposition-notification.eml': {
    screening: { outcome: 'IGNORED', reason: 'read receipt (disposition notification)' },
    documents: 1,
    embeddedMessages: 1,
  },
  'flanker-enclosed.eml': { screening: ACCEPTED, documents: 0, embeddedMessages: 1 },
  'flanker-encoded-header.eml': { screening: ACCEPTED, documents: 0, embeddedMessages: 0 },
  'flanker-iphone.eml': { screening: ACCEPTED, documents: 1, embeddedMessages: 0 },
  'flanker-missing-boundaries.eml': { screening: ACCEPTED, documents: 0, embeddedMessages: 0 },
  'flanker-multipart.eml': { screening: ACCEPTED, documents: 0, embeddedMessages: 0 },
  'flanker-outlook-express.eml': { screening: ACCEPTED, documents: 1, embeddedMessages: 0 },
  'flanker-quoted-printable.eml': { screening: ACCEPTED, documents: 0, embeddedMessages: 0 },
  'flanker-russian-attachment-yahoo.eml': { screening: ACCEPTED, documents: 1, embeddedMessages: 0 },
  'flanker-signed.eml': { screening: ACCEPTED, documents: 1, embeddedMessages: 0 },
  'flanker-text-only.eml': { screening: ACCEPTED, documents: 0, embeddedMessages: 0 },
  'flanker-torture.eml': { screening: ACCEPTED, documents: 23, embeddedMessages: 10 },
  'mikel-mail-attachment_message_rfc822.eml': { screening: ACCEPTED, documents: 1, embeddedMessages: 1 },
  'mikel-mail-attachment_nonascii_filename.eml': { screening: ACCEPTED, documents: 1, embeddedMessages: 0 },
  'mikel-mail-attachment_only_email.eml': { screening: ACCEPTED, documents: 1, embeddedMessages: 0 },
  'mikel-mail-attachment_pdf.eml': { screening: ACCEPTED, documents: 1, embeddedMessages: 0 },
  'mikel-mail-attachment_with_encoded_name.eml': { screening: ACCEPTED, documents: 1, embeddedMessages: 0 },
  'mikel-mail-content_transfer_encoding_text-html.eml': { screening: ACCEPTED, documents: 0, embeddedMessages: 0 },
  'mikel-mail-raw_email_reply.eml': { screening: ACCEPTED, documents: 0, embeddedMessages: 0 },
  'mikel-mail-raw_email_with_illegal_boundary.eml': { screening: ACCEPTED, documents: 0, embeddedMessages: 0 },
  'mikel-mail-raw_email_with_nested_attachment.eml': { screening: ACCEPTED, documents: 1, embeddedMessages: 0 },
};

describe('real client messages', () => {
  const files = readdirSync(MIME_FIXTURES).filter((name) => name.endsWith('.eml')).sort();

  it('has an expectation for every message in the fixtures', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s parses, screens and gives its documents', async (name) => {
    const mail = await simpleParser(readFileSync(new URL(name, MIME_FIXTURES)));
    const screening = screenMessage({
      mail,
      verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' },
      envelopeSender: 'sender@example.net',
      ownAddresses: ['claims@claims.example.org'],
    });
    const { documents, embeddedTexts } = await readMessageDocuments(mail, documentReading());

    expect({ screening, documents: documents.length, embeddedMessages: embeddedTexts.length }).toEqual(EXPECTED[name]);
    for (const document of documents) {
      expect(document.size).toBe(document.content.length);
      expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(document.filename).not.toMatch(/[/\\\u0000-\u001f]/);
      expect(document.textRead ? document.notReadReason : document.text).toBeFalsy();
    }
  });
});
