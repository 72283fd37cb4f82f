import { describe, expect, it } from 'vitest';
import { dateOrder, namedMonthDates, numericDates } from '../../../functions/shared/domain/invoices/dates.ts';

const dates = (line: string, order: Parameters<typeof numericDates>[1]) => numericDates(line, order).map(({ date }) => date);

describe('dates of invoices', () => {
  it('decides the order of numbers by the country, then by a language other than English', () => {
    expect(dateOrder('US', 'en')).toBe('month-first');
    expect(dateOrder('GB', 'en')).toBe('day-first');
    expect(dateOrder('FR', undefined)).toBe('day-first');
    expect(dateOrder('CA', 'fr')).toBe('day-first');
    expect(dateOrder('CA', 'en')).toBeUndefined();
    expect(dateOrder(undefined, 'de')).toBe('day-first');
    expect(dateOrder(undefined, 'vi')).toBe('day-first');
    expect(dateOrder(undefined, 'en')).toBeUndefined();
    expect(dateOrder(undefined, undefined)).toBeUndefined();
  });

  it('reads numeric dates in the order decided', () => {
    expect(dates('Date of service: 03/04/2025', 'month-first')).toEqual(['2025-03-04']);
    expect(dates('Date de soins : 03/04/2025', 'day-first')).toEqual(['2025-04-03']);
    expect(dates('Datum: 21.11.2026', 'day-first')).toEqual(['2026-11-21']);
    expect(dates('Fecha: 21-11-2026', 'day-first')).toEqual(['2026-11-21']);
    expect(dates('Ngày 21/11/2026', 'day-first')).toEqual(['2026-11-21']);
    expect(dates('2025-03-21 10:42', undefined)).toEqual(['2025-03-21']);
  });

  it('leaves out a date both orders read when nothing decides, and reads one only one order reads', () => {
    expect(dates('Date: 03/04/2025', undefined)).toEqual([]);
    expect(dates('Date: 14/03/2025', undefined)).toEqual(['2025-03-14']);
    expect(dates('Date: 03/14/2025', undefined)).toEqual(['2025-03-14']);
    expect(dates('Date: 05/05/2025', undefined)).toEqual(['2025-05-05']);
  });

  it('reads no impossible day, and no number that only looks like a date', () => {
    expect(dates('31/02/2025 13/13/2025 01.05.1890', 'day-first')).toEqual([]);
    expect(dates('Zeitraum 01.05.14-31.05.14', 'day-first')).toEqual([]);
  });

  it('reads a date only where no digit or separator comes right before it', () => {
    expect(dates('Ref 123/04/2025 v1.2025-03-14 7-2025-03-14', 'day-first')).toEqual([]);
    expect(dates('(12/03/2025) 2025-03-14, le 01.04.2025', 'day-first')).toEqual(['2025-03-14', '2025-03-12', '2025-04-01']);
  });

  it('reads Vietnamese written dates', () => {
    expect(dates('Hà Nội, ngày 21 tháng 11 năm 2026', undefined)).toEqual(['2026-11-21']);
  });

  it('reads dates with the month named, in French, English, Spanish, German and Dutch', async () => {
    const named = async (line: string) => [...new Set((await namedMonthDates(line)).map(({ date }) => date))];
    expect(await named('N° MTL-2025-0412 – 12 mars 2025')).toEqual(['2025-03-12']);
    expect(await named('Date: March 18, 2025')).toEqual(['2025-03-18']);
    expect(await named('Madrid, 21 de noviembre de 2026')).toEqual(['2026-11-21']);
    expect(await named('Rechnungsdatum 7. Mai 2014')).toEqual(['2014-05-07']);
    expect(await named('Factuurdatum 19 april 2014')).toEqual(['2014-04-19']);
    expect(await named('Consultation du 21 novembre')).toEqual([]);
  });

  it('finds a month however its name is written: abbreviated, accented or not, in capitals', async () => {
    const named = async (line: string) => [...new Set((await namedMonthDates(line)).map(({ date }) => date))];
    expect(await named('3 févr. 2024')).toEqual(['2024-02-03']);
    expect(await named('3 fevrier 2024')).toEqual(['2024-02-03']);
    expect(await named('12 AOÛT 2025')).toEqual(['2025-08-12']);
    expect(await named('Leistungsdatum 4. März 2025')).toEqual(['2025-03-04']);
    expect(await named('18 mrt 2025')).toEqual(['2025-03-18']);
    expect(await named('Sept. 9, 2025')).toEqual(['2025-09-09']);
    expect(await named('5 de diciembre de 2024')).toEqual(['2024-12-05']);
  });
});
