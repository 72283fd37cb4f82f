import { describe, expect, it } from 'vitest';
import { searchMemberNumbers } from '../../functions/shared/domain/member-number.ts';

/** Every candidate of a body text, labelled ones marked. */
function candidates(text: string): string[] {
  const search = searchMemberNumbers([{ source: 'body', text }]);
  return [...search.labelled, ...search.unlabelled()].map(({ value, labelled }) => (labelled ? `${value} (labelled)` : value));
}

describe('searchMemberNumbers: what is not a member number', () => {
  it('leaves out e-mail addresses and international phone numbers, and only them', () => {
    expect(candidates('contact: jean.dupont@example.fr 12345678')).toEqual(['12345678']);
    expect(candidates('tel +33 123456789 ref 98765432')).toEqual(['98765432']);
    expect(candidates("N° d'adhérent: 12345678, mail a@b.fr")).toEqual(['12345678 (labelled)']);
  });

  it('takes a label or a number only where a word starts', () => {
    expect(candidates('xadherent 12345678')).toEqual(['12345678']);
    expect(candidates('+12345678 A1234567')).toEqual(['A1234567']);
    expect(candidates('adhérent+ 1234567')).toEqual([]);
  });
});
