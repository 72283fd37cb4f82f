/**
 * The list of top-level domains (14 KB) in its place in the functions' bundles
 * (lib/constructs/project-function.ts): mailparser hands it to linkify-it alone, whose stand-in
 * (./linkify-it-stand-in.ts) finds no links and keeps no list.
 */
const topLevelDomains: readonly string[] = [];

export default topLevelDomains;
