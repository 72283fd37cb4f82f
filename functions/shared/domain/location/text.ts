/** Text helpers shared by the detectors. */
import { withoutAccents } from '../text-folding.ts';

/** Typographic variants of characters, and the plain character the detectors read for them. */
const PLAIN_FORMS: readonly (readonly [variants: string, plain: string])[] = [
  ['\u2018\u2019\u02bc', "'"],
  ['\u2010\u2011\u2012\u2013\u2212', '-'],
  ['\u00a0\u2007\u202f', ' '],
];
const PLAIN_FORM_OF = new Map(PLAIN_FORMS.flatMap(([variants, plain]) => [...variants].map((variant) => [variant, plain] as const)));
const TYPOGRAPHIC_VARIANT = new RegExp(`[${PLAIN_FORMS.map(([variants]) => variants).join('')}]`, 'g');

/**
 * Text as the detectors read it: one Unicode form, one apostrophe, one hyphen, one kind of space,
 * so that "Levallois–Perret" and "Côte d’Ivoire" match the same patterns as their plain spellings.
 */
export function normalizeForScanning(text: string): string {
  return text.normalize('NFC').replace(TYPOGRAPHIC_VARIANT, (variant) => PLAIN_FORM_OF.get(variant) ?? variant);
}

/** Accents dropped, lower case, one space between words: place names compared however they were typed. */
export function foldForComparison(text: string): string {
  return withoutAccents(text)
    .toLowerCase()
    .replace(/[\s'-]+/g, ' ')
    .trim();
}

export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

/** Whether `label` (a non-global pattern) occurs within `reach` characters either side of a match. */
export function hasLabelNear(text: string, match: { index: number; length: number }, label: RegExp, reach: number): boolean {
  const around = text.slice(Math.max(0, match.index - reach), match.index + match.length + reach);
  return label.test(around);
}
