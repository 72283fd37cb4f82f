import type { Glyph } from './pdf-font.ts';

/** UTF-16 bytes of text a page's sink starts with: room for most pages, grown for longer ones. */
const INITIAL_TEXT_BYTES = 16 * 1024;

/**
 * The page's text as it is built: content-stream order, pdf.js's spaces and line ends. Kept as
 * UTF-16 bytes, which cost less to add a glyph to than a string, and made a string once.
 */
export class TextSink {
  private bytes = Buffer.allocUnsafe(INITIAL_TEXT_BYTES);
  private length = 0;
  /** Whether a glyph's text needs normalizing: most pages have none, and are spared a pass over their text. */
  hasCompatibilityCharacters = false;
  hasRightToLeftText = false;

  get text(): string {
    return this.bytes.toString('utf16le', 0, this.length);
  }

  /** A space or a line end. */
  write(separator: string): void {
    this.append(separator);
  }

  writeGlyph(glyph: Glyph): void {
    this.append(glyph.unicode);
    if (glyph.hasCompatibilityCharacters) this.hasCompatibilityCharacters = true;
    if (glyph.hasRightToLeftText) this.hasRightToLeftText = true;
  }

  private append(text: string): void {
    if (this.length + 2 * text.length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(2 * (this.bytes.length + 2 * text.length));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      this.bytes[this.length++] = code & 0xff;
      this.bytes[this.length++] = code >> 8;
    }
  }
}
