import { describe, expect, it } from 'vitest';
import { invoiceLanguage, PAID_LABEL, TAX_LABEL, TOTAL_LABEL } from '../../../functions/shared/domain/invoices/labels.ts';

describe('labels', () => {
  it.each([
    ['Total TTC 60,00 €', true],
    ['Montant dû : 60,00 €', true],
    ['Totalement remboursé', false],
    ['Subtotal 12.00', false],
    ['tổng cộng 500.000 ₫', true],
  ])('TOTAL_LABEL in %j: %s', (line, found) => {
    expect(TOTAL_LABEL.test(line)).toBe(found);
  });

  it.each([
    ['TVA 20 % 10,00 €', true],
    ['20%TVA 10,00 €', true],
    ['Sales tax 4.50', true],
    ['Syntax check 4.50', false],
    ['Adjustment 4.50', false],
    ['CTVA 4.50', false],
  ])('TAX_LABEL in %j: %s', (line, found) => {
    expect(TAX_LABEL.test(line)).toBe(found);
  });

  it.each([
    ['Payée par carte', true],
    ['Acquittée le 12/03/2025', true],
    ['Unpaid balance', false],
    ['Repayment plan', false],
  ])('PAID_LABEL in %j: %s', (line, found) => {
    expect(PAID_LABEL.test(line)).toBe(found);
  });

  it('counts a language by its words where a word starts, not inside other words', () => {
    expect(invoiceLanguage('Facture du 12 mars\nMontant payé')).toBe('fr');
    // "le" and "du" inside English words are not French.
    expect(invoiceLanguage('Invoice for the schedule and module paid')).toBe('en');
    expect(invoiceLanguage('tabledu moduledu')).toBeUndefined();
  });
});
