import { describe, expect, it } from 'vitest';
import { quotedPrintable } from '../../../../functions/shared/adapters/mime/quoted-printable.ts';

const decoded = (encoded: string) =>
  Buffer.from(
    encoded
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

describe('quotedPrintable', () => {
  it('writes printable ASCII as is and escapes the equals sign and 8-bit bytes', () => {
    expect(quotedPrintable('Total = 45,00 € réglé')).toBe('Total =3D 45,00 =E2=82=AC r=C3=A9gl=C3=A9\r\n');
  });

  it('ends every line in CRLF, whatever break the text used', () => {
    expect(quotedPrintable('un\ndeux\r\ntrois\rquatre')).toBe('un\r\ndeux\r\ntrois\r\nquatre\r\n');
  });

  it('escapes a blank that ends a line, which transport would strip', () => {
    expect(quotedPrintable('Cordialement, \nMarie\t')).toBe('Cordialement,=20\r\nMarie=09\r\n');
  });

  it('breaks a long line softly at 76 characters, never inside an escape', () => {
    const line = `${'a'.repeat(74)}é${'b'.repeat(10)}`;
    expect(quotedPrintable(line)).toBe(`${'a'.repeat(74)}=\r\n=C3=A9${'b'.repeat(10)}\r\n`);
    const long = 'Numéro d’adhérent 12345678, facture n° 2025-0042, réglée le 24 mars 2025. '.repeat(8);
    const encoded = quotedPrintable(long);
    expect(Math.max(...encoded.split('\r\n').map((encodedLine) => encodedLine.length))).toBeLessThanOrEqual(76);
    expect(decoded(encoded)).toBe(`${long}\r\n`);
  });

  it('lets a line of exactly 76 characters stand without a soft break', () => {
    expect(quotedPrintable('c'.repeat(76))).toBe(`${'c'.repeat(76)}\r\n`);
    expect(quotedPrintable('c'.repeat(77))).toBe(`${'c'.repeat(75)}=\r\ncc\r\n`);
  });
});
