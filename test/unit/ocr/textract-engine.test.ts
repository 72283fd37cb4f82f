import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AnalyzeExpenseCommand, TextractClient, type AnalyzeExpenseCommandOutput } from '@aws-sdk/client-textract';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { TextractEngine } from '../../../functions/shared/adapters/ocr/textract-engine.ts';
import { collectLocationEvidence } from '../../../functions/shared/domain/location/index.ts';

const fixture = (name: string) => path.resolve('test', 'fixtures', 'third-party', 'invoices', name);
const textract = mockClient(TextractClient);

afterEach(() => textract.reset());

async function realResponse(): Promise<AnalyzeExpenseCommandOutput> {
  return JSON.parse(await readFile(fixture('textract-default-invoice-1.analyze-expense.json'), 'utf8')) as AnalyzeExpenseCommandOutput;
}

describe('TextractEngine on the real AnalyzeExpense response', () => {
  it('sends the page image to AnalyzeExpense and reads the vendor address, country, totals and rows', async () => {
    textract.on(AnalyzeExpenseCommand).resolves(await realResponse());
    const image = await readFile(fixture('textract-default-invoice-1.png'));

    const page = await new TextractEngine(new TextractClient({ region: 'eu-west-1' })).recognize(image, new AbortController().signal);

    expect(textract.commandCalls(AnalyzeExpenseCommand).map((call) => call.args[0].input)).toEqual([{ Document: { Bytes: image } }]);
    const lines = page.text.split('\n');
    expect(lines).toContain('Vendor address: 123 Some Street');
    expect(lines).toContain('Some City, XYZ, USA');
    expect(lines).toContain('Country: USA');
    expect(lines).toContain('Grand Total: $6231.09');
    expect(lines).toContain('Tax: $61.69');
    expect(lines).toContain('VAT ID: 12-3456789');
    expect(lines).toContain('Product 2 2 $106.04 $212.08');
    // Summary fields only (no printed lines in this response): their mean value confidence.
    expect(Math.round(page.confidence)).toBe(98);
  });

  it("maps AnalyzeExpense's own total, date, invoice number and line items into the page's expense summary", async () => {
    textract.on(AnalyzeExpenseCommand).resolves(await realResponse());

    const page = await new TextractEngine(new TextractClient({ region: 'eu-west-1' })).recognize(Buffer.from('png'), new AbortController().signal);

    // The values and confidences of AWS's answer; it names no VENDOR_NAME on this invoice.
    expect(page.expense).toEqual({
      total: { text: '$6231.09', confidence: 0.9999756622314453 },
      invoiceDate: { text: '01-Jan-2021', confidence: 0.9997048187255859 },
      invoiceNumber: { text: '123PQR456', confidence: 0.9964569854736328 },
      items: [
        { description: { text: 'Product 1', confidence: 0.9765033721923828 }, price: { text: '$1000', confidence: 0.9999972534179687 } },
        { description: { text: 'Service 3', confidence: 0.9997852325439454 }, price: { text: '$2789', confidence: 0.9999966430664062 } },
        { description: { text: 'Product 2', confidence: 0.9995793914794922 }, price: { text: '$212.08', confidence: 0.9999947357177734 } },
        { description: { text: 'Product 3', confidence: 0.9996955871582032 }, price: { text: '$2168.32', confidence: 0.9999696350097657 } },
      ],
    });
  });

  it('leaves out a field two receipts on one page give differently, and keeps the currency Textract detected', async () => {
    const receipt = (total: string, vendor: string) => ({
      SummaryFields: [
        { Type: { Text: 'TOTAL' }, ValueDetection: { Text: total, Confidence: 95 }, Currency: { Code: 'EUR' } },
        { Type: { Text: 'VENDOR_NAME' }, ValueDetection: { Text: vendor, Confidence: 90 } },
      ],
    });
    textract.on(AnalyzeExpenseCommand).resolves({ ExpenseDocuments: [receipt('12,00', 'Pharmacie du Port'), receipt('8,00', 'Pharmacie du Port')] });

    const page = await new TextractEngine(new TextractClient({ region: 'eu-west-1' })).recognize(Buffer.from('png'), new AbortController().signal);

    expect(page.expense).toEqual({ vendorName: { text: 'Pharmacie du Port', confidence: 0.9 }, items: [] });
  });

  it('gives no expense summary when AnalyzeExpense found no invoice field', async () => {
    textract.on(AnalyzeExpenseCommand).resolves({ ExpenseDocuments: [{ Blocks: [{ BlockType: 'LINE', Text: 'Dear Sir', Confidence: 99 }] }] });

    const page = await new TextractEngine(new TextractClient({ region: 'eu-west-1' })).recognize(Buffer.from('png'), new AbortController().signal);

    expect(page).toEqual({ text: 'Dear Sir', confidence: 99 });
  });

  it("gives text in which the intake's detectors find the United States, and only them", async () => {
    textract.on(AnalyzeExpenseCommand).resolves(await realResponse());
    const page = await new TextractEngine(new TextractClient({ region: 'eu-west-1' })).recognize(Buffer.from('png'), new AbortController().signal);

    const evidence = collectLocationEvidence([{ source: 'invoice.png', text: page.text }]);
    expect(new Set(evidence.map((piece) => piece.country))).toEqual(new Set(['US']));
    expect(evidence).toContainEqual({ country: 'US', strength: 'medium', reason: 'place name USA (US)', source: 'invoice.png' });
  });

  it('prefers the printed lines and their confidence, and names the currency Textract detected', async () => {
    textract.on(AnalyzeExpenseCommand).resolves({
      ExpenseDocuments: [
        {
          SummaryFields: [
            { Type: { Text: 'TOTAL' }, LabelDetection: { Text: 'Total' }, ValueDetection: { Text: '44,26', Confidence: 99 }, Currency: { Code: 'EUR' } },
          ],
          Blocks: [
            { BlockType: 'LINE', Text: "N° d'adhérent : 12345678", Confidence: 90 },
            { BlockType: 'WORD', Text: '12345678', Confidence: 99 },
            { BlockType: 'LINE', Text: '12 rue Montorgueil, 75002 Paris', Confidence: 80 },
          ],
        },
      ],
    });
    const page = await new TextractEngine(new TextractClient({ region: 'eu-west-1' })).recognize(Buffer.from('png'), new AbortController().signal);
    expect(page).toEqual({
      text: "Total: 44,26 (EUR)\nN° d'adhérent : 12345678\n12 rue Montorgueil, 75002 Paris",
      confidence: 85,
      expense: { total: { text: '44,26', confidence: 0.99, currency: 'EUR' }, items: [] },
    });
  });

  it('refuses a page image over the 10 MB AnalyzeExpense takes, without calling it', async () => {
    const engine = new TextractEngine(new TextractClient({ region: 'eu-west-1' }));
    await expect(engine.recognize(Buffer.alloc(10 * 1024 * 1024 + 1), new AbortController().signal)).rejects.toThrow(RangeError);
    expect(textract.commandCalls(AnalyzeExpenseCommand)).toEqual([]);
  });
});
