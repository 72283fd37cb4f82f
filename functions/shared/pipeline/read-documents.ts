import type { Deadline } from '../domain/deadline.ts';
import { readMessageDocuments, type DocumentDecoder } from '../domain/documents/index.ts';
import type { TextSource } from '../domain/types.ts';
import { required, type IntakeContext } from './context.ts';

/** A text to search, with why it was not read when it was not. */
const textSource = (source: string, text: string, notReadReason: string | undefined): TextSource => ({
  source,
  text,
  ...(notReadReason === undefined ? {} : { notReadReason }),
});

/**
 * Lists the documents (forwarded messages' ones included) and gathers every text to search;
 * documents are decoded by the decoder, each within its share of the claim's document reading
 * time (readingTime, which the body's reading started; by default it starts here).
 */
export async function readDocuments(context: IntakeContext, decoder: DocumentDecoder, deadline: Deadline, readingTime?: Deadline): Promise<IntakeContext> {
  const { documents, embeddedTexts } = await readMessageDocuments(context.mail, { decoder, deadline, ...(readingTime ? { readingTime } : {}) });
  const body = required(context.body, 'the body');
  const messageTexts: TextSource[] = [
    { source: 'subject', text: context.mail.subject ?? '' },
    textSource('body', body.text, body.textRead ? undefined : body.notReadReason),
    ...embeddedTexts.map((embedded, index) => textSource(`forwarded message ${index + 1}`, `${embedded.subject}\n${embedded.text}`, embedded.notReadReason)),
  ];
  return { ...context, documents, messageTexts };
}
