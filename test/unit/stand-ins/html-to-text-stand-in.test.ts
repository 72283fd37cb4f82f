import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type HtmlToText, htmlToText } from '../../../functions/shared/stand-ins/html-to-text-stand-in.ts';

const real = createRequire(import.meta.url)('html-to-text') as { htmlToText: HtmlToText };

/** mailparser's options: a bound on the nesting depth. */
const MAILPARSER_OPTIONS = { limits: { maxDepth: 100 } };

const MESSAGES = [
  '<p>Bonjour,</p><p>Veuillez trouver ci-joint ma <b>facture</b> &amp; mon ordonnance.</p>',
  '<table><tr><th>Acte</th><th>Montant</th></tr><tr><td>Consultation</td><td>25,00&nbsp;&euro;</td></tr></table>',
  '<ul><li>Un</li><li>Deux <a href="https://example.org/a">lien</a></li></ul><br><img src="cid:logo" alt="Logo">',
  '<div><div><div>Imbriqué</div></div></div><h1>Titre</h1>Texte libre',
];

describe('the html-to-text stand-in', () => {
  it.each(MESSAGES)('converts %j as html-to-text does', (html) => {
    expect(htmlToText(html, MAILPARSER_OPTIONS)).toBe(real.htmlToText(html, MAILPARSER_OPTIONS));
    expect(htmlToText(html)).toBe(real.htmlToText(html));
  });
});
