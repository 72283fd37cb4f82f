import { allMatches } from '../matches.ts';
import { isNotAfterLetterOrNumber } from '../word-boundaries.ts';
import type { InvoiceKind } from './types.ts';

/**
 * JavaScript's \b knows ASCII letters only: "acquitté" would not end on one. Each \b of a label
 * stands before or after a letter, so one lookaround says it: not after a letter where a word
 * starts, not before one where it ends.
 */
const WORD_START = String.raw`(?<![\p{L}\p{N}])`;
const WORD_END = String.raw`(?![\p{L}\p{N}])`;
/** A \b at the start of the pattern, of an alternative or of a group: where a word starts. */
const BOUNDARY_AT_START = /(^|\||\((?:\?:)?)\\b/g;

/** A lookbehind written in a label ("(?<=\d)"): without it, the label finds more, never less. */
const LOOKBEHIND = /\(\?<[=!][^()]*\)/g;

/** A pattern of words, searched for in a line or a text. */
export interface Label {
  test(text: string): boolean;
  readonly source: string;
}

/** The pattern with its word boundaries drawn around any letter, accented or not. */
function withWordBoundaries(pattern: RegExp): RegExp {
  return new RegExp(pattern.source.replace(BOUNDARY_AT_START, `$1${WORD_START}`).replaceAll(String.raw`\b`, WORD_END), pattern.flags);
}

/**
 * A label: the pattern with its word boundaries drawn around any letter. A search tries a
 * leading Unicode lookbehind at every position of the text, which cost more than the rest of an
 * invoice's reading: the text is first searched for the label's letters alone, a superset found at
 * the speed of a plain pattern, and only a text that has them for the label.
 */
function words(pattern: RegExp): Label {
  const bounded = withWordBoundaries(pattern);
  const letters = new RegExp(pattern.source.replaceAll(String.raw`\b`, '').replace(LOOKBEHIND, ''), pattern.flags);
  return { source: bounded.source, test: (text) => letters.test(text) && bounded.test(text) };
}

/**
 * Counts the matches of a global pattern in a text. A leading \b is tested where a match starts,
 * as the lookbehind it stands for would be, but only there: the search runs as fast as the rest.
 */
function wordCounter(pattern: RegExp): (text: string) => number {
  const startsWithWord = pattern.source.startsWith(String.raw`\b`);
  const rest = withWordBoundaries(new RegExp(startsWithWord ? pattern.source.slice(2) : pattern.source, pattern.flags));
  return (text) => allMatches(text, rest, startsWithWord ? isNotAfterLetterOrNumber : undefined).length;
}

/** Languages whose invoice labels the reader knows. */
export type InvoiceLanguage = 'fr' | 'en' | 'es' | 'de' | 'nl' | 'vi';

/** Words that only invoices of one language print: they tell the document's language. */
const LANGUAGE_WORDS: Readonly<Record<InvoiceLanguage, (text: string) => number>> = {
  fr: wordCounter(/\b(?:facture|honoraires|acquitt[ée]e?|pay[ée]e?|r[ée]gl[ée]e?|montant|TTC|re[çc]u|le|du)\b/giu),
  en: wordCounter(/\b(?:invoice|receipt|statement|paid|amount|balance|due|date of service|the|and)\b/giu),
  es: wordCounter(/\b(?:factura|recibo|importe|fecha|pagado|IVA|el|de la)\b/giu),
  de: wordCounter(/\b(?:rechnung|quittung|betrag|gesamt(?:betrag)?|bezahlt|MwSt|datum|der|die|und)\b/giu),
  nl: wordCounter(/\b(?:factuur|totaal|BTW|bedrag|betaald|het|een)\b/giu),
  vi: wordCounter(/(?:hóa đơn|hoá đơn|tổng cộng|thanh toán|ngày|số tiền|phòng khám)/giu),
};

/** The language most of the labels are in; undefined when none or several lead. */
export function invoiceLanguage(text: string): InvoiceLanguage | undefined {
  const counts = (Object.keys(LANGUAGE_WORDS) as InvoiceLanguage[])
    .map((language) => ({ language, count: LANGUAGE_WORDS[language](text) }))
    .sort((a, b) => b.count - a.count);
  const [first, second] = counts;
  if (!first || first.count === 0 || first.count === second?.count) return undefined;
  return first.language;
}

/** Titles that say what a document is, in the languages the reader knows; the first that matches wins. */
const TITLES: readonly { readonly kind: InvoiceKind; readonly title: Label }[] = [
  { kind: 'statement', title: words(/\b(?:itemi[sz]ed\s+)?statement\b|\brelev[ée] de (?:soins|compte)\b/iu) },
  { kind: 'receipt', title: words(/\breceipt\b|\bre[çc]u\b|\brecibo\b|\bquittung\b|\bkassenbon\b|\bbon de caisse\b|\bbiên lai\b/iu) },
  {
    kind: 'invoice',
    title: words(/\binvoice\b|\bfacture\b|\bnote d['’]honoraires\b|\bfactura\b|\brechnung\b|\bfactuur\b|\bbill\b|h[óo]a đơn/iu),
  },
];

/** Labels of the amount a document asks for or acknowledges; the sub-totals and pre-tax ones excluded below. */
export const TOTAL_LABEL =
  words(/\b(?:total|totaal|gesamt(?:betrag|summe)?|summe|importe total|balance due|amount due|montant d[uû])\b|(?:somme|net|reste) à payer|tổng cộng|tổng tiền/iu);
/** Totals that say they are the last word, over a plain "Total" that may be a sub-total: "Grand total", "Total TTC". */
export const FINAL_TOTAL_LABEL =
  words(/\b(?:grand total|total (?:TTC|due|acquitt[ée]|à payer|a pagar|general)|balance due|amount due|gesamtbetrag|importe total)\b|(?:somme|net|reste) à payer|tổng cộng/iu);
/** Totals that are not what is asked: before tax, partial. */
export const PARTIAL_TOTAL_LABEL =
  words(/\b(?:sub-?\s?total|subtota(?:a)?l|sous-total|total\s+(?:HT|hors taxes?|excl\.?|net|before tax)|netto|zwischensumme|exclusief)\b|HT\s*:/iu);
/** Taxes: their amounts are neither lines nor totals. */
export const TAX_LABEL = words(/\btax\b|(?:\b|(?<=\d))(?:TVA|VAT|MwSt|USt|IVA|BTW|GST|HST|TPS|TVQ|QST)\b|thuế/iu);
/** Labels of an amount paid, or of a document saying it was paid. */
export const PAID_LABEL =
  words(/\b(?:paid|amount paid|pay[ée]e?|acquitt[ée]e?|r[ée]gl[ée]e?|bezahlt|pagado|betaald)\b|đã thanh toán/iu);
/** A line that says the document was paid, starting with it: "Payé par carte", "Paid: card". */
export const PAID_STATEMENT = new RegExp(`^\\s*(?:${PAID_LABEL.source})`, 'iu');
/** Labels of a date of service, ahead of any other date on the document. */
export const SERVICE_DATE_LABEL =
  words(/\b(?:date(?:s)? of service|service date|DOS|date(?:s)? de(?:s)? soins?|date de (?:la )?consultation|fecha de (?:servicio|atención)|behandlungsdatum|leistungsdatum|behandeldatum)\b|ngày khám/iu);
/** Labels of the document's own date, which is the date of service when no other says so. */
export const DOCUMENT_DATE_LABEL = words(/\b(?:date|datum|fecha|data|du|le|del|vom|ngày)\b|(?:rechnungs|factuur|invoice\s)datum|date de (?:la )?facture/iu);
/** Labels of dates that are not the service: when to pay. */
export const NOT_SERVICE_DATE_LABEL =
  words(/\b(?:due|[ée]ch[ée]ance|limite|pr[ée]l[èe]vement|zahlungsziel|f[äa]llig|vencimiento|vervaldatum|statement date|born|naissance|DOB)\b/iu);

/** Signs of money amounts: a currency, or a number with two decimals. */
const AMOUNT_SIGNS = withWordBoundaries(/[€$£₫]|\b(?:EUR|USD|GBP|CAD|SGD|VND|CHF|AUD|KHR)\b|\d[.,]\d{2}(?!\d)/gu);
/** Amounts a titled document needs to read as an invoice when it prints no total: its lines. */
const MIN_AMOUNTS_WITHOUT_TOTAL = 2;

/** The kind a title on the text names, if any. */
export function titledKind(text: string): InvoiceKind | undefined {
  return TITLES.find(({ title }) => title.test(text))?.kind;
}

/**
 * What the document is, when it reads as an invoice, a receipt or a statement: it carries such a
 * title and a total with an amount, or amounts enough to be lines. A letter or an article that
 * mentions an invoice carries neither.
 */
export function invoiceKind(text: string): InvoiceKind | undefined {
  const amounts = text.match(AMOUNT_SIGNS)?.length ?? 0;
  if (amounts < MIN_AMOUNTS_WITHOUT_TOTAL && !(amounts > 0 && TOTAL_LABEL.test(text))) return undefined;
  return titledKind(text);
}
