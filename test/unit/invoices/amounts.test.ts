import { describe, expect, it } from 'vitest';
import { readNumber, sumAmounts } from '../../../functions/shared/domain/invoices/amount.ts';
import { amountMentions } from '../../../functions/shared/domain/invoices/mentions.ts';

const money = (line: string, country?: string) => amountMentions(line, country).map(({ amount, currency }) => ({ amount, currency }));

describe('amounts as each locale writes them', () => {
  it('reads French, English, Spanish, German and Vietnamese conventions', () => {
    expect(money('Consultation 60,00 €', 'FR')).toEqual([{ amount: '60.00', currency: 'EUR' }]);
    expect(money('Total 1 250,50 €', 'FR')).toEqual([{ amount: '1250.50', currency: 'EUR' }]);
    expect(money('Total $1,200.00', 'US')).toEqual([{ amount: '1200.00', currency: 'USD' }]);
    expect(money('Total £85.40', 'GB')).toEqual([{ amount: '85.40', currency: 'GBP' }]);
    expect(money('Importe total 1.200,50 €', 'ES')).toEqual([{ amount: '1200.50', currency: 'EUR' }]);
    expect(money('Gesamtbetrag 2.345,67 EUR', 'DE')).toEqual([{ amount: '2345.67', currency: 'EUR' }]);
    expect(money('Tổng cộng 2.500.000 VND', 'VN')).toEqual([{ amount: '2500000', currency: 'VND' }]);
    expect(money('Total 2,500,000 VND', 'VN')).toEqual([{ amount: '2500000', currency: 'VND' }]);
    expect(money('Khám bệnh 350.000đ', 'VN')).toEqual([{ amount: '350000', currency: 'VND' }]);
    expect(money('Consultation SGD 120.00', 'SG')).toEqual([{ amount: '120.00', currency: 'SGD' }]);
  });

  it('decides "$" by the place: Canadian in Canada, US dollars in Cambodia and the US, undecided elsewhere', () => {
    expect(money('Total 185,00 $', 'CA')).toEqual([{ amount: '185.00', currency: 'CAD' }]);
    expect(money('Total $89.50', 'KH')).toEqual([{ amount: '89.50', currency: 'USD' }]);
    expect(money('Total $89.50', 'US')).toEqual([{ amount: '89.50', currency: 'USD' }]);
    expect(money('Total $89.50', undefined)).toEqual([{ amount: '89.50', currency: undefined }]);
    expect(money('Total $89.50', 'FR')).toEqual([{ amount: '89.50', currency: undefined }]);
    expect(money('Total US$89.50', 'CA')).toEqual([{ amount: '89.50', currency: 'USD' }]);
  });

  it('gives a currency mark between two numbers to the amount it comes before', () => {
    expect(money('Paracetamol 500 mg x 20 USD 4.50', 'KH')).toEqual([{ amount: '4.50', currency: 'USD' }]);
  });

  it('takes neither percentages, dates nor bare whole numbers for amounts', () => {
    expect(money('TVA 20% 14/03/2025 Till 2 15.00%', 'FR')).toEqual([]);
  });

  it('reads an OCR "O" for a zero only beside a currency, and says so', () => {
    expect(amountMentions('Total 6O,OO €', 'FR')).toMatchObject([{ amount: '60.00', currency: 'EUR', corrected: true }]);
    expect(amountMentions('Total 60,00 €', 'FR')).toMatchObject([{ amount: '60.00', corrected: false }]);
    expect(money('Ref 2O25-O3', 'FR')).toEqual([]);
  });

  it('leaves out what no convention reads surely', () => {
    expect(readNumber('45,9', 'EUR')).toBeUndefined();
    expect(readNumber('1.200.00', 'EUR')).toBeUndefined();
    expect(readNumber('12,3456', 'EUR')).toBeUndefined();
    expect(readNumber('1,200,00', 'USD')).toBeUndefined();
    expect(readNumber('1.200', 'KWD')).toBeUndefined();
  });

  it('reads a number without decimals as a whole amount, and says it had none', () => {
    expect(readNumber('6000', 'EUR')).toEqual({ amount: '6000.00', hadDecimals: false, corrected: false });
    expect(readNumber('1.200', 'EUR')).toEqual({ amount: '1200.00', hadDecimals: false, corrected: false });
  });

  it('sums decimal strings exactly', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['30.00', '14.26'])).toBe('44.26');
    expect(sumAmounts(['2500000', '350000'])).toBe('2850000');
    expect(sumAmounts(['0.05'])).toBe('0.05');
  });
});
