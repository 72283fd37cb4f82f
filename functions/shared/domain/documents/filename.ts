import type { DocumentType } from '../types.ts';

/** File systems stop at 255 bytes; this leaves room for what a store or a mail client adds. */
const MAX_FILENAME_BYTES = 200;
/** Longer than any real extension: a dot further from the end is part of the name. */
const MAX_EXTENSION_CHARS = 10;

const EXTENSION_BY_TYPE: Readonly<Record<DocumentType, string>> = {
  pdf: 'pdf',
  tiff: 'tif',
  jpeg: 'jpg',
  png: 'png',
  gif: 'gif',
  heic: 'heic',
  webp: 'webp',
  text: 'txt',
  html: 'html',
  office: 'bin',
  other: 'bin',
};

// Control characters, and the bidirectional overrides that make "fdp.exe" display as "exe.pdf".
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Characters Windows refuses in file names; the administrators save attachments on Windows.
const RESERVED_CHARACTERS = /[<>:"|?*]/g;

/**
 * Some mailers (Yahoo among them) write UTF-8 names as raw 8-bit header bytes, which the parser
 * reads as Latin-1: read those bytes again as UTF-8 when they are valid UTF-8. A character cut
 * off at the end (the mailer truncated the name) is dropped.
 */
function repairUtf8ReadAsLatin1(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  try {
    // Streaming leaves a trailing incomplete sequence undecoded instead of failing on it.
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(name, 'latin1'), { stream: true });
    // Only a name that held multi-byte sequences was UTF-8; "CAFÉ" in Latin-1 is left alone.
    return /[^\u0000-\u007f]/.test(decoded) ? decoded : name;
  } catch {
    return name;
  }
}

function truncateKeepingExtension(name: string): string {
  if (Buffer.byteLength(name) <= MAX_FILENAME_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= MAX_EXTENSION_CHARS ? name.slice(dot) : '';
  let kept = '';
  let bytes = Buffer.byteLength(extension);
  for (const character of name.slice(0, name.length - extension.length)) {
    bytes += Buffer.byteLength(character);
    if (bytes > MAX_FILENAME_BYTES) break;
    kept += character;
  }
  return kept + extension;
}

/** The sender's file name made safe to store and forward: no path, no control characters. */
export function sanitiseFilename(declared: string): string {
  const repaired = repairUtf8ReadAsLatin1(declared);
  const baseName = repaired.split(/[/\\]/).pop() ?? '';
  const cleaned = baseName
    .replace(UNSAFE_CHARACTERS, '')
    .replace(RESERVED_CHARACTERS, '_')
    .replace(/\s+/g, ' ')
    // Leading dots hide a file; trailing dots and spaces are dropped by Windows.
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return truncateKeepingExtension(cleaned);
}

/**
 * Name a document is stored and forwarded under: the sender's, sanitised, or when there is none
 * left, one made from its position and detected type ("attachment-2.pdf").
 */
export function documentFilename(declared: string | undefined, type: DocumentType, position: number): string {
  const sanitised = declared === undefined ? '' : sanitiseFilename(declared);
  return sanitised === '' ? `attachment-${position}.${EXTENSION_BY_TYPE[type]}` : sanitised;
}
