import { describe, expect, it } from 'vitest';
import type { InvoiceReading } from '../../../functions/shared/domain/invoices/index.ts';
import { composeForward, composeMemberReply } from '../../../functions/shared/templates/index.ts';
import { claimInSpain, MARIE } from './summaries.ts';

const NBSP = '\u00a0';
/** French groups thousands with a narrow no-break space. */
const NARROW_NBSP = '\u202f';

const MARTIN: InvoiceReading = {
  document: 'note-martin.pdf',
  kind: 'invoice',
  provider: { name: 'Dr Martin', identifiers: [], confidence: 0.9 },
  serviceDates: [{ date: '2026-11-21', confidence: 0.9 }],
  lines: [],
  total: { amount: '60.00', currency: 'EUR', confidence: 0.9 },
  confidence: 0.9,
};
const PHARMACY: InvoiceReading = {
  document: 'ticket.jpg',
  kind: 'receipt',
  serviceDates: [],
  lines: [
    { description: 'Doliprane', amount: { amount: '4.50', currency: 'EUR' } },
    { description: 'Sérum', amount: { amount: '1200.00', currency: 'EUR' } },
  ],
  total: { amount: '1204.50', currency: 'EUR', summedFromLines: true, confidence: 0.7 },
  confidence: 0.7,
};
const TILL: InvoiceReading = {
  document: 'till.pdf',
  kind: 'receipt',
  serviceDates: [{ date: '2026-11-22', confidence: 0.9 }],
  lines: [],
  total: { amount: '16.75', confidence: 0.9 },
  confidence: 0.9,
};
const CLINIC: InvoiceReading = { ...MARTIN, document: 'clinic.pdf', provider: { name: 'Clínica Sol', identifiers: [], confidence: 0.9 }, total: undefined };

const summary = claimInSpain({ invoices: [MARTIN, PHARMACY, TILL, CLINIC] });

describe('the invoices in the cover', () => {
  const { text } = composeForward({ summary, to: 'contact@medical-administrators.com', attachments: [] });

  it('lists each invoice with its document, provider, dates and total, in French then English', () => {
    expect(text).toContain(
      [
        `Factures lues (prestataire – dates des soins – total)${NBSP}:`,
        `- note-martin.pdf: Dr Martin – 21 novembre 2026 – 60,00${NBSP}€`,
        `- ticket.jpg: prestataire non lu – dates non lues – 1${NARROW_NBSP}204,50${NBSP}€ (somme des lignes)`,
        '- till.pdf: prestataire non lu – 22 novembre 2026 – 16,75 (devise non lue)',
        '- clinic.pdf: Clínica Sol – 21 novembre 2026 – total non lu',
      ].join('\n'),
    );
    expect(text).toContain(
      [
        'Invoices read (provider – dates of service – total):',
        '- note-martin.pdf: Dr Martin – 21 November 2026 – €60.00',
        '- ticket.jpg: provider not read – dates not read – €1,204.50 (sum of the lines)',
        '- till.pdf: provider not read – 22 November 2026 – 16.75 (currency not read)',
        '- clinic.pdf: Clínica Sol – 21 November 2026 – total not read',
      ].join('\n'),
    );
  });

  it("adds up the claim's totals currency by currency, those of no known currency apart", () => {
    expect(text).toContain(`Totaux par devise${NBSP}:\n- 1${NARROW_NBSP}264,50${NBSP}€\n- 16,75 (devise non lue)`);
    expect(text).toContain('Totals per currency:\n- €1,264.50\n- 16.75 (currency not read)');
  });

  it('says nothing of invoices when none was read', () => {
    const plain = composeForward({ summary: claimInSpain({ invoices: [] }), to: 'contact@medical-administrators.com', attachments: [] });

    expect(plain.text).not.toContain('Factures lues');
    expect(plain.text).not.toContain('Totals per currency');
  });
});

describe('the invoices in the acknowledgement', () => {
  const reply = (language: 'fr' | 'en') =>
    composeMemberReply({ kind: 'acknowledged', summary: claimInSpain({ invoices: [MARTIN] }), to: MARIE.email, language, administrators: {} }).text;

  it("lists them in the member's language and number formats, and asks to be told of a wrong one", () => {
    expect(reply('fr')).toContain(
      `Les factures que nous avons lues dans vos documents${NBSP}:\n- Dr Martin – 21 novembre 2026 – 60,00${NBSP}€\n\nSi l'une d'elles est erronée ou manque, répondez à ce message pour nous le dire.`,
    );
    expect(reply('en')).toContain(
      'The invoices we read in your documents:\n- Dr Martin – 21 November 2026 – €60.00\n\nIf one of them is wrong or missing, please reply to this message and tell us.',
    );
  });

  it('lists them in the review reply too, and never the document names', () => {
    const review = composeMemberReply({ kind: 'review', summary: claimInSpain({ invoices: [MARTIN], treatmentCountry: null, route: null }), to: MARIE.email, language: 'en', administrators: {} }).text;

    expect(review).toContain('- Dr Martin – 21 November 2026 – €60.00');
    expect(review).not.toContain('note-martin.pdf: ');
  });
});
