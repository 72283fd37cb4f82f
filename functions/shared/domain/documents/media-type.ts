/** RFC 2045 token characters, for a media type and subtype. */
const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/;

/**
 * A declared media type as given, lower-cased, when it is one, else the type that promises
 * nothing: a part may declare an empty, missing or garbled type, and what we store and forward
 * the document under must still be a valid header value.
 */
export function mediaType(value: unknown): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return MEDIA_TYPE.test(trimmed) ? trimmed.toLowerCase() : 'application/octet-stream';
}
