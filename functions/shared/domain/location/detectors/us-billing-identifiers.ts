import { isValidNpi } from '../checksums.ts';
import type { Finding } from '../finding.ts';
import { allMatches } from '../../matches.ts';

/** "NPI: 1234567893": a National Provider Identifier a few characters after its label. */
const LABELLED_NPI = /\b(?:NPI|National\s+Provider\s+Identifier)\b[^\d\n]{0,20}(\d{10})(?!\d)/gi;

/** "EIN 12-3456789", "Tax ID: 12-3456789": the federal employer number of the provider. */
const LABELLED_EIN =
  /\b(?:EIN|FEIN|Federal\s+Tax\s+ID|Tax\s+ID|TIN|Employer\s+Identification\s+Number)\b[^\d\n]{0,15}(\d{2}-\d{7})(?!\d)/gi;

const PROCEDURE_CODE_LABEL = /\b(?:CPT|HCPCS|procedure\s+codes?)\b/i;
/** CPT category I (00100-99607), categories II and III (4 digits + F or T), HCPCS level II (letter + 4 digits). */
const PROCEDURE_CODE = String.raw`(\d{5}|\d{4}[FT]|[A-V]\d{4})`;
const LABELLED_PROCEDURE_CODE = new RegExp(
  String.raw`\b(?:CPT|HCPCS)(?:[ \t]+codes?)?[ \t]*[:#]?[ \t]*${PROCEDURE_CODE}\b`,
  'gi',
);
/** A line of an itemized bill: optional service date, a code, a description, an amount at the end. */
const ITEMIZED_LINE = new RegExp(
  String.raw`^[ \t]*(?:\d{1,2}\/\d{1,2}\/\d{2,4}[ \t]+)?${PROCEDURE_CODE}[ \t]+\p{L}[^\n]*?\d[.,]\d{2}[ \t]*$`,
  'gmu',
);
const FIRST_CPT_CODE = 100;
const LAST_CPT_CODE = 99607;

function isProcedureCode(code: string): boolean {
  if (!/^\d{5}$/.test(code)) return true;
  const value = Number(code);
  return value >= FIRST_CPT_CODE && value <= LAST_CPT_CODE;
}

/** Procedure codes are health data: only how many were found is reported. */
function procedureCodeFindings(text: string): Finding[] {
  const labelled = allMatches(text, LABELLED_PROCEDURE_CODE);
  const itemized = PROCEDURE_CODE_LABEL.test(text) ? allMatches(text, ITEMIZED_LINE) : [];
  const codes = new Set(
    [...labelled, ...itemized].flatMap(([, code = '']) => (isProcedureCode(code) ? [code.toUpperCase()] : [])),
  );
  return codes.size === 0
    ? []
    : [{ country: 'US', strength: 'medium', reason: `CPT/HCPCS procedure codes (${codes.size}) (US)` }];
}

/** Identifiers only US medical billing uses. */
export function detectUsBillingIdentifiers(text: string): Finding[] {
  const npis = allMatches(text, LABELLED_NPI).flatMap(([, npi = '']) =>
    isValidNpi(npi) ? [{ country: 'US', strength: 'strong' as const, reason: `valid NPI ${npi} (US)` }] : [],
  );
  const eins = allMatches(text, LABELLED_EIN).map(([, ein]) => ({
    country: 'US',
    strength: 'medium' as const,
    reason: `employer identification number (EIN) ${ein} (US)`,
  }));
  return [...npis, ...procedureCodeFindings(text), ...eins];
}
