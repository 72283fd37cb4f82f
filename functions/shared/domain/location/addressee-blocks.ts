/**
 * Addresses a bill prints for the patient, the member or whoever pays it: where they live or
 * receive mail, never where the treatment took place. A provider abroad prints the member's home
 * address as readily as a US one does.
 */

const labelPattern = (labels: readonly string[], after: string): RegExp =>
  new RegExp(String.raw`^[ \t]*(?:${labels.join('|')})[ \t]*` + after, 'iu');

/** Labels of an address, at a line's start, before a colon or alone: "Patient address:", "Facturé à :", "BILL TO". */
const ADDRESS_LABEL = labelPattern(
  [
    'patient(?:e)?[ \\t]+address',
    'adresse[ \\t]+d[eu][ \\t]+(?:la[ \\t]+)?patient(?:e)?',
    "adresse[ \\t]+de[ \\t]+l['’](?:adh[ée]rent|assur[ée])(?:e)?",
    'adresse[ \\t]+de[ \\t]+facturation',
    'dirección[ \\t]+del[ \\t]+paciente',
    'patientenadresse',
    '(?:member|insured|home|billing|mailing)[ \\t]+address',
    'bill(?:ed)?[ \\t]+to',
    'factur[ée](?:e)?[ \\t]+à',
    'facturar[ \\t]+a',
    'rechnung(?:sadresse|[ \\t]+an)',
  ],
  '(?::|$)',
);
/**
 * Labels of a person, alone on their line: an address follows. Beside a name ("Patient: SMITH
 * William") they label that line only, and the lines below are the bill's own.
 */
const PERSON_LABEL_ALONE = labelPattern(['patient(?:e|in)?', 'paciente', 'adh[ée]rent(?:e)?', 'assur[ée](?:e)?', 'guarantor'], ':?[ \\t]*$');

/** Another "Label:" line ("Date of service:", "N° d'adhérent :") ends the block: addresses carry no such line. */
const LABELLED_LINE = /^[ \t]*[\p{L}\p{N}°.'’ ]{2,40}[ \t]*:/u;
/** An address has at most six lines (UPU S42); the label's own line may hold the first. */
const MAX_ADDRESS_LINES = 6;

const blank = (line: string): string => line.replace(/[^\n]/g, ' ');

/** Labelled addressee blocks blanked out (lines kept, so lines stay lines): from the label to a blank or labelled line. */
export function maskAddresseeBlocks(text: string): string {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (!ADDRESS_LABEL.test(lines[index]!) && !PERSON_LABEL_ALONE.test(lines[index]!)) continue;
    lines[index] = blank(lines[index]!);
    const end = Math.min(lines.length, index + 1 + MAX_ADDRESS_LINES);
    let next = index + 1;
    for (; next < end; next++) {
      const line = lines[next]!;
      if (line.trim() === '' || LABELLED_LINE.test(line)) break;
      lines[next] = blank(line);
    }
    index = next - 1;
  }
  return lines.join('\n');
}
