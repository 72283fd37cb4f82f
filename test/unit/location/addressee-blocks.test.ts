import { describe, expect, it } from 'vitest';
import { maskAddresseeBlocks } from '../../../functions/shared/domain/location/addressee-blocks.ts';
import { withoutMemberSignature } from '../../../functions/shared/domain/location/member-signature.ts';

/** What of a text is left once masked: its non-blank lines, trimmed. */
const kept = (text: string) =>
  maskAddresseeBlocks(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

describe('maskAddresseeBlocks', () => {
  it('blanks a labelled block up to a blank line, keeping every line break', () => {
    const text = 'Clinique du Parc\n69006 Lyon\nAdresse du patient :\nJohn Carter\nDallas, TX 75201\n\nFACTURE';
    const masked = maskAddresseeBlocks(text);

    expect(masked.split('\n')).toHaveLength(7);
    expect(masked).toHaveLength(text.length);
    expect(kept(text)).toEqual(['Clinique du Parc', '69006 Lyon', 'FACTURE']);
  });

  it('ends a block at the next labelled line, and reads the label line\'s own address', () => {
    expect(kept('Bill to: John Carter, 4100 Main Street\nDallas, TX 75201\nDate of service: 11/07/2026\nOffice visit 80.00')).toEqual([
      'Date of service: 11/07/2026',
      'Office visit 80.00',
    ]);
  });

  it('ends a block after the six lines an address has at most', () => {
    expect(kept('BILL TO\n1\n2\n3\n4\n5\n6\nBoston, MA 02115')).toEqual(['Boston, MA 02115']);
  });

  it('reads "Patient:" beside a name as that line\'s label only, and alone on its line as an address\'s', () => {
    expect(kept('Patient: SMITH William\nGeneral consultation USD 60.00')).toEqual(['Patient: SMITH William', 'General consultation USD 60.00']);
    expect(kept('Patiente :\nMme Marie Dupont\n12 rue Montorgueil\n75002 Paris\n\nConsultation 30,00 €')).toEqual(['Consultation 30,00 €']);
  });

  it('leaves lines that only start like a label: "Member ID", "Patient name"', () => {
    const text = 'Member ID: 20481632\nPatient name: John Carter\nBoston, MA 02115';
    expect(maskAddresseeBlocks(text)).toBe(text);
  });
});

describe('withoutMemberSignature', () => {
  it('drops everything from the last closing line', () => {
    expect(withoutMemberSignature('Hello,\n\nThanks,\nthe bill is attached.\n\nKind regards,\nBill Smith\nPhnom Penh')).toBe(
      'Hello,\n\nThanks,\nthe bill is attached.\n',
    );
  });

  it('drops a signature after "-- " but keeps the message quoted below it', () => {
    expect(withoutMemberSignature('See below.\n-- \nBill Smith, Dallas TX 75201\nOn Mon, 7 Dec 2026, Clinic wrote:\n> Paris clinic')).toBe(
      'See below.\nOn Mon, 7 Dec 2026, Clinic wrote:\n> Paris clinic',
    );
  });

  it('leaves a message with no closing as it is', () => {
    expect(withoutMemberSignature('I was treated in Lyon.\nBill Smith')).toBe('I was treated in Lyon.\nBill Smith');
  });
});
