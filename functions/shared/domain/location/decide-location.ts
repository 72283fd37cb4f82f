import type { LocationDecision, LocationEvidence, Route } from '../types.ts';
import { isPhoneNumberEvidence } from './detectors/phone-numbers.ts';
import { STRENGTH_RANK } from './finding.ts';

const US = 'US';
/** Evidence that can make a source point to a country; weak evidence only tips. */
const DECIDING_RANK = STRENGTH_RANK.medium;
/** Cigna Global Health Benefits is sent a claim only on strong evidence of the US. */
const US_ROUTING_RANK = STRENGTH_RANK.strong;

interface CountrySupport {
  readonly country: string;
  readonly evidence: readonly LocationEvidence[];
  readonly bestRank: number;
}

type SourceReading =
  | { readonly kind: 'country'; readonly source: string; readonly support: CountrySupport }
  | { readonly kind: 'conflict'; readonly source: string; readonly countries: readonly string[] }
  | { readonly kind: 'undecided'; readonly source: string };

function rankOf(piece: LocationEvidence): number {
  return STRENGTH_RANK[piece.strength];
}

function countAtBest(support: CountrySupport): number {
  return support.evidence.filter((piece) => rankOf(piece) === support.bestRank).length;
}

/** Countries by weight: strongest piece, then how many pieces that strong, then how many in all; first found first. */
function rankCountries(evidence: readonly LocationEvidence[]): CountrySupport[] {
  const byCountry = new Map<string, LocationEvidence[]>();
  for (const piece of evidence) byCountry.set(piece.country, [...(byCountry.get(piece.country) ?? []), piece]);
  return [...byCountry]
    .map(([country, pieces]) => ({ country, evidence: pieces, bestRank: Math.max(...pieces.map(rankOf)) }))
    .sort(
      (first, second) =>
        second.bestRank - first.bestRank ||
        countAtBest(second) - countAtBest(first) ||
        second.evidence.length - first.evidence.length,
    );
}

/** Where one source points: its best-supported country, unless the US and elsewhere are equally supported. */
function readSource(source: string, evidence: readonly LocationEvidence[]): SourceReading {
  const deciding = rankCountries(evidence).filter((support) => support.bestRank >= DECIDING_RANK);
  const [top] = deciding;
  if (!top) return { kind: 'undecided', source };
  const tied = deciding.filter((support) => support.bestRank === top.bestRank);
  const tiedUs = tied.find((support) => support.country === US);
  const tiedElsewhere = tied.find((support) => support.country !== US);
  if (tiedUs && tiedElsewhere) return { kind: 'conflict', source, countries: [tiedUs.country, tiedElsewhere.country] };
  return { kind: 'country', source, support: top };
}

/** A fax caller's number, or a number in a letter, is where a line was rented, not where a doctor practises. */
function onlyCallingCodes(support: CountrySupport): boolean {
  return support.evidence.filter((piece) => rankOf(piece) >= DECIDING_RANK).every(isPhoneNumberEvidence);
}

function evidenceLine(piece: LocationEvidence): string {
  return `${piece.source}: ${piece.reason}`;
}

function undecided(conclusion: string, evidence: readonly LocationEvidence[]): LocationDecision {
  return { country: null, route: null, evidence, reasons: [conclusion, ...evidence.map(evidenceLine)] };
}

function decided(country: string, route: Route, evidence: readonly LocationEvidence[]): LocationDecision {
  const others = evidence.filter((piece) => piece.country !== country);
  return {
    country,
    route,
    evidence,
    reasons: [
      `treatment location ${country}, routed to ${route}`,
      ...evidence.filter((piece) => piece.country === country).map(evidenceLine),
      ...(others.length > 0 ? [`also found, not retained: ${others.map(evidenceLine).join('; ')}`] : []),
    ],
  };
}

/**
 * Where treatment took place, and so which administrator pays: the US goes to Cigna Global
 * Health Benefits, anywhere else to MAI. Each source is read on its own first; any disagreement
 * between the US and elsewhere, or too little evidence, leaves the claim to a person.
 */
export function decideTreatmentLocation(evidence: readonly LocationEvidence[]): LocationDecision {
  const sources = [...new Set(evidence.map((piece) => piece.source))];
  const readings = sources.map((source) => readSource(source, evidence.filter((piece) => piece.source === source)));

  const conflicting = readings.flatMap((reading) => (reading.kind === 'conflict' ? [reading] : []));
  if (conflicting.length > 0) {
    const within = conflicting.map(({ source, countries }) => `${source} (${countries.join(' and ')} equally supported)`);
    return undecided(`conflicting evidence within ${within.join(', ')}`, evidence);
  }

  const pointing = readings.flatMap((reading) => (reading.kind === 'country' ? [reading] : []));
  const pointingToUs = pointing.filter(({ support }) => support.country === US);
  const pointingElsewhere = pointing.filter(({ support }) => support.country !== US);
  if (pointingToUs.length > 0 && pointingElsewhere.length > 0) {
    const sides = pointing.map(({ source, support }) => `${source} points to ${support.country}`);
    return undecided(`conflicting evidence: ${sides.join(', ')}`, evidence);
  }
  if (pointingToUs.length > 0) {
    return pointingToUs.some(({ support }) => support.bestRank >= US_ROUTING_RANK)
      ? decided(US, 'CIGNA_US', evidence)
      : undecided('evidence of treatment in US is not strong enough to route without a check', evidence);
  }
  const [elsewhere] = rankCountries(pointingElsewhere.flatMap(({ support }) => support.evidence));
  if (elsewhere && onlyCallingCodes(elsewhere)) {
    return undecided(`only a phone number's country code points to ${elsewhere.country}: a calling code alone does not tell where the treatment took place`, evidence);
  }
  if (elsewhere) return decided(elsewhere.country, 'MAI', evidence);
  return undecided('no evidence of where the treatment took place', evidence);
}
