import { senderText } from '../sender-text.ts';
import type { DocumentType } from '../types.ts';

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

// Leading dots hide a file; trailing dots and spaces are dropped by Windows.
const DOTS_AND_SPACES_AT_ENDS = /^[\s.]+|[\s.]+$/g;

function cleanedOnce(name: string): string {
  // Made visible before the path is taken off: an escape sequence can hold a slash.
  const visible = senderText(repairUtf8ReadAsLatin1(name), 'line');
  const baseName = visible.split(/[/\\]/).pop() ?? '';
  const trimmed = baseName.replace(RESERVED_CHARACTERS, '_').replace(DOTS_AND_SPACES_AT_ENDS, '');
  return senderText(trimmed, 'filename').replace(DOTS_AND_SPACES_AT_ENDS, '');
}

/**
 * The sender's file name made safe to store and forward: no path, nothing a sender's text may
 * not hold (domain/sender-text.ts), nothing Windows refuses, cut keeping its extension. Cleaned
 * until nothing changes, since cleaning can uncover more to clean: an invisible character kept a
 * name written in UTF-8 from being read again, or a trimmed dot leaves a variation selector first.
 */
export function sanitiseFilename(declared: string): string {
  let name = declared;
  for (let previous = ''; name !== previous; ) {
    previous = name;
    name = cleanedOnce(name);
  }
  return name;
}

/**
 * Name a document is stored and forwarded under: the sender's, sanitised, or when there is none
 * left, one made from its position and detected type ("attachment-2.pdf").
 */
export function documentFilename(declared: string | undefined, type: DocumentType, position: number): string {
  const sanitised = declared === undefined ? '' : sanitiseFilename(declared);
  return sanitised === '' ? `attachment-${position}.${EXTENSION_BY_TYPE[type]}` : sanitised;
}
