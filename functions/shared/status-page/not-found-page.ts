import type { Language } from '../domain/types.ts';
import { escapeHtml } from '../templates/escape-html.ts';
import { MESSAGES } from '../templates/messages.ts';
import { statusPageDocument } from './page-layout.ts';

/**
 * The one page for every link that does not lead to a claim (malformed, forged, expired, or for
 * a claim that does not exist), so that nothing tells them apart.
 */
export function renderNotFoundPage(language: Language): string {
  const { notFound } = MESSAGES[language].statusPage;
  return statusPageDocument(
    language,
    notFound.title,
    [`<h1>${escapeHtml(notFound.title)}</h1>`, `<p>${escapeHtml(notFound.explanation)}</p>`, `<p>${escapeHtml(notFound.help)}</p>`].join('\n'),
  );
}
