import { beforeAll, describe, expect, it } from 'vitest';
import type { IntakeContext, Outcome, Rendition } from '../../../functions/shared/pipeline/context.ts';
import { forwardAttachments } from '../../../functions/shared/pipeline/forward-claim.ts';
import { holdForReview } from '../../../functions/shared/pipeline/hold-for-review.ts';
import { documentFile, intakeContext } from '../../support/contexts.ts';

const ROUTED: Outcome = { status: 'FORWARDED', reasons: ['treatment location KH, routed to MAI'] };
/** Photos of invoices, as much as SES receives in one message (40 MB once in base64): their forward weighs as much. */
const PHOTOS = [documentFile('facture-1.jpg', '', { content: Buffer.alloc(14_600_000), type: 'jpeg' }), documentFile('facture-2.jpg', '', { content: Buffer.alloc(14_600_000), type: 'jpeg' })];
/** A fine-resolution fax of 20 MB. */
const FAX = documentFile('fax000123.tif', '', { content: Buffer.alloc(20_000_000), type: 'tiff' });
/** Its PDF for the forward. */
const FAX_PDF: Rendition = { of: 'fax000123.tif', filename: 'fax000123.pdf', contentType: 'application/pdf', content: Buffer.alloc(11_000_000) };

let received: IntakeContext;

beforeAll(async () => {
  received = await intakeContext();
});

const held = (changes: Partial<IntakeContext>) => holdForReview({ ...received, outcome: ROUTED, ...changes });

describe('holdForReview', () => {
  it('lets a claim whose forward SES can send go on to its administrator', () => {
    expect(held({ documents: PHOTOS }).outcome).toEqual(ROUTED);
  });

  it('lets a fax go whose rendition would take its forward over what SES sends: the forward goes without it', () => {
    const fax = { ...received, channel: 'fax' as const, outcome: ROUTED, documents: [FAX], renditions: [FAX_PDF] };
    expect(holdForReview(fax).outcome).toEqual(ROUTED);
    expect(forwardAttachments(fax).map(({ filename }) => filename)).toEqual(['fax000123.tif']);
    expect(forwardAttachments({ ...fax, renditions: [{ ...FAX_PDF, content: Buffer.alloc(1_000_000) }] }).map(({ filename }) => filename)).toEqual([
      'fax000123.tif',
      'fax000123.pdf',
    ]);
  });

  it('holds a claim whose documents alone would take the forward over', () => {
    const photos = [...PHOTOS, documentFile('ordonnance.jpg', '', { content: Buffer.alloc(1_000_000), type: 'jpeg' })];
    expect(held({ documents: photos }).outcome).toEqual({
      status: 'REVIEW',
      reasons: ['treatment location KH, routed to MAI', 'the forward would weigh up to 40.4 MB, over the 40 MB SES sends'],
    });
  });

  it('holds a claim carrying a file of a type SES refuses to send, whatever the case of its extension', () => {
    const documents = [documentFile('facture.pdf', 'Facture'), documentFile('Lecteur.EXE', '', { type: 'other' }), documentFile('raccourci.url', '', { type: 'other' })];
    expect(held({ documents }).outcome).toEqual({
      status: 'REVIEW',
      reasons: ['treatment location KH, routed to MAI', 'SES does not send .exe files such as Lecteur.EXE', 'SES does not send .url files such as raccourci.url'],
    });
  });

  it('lets files SES sends go, whatever they are', () => {
    const documents = [documentFile('factures.zip', '', { type: 'other' }), documentFile('courrier.docx', '', { type: 'office' }), documentFile('attachment-2.bin', '', { type: 'other' })];
    expect(held({ documents }).outcome).toEqual(ROUTED);
  });

  it('weighs no forward for a claim that is not forwarded', () => {
    const needsInfo: Outcome = { status: 'NEEDS_INFO', missing: 'member-number', reasons: ['no member number'] };
    const documents = [...PHOTOS, documentFile('ordonnance.jpg', '', { content: Buffer.alloc(1_000_000), type: 'jpeg' }), documentFile('Lecteur.exe', '', { type: 'other' })];
    expect(held({ outcome: needsInfo, documents }).outcome).toEqual(needsInfo);
  });

  it('holds a claim with a file whose part declared no valid content type, naming the file', () => {
    const documents = [documentFile('facture.pdf', 'Facture', { irregular: 'sent without a valid content type' })];
    expect(held({ documents }).outcome).toEqual({
      status: 'REVIEW',
      reasons: ['treatment location KH, routed to MAI', 'facture.pdf was sent without a valid content type'],
    });
  });
});
