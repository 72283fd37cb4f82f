import { describe, expect, it } from 'vitest';
import linkifyIt from '../../../functions/shared/stand-ins/linkify-it-stand-in.ts';
import topLevelDomains from '../../../functions/shared/stand-ins/tlds-stand-in.ts';

describe('the linkify-it stand-in', () => {
  it('takes the set-up mailparser chains when it loads', () => {
    const linkifier = linkifyIt();
    expect(
      linkifier
        .tlds(topLevelDomains)
        .tlds('onion', true)
        .add('git:', 'http:')
        .add('ftp:', null)
        .set({ fuzzyIP: true, fuzzyLink: true, fuzzyEmail: true })
        .add('@', { validate: () => 0 }),
    ).toBe(linkifier);
  });

  it('refuses to look for links, which mailparser does only to build textAsHtml', () => {
    const linkifier = linkifyIt();
    const notBundled = 'linkify-it is not bundled: mailparser needs it for textAsHtml, which the functions skip (skipTextToHtml)';
    expect(() => linkifier.pretest('see https://example.org')).toThrow(notBundled);
    expect(() => linkifier.match('see https://example.org')).toThrow(notBundled);
  });
});
