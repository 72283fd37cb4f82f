import { allMatches } from './matches.ts';
import { isNotAfterLetterOrNumber } from './word-boundaries.ts';
import { withoutAccentsOrCompatibilityForms } from './text-folding.ts';
import type { TextSource } from './types.ts';

export interface MemberNumberCandidate {
  readonly value: string;
  readonly source: string;
  /** Found right after a label such as "N° d'adhérent" or "Member ID". */
  readonly labelled: boolean;
}

/** Each candidate costs a directory lookup; a claim names its member number once or twice. */
const MAX_CANDIDATES = 20;
/** A label vouches for a short number, but not for a word or a two-digit count. */
const LABELLED_LENGTH = { min: 4, max: 24 } as const;
const MIN_LABELLED_DIGITS = 3;
/**
 * Without a label, only what looks like an identifier: long enough to be one, short enough not to
 * be a bank account, with enough digits not to be a word (and not to be a French postcode).
 */
const UNLABELLED_LENGTH = { min: 6, max: 20 } as const;
const MIN_UNLABELLED_DIGITS = 5;

/** "n°", "no.", "numéro", "number", "#": what French and English write before or after a label. */
const NUMBER_WORD = String.raw`(?:n\s?°|no\.?|nr\.?|num(?:ero)?\.?|number|#)`;
const OF = String.raw`(?:(?:de|du|d['’]|de\s+l['’])\s*)?`;
/** Labels of a member number, matched on lower-case text without accents. */
const LABELS: readonly string[] = [
  String.raw`(?:${NUMBER_WORD}\s*${OF})?adherent(?:\(e\)|e)?`,
  String.raw`(?:${NUMBER_WORD}\s*${OF})?certificat(?:e)?(?:\s*(?:number|no\.?|#|id))?`,
  String.raw`member(?:ship)?\s*(?:id|number|no\.?|#|n\s?°)`,
  String.raw`(?:${NUMBER_WORD}\s*${OF})membre`,
  String.raw`polic(?:y|e)\s*(?:number|no\.?|#|id|n\s?°|numero)`,
  String.raw`${NUMBER_WORD}\s*${OF}(?:police|contrat|cfe)`,
  String.raw`contract\s*(?:number|no\.?|#)`,
  String.raw`cigna\s*(?:member\s*)?(?:id|number|no\.?|#|n\s?°)`,
  String.raw`(?:id|identifiant)\s*(?:cigna|adherent|membre)`,
  String.raw`matricule(?:\s*cfe)?`,
];
/** What may stand between a label and its value: ":", "#", "n°", "is", "est le", one line break. */
const SEPARATOR_RUN = String.raw`[ \t]*(?:(?:[:#=–-]|n\s?°|no\.|(?:is|est|le|the)(?=\s))[ \t]*)*`;
const SEPARATOR = String.raw`${SEPARATOR_RUN}(?:\r?\n${SEPARATOR_RUN})?`;
/** Letters and digits, hyphens kept within: "12345678", "A1234567", "FR-CFE-004512". */
const TOKEN = String.raw`[a-z0-9]+(?:-[a-z0-9]+)*`;

/** The insurer named after a label: "adhérent CFE : ...", "member number Cigna: ...". */
const QUALIFIER = String.raw`(?:\s*(?:cfe|cigna)(?=[\s:#]))?`;

/** A label not right after a letter or digit (isNotAfterLetterOrNumber), then its value. */
const LABELLED_NUMBER = new RegExp(String.raw`(?:${LABELS.join('|')})${QUALIFIER}(?![a-z])${SEPARATOR}(${TOKEN})`, 'gu');
/** A token not within a word (isTokenStart). */
const UNLABELLED_TOKEN = new RegExp(String.raw`${TOKEN}(?![\p{L}\p{N}])`, 'gu');

const PLUS = 0x2b;

/** Not right after a letter, a digit, or the "+" of a phone number's country code. */
function isTokenStart(text: string, index: number): boolean {
  return text.charCodeAt(index - 1) !== PLUS && isNotAfterLetterOrNumber(text, index);
}

const AMOUNT = String.raw`(?<![\p{L}\p{N}])(?:\d{1,3}(?:[ .,'\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?!\d)`;
const CURRENCY = String.raw`[$€£]|\b(?:eur|euros?|usd|dollars?|gbp|chf|cad)\b`;
/** A provider's or a bank's identifier: groups that each hold a digit ("123 456 789 00012"). */
const IDENTIFIER_GROUPS = String.raw`[a-z0-9]*\d[a-z0-9]*(?:[ .-][a-z0-9]*\d[a-z0-9]*)*`;

/** Numbers of one kind that are never member numbers. */
interface Mask {
  readonly pattern: RegExp;
  /** A character every match holds: a text without it is not searched. */
  readonly holding?: string;
}

/** Numbers that are never member numbers, blanked out before searching. */
const NOT_MEMBER_NUMBERS: readonly Mask[] = [
  { pattern: /\b(?:https?:\/\/|www\.)\S+/gu },
  // From the start of the local part only: the same matches, without retrying from each of its letters.
  { pattern: /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu, holding: '@' },
  // International phone numbers: "+33 1 23 45 67 89", "+1 (212) 555-0100".
  { pattern: /\+[ \t]?\d(?:[ \t.()-]{0,2}\d){6,14}/gu, holding: '+' },
  // US phone numbers: "(212) 555-0100", "(870)-931-0505", "212-555-0100".
  { pattern: /\(\d{3}\)[ \t.-]*\d{3}[ \t.-]\d{4}\b/gu },
  { pattern: /\b\d{3}[.-]\d{3}[.-]\d{4}\b/gu },
  // Numbers after a phone label: "Tél : 01 23 45 67 89".
  { pattern: /\b(?:tel|telephone|phone|fax|mobile|portable|cell|gsm)\b\.?[ \t]*:?[ \t]*\d[\d \t().-]{5,}\d/gu },
  // Dates: "12/03/2024", "12-03-24", "2024-03-12".
  { pattern: /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/gu },
  { pattern: /\b\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b/gu },
  // Amounts: "€ 1 234,56", "150.00 USD", "123456,78".
  {
    pattern: new RegExp(String.raw`(?:${CURRENCY})\s?(?:${AMOUNT})|(?:${AMOUNT})\s?(?:${CURRENCY})|\b\d+(?:[ .,']\d{3})*[.,]\d{2}\b`, 'gu'),
  },
  // Identifiers of providers and banks: SIRET, NPI, FINESS, RPPS, IBAN, VAT, bank accounts...
  {
    pattern: new RegExp(
      String.raw`\b(?:siret|siren|npi|finess|rpps|adeli|iban|bic|rib|tva|vat|ein|tax id|bank account|account (?:number|no\.?))(?![a-z])${SEPARATOR}${IDENTIFIER_GROUPS}`,
      'gu',
    ),
  },
];

const blank = (found: string): string => ' '.repeat(found.length);

/** Lower case without accents; "º" becomes "o", fullwidth digits plain digits. */
function searchableText(text: string): string {
  const plain = withoutAccentsOrCompatibilityForms(text).toLowerCase();
  return NOT_MEMBER_NUMBERS.reduce(
    (masked, { pattern, holding }) => (holding === undefined || masked.includes(holding) ? masked.replace(pattern, blank) : masked),
    plain,
  );
}

function digitCount(token: string): number {
  let digits = 0;
  for (let index = 0; index < token.length; index += 1) {
    const code = token.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) digits += 1;
  }
  return digits;
}

function isLabelledNumber(token: string): boolean {
  return token.length >= LABELLED_LENGTH.min && token.length <= LABELLED_LENGTH.max && digitCount(token) >= MIN_LABELLED_DIGITS;
}

function isIdentifierLike(token: string): boolean {
  const isZipPlusFour = /^\d{5}-\d{4}$/.test(token);
  return (
    token.length >= UNLABELLED_LENGTH.min &&
    token.length <= UNLABELLED_LENGTH.max &&
    digitCount(token) >= MIN_UNLABELLED_DIGITS &&
    !isZipPlusFour
  );
}

function labelledNumbers(text: string): string[] {
  return allMatches(text, LABELLED_NUMBER, isNotAfterLetterOrNumber).map((match) => match[1] ?? '').filter(isLabelledNumber);
}

function unlabelledNumbers(text: string): string[] {
  return allMatches(text, UNLABELLED_TOKEN, isTokenStart).map((match) => match[0]).filter(isIdentifierLike);
}

export interface MemberNumberSearch {
  /** Numbers right after a label, each once, in the order of the sources. */
  readonly labelled: readonly MemberNumberCandidate[];
  /**
   * Anything shaped like an identifier and not already labelled, each once, in the order of the
   * sources; searched for when asked only, as most claims label the member number.
   */
  unlabelled(): readonly MemberNumberCandidate[];
}

function distinctValues(found: readonly MemberNumberCandidate[], excluded: ReadonlySet<string>, limit: number): MemberNumberCandidate[] {
  const candidates = new Map<string, MemberNumberCandidate>();
  for (const candidate of found) {
    const value = candidate.value.toUpperCase();
    if (!excluded.has(value) && !candidates.has(value)) candidates.set(value, { ...candidate, value });
  }
  return [...candidates.values()].slice(0, limit);
}

/**
 * Member numbers the texts may hold, for the directory to confirm: labelled ones first, then
 * anything shaped like an identifier; at most MAX_CANDIDATES in all. Recall matters more than
 * precision, the directory filters.
 */
export function searchMemberNumbers(sources: readonly TextSource[]): MemberNumberSearch {
  const searchable = sources.map((source) => ({ source: source.source, text: searchableText(source.text) }));
  const labelled = distinctValues(
    searchable.flatMap(({ source, text }) => labelledNumbers(text).map((value) => ({ value, source, labelled: true }))),
    new Set(),
    MAX_CANDIDATES,
  );
  return {
    labelled,
    unlabelled: () =>
      distinctValues(
        searchable.flatMap(({ source, text }) => unlabelledNumbers(text).map((value) => ({ value, source, labelled: false }))),
        new Set(labelled.map(({ value }) => value)),
        MAX_CANDIDATES - labelled.length,
      ),
  };
}
