/**
 * The member's own signature at the end of their message: their home address and phone number,
 * not where they were treated.
 */

/** "-- " (RFC 3676), as mail programs write it, with or without its trailing space. */
const SIGNATURE_SEPARATOR = /^-- ?$/;
/** A closing alone on its line: what follows is the signature. */
const CLOSING =
  /^[ \t]*(?:(?:best|kind|warm|many thanks and|with)?[ \t]*regards|sincerely(?: yours)?|yours (?:sincerely|truly|faithfully)|thanks?(?: you)?(?: in advance)?|cheers|(?:bien )?cordialement|bien (?:à|a) vous|salutations(?: distinguées)?|merci(?: d'avance| beaucoup)?|(?:un )?saludo(?:s)?(?: cordiales)?|atentamente|mit freundlichen grüßen|(?:viele|beste|liebe) grüße|met vriendelijke groet(?:en)?)[ \t]*[,.!]?[ \t]*$/iu;
/** A quoted or forwarded message below the signature is not the member's signature. */
const QUOTED_MESSAGE =
  /^[ \t]*(?:-{2,}[ \t]*(?:forwarded message|original message|message transféré|message d'origine|mensaje (?:reenviado|original)|weitergeleitete nachricht|ursprüngliche nachricht)|début du message (?:réexpédié|transféré)|begin forwarded message|on .{1,200} wrote:$|le .{1,200} a écrit ?:$|>)/iu;

/**
 * The member's message without their signature: from the last "-- " or closing line above any
 * quoted message, to that quoted message or the end.
 */
export function withoutMemberSignature(text: string): string {
  const lines = text.split('\n');
  const quoted = lines.findIndex((line) => QUOTED_MESSAGE.test(line));
  const end = quoted < 0 ? lines.length : quoted;
  const start = lines.slice(0, end).findLastIndex((line) => SIGNATURE_SEPARATOR.test(line) || CLOSING.test(line));
  if (start < 0) return text;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}
