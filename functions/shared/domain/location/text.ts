/** Text helpers shared by the detectors. */
import { withoutAccents } from '../text-folding.ts';

/**
 * Text as the detectors read it: one Unicode form, one apostrophe, one hyphen, one kind of space,
 * so that "Levallois–Perret" and "Côte d’Ivoire" match the same patterns as their plain spellings.
 */
export function normalizeForScanning(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2013\u2212]/g, '-')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
}

/** Accents dropped, lower case, one space between words: place names compared however they were typed. */
export function foldForComparison(text: string): string {
  return withoutAccents(text)
    .toLowerCase()
    .replace(/[\s'-]+/g, ' ')
    .trim();
}

/** Not right after a letter or digit, nor inside a web address, e-mail address or file name. */
export const NOT_AFTER_WORD = String.raw`(?<![\p{L}\p{N}_@./-])`;
/** Not right before a letter or digit, nor before the rest of a web or e-mail address. */
export const NOT_BEFORE_WORD = String.raw`(?![\p{L}\p{N}_@-]|\.[\p{L}\p{N}])`;

export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

/** Whether `label` (a non-global pattern) occurs within `reach` characters either side of a match. */
export function hasLabelNear(text: string, match: { index: number; length: number }, label: RegExp, reach: number): boolean {
  const around = text.slice(Math.max(0, match.index - reach), match.index + match.length + reach);
  return label.test(around);
}

/** Regular-expression source matching `literal`'s words, with any spaces, hyphens or apostrophes between them. */
export function flexiblePattern(literal: string): string {
  return literal
    .split(/[\s'-]+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join("[\\s'-]+");
}
