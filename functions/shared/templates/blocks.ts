import { senderText } from '../domain/sender-text.ts';
import type { Language } from '../domain/types.ts';
import { escapeHtml } from './escape-html.ts';

/** The building blocks of every outgoing message, rendered alike to text and to HTML. */
export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  /** Consecutive lines kept together, such as a postal address. */
  | { readonly kind: 'lines'; readonly lines: readonly string[] }
  | { readonly kind: 'list'; readonly title: string; readonly items: readonly string[] }
  | { readonly kind: 'link'; readonly label: string; readonly url: string };

export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

/** One language's version of a message. */
export interface LocalizedVersion {
  readonly language: Language;
  readonly subject: string;
  readonly blocks: readonly Block[];
}

export interface RenderedMessage {
  /** The versions' subjects joined, on one line. */
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * Every value on one line, so that it can neither inject a header nor break a layout, and without
 * what could disguise a sender's text in it (a file name, a fax station id).
 */
const singleLine = (value: string): string => senderText(value, 'line');

const TEXT_SECTION_SEPARATOR = '\n\n--------------------\n\n';

function blockToText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return singleLine(block.text);
    case 'lines':
      return block.lines.map(singleLine).join('\n');
    case 'list':
      return [singleLine(block.title), ...block.items.map((item) => `- ${singleLine(item)}`)].join('\n');
    case 'link':
      return `${singleLine(block.label)}\n${singleLine(block.url)}`;
  }
}

function html(value: string): string {
  return escapeHtml(singleLine(value));
}

function blockToHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${html(block.text)}</p>`;
    case 'lines':
      return `<p>${block.lines.map(html).join('<br>')}</p>`;
    case 'list':
      return `<p>${html(block.title)}</p><ul>${block.items.map((item) => `<li>${html(item)}</li>`).join('')}</ul>`;
    case 'link': {
      const url = html(block.url);
      return `<p>${html(block.label)}<br><a href="${url}">${url}</a></p>`;
    }
  }
}

function renderText(sections: readonly LocalizedVersion[]): string {
  return sections.map((section) => section.blocks.map(blockToText).join('\n\n')).join(TEXT_SECTION_SEPARATOR) + '\n';
}

function renderHtml(title: string, sections: readonly LocalizedVersion[]): string {
  const body = sections
    .map((section) => `<div lang="${section.language}">\n${section.blocks.map(blockToHtml).join('\n')}\n</div>`)
    .join('\n<hr>\n');
  const documentLanguage = sections[0]?.language ?? 'en';
  return [
    '<!DOCTYPE html>',
    `<html lang="${documentLanguage}">`,
    `<head><meta charset="utf-8"><title>${html(title)}</title></head>`,
    `<body>\n${body}\n</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** Renders the versions one after the other (e.g. French then English) in a single message. */
export function renderMessage(versions: readonly LocalizedVersion[]): RenderedMessage {
  const subject = singleLine(versions.map((version) => version.subject).join(' / '));
  return { subject, text: renderText(versions), html: renderHtml(subject, versions) };
}
