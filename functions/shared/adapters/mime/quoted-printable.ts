/** RFC 2045 §6.7: encoded lines of at most 76 characters, a soft line break `=` included. */
const MAX_LINE = 76;
const SOFT_BREAK = '=';
const HEX = '0123456789ABCDEF';

const isLiteral = (byte: number) => (byte >= 0x21 && byte <= 0x7e && byte !== 0x3d) || byte === 0x20 || byte === 0x09;
const escaped = (byte: number) => `=${HEX[byte >> 4]}${HEX[byte & 0x0f]}`;

/** One line of text (no line break in it) as quoted-printable lines joined by soft breaks. */
function encodeLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  const output: string[] = [];
  let current = '';
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] ?? 0;
    const last = index === bytes.length - 1;
    // Blank at the end of a line would be stripped in transport (§6.7 rule 3).
    const token = isLiteral(byte) && !(last && (byte === 0x20 || byte === 0x09)) ? String.fromCharCode(byte) : escaped(byte);
    // The last token may take the column a soft break would need.
    const room = last ? MAX_LINE : MAX_LINE - SOFT_BREAK.length;
    if (current.length + token.length > room) {
      output.push(current + SOFT_BREAK);
      current = '';
    }
    current += token;
  }
  output.push(current);
  return output.join('\r\n');
}

/** UTF-8 text as a quoted-printable body with CRLF line breaks, ending in one (the delimiter's, not the text's). */
export function quotedPrintable(text: string): string {
  return `${text.split(/\r\n|\r|\n/).map(encodeLine).join('\r\n')}\r\n`;
}
