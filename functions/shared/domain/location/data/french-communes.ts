import { readFileSync } from 'node:fs';
import { requireInstalled } from '../../../require-installed.ts';
import { foldForComparison } from '../text.ts';

/** A commune of France or of an overseas department or collectivity, with La Poste's postcodes. */
export interface Commune {
  readonly name: string;
  /** ISO 3166-1 alpha-2: FR, or the overseas department's or collectivity's own (RE for La Réunion). */
  readonly country: string;
  /** The commune's postcodes ("75001"... for Paris). */
  readonly postcodes: readonly string[];
}

/** The fields of @etalab/decoupage-administratif's communes.json read here. */
type CommuneList = readonly { readonly nom: string; readonly departement: string; readonly codesPostaux?: readonly string[] }[];

/**
 * The INSEE codes of the overseas departments and collectivities, and their own ISO 3166-1 codes:
 * a claim from La Réunion is not a claim from France. Saint-Barthélemy (977) and Saint-Martin
 * (978) have postcodes in Guadeloupe's range (97133, 97150): the commune, not the postcode, tells.
 */
const OVERSEAS_COUNTRIES: Readonly<Record<string, string>> = {
  '971': 'GP',
  '972': 'MQ',
  '973': 'GF',
  '974': 'RE',
  '975': 'PM',
  '976': 'YT',
  '977': 'BL',
  '978': 'MF',
  '986': 'WF',
  '987': 'PF',
  '988': 'NC',
};

/** A name however it is typed, "St" and "Ste" as "Saint" and "Sainte" (La Poste's labels and many addresses shorten them). */
export function foldCommuneName(name: string): string {
  return foldForComparison(name).replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint');
}

/**
 * Every commune that has a postcode, by folded name (several communes share one: "Saint-Denis").
 * The communes and their postcodes are @etalab/decoupage-administratif's: INSEE's Code officiel
 * géographique with La Poste's base officielle des codes postaux. Its file is parsed, not
 * required: the module cache would keep all 37,600 communes with every field (27 MB of heap).
 */
export function communesByFoldedName(): Map<string, Commune[]> {
  const file = requireInstalled.resolve('@etalab/decoupage-administratif/data/communes.json');
  const communes = JSON.parse(readFileSync(file, 'utf8')) as CommuneList;
  const byName = new Map<string, Commune[]>();
  for (const { nom, departement, codesPostaux } of communes) {
    if (!codesPostaux?.length) continue;
    const folded = foldCommuneName(nom);
    const commune = { name: nom, country: OVERSEAS_COUNTRIES[departement] ?? 'FR', postcodes: codesPostaux };
    byName.set(folded, [...(byName.get(folded) ?? []), commune]);
  }
  return byName;
}
