import type { Deadline } from '../domain/deadline.ts';
import { readMessageDocuments, type DocumentDecoder } from '../domain/documents/index.ts';
import type { TextSource } from '../domain/types.ts';
import type { IntakeContext } from './context.ts';

/**
 * Lists the documents (forwarded messages' ones included) and gathers every text to search;
 * documents are decoded by the decoder, each within its share of the claim's deadline.
 */
export async function readDocuments(context: IntakeContext, decoder: DocumentDecoder, deadline: Deadline): Promise<IntakeContext> {
  const { documents, embeddedTexts } = await readMessageDocuments(context.mail, { decoder, deadline });
  const messageTexts: TextSource[] = [
    { source: 'subject', text: context.mail.subject ?? '' },
    { source: 'body', text: context.mail.text ?? '' },
    ...embeddedTexts.map((embedded, index) => ({
      source: `forwarded message ${index + 1}`,
      text: `${embedded.subject}\n${embedded.text}`,
    })),
  ];
  return { ...context, documents, messageTexts };
}
