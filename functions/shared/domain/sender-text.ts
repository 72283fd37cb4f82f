/**
 * Text a sender wrote (a file name, a fax station id, anything a message or a gateway says),
 * made safe to keep and to echo: on one line, without what could disguise it or act on a
 * terminal, and no longer than its kind needs. Escaping for HTML is the output's business
 * (templates/escape-html.ts), not this.
 */

export type SenderTextKind = keyof typeof SENDER_TEXT_LIMITS;

/** Limits in UTF-8 bytes, what stores, headers and file systems count. */
export const SENDER_TEXT_LIMITS = {
  /**
   * A line of what the intake writes or prints: a reason, a line of a message, a line of the ops
   * CLI. The longest our own text makes is under 1 KB (a document's name and what was read of
   * it); only a sender's text could make one longer.
   */
  line: 2000,
  /** File systems stop at 255 bytes; this leaves room for what a store or a mail client adds. */
  filename: 200,
  /**
   * A field a fax gateway writes: a remote station id is at most 20 characters (ITU-T T.30), a
   * caller name 15 (caller ID), a number fewer than 20; room to spare for a gateway's own wording.
   */
  faxField: 64,
} as const;

/**
 * ECMA-48 escape sequences, whole, so that none of their text is left behind: a control
 * sequence (`ESC [` or CSI, parameters, a final byte), a control string (OSC, DCS, SOS, PM, APC,
 * up to its terminator or the end), or any other escape (`ESC` with its intermediates and final).
 */
const ESCAPE_SEQUENCE =
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x2f]*[\x30-\x7e]/g;

/** What ends a line or moves along one: a one-line value holds a space in its place. */
const LINE_BREAKS = /[ \t\n\v\f\r\x85\u2028\u2029]*[\t\n\v\f\r\x85\u2028\u2029][ \t\n\v\f\r\x85\u2028\u2029]*/g;

/**
 * Characters that show nothing and can disguise text, or act on a terminal: control characters
 * (C0 but the line breaks above, DEL, C1), format characters (bidirectional embeddings,
 * overrides, isolates and marks that make "fdp.exe" display as "exe.pdf", zero-width spaces and
 * joiners, tags, the byte order mark), the other default-ignorable ones (Hangul fillers, which
 * pass for letters), unpaired surrogates and the noncharacters U+FFFE and U+FFFF. Some are kept
 * where they belong (keepsInPlace).
 */
const INVISIBLE = /[\0-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cs}\ufffe\uffff]/gu;

const ZERO_WIDTH_NON_JOINER = '\u200c';
const ZERO_WIDTH_JOINER = '\u200d';
const VARIATION_SELECTOR = /^[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]$/u;
/** Persian and Indic words are spelt with (non-)joiners; in Latin, Greek or Cyrillic they only disguise. */
const LETTER_JOINED_BEFORE = /(?=[\p{L}\p{M}])(?![\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{Default_Ignorable_Code_Point}])(?:[\ud800-\udbff][\udc00-\udfff]|[^\ud800-\udfff])$/u;
const LETTER_JOINED_AFTER = /^(?=\p{L})(?![\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{Default_Ignorable_Code_Point}])/u;
const EMOJI_BEFORE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}]\ufe0f?$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;
/** What a variation selector can vary: a character that is itself kept and shows. */
const VARIED_BEFORE = /[^\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cs}\ufffe\uffff]$/u;
/** Code units enough to hold the characters looked at on either side. */
const NEIGHBOURHOOD = 3;

/**
 * A zero-width non-joiner or joiner between two letters of a script other than Latin, Greek and
 * Cyrillic, a joiner inside an emoji sequence, and a variation selector after a character it can
 * vary, are kept: judged by their neighbours in the text as given.
 */
function keepsInPlace(character: string, offset: number, text: string): boolean {
  const before = text.slice(Math.max(0, offset - NEIGHBOURHOOD), offset);
  const after = text.slice(offset + character.length, offset + character.length + NEIGHBOURHOOD);
  if (character === ZERO_WIDTH_NON_JOINER || character === ZERO_WIDTH_JOINER) {
    if (LETTER_JOINED_BEFORE.test(before) && LETTER_JOINED_AFTER.test(after)) return true;
    return character === ZERO_WIDTH_JOINER && EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(after);
  }
  return VARIATION_SELECTOR.test(character) && VARIED_BEFORE.test(before);
}

let graphemes: Intl.Segmenter | undefined;
/** Code units past the limit handed to the segmenter, for the boundaries to be those of the whole text. */
const SEGMENTED_BEYOND_LIMIT = 16;

/**
 * The text cut to at most `maxBytes` of UTF-8 between two user-perceived characters, so that
 * no surrogate pair, combining sequence or emoji sequence is split.
 */
function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  graphemes ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  let kept = '';
  let bytes = 0;
  // What is kept is at most maxBytes code units long: ICU is handed that and what follows it
  // (a boundary depends on the next character alone), not a whole text of megabytes.
  for (const { segment } of graphemes.segment(text.slice(0, maxBytes + SEGMENTED_BEYOND_LIMIT))) {
    bytes += Buffer.byteLength(segment);
    if (bytes > maxBytes) break;
    kept += segment;
  }
  return kept;
}

/**
 * A text more than this many times as long as its limit is read at its start and its end alone:
 * cleaning megabytes of it (a file name can be that long) would take a second for a few bytes
 * kept. A sender who writes more invisible characters than that before their text loses it.
 */
const READ_TIMES_LIMIT = 32;
/** Code units read at the end of such a text: a file name's extension and what comes before it. */
const READ_AT_END = 64;

function bounded(value: string, maxBytes: number): string {
  const maxUnits = maxBytes * READ_TIMES_LIMIT;
  return value.length <= maxUnits ? value : value.slice(0, maxUnits - READ_AT_END) + value.slice(-READ_AT_END);
}

/** A file name's extension, kept when the name is cut: no real one is longer. */
const EXTENSION = /\.[^.\s]{1,9}$/u;

/** The text without escape sequences and invisible characters, on one line, trimmed. */
function visibleOnOneLine(value: string): string {
  return value
    .replace(ESCAPE_SEQUENCE, '')
    .replace(INVISIBLE, (character, offset: number, text: string) => (keepsInPlace(character, offset, text) ? character : ''))
    .replace(LINE_BREAKS, ' ')
    .trim();
}

/**
 * The sender's text made safe to keep or echo: escape sequences and invisible characters
 * removed, line breaks and tabs made spaces, trimmed, and cut to the limit of its kind (a file
 * name keeping its extension). The same text given again comes out unchanged.
 */
export function senderText(value: string, kind: SenderTextKind): string {
  const maxBytes = SENDER_TEXT_LIMITS[kind];
  const text = visibleOnOneLine(bounded(value, maxBytes));
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const extension = kind === 'filename' ? (EXTENSION.exec(text)?.[0] ?? '') : '';
  const cut = cutToBytes(text.slice(0, text.length - extension.length), maxBytes - Buffer.byteLength(extension)) + extension;
  // A joiner the cut left without the letter after it is dropped, as it would be given again.
  return visibleOnOneLine(cut);
}
