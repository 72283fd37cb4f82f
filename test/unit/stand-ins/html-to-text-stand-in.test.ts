import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../functions/shared/stand-ins/html-to-text-stand-in.ts';

describe('the html-to-text stand-in', () => {
  it('refuses to convert HTML, which the intake reads in its decoder process only', () => {
    expect(() => htmlToText()).toThrow('html-to-text is not bundled: the intake reads HTML in its decoder process only, and parses mail with skipHtmlToText');
  });
});
