/**
 * Header fields written from values that may come from outside (a subject quoting the member's,
 * a file name the member chose, a Message-ID their client set): every value is either plain
 * printable ASCII or encoded, and no value can end a line, so none can add a header.
 */

import { senderText } from '../../domain/sender-text.ts';

/** RFC 5322 §2.1.1: lines should not exceed 78 characters. */
const MAX_LINE = 78;
/** RFC 2047 §2: an encoded word is at most 75 characters. */
const MAX_ENCODED_WORD = 75;
const ENCODED_WORD_FRAME = '=?UTF-8?B??='.length;
/** RFC 2231 continuations are kept short enough to fit a folded line with their name. */
const MAX_PARAMETER_SECTION = 60;
const FOLD = '\r\n ';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** RFC 5322 atext plus the blank: a display name that needs no quoting. */
const PLAIN_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/;
/** Conservative addr-spec: no blank, no angle bracket, no comma, no quote, one @. */
const ADDRESS = /^[^\s<>(),;:"@\\[\]]+@[^\s<>(),;:"@\\[\]]+$/;
const NAMED_ADDRESS = /^(.*?)\s*<([^<>]+)>$/;
/** RFC 5322 msg-id, restricted to what has no quoting or folding in it. */
const MESSAGE_ID = /^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>$/;
/** RFC 2231 attribute-char: what needs no percent-encoding in an extended parameter value. */
const ATTRIBUTE_CHARACTER = /[A-Za-z0-9!#$&+\-.^_`|~]/;

export class InvalidHeaderValueError extends Error {
  override readonly name = 'InvalidHeaderValueError';
}

/** On one line, and without what could disguise a sender's text (a file name, a quoted subject). */
const oneLine = (value: string) => senderText(value, 'line');

/** RFC 2047 B encoded words of whole characters, each within the length limit. */
function encodedWords(value: string): string[] {
  const words: string[] = [];
  let characters = '';
  for (const character of value) {
    const candidate = characters + character;
    if (ENCODED_WORD_FRAME + Math.ceil(Buffer.byteLength(candidate) / 3) * 4 > MAX_ENCODED_WORD) {
      words.push(characters);
      characters = character;
    } else {
      characters = candidate;
    }
  }
  words.push(characters);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`);
}

/** Words joined by blanks, folded before a word that would pass the line length. */
function foldWords(name: string, words: readonly string[]): string {
  let line = `${name}:`;
  const lines: string[] = [];
  for (const word of words) {
    if (line.length + 1 + word.length > MAX_LINE && line.trim().length > name.length + 1) {
      lines.push(line);
      line = '';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join('\r\n');
}

/** A text field (Subject): printable ASCII as written, anything else in encoded words; folded. */
export function textField(name: string, value: string): string {
  const text = oneLine(value);
  const words = text.split(/ +/).filter(Boolean);
  const longestWord = MAX_LINE - name.length - 2;
  const plain = PRINTABLE_ASCII.test(text) && !text.includes('=?') && words.every((word) => word.length <= longestWord);
  return foldWords(name, plain ? words : encodedWords(text));
}

function phrase(displayName: string): string {
  const name = oneLine(displayName);
  if (PLAIN_PHRASE.test(name)) return name;
  if (PRINTABLE_ASCII.test(name)) return `"${name.replace(/["\\]/g, '\\$&')}"`;
  return encodedWords(name).join(' ');
}

/** An address a header field can carry as it is: printable ASCII, one @, nothing that quotes, comments or separates. */
export const isPlainAddress = (address: string): boolean => ADDRESS.test(address) && PRINTABLE_ASCII.test(address);

function addrSpec(address: string): string {
  const trimmed = address.trim();
  if (!isPlainAddress(trimmed)) throw new InvalidHeaderValueError('An address is not a plain email address');
  return trimmed;
}

/** `address@domain` or `Display Name <address@domain>`, written with the name quoted or encoded as it needs. */
export function mailbox(value: string): string {
  const named = NAMED_ADDRESS.exec(value.trim());
  if (!named) return addrSpec(value);
  const [, displayName = '', address = ''] = named;
  return displayName ? `${phrase(displayName.replace(/^"(.*)"$/, '$1'))} <${addrSpec(address)}>` : addrSpec(address);
}

export function addressField(name: string, values: readonly string[]): string {
  return `${name}: ${values.map(mailbox).join(`,${FOLD}`)}`;
}

/** The domain of a mailbox, for the Message-ID of what it sends. */
export const domainOf = (value: string): string => mailbox(value).replace(/^.*@([^>]+)>?$/, '$1');

export const isMessageId = (value: string): boolean => MESSAGE_ID.test(value);

/** Message identifiers one per line; any that is not a plain msg-id is left out. */
export function messageIdsField(name: string, ids: readonly string[]): string | undefined {
  const valid = ids.filter(isMessageId);
  return valid.length > 0 ? `${name}: ${valid.join(FOLD)}` : undefined;
}

export { mediaType } from '../../domain/documents/media-type.ts';

const percentEncoded = (value: string) =>
  [...Buffer.from(value, 'utf8')]
    .map((byte) => {
      const character = String.fromCharCode(byte);
      return ATTRIBUTE_CHARACTER.test(character) ? character : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

/** Percent-encoded sections of at most MAX_PARAMETER_SECTION characters, never splitting an escape. */
function sections(encoded: string): string[] {
  const result: string[] = [];
  let start = 0;
  while (start < encoded.length) {
    let end = Math.min(start + MAX_PARAMETER_SECTION, encoded.length);
    const escapeStart = encoded.lastIndexOf('%', end - 1);
    if (escapeStart > end - 3 && escapeStart >= start && end < encoded.length) end = escapeStart;
    result.push(encoded.slice(start, end));
    start = end;
  }
  return result;
}

/**
 * A parameter such as `filename`: a quoted string when the value is short printable ASCII,
 * else RFC 2231 extended (UTF-8, percent-encoded) in continuations, one per folded line.
 */
export function parameter(name: string, value: string): string {
  const text = oneLine(value);
  if (PRINTABLE_ASCII.test(text) && text.length <= MAX_PARAMETER_SECTION) return `${name}="${text.replace(/["\\]/g, '\\$&')}"`;
  const parts = sections(percentEncoded(text));
  if (parts.length === 1) return `${name}*=UTF-8''${parts[0] ?? ''}`;
  return parts.map((part, index) => `${name}*${index}*=${index === 0 ? "UTF-8''" : ''}${part}`).join(`;${FOLD}`);
}
