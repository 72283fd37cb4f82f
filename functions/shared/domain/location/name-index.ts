/** Code units below this are ASCII, told apart by a table. */
const ASCII_END = 0x80;

/** Separators between the words of a name: "Phnom Penh", "Levallois-Perret", "Côte d'Ivoire". */
const WORD_SEPARATOR = /[\s'-]/;
const IS_ASCII_WORD_SEPARATOR = Array.from({ length: ASCII_END }, (_, code) => WORD_SEPARATOR.test(String.fromCharCode(code)));

/** Whether a UTF-16 code unit (NaN past the end of a text) is a separator. */
function isWordSeparator(code: number): boolean {
  if (code < ASCII_END) return IS_ASCII_WORD_SEPARATOR[code]!;
  return !Number.isNaN(code) && WORD_SEPARATOR.test(String.fromCharCode(code));
}

interface TrieNode {
  /** The UTF-16 code units that lead to the children, in the children's order: most nodes have one. */
  readonly childCodes: number[];
  readonly children: TrieNode[];
  /** Where a name goes on with its next word, after a run of separators. */
  afterSeparator: TrieNode | undefined;
  /** The place in the list of the first name that ends here, or -1. */
  rank: number;
}

const newNode = (): TrieNode => ({ childCodes: [], children: [], afterSeparator: undefined, rank: -1 });

/** The child of a node by UTF-16 code unit (NaN past the end of a text: none). */
function childOf(node: TrieNode, code: number): TrieNode | undefined {
  const { childCodes } = node;
  for (let index = 0; index < childCodes.length; index += 1) if (childCodes[index] === code) return node.children[index];
  return undefined;
}

/**
 * Names found as the alternation of their words joined by `[\s'-]+` finds them, the first listed
 * winning, without a regular expression: a pattern of three hundred names scans every position of
 * a text, where this trie of their characters is only walked from where a name may start.
 */
export class NameIndex {
  private readonly root = newNode();

  /** Which ASCII characters a name starts with: the test most positions of a text get. */
  private readonly asciiStarts: boolean[];

  /** Names in order of preference, each as its words. */
  constructor(names: readonly (readonly string[])[]) {
    names.forEach((words, rank) => this.add(words, rank));
    this.asciiStarts = Array.from({ length: ASCII_END }, (_, code) => childOf(this.root, code) !== undefined);
  }

  /** Whether a name starts with this UTF-16 code unit. */
  startsWith(code: number): boolean {
    return code < ASCII_END ? this.asciiStarts[code]! : childOf(this.root, code) !== undefined;
  }

  /**
   * Where the first-listed name that starts at `start`, and that `endsWell` accepts the end of,
   * ends; undefined when none does.
   */
  endOfNameAt(text: string, start: number, endsWell: (text: string, end: number) => boolean): number | undefined {
    let bestRank = Infinity;
    let bestEnd: number | undefined;
    let index = start;
    for (let node: TrieNode | undefined = this.root; node !== undefined; ) {
      if (node.rank >= 0 && node.rank < bestRank && endsWell(text, index)) {
        bestRank = node.rank;
        bestEnd = index;
      }
      const code = text.charCodeAt(index);
      if (node.afterSeparator !== undefined && isWordSeparator(code)) {
        do index += 1;
        while (isWordSeparator(text.charCodeAt(index)));
        node = node.afterSeparator;
      } else {
        node = childOf(node, code);
        index += 1;
      }
    }
    return bestEnd;
  }

  private add(words: readonly string[], rank: number): void {
    let node = this.root;
    words.forEach((word, position) => {
      if (position > 0) node = node.afterSeparator ??= newNode();
      for (let index = 0; index < word.length; index += 1) {
        const code = word.charCodeAt(index);
        let child = childOf(node, code);
        if (child === undefined) {
          child = newNode();
          node.childCodes.push(code);
          node.children.push(child);
        }
        node = child;
      }
    });
    if (node.rank < 0) node.rank = rank;
  }
}
