import { createHash } from 'node:crypto';
import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import type { Deadline } from '../deadline.ts';
import type { DocumentFile, DocumentType } from '../types.ts';
import { isMessageDecoration } from './decoration.ts';
import { detectDocumentType } from './detect-type.ts';
import type { DocumentDecoder } from './document-decoder.ts';
import { htmlOnlyBody, readBodyText } from './body-text.ts';
import { readDocumentText } from './document-text.ts';
import { documentFilename } from './filename.ts';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './limits.ts';
import { structuredHeader } from './mail-headers.ts';
import { mediaType } from './media-type.ts';
import { MIME_LIMIT_OPTIONS, whyMimeUnreadable } from './mime-limits.ts';
import { textBeyondReadLimit, textNotRead, type TextReading } from './text-reading.ts';

export interface EmbeddedMessageText {
  readonly subject: string;
  readonly text: string;
  /** Why its body, in HTML alone, was not read: the decoder was stopped past a bound, or failed. */
  readonly notReadReason?: string;
}

export interface ReadMessageResult {
  readonly documents: DocumentFile[];
  /** Text of messages attached as message/rfc822 (forwarded mail), for evidence. */
  readonly embeddedTexts: EmbeddedMessageText[];
}

/** What reading a message's documents takes: the decoder, the claim's deadline and the limits. */
export interface DocumentReading {
  readonly decoder: DocumentDecoder;
  /**
   * The claim's deadline. Reading takes a share of it (maxReadMsPerClaim); when the claim's own
   * time runs out while documents are read, reading stops with DeadlineExceededError, since the
   * next try starts with a full budget.
   */
  readonly deadline: Deadline;
  /**
   * The claim's time for reading documents, started by whatever read before them (the body).
   * @default - the claim's deadline within maxReadMsPerClaim, from the start of this reading
   */
  readonly readingTime?: Deadline;
  readonly limits?: Partial<DocumentLimits>;
}

/** Bounds and time of one message's reading. */
interface ReadingBounds {
  readonly decoder: DocumentDecoder;
  readonly claim: Deadline;
  readonly readingTime: Deadline;
  readonly limits: DocumentLimits;
}

const READING_WORK = 'reading the documents';

/** A message attached as message/rfc822, its body not read yet. */
interface EmbeddedMessage {
  readonly subject: string;
  readonly mail: ParsedMail;
}

/** An attachment that is a document, and why it will not be read when that is known already. */
interface DocumentPart {
  readonly attachment: Attachment;
  readonly type: DocumentType;
  readonly unreadReason?: string;
  /** The parser refused it: a person must look at it. */
  readonly damaged?: boolean;
}

/**
 * mailparser hashes every attachment as it decodes it, MD5 unless told otherwise: parsed with this,
 * an attachment's checksum is the SHA-256 its document is known by, and nothing hashes it twice.
 */
export const DOCUMENT_HASH_OPTIONS = { checksumAlgo: 'sha256' } as const;
const SHA256_HEX_LENGTH = 64;

// cid: links are kept so that the HTML does not hold a second copy of every inline image. HTML
// is never read here: an HTML body is read in the decoder process (readBodyText).
const EMBEDDED_MESSAGE_PARSE_OPTIONS = {
  keepCidLinks: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipHtmlToText: true,
  ...MIME_LIMIT_OPTIONS,
  ...DOCUMENT_HASH_OPTIONS,
} as const;

/** mailparser gives no type (false) for an empty or unparsable Content-Type, and keeps garbage as it came. */
function hasValidContentType(attachment: Attachment): boolean {
  return typeof attachment.contentType === 'string' && mediaType(attachment.contentType) === attachment.contentType.trim().toLowerCase();
}

function isEmbeddedMessage(attachment: Attachment): boolean {
  return mediaType(attachment.contentType) === 'message/rfc822';
}

/**
 * Walks the message and the messages attached to it. The work is bounded by the depth: each
 * embedded message is a part of the one holding it, so every level reads the message once more.
 */
async function collectDocumentParts(
  mail: ParsedMail,
  depth: number,
  limits: DocumentLimits,
  result: { parts: DocumentPart[]; embedded: EmbeddedMessage[] },
): Promise<void> {
  const html = mail.html || '';
  for (const attachment of mail.attachments) {
    const type = detectDocumentType(attachment.content);
    if (!isEmbeddedMessage(attachment)) {
      if (!isMessageDecoration(attachment, type, html)) result.parts.push({ attachment, type });
      continue;
    }
    if (depth >= limits.maxEmbeddedMessageDepth) {
      const unreadReason = `forwarded message beyond the ${limits.maxEmbeddedMessageDepth}-level nesting limit: not opened`;
      result.parts.push({ attachment, type, unreadReason });
      continue;
    }
    let embedded: ParsedMail;
    try {
      embedded = await simpleParser(attachment.content, EMBEDDED_MESSAGE_PARSE_OPTIONS);
    } catch (error) {
      result.parts.push({ attachment, type, unreadReason: `forwarded message could not be read: ${whyMimeUnreadable(error)}`, damaged: true });
      continue;
    }
    result.embedded.push({ subject: embedded.subject ?? '', mail: embedded });
    await collectDocumentParts(embedded, depth + 1, limits, result);
  }
}

/** The checksum mailparser computed, unless the message was parsed without DOCUMENT_HASH_OPTIONS. */
function sha256Of(attachment: Attachment): string {
  const { checksum } = attachment;
  return checksum?.length === SHA256_HEX_LENGTH ? checksum : createHash('sha256').update(attachment.content).digest('hex');
}

/** Reads one text within its share of the reading time, or says that the reading time ran out. */
async function readWithinTime(bounds: ReadingBounds, read: (deadline: Deadline) => Promise<TextReading>): Promise<TextReading> {
  const { limits } = bounds;
  bounds.claim.throwIfPassed(READING_WORK);
  if (bounds.readingTime.hasPassed()) return textBeyondReadLimit(`the claim's ${limits.maxReadMsPerClaim / 1000}-second document reading time ran out`);
  const reading = await read(bounds.readingTime.within(limits.maxReadMsPerDocument));
  // Cut short by the claim's own time, not by the document: the next try reads it whole.
  bounds.claim.throwIfPassed(READING_WORK);
  return reading;
}

async function readText(part: DocumentPart, position: number, bounds: ReadingBounds): Promise<TextReading> {
  const { limits } = bounds;
  if (part.unreadReason !== undefined) return textNotRead(part.unreadReason);
  if (position > limits.maxAttachments) return textBeyondReadLimit(`attachment beyond the ${limits.maxAttachments}-attachment read limit`);
  const charset = structuredHeader(part.attachment.headers, 'content-type')?.params['charset'];
  return readWithinTime(bounds, (deadline) => readDocumentText(part.attachment.content, part.type, charset, limits, bounds.decoder, deadline));
}

async function readEmbeddedText({ subject, mail }: EmbeddedMessage, bounds: ReadingBounds): Promise<EmbeddedMessageText> {
  if (htmlOnlyBody(mail) === undefined) return { subject, text: mail.text ?? '' };
  const body = await readWithinTime(bounds, (deadline) => readBodyText(mail, bounds.decoder, deadline));
  return { subject, text: body.text, ...(body.textRead ? {} : { notReadReason: body.notReadReason ?? 'not read' }) };
}

async function readPart(part: DocumentPart, position: number, bounds: ReadingBounds): Promise<DocumentFile> {
  const { attachment, type } = part;
  return {
    filename: documentFilename(attachment.filename, type, position),
    declaredContentType: mediaType(attachment.contentType),
    type,
    size: attachment.content.length,
    sha256: sha256Of(attachment),
    content: attachment.content,
    ...(await readText(part, position, bounds)),
    ...(part.damaged ? { damaged: true } : {}),
    ...(hasValidContentType(attachment) ? {} : { irregular: 'sent without a valid content type' }),
  };
}

/**
 * The documents of a message: every attachment, those of forwarded messages included, typed by
 * content, hashed, named safely and, within the limits, read for text. Signature images and
 * signatures of signed mail are left out. A document whose reading passes a bound is kept, unread, with why.
 */
export async function readMessageDocuments(mail: ParsedMail, reading: DocumentReading): Promise<ReadMessageResult> {
  const limits: DocumentLimits = { ...DEFAULT_DOCUMENT_LIMITS, ...reading.limits };
  const readingTime = reading.readingTime ?? reading.deadline.within(limits.maxReadMsPerClaim);
  const bounds: ReadingBounds = { decoder: reading.decoder, claim: reading.deadline, readingTime, limits };
  const found = { parts: [] as DocumentPart[], embedded: [] as EmbeddedMessage[] };
  await collectDocumentParts(mail, 0, limits, found);
  const embeddedTexts: EmbeddedMessageText[] = [];
  for (const embedded of found.embedded) embeddedTexts.push(await readEmbeddedText(embedded, bounds));
  const documents: DocumentFile[] = [];
  // One at a time: pdf.js needs several times a PDF's size in memory while it reads it.
  for (const [index, part] of found.parts.entries()) documents.push(await readPart(part, index + 1, bounds));
  return { documents, embeddedTexts };
}
