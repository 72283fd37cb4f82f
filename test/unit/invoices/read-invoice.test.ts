import { describe, expect, it } from 'vitest';
import { providerIdentifiers, readInvoice, type InvoiceSource } from '../../../functions/shared/domain/invoices/index.ts';

const TEXT_LAYER = 0.9;

function source(text: string, country?: string, overrides: Partial<InvoiceSource> = {}): InvoiceSource {
  return { document: 'invoice.pdf', pages: [{ text, confidence: TEXT_LAYER }], ...(country ? { country } : {}), identifiers: [], ...overrides };
}

describe('reading an invoice', () => {
  it('reads a French note of fees: provider, number, date, lines, total and amount paid', async () => {
    const reading = await readInvoice(source([
      'Docteur Jean Martin',
      '8 avenue Jean Médecin, 06000 Nice',
      'Tél. : 04 93 00 00 00',
      "NOTE D'HONORAIRES",
      'N° 2026-1121-03 – Nice, le 21/11/2026',
      'Consultation 60,00 €',
      'Total acquitté 60,00 €',
    ].join('\n'), 'FR', { identifiers: [{ scheme: 'RPPS', value: '10101010101' }] }));

    expect(reading).toEqual({
      document: 'invoice.pdf',
      kind: 'invoice',
      provider: {
        name: 'Docteur Jean Martin',
        address: '8 avenue Jean Médecin, 06000 Nice',
        identifiers: [{ scheme: 'RPPS', value: '10101010101' }],
        confidence: TEXT_LAYER,
        letterhead: { firstLine: 0, lastLine: 2 },
      },
      invoiceNumber: { value: '2026-1121-03', confidence: TEXT_LAYER },
      serviceDates: [{ date: '2026-11-21', confidence: TEXT_LAYER }],
      lines: [{ description: 'Consultation', amount: { amount: '60.00', currency: 'EUR' } }],
      total: { amount: '60.00', currency: 'EUR', confidence: TEXT_LAYER },
      paid: { amount: '60.00', currency: 'EUR', confidence: TEXT_LAYER },
      confidence: TEXT_LAYER,
    });
  });

  it("keeps the letterhead's lines apart from an addressee printed below it, counting blank lines as the page prints them", async () => {
    const reading = await readInvoice(source([
      '',
      'Clinique du Parc',
      '155 boulevard de Stalingrad',
      '69006 Lyon',
      'Tél. : 04 72 83 00 00',
      'Mr John Carter',
      '4100 Main Street',
      'Dallas, TX 75201',
      'FACTURE',
      'Consultation 80,00 €',
      'Total TTC 80,00 €',
    ].join('\n'), 'FR'));

    expect(reading?.provider).toMatchObject({ name: 'Clinique du Parc', address: '155 boulevard de Stalingrad', letterhead: { firstLine: 1, lastLine: 4 } });
  });

  it('reads the letterhead on its OCR page, down to the town line below its street when its phone comes first', async () => {
    const text = ['Lakeside Clinic', 'Phone (312) 555-0100', '200 Main Street', 'Chicago, IL 60601', 'STATEMENT', 'Office visit $120.00', 'Balance due $120.00'].join('\n');
    const reading = await readInvoice(source(text, 'US', { pages: [{ page: 2, text, confidence: 0.7 }] }));

    expect(reading?.provider).toMatchObject({ address: '200 Main Street', letterhead: { page: 2, firstLine: 0, lastLine: 3 } });
  });

  it('reads a US statement month-first, the date of service over the statement date', async () => {
    const reading = await readInvoice(source([
      'Lakeside Clinic', '200 Main Street', 'Phone (312) 555-0100', 'STATEMENT',
      'Statement date: 12/01/2026', 'Date of service: 11/03/2026',
      'Office visit $1,200.00', 'Balance due $1,200.00',
    ].join('\n'), 'US'));

    expect(reading?.kind).toBe('statement');
    expect(reading?.serviceDates.map(({ date }) => date)).toEqual(['2026-11-03']);
    expect(reading?.total).toMatchObject({ amount: '1200.00', currency: 'USD' });
    expect(reading?.paid).toBeUndefined();
  });

  it('reads a Spanish invoice day-first', async () => {
    const reading = await readInvoice(source(['Clínica Sol', 'Tel. 91 000 00 00', 'FACTURA Nº F-2026-88', 'Fecha: 03/04/2026', 'Consulta 1.200,50 €', 'Importe total 1.200,50 €'].join('\n'), 'ES'));

    expect(reading).toMatchObject({ invoiceNumber: { value: 'F-2026-88' }, total: { amount: '1200.50', currency: 'EUR' } });
    expect(reading?.serviceDates.map(({ date }) => date)).toEqual(['2026-04-03']);
  });

  it('reads a German invoice by its language when no place is known', async () => {
    const reading = await readInvoice(source(['Praxis Dr. Weber', 'Tel. 030 000000', 'Rechnung Nr. 4711', 'Datum: 03.04.2026', 'Behandlung 2.345,67 €', 'Gesamtbetrag 2.345,67 €'].join('\n')));

    expect(reading).toMatchObject({ invoiceNumber: { value: '4711' }, total: { amount: '2345.67', currency: 'EUR' } });
    expect(reading?.serviceDates.map(({ date }) => date)).toEqual(['2026-04-03']);
  });

  it('reads a Vietnamese invoice in dong with dots between thousands', async () => {
    const reading = await readInvoice(source(['Phòng khám Đa khoa Sài Gòn', 'Điện thoại: 028 0000 0000', 'HÓA ĐƠN', 'Ngày khám: 05/04/2026', 'Khám bệnh 350.000 VND', 'Xét nghiệm 2.150.000 VND', 'Tổng cộng 2.500.000 VND'].join('\n'), 'VN'));

    expect(reading).toMatchObject({ kind: 'invoice', total: { amount: '2500000', currency: 'VND' } });
    expect(reading?.serviceDates.map(({ date }) => date)).toEqual(['2026-04-05']);
    expect(reading?.lines.map(({ amount }) => amount.amount)).toEqual(['350000', '2150000']);
  });

  it('sums the lines of an invoice that prints no total, and says so', async () => {
    const reading = await readInvoice(source(['INVOICE 2291', 'Consultation £85.00', 'Dressing £12.40'].join('\n'), 'GB'));

    expect(reading?.total).toEqual({ amount: '97.40', currency: 'GBP', summedFromLines: true, confidence: TEXT_LAYER });
  });

  it('leaves out the dates of a receipt when both orders read them and nothing decides', async () => {
    const reading = await readInvoice(source(['RECEIPT 0042', '03/04/2026', 'Amoxicillin 8.40', 'TOTAL 8.40'].join('\n')));

    expect(reading?.kind).toBe('receipt');
    expect(reading?.serviceDates).toEqual([]);
    expect(reading?.total).toEqual({ amount: '8.40', confidence: TEXT_LAYER });
  });

  it('reads an OCR "O" for a zero with less confidence, page by page', async () => {
    const reading = await readInvoice({
      document: 'scan.pdf',
      pages: [
        { page: 1, text: 'FACTURE 77\nConsultation 6O,00 €', confidence: 0.8 },
        { page: 2, text: 'Total 6O,OO €', confidence: 0.7 },
      ],
      country: 'FR',
      identifiers: [],
    });

    expect(reading?.lines).toEqual([{ description: 'Consultation', amount: { amount: '60.00', currency: 'EUR' }, page: 1 }]);
    expect(reading?.total?.amount).toBe('60.00');
    expect(reading?.total?.page).toBe(2);
    expect(reading?.total?.confidence).toBeCloseTo(0.56, 10);
    expect(reading?.confidence).toBe(0.7);
  });

  it('leaves out a total whose decimal separator OCR lost, and sums the lines instead', async () => {
    const reading = await readInvoice(source(['FACTURE 12', 'Consultation 30,00 €', 'Pansement 30,00 €', 'Total 6000 €'].join('\n'), 'FR'));

    expect(reading?.total).toEqual({ amount: '60.00', currency: 'EUR', summedFromLines: true, confidence: TEXT_LAYER });
  });

  it('leaves out a total when two total lines disagree', async () => {
    const reading = await readInvoice(source(['INVOICE 5', 'Total €60.00', 'Total €80.00'].join('\n'), 'IE'));

    expect(reading?.total).toBeUndefined();
  });

  it('takes the grand total over a plain total that is a sub-total', async () => {
    const reading = await readInvoice(source(['INVOICE # 123PQR456', 'Total $6169.40', 'Tax $61.69', 'Grand Total $6231.09'].join('\n'), 'US'));

    expect(reading?.total).toMatchObject({ amount: '6231.09', currency: 'USD' });
  });

  it('leaves the provider out when the block above the title has no way to reach it: it may be the patient', async () => {
    const reading = await readInvoice(source(['Marie Dupont', '3 rue des Lilas, 69100 Villeurbanne', 'FACTURE 9', 'Total 60,00 €'].join('\n'), 'FR'));

    expect(reading?.provider).toBeUndefined();
  });

  it('does not read an article that mentions invoices as one', async () => {
    expect(await readInvoice(source('How hospitals invoice patients: a study of billing in Dublin, 2019.'))).toBeUndefined();
    expect(await readInvoice(source('Dear sir, please find my invoice attached. Total cost was high.'))).toBeUndefined();
  });
});

describe('provider identifiers', () => {
  it('takes the identifiers the place evidence checked, Corsican FINESS numbers included, and nothing else', () => {
    const evidence = [
      { country: 'FR', strength: 'strong', reason: 'valid SIRET 81472305200019 (FR)', source: 'note.pdf' },
      { country: 'FR', strength: 'strong', reason: 'FINESS number 2A0000123 (FR)', source: 'note.pdf' },
      { country: 'US', strength: 'strong', reason: 'valid NPI 1648293052 (US)', source: 'note.pdf' },
      { country: 'FR', strength: 'strong', reason: 'French postcode and town 75002 Paris (FR)', source: 'note.pdf' },
    ] as const;

    expect(providerIdentifiers(evidence)).toEqual([
      { scheme: 'SIRET', value: '81472305200019' },
      { scheme: 'FINESS', value: '2A0000123' },
      { scheme: 'NPI', value: '1648293052' },
    ]);
  });
});
