/**
 * linkify-it in its place in the functions' bundles (lib/constructs/project-function.ts). mailparser
 * finds links with it only to build textAsHtml, which the functions never ask for (they parse with
 * skipTextToHtml), but sets it up when it loads: with the full list of top-level domains, that
 * compiled linkify-it's patterns five times at every cold start. Set up here, it compiles nothing;
 * asked to find links, it fails.
 */

const NOT_BUNDLED = 'linkify-it is not bundled: mailparser needs it for textAsHtml, which the functions skip (skipTextToHtml)';

/** What mailparser calls: the set-up it chains when it loads, and the search for links. */
export interface Linkifier {
  tlds(list: unknown, keepOld?: boolean): Linkifier;
  add(schema: string, definition: unknown): Linkifier;
  set(options: unknown): Linkifier;
  pretest(text: string): never;
  match(text: string): never;
}

/** `linkifyIt()`, as mailparser calls it. */
export default function linkifyIt(): Linkifier {
  const linkifier: Linkifier = {
    tlds: () => linkifier,
    add: () => linkifier,
    set: () => linkifier,
    pretest: () => {
      throw new Error(NOT_BUNDLED);
    },
    match: () => {
      throw new Error(NOT_BUNDLED);
    },
  };
  return linkifier;
}
