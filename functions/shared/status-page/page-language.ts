import type { ClaimRecord } from '../domain/claim.ts';
import type { Language } from '../domain/types.ts';

/** Most members are French expatriates. */
const DEFAULT_LANGUAGE: Language = 'fr';
const LANGUAGES: readonly Language[] = ['fr', 'en'];

/** The language the claim's reply was written in, when it was one language only. */
export function replyLanguageOf(claim: ClaimRecord): Language | undefined {
  const language = claim.acknowledgement?.language;
  return language === 'fr' || language === 'en' ? language : undefined;
}

/** The page language the browser prefers (Accept-Language, by quality, then order), French by default. */
export function acceptedLanguage(acceptLanguage: string | undefined): Language {
  let best: { language: Language; quality: number } | undefined;
  for (const range of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const language = LANGUAGES.find((candidate) => tag === candidate || tag.startsWith(`${candidate}-`));
    const qualityParameter = parameters.find((parameter) => parameter.startsWith('q='));
    const quality = qualityParameter ? Number(qualityParameter.slice(2)) : 1;
    if (language && Number.isFinite(quality) && quality > 0 && quality > (best?.quality ?? 0)) best = { language, quality };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}
