import { ADMINISTRATORS, ASSISTANCE } from '../administrators.ts';
import { normalizePhoneNumber } from '../phone-number.ts';

/**
 * The claims administrators' own addresses and numbers. Members quote them and forward their
 * letters; they tell where the administrator is, never where the treatment took place.
 */

/** "F-92300": the country letter before a postcode, often left out when the address is quoted. */
const POSTCODE_COUNTRY_PREFIX = /^[A-Z]{1,3}-(?=\d)/;
/** "19850-5050": the ZIP+4 extension, often left out when the address is quoted. */
const ZIP_PLUS_FOUR = /-\d{4}$/;
const OPTIONAL_ZIP_PLUS_FOUR = '(?:-\\d{4})?';
/** Abbreviations such as "PO", "DE", "USA" are also written "P.O.", "D.E.", "U.S.A.". */
const ABBREVIATION = /^[A-Z]{2,3}$/;
const WORD = /[\p{L}\p{N}]+/gu;
const BETWEEN_WORDS = '[\\s,.-]*';
const BETWEEN_LINES = '[\\s,]+';

function wordPattern(word: string): string {
  return ABBREVIATION.test(word) ? [...word].map((letter) => `${letter}\\.?`).join('\\s?') : word;
}

function linePattern(line: string): string {
  const countryPrefix = POSTCODE_COUNTRY_PREFIX.exec(line)?.[0];
  const words = line.replace(POSTCODE_COUNTRY_PREFIX, '').replace(ZIP_PLUS_FOUR, '').match(WORD) ?? [];
  const optionalPrefix = countryPrefix ? `(?:${countryPrefix})?` : '';
  const optionalExtension = ZIP_PLUS_FOUR.test(line) ? OPTIONAL_ZIP_PLUS_FOUR : '';
  return optionalPrefix + words.map(wordPattern).join(BETWEEN_WORDS) + optionalExtension;
}

/** One address line alone may be a clinic's in the same town; two in a row are the administrator's. */
const MIN_QUOTED_LINES = 2;

function consecutiveRuns<T>(items: readonly T[], minLength: number): T[][] {
  const runs: T[][] = [];
  for (let first = 0; first < items.length; first++) {
    for (let end = first + minLength; end <= items.length; end++) runs.push(items.slice(first, end));
  }
  return runs;
}

/** "PO Box 15050, Wilmington DE 19850", "Wilmington, DE 19850-5050, USA": longest runs first, to mask all of a quote. */
function addressPattern(postalAddress: readonly string[]): RegExp {
  const runs = consecutiveRuns(postalAddress.map(linePattern), MIN_QUOTED_LINES).sort(
    (one, other) => other.length - one.length,
  );
  return new RegExp(runs.map((run) => run.join(BETWEEN_LINES)).join('|'), 'giu');
}

const ADMINISTRATOR_ADDRESSES: readonly RegExp[] = Object.values(ADMINISTRATORS).map((administrator) =>
  addressPattern(administrator.postalAddress),
);

/** The administrators' addresses blanked out (line breaks kept, so lines stay lines). */
export function maskAdministratorAddresses(text: string): string {
  return ADMINISTRATOR_ADDRESSES.reduce(
    (masked, address) => masked.replace(address, (found) => found.replace(/[^\n]/g, ' ')),
    text,
  );
}

const ADMINISTRATOR_NUMBERS: ReadonlySet<string> = new Set(
  [
    ...Object.values(ADMINISTRATORS).flatMap((administrator) =>
      [...administrator.phones, ...administrator.faxes].map((contact) => contact.number),
    ),
    ASSISTANCE.outsideUsa.phone,
    ...ASSISTANCE.outsideUsa.faxes,
  ].flatMap((number) => normalizePhoneNumber(number) ?? []),
);

/** Whether an E.164 number is one of the administrators' or Cigna assistance's. */
export function isAdministratorNumber(e164: string): boolean {
  return ADMINISTRATOR_NUMBERS.has(e164);
}
