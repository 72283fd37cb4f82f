import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { InMemoryMemberDirectory } from '../../../functions/shared/adapters/in-memory-member-directory.ts';
import { Deadline } from '../../../functions/shared/domain/deadline.ts';
import { knownFaxGateways } from '../../../functions/shared/domain/fax/index.ts';
import { DEFAULT_SCAN_LIMITS, type OcrEngine } from '../../../functions/shared/domain/scans/index.ts';
import { triage } from '../../../functions/shared/pipeline/triage.ts';
import { CLAIMS_ADDRESS, composeMail, envelope, SAMPLE_MEMBERS } from '../../support/contexts.ts';
import { TEST_CLAIM_TIME_MS } from '../../support/document-reading.ts';
import { renderInvoicePdf, type InvoiceContent } from '../../fixtures/generator/invoice-pdf.ts';
import { PARIS_DOCTOR_SIRET } from '../../fixtures/generator/invoices.ts';

/**
 * A claim is forwarded for a document that reads as an invoice, receipt or statement; what other
 * documents or a fax caller's number say of a place does not route it.
 */

const FAX = 'fax@claims.example.org';
const MARIE = 'marie.dupont@example.fr';
const JOHN = 'john.carter@example.com';
const NOT_A_CLAIM = 'no document reads as a medical invoice, receipt or statement';
const PAPER_LINES = [
  'Proceedings of the European Conference on Health Economics 2026',
  'Billing practices in university hospitals',
  'Trinity College Dublin, College Green, Dublin 2, Ireland',
  'Abstract. We compare how hospitals present their bills to patients.',
];
const BROCHURE_LINES = [
  'Hudson Valley Wellness Retreat',
  '12 Riverside Lane, Stuyvesant, NY 12123',
  'Weekend packages from 450 USD per person',
];

/** No scan in these messages: OCR is never asked. */
const NO_OCR: OcrEngine = {
  name: 'tesseract',
  recognize: () => Promise.reject(new Error('no scan to read')),
  release: () => Promise.resolve(),
};

async function textPdf(lines: readonly string[]): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595.28, 841.89]);
  lines.forEach((line, index) => page.drawText(line, { x: 56, y: 780 - 16 * index, size: 10, font }));
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

let parisInvoice: Buffer;
let paper: Buffer;
let brochure: Buffer;

beforeAll(async () => {
  parisInvoice = await readFile(path.resolve('test/fixtures/invoices/note-honoraires-paris.pdf'));
  paper = await textPdf(PAPER_LINES);
  brochure = await textPdf(BROCHURE_LINES);
});

const pdf = (filename: string, content: Buffer) => ({ filename, content, contentType: 'application/pdf' });

async function decide(attachments: readonly { filename: string; content: Buffer; contentType: string }[], message: { from?: string; to?: string; subject?: string; text?: string } = {}) {
  const to = message.to ?? CLAIMS_ADDRESS;
  const raw = await composeMail({ from: MARIE, to, subject: 'Remboursement', text: 'Bonjour, ci-joint mes documents.', ...message, attachments: [...attachments] });
  const context = await triage(envelope({ recipients: [to] }), raw, new InMemoryMemberDirectory(SAMPLE_MEMBERS), {
    ownAddresses: [CLAIMS_ADDRESS, FAX],
    faxLocalPart: 'fax',
    faxGateways: knownFaxGateways([]),
    scans: { engine: NO_OCR, limits: DEFAULT_SCAN_LIMITS, ocrTimeLimitMs: 1000 },
  }, Deadline.in(TEST_CLAIM_TIME_MS));
  return { outcome: context.outcome, country: context.location?.country, route: context.location?.route };
}

describe('forwarding only what reads as a claim', () => {
  it('sends a conference paper with a Dublin address to a person, not to MAI', async () => {
    expect(await decide([pdf('paper.pdf', paper)])).toEqual({
      outcome: {
        status: 'REVIEW',
        reasons: [
          'identified by the registered sender address',
          NOT_A_CLAIM,
          'no evidence of where the treatment took place',
          'paper.pdf: place name Dublin (IE), in a document that does not read as an invoice, receipt or statement',
          'paper.pdf: place name Ireland (IE), in a document that does not read as an invoice, receipt or statement',
        ],
      },
      country: null,
      route: null,
    });
  });

  it('sends a brochure with "NY 12123" and "USD" to a person, not to Cigna US', async () => {
    expect(await decide([pdf('retreat.pdf', brochure)])).toEqual({
      outcome: {
        status: 'REVIEW',
        reasons: [
          'identified by the registered sender address',
          NOT_A_CLAIM,
          'no evidence of where the treatment took place',
          'retreat.pdf: US state and ZIP code NY 12123 (US), in a document that does not read as an invoice, receipt or statement',
          'retreat.pdf: amounts in USD (US), in a document that does not read as an invoice, receipt or statement',
        ],
      },
      country: null,
      route: null,
    });
  });

  it('sends an unreadable file faxed from a +212 number to a person, not to MAI', async () => {
    const decision = await decide([{ filename: 'fax00042.bin', content: Buffer.from([0x00, 0x13, 0x37, 0xff, 0x42]), contentType: 'application/octet-stream' }], {
      from: 'The HylaFAX Receive Agent <fax@pbx.example.com>',
      to: FAX,
      subject: 'Fax received from "CLINIQUE ANFA"',
      text: 'recvq/fax00042.tif:\n          Sender: CLINIQUE ANFA\n           Pages: 1\n         CallID1: +212522264800\n',
    });

    expect(decision.route).toBeNull();
    expect(decision.outcome?.status).toBe('REVIEW');
    expect(decision.outcome?.reasons.slice(0, 3)).toEqual([
      'identified by the registered fax number the fax came from',
      NOT_A_CLAIM,
      "only a phone number's country code points to MA: a calling code alone does not tell where the treatment took place",
    ]);
  });

  it("forwards an invoice sent with a paper, by the invoice's place: the paper's Dublin only tips", async () => {
    const decision = await decide([pdf('paper.pdf', paper), pdf('note-honoraires-paris.pdf', parisInvoice)]);

    expect(decision).toMatchObject({ country: 'FR', route: 'MAI', outcome: { status: 'FORWARDED' } });
    expect(decision.outcome?.reasons.at(-1)).toBe(
      'also found, not retained: ' +
        ['Dublin', 'Ireland'].map((place) => `paper.pdf: place name ${place} (IE), in a document that does not read as an invoice, receipt or statement`).join('; '),
    );
  });
});

/** A Lyon clinic's bill to John Carter, who lives in Dallas: the bill prints his address under a label. */
const lyonBill = (patientBlock: readonly string[]): InvoiceContent => ({
  issuer: ['Clinique du Parc', '155 boulevard de Stalingrad', '69006 Lyon', 'Tél. : 04 72 83 00 00', `SIRET : ${PARIS_DOCTOR_SIRET}`],
  heading: 'FACTURE',
  details: ['N° 2026-1107 – Lyon, le 07/11/2026', ...patientBlock],
  items: [['Consultation de cardiologie', '80,00 €']],
  total: ['Total TTC', '80,00 €'],
  footer: ['Réglée par carte bancaire.'],
  issuedAt: new Date('2026-11-07T10:00:00+01:00'),
});
const DALLAS_ADDRESS = ['Mr John Carter', '4100 Main Street', 'Dallas, TX 75201', 'USA'];

/** A Boston hospital's statement to Marie Dupont, who lives in Paris: her address printed unlabelled below the title. */
const bostonBill = (patientBlock: readonly string[]): InvoiceContent => ({
  issuer: ['Back Bay Medical Center', '1150 Huntington Avenue', 'Boston, MA 02115', 'Phone (617) 555-0142', 'NPI: 1648293052'],
  heading: 'ITEMIZED STATEMENT',
  details: ['Statement date: 11/18/2026', ...patientBlock, 'Date of service: 11/14/2026'],
  items: [['Office visit, established patient', '$185.00']],
  total: ['Balance due', '$185.00'],
  footer: ['Please pay within 30 days.'],
  issuedAt: new Date('2026-11-18T10:00:00-05:00'),
});
const PARIS_ADDRESS = ['Mme Marie Dupont', '12 rue Montorgueil', '75002 Paris', 'France'];

describe("the place of treatment is the provider's", () => {
  const billedWith = async (content: InvoiceContent) =>
    decide([pdf('facture-lyon.pdf', Buffer.from(await renderInvoicePdf(content)))], { from: JOHN, subject: 'Claim', text: 'Hello, my bill from Lyon.\n\nRegards,\nJohn Carter' });
  const billed = (patientBlock: readonly string[]) => billedWith(lyonBill(patientBlock));

  it("forwards a French clinic's bill that prints the member's Dallas address as the patient's to MAI, not to review", async () => {
    const decision = await billed(['Adresse du patient :', ...DALLAS_ADDRESS]);

    expect(decision).toEqual({
      outcome: {
        status: 'FORWARDED',
        reasons: [
          'identified by the registered sender address',
          'treatment location FR, routed to MAI',
          `facture-lyon.pdf: valid SIRET ${PARIS_DOCTOR_SIRET} (FR)`,
          'facture-lyon.pdf: French postcode and town 69006 Lyon (FR)',
          'facture-lyon.pdf: phone number in the French national layout (FR)',
          'facture-lyon.pdf: place name Lyon (FR)',
        ],
      },
      country: 'FR',
      route: 'MAI',
    });
  });

  it.each([['Patient address:'], ['Bill to'], ['Facturé à :']])('reads no treatment place under "%s"', async (label) => {
    expect(await billed([label, ...DALLAS_ADDRESS])).toMatchObject({ country: 'FR', route: 'MAI', outcome: { status: 'FORWARDED' } });
  });

  it("forwards the bill to MAI as FR when nothing labels the Dallas address: the provider's block decides", async () => {
    expect(await billed(DALLAS_ADDRESS)).toEqual({
      country: 'FR',
      route: 'MAI',
      outcome: {
        status: 'FORWARDED',
        reasons: [
          'identified by the registered sender address',
          'treatment location FR, routed to MAI',
          "the provider's address on facture-lyon.pdf (Clinique du Parc) is in FR; other addresses in it (US) are not where the treatment took place",
          `facture-lyon.pdf: valid SIRET ${PARIS_DOCTOR_SIRET} (FR)`,
          'facture-lyon.pdf: French postcode and town 69006 Lyon (FR)',
          'facture-lyon.pdf: phone number in the French national layout (FR)',
          'facture-lyon.pdf: place name Lyon (FR)',
          'also found, not retained: ' +
            ['US state and ZIP code TX 75201 (US)', 'place name Dallas (US)', 'place name USA (US)'].map((reason) => `facture-lyon.pdf: ${reason}`).join('; '),
        ],
      },
    });
  });

  it("forwards a US hospital's bill printing the member's Paris address to Cigna US", async () => {
    const decision = await decide([pdf('statement-boston.pdf', Buffer.from(await renderInvoicePdf(bostonBill(PARIS_ADDRESS))))]);

    expect(decision).toMatchObject({ country: 'US', route: 'CIGNA_US', outcome: { status: 'FORWARDED' } });
    expect(decision.outcome?.reasons.slice(1, 3)).toEqual([
      'treatment location US, routed to CIGNA_US',
      "the provider's address on statement-boston.pdf (Back Bay Medical Center) is in US; other addresses in it (FR) are not where the treatment took place",
    ]);
  });

  it("sends a French clinic's bill and a US hospital's bill in one claim to a person, naming both providers' places", async () => {
    const decision = await decide([
      pdf('facture-lyon.pdf', Buffer.from(await renderInvoicePdf(lyonBill([])))),
      pdf('statement-boston.pdf', Buffer.from(await renderInvoicePdf(bostonBill([])))),
    ]);

    expect(decision).toMatchObject({ country: null, route: null, outcome: { status: 'REVIEW' } });
    expect(decision.outcome?.reasons.slice(1, 4)).toEqual([
      'conflicting evidence: facture-lyon.pdf points to FR, statement-boston.pdf points to US',
      "the provider's address on facture-lyon.pdf (Clinique du Parc) is in FR",
      "the provider's address on statement-boston.pdf (Back Bay Medical Center) is in US",
    ]);
  });

  it('still finds the conflict on a bill whose letterhead gives no phone number: no provider is read, the document is weighed whole', async () => {
    const content = lyonBill(DALLAS_ADDRESS);
    const decision = await billedWith({ ...content, issuer: content.issuer.filter((line) => !line.startsWith('Tél')) });

    expect(decision).toMatchObject({ country: null, route: null, outcome: { status: 'REVIEW' } });
    expect(decision.outcome?.reasons[1]).toBe('conflicting evidence within facture-lyon.pdf (US and FR equally supported)');
  });
});
