/** Decodes bytes that arrive in chunks, as iconv-lite's decoders do. */
export interface ChunkDecoder {
  /** The text of the bytes so far, holding back those of a character the chunk leaves unfinished. */
  write(chunk: Uint8Array): string;
  /** The text of the bytes held back, U+FFFD for a character the input ends in the middle of. */
  end(): string | undefined;
}

/** The platform's decoder for a WHATWG encoding, which keeps what a chunk leaves unfinished for the next. */
export function textDecoderOf(encoding: string): ChunkDecoder {
  const decoder = new TextDecoder(encoding);
  return {
    write: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  };
}
