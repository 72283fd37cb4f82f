import { createHash } from 'node:crypto';
import type { Language } from '../domain/types.ts';
import { escapeHtml } from '../templates/escape-html.ts';

/** The page's only style: inline, and allowed by its hash, so the policy can forbid everything else. */
const STYLE = [
  'body{margin:0;background:#fff;color:#1a1a1a;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
  'main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}',
  'h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}',
  'h2{font-size:1.125rem;margin:2rem 0 .5rem}',
  '.status{margin:0 0 1.5rem;padding:.75rem 1rem;border-left:.25rem solid #1d4f91;background:#eef3fa;font-size:1.125rem}',
  'dt{font-weight:600}',
  'dd{margin:0 0 .75rem}',
  'ol,ul{padding-left:1.25rem}',
  'a{color:#1d4f91}',
  'a:focus-visible{outline:3px solid #1d4f91;outline-offset:2px}',
  '.note{margin-top:2rem;color:#4a4a4a;font-size:.9375rem}',
].join('');

/**
 * What the status page may load: nothing but its own inline style. No script, image, frame or
 * form, and no page may frame it.
 */
export const STATUS_PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A whole page around `body` (HTML already escaped by the caller). */
export function statusPageDocument(language: Language, title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
