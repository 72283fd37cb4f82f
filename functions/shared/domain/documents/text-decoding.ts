const BYTE_ORDER_MARKS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function byteOrderMarkEncoding(content: Buffer): string | undefined {
  return BYTE_ORDER_MARKS.find(({ bytes }) => bytes.every((byte, index) => content[index] === byte))?.encoding;
}

/** Text of a text attachment, in the encoding its byte order mark or its sender declares. */
export function decodeText(content: Buffer, declaredCharset: string | undefined): string {
  try {
    return new TextDecoder(byteOrderMarkEncoding(content) ?? declaredCharset ?? 'utf-8').decode(content);
  } catch {
    // An unknown charset label: UTF-8 is what most mislabelled text is.
    return new TextDecoder('utf-8').decode(content);
  }
}
