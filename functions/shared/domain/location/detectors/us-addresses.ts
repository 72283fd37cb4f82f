import { ZIP_PREFIX_RANGES_BY_STATE } from '../data/us-zip-prefixes.ts';
import type { Finding } from '../finding.ts';
import { allMatches } from '../../matches.ts';
import { isNotAfterWord } from '../../word-boundaries.ts';

/** "Fremont, CA 94538", "New York, NY 10001-1234": a state code then a ZIP code, ZIP+4 allowed; not after a word. */
const STATE_AND_ZIP = new RegExp(
  `(${Object.keys(ZIP_PREFIX_RANGES_BY_STATE).join('|')})\\.?,?[ \\t]+(\\d{5})(?:-\\d{4})?(?![\\p{N}])`,
  'gu',
);

function zipBelongsToState(state: string, zip: string): boolean {
  const prefix = Number(zip.slice(0, 3));
  return (ZIP_PREFIX_RANGES_BY_STATE[state] ?? []).some(([first, last]) => prefix >= first && prefix <= last);
}

/** US postal addresses; only the 5-digit ZIP is reported, the +4 narrowing to a few houses. */
export function detectUsAddresses(text: string): Finding[] {
  return allMatches(text, STATE_AND_ZIP, isNotAfterWord).flatMap(([, state = '', zip = '']) =>
    zipBelongsToState(state, zip)
      ? [{ country: 'US', strength: 'strong' as const, reason: `US state and ZIP code ${state} ${zip} (US)` }]
      : [],
  );
}
