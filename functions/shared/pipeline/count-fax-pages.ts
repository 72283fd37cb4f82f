import type { IntakeContext } from './context.ts';

/** A fax whose gateway did not say how many pages it had has the pages its files were decoded to. */
export function countFaxPages(context: IntakeContext): IntakeContext {
  if (context.channel !== 'fax' || context.fax?.pages !== undefined) return context;
  const pages = (context.documents ?? []).reduce((sum, document) => sum + (document.pageCount ?? 0), 0);
  return pages > 0 ? { ...context, fax: { ...context.fax, pages } } : context;
}
