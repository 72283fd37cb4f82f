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

/** What the provider's block on one document (its letterhead and identifiers) gives as evidence. */
export interface ProviderPlace {
  /** The document's file name. */
  readonly source: string;
  /** The provider's name as the invoice reads it: the reasons name the provider by it. */
  readonly provider: string;
  /** The document's evidence found in that block. */
  readonly evidence: readonly LocationEvidence[];
}

type SourceReading =
  | { readonly kind: 'country'; readonly source: string; readonly support: CountrySupport; readonly provider?: string }
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

/**
 * Where one document points: where its provider's block points, when that block names a place by
 * more than a calling code; a block that names two is read like any source. Otherwise, or with no
 * provider read, the document's evidence as a whole.
 */
function readDocument(source: string, evidence: readonly LocationEvidence[], place: ProviderPlace | undefined): SourceReading {
  if (place) {
    const letterhead = readSource(source, place.evidence);
    if (letterhead.kind === 'conflict') return letterhead;
    if (letterhead.kind === 'country' && !onlyCallingCodes(letterhead.support)) return { ...letterhead, provider: place.provider };
  }
  return readSource(source, evidence);
}

function providerPlaceLine(source: string, provider: string, country: string): string {
  return `the provider's address on ${source} (${provider}) is in ${country}`;
}

/**
 * What the providers' blocks decided, when they set aside other places in their documents that
 * could have decided them (weak evidence, a "$", never could).
 */
function providerLines(country: string, readings: readonly SourceReading[], evidence: readonly LocationEvidence[]): string[] {
  return readings.flatMap((reading) => {
    if (reading.kind !== 'country' || reading.provider === undefined || reading.support.country !== country) return [];
    const setAside = evidence.filter((piece) => piece.source === reading.source && piece.country !== country && rankOf(piece) >= DECIDING_RANK);
    const elsewhere = new Set(setAside.map((piece) => piece.country));
    if (elsewhere.size === 0) return [];
    return [`${providerPlaceLine(reading.source, reading.provider, country)}; other addresses in it (${[...elsewhere].join(', ')}) are not where the treatment took place`];
  });
}

function evidenceLine(piece: LocationEvidence): string {
  return `${piece.source}: ${piece.reason}`;
}

function undecided(conclusion: string, evidence: readonly LocationEvidence[], details: readonly string[] = []): LocationDecision {
  return { country: null, route: null, evidence, reasons: [conclusion, ...details, ...evidence.map(evidenceLine)] };
}

function decided(country: string, route: Route, evidence: readonly LocationEvidence[], readings: readonly SourceReading[]): LocationDecision {
  const others = evidence.filter((piece) => piece.country !== country);
  return {
    country,
    route,
    evidence,
    reasons: [
      `treatment location ${country}, routed to ${route}`,
      ...providerLines(country, readings, evidence),
      ...evidence.filter((piece) => piece.country === country).map(evidenceLine),
      ...(others.length > 0 ? [`also found, not retained: ${others.map(evidenceLine).join('; ')}`] : []),
    ],
  };
}

/**
 * Where treatment took place, and so which administrator pays: the US goes to Cigna Global
 * Health Benefits, anywhere else to MAI. Each source is read on its own first, a document by its
 * provider's block when the invoice reading found one (`providerPlaces`); any disagreement
 * between the US and elsewhere, or too little evidence, leaves the claim to a person.
 */
export function decideTreatmentLocation(evidence: readonly LocationEvidence[], providerPlaces: readonly ProviderPlace[] = []): LocationDecision {
  const sources = [...new Set(evidence.map((piece) => piece.source))];
  const readings = sources.map((source) =>
    readDocument(
      source,
      evidence.filter((piece) => piece.source === source),
      providerPlaces.find((place) => place.source === source),
    ),
  );

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
    const providers = pointing.flatMap(({ source, support, provider }) => (provider === undefined ? [] : [providerPlaceLine(source, provider, support.country)]));
    return undecided(`conflicting evidence: ${sides.join(', ')}`, evidence, providers);
  }
  if (pointingToUs.length > 0) {
    return pointingToUs.some(({ support }) => support.bestRank >= US_ROUTING_RANK)
      ? decided(US, 'CIGNA_US', evidence, readings)
      : undecided('evidence of treatment in US is not strong enough to route without a check', evidence);
  }
  const [elsewhere] = rankCountries(pointingElsewhere.flatMap(({ support }) => support.evidence));
  if (elsewhere && onlyCallingCodes(elsewhere)) {
    return undecided(`only a phone number's country code points to ${elsewhere.country}: a calling code alone does not tell where the treatment took place`, evidence);
  }
  if (elsewhere) return decided(elsewhere.country, 'MAI', evidence, readings);
  return undecided('no evidence of where the treatment took place', evidence);
}
