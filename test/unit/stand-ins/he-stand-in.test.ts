import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import standIn from '../../../functions/shared/stand-ins/he-stand-in.ts';

const he = createRequire(import.meta.url)('he') as { encode(text: string, options?: object): string };

const TEXTS: [description: string, text: string][] = [
  ['every code unit below U+0100', Array.from({ length: 0x100 }, (_, code) => String.fromCharCode(code)).join('')],
  ['a name and address', 'Zoë Dupont-Lefèvre <zoe@exemple.fr>'],
  ['the symbols unsafe in HTML', `"O'Brien" & <Sons> \`quoted\``],
  ['Greek, Cyrillic, CJK and Hangul', 'Ωμέγα Ασφαλιστική, Страховая компания, 東京海上, 보험'],
  ['characters beyond the BMP', 'Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢'],
  ['lone and reversed surrogates', 'Lone \uD800 x \uDFFF, reversed \uDC00\uD800'],
  ['spaces, separators and noncharacters', '\uFEFF\u200B\u00A0\u2028\u2029\uFFFD\uFFFF'],
  ['nothing', ''],
];

describe('the he stand-in', () => {
  it.each(TEXTS)('encodes %s as he does with its default options', (_, text) => {
    expect(standIn.encode(text)).toBe(he.encode(text));
    expect(standIn.encode(text, { useNamedReferences: false, strict: false })).toBe(he.encode(text));
  });

  it('refuses the options it does not bundle, which mailparser asks for only to build textAsHtml', () => {
    expect(() => standIn.encode('a & b', { useNamedReferences: true })).toThrow(
      'he is not bundled: mailparser needs its useNamedReferences for textAsHtml, which the functions skip (skipTextToHtml)',
    );
    expect(() => standIn.encode('a', { decimal: true, encodeEverything: true })).toThrow('its encodeEverything, decimal for textAsHtml');
  });
});
