import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../functions/shared/templates/blocks.ts';
import { escapeHtml } from '../../../functions/shared/templates/escape-html.ts';
import { singleLine } from '../../../functions/shared/templates/single-line.ts';

describe('escapeHtml', () => {
  it('escapes the characters that open markup or close an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });
});

describe('singleLine', () => {
  it('turns line breaks, tabs and Unicode separators into one space', () => {
    expect(singleLine(' Marie \r\n\tDupont\u2028Bcc: x\u0000 ')).toBe('Marie Dupont Bcc: x');
  });

  it('leaves ordinary and no-break spaces alone', () => {
    expect(singleLine('Tél.\u00a0: +33 1 42 68 01 42')).toBe('Tél.\u00a0: +33 1 42 68 01 42');
  });
});

describe('renderMessage', () => {
  const rendered = renderMessage([
    {
      language: 'fr',
      subject: 'Sujet\r\nBcc: x@example.net',
      blocks: [
        { kind: 'paragraph', text: 'Bonjour <Marie>,' },
        { kind: 'lines', lines: ['37 Rue Anatole France', 'F-92300 Levallois-Perret'] },
        { kind: 'list', title: 'Documents :', items: ['<script>.pdf', 'a&b.png'] },
        { kind: 'link', label: 'Suivi :', url: 'https://example.net/?a=1&b="2"' },
      ],
    },
    { language: 'en', subject: 'Subject', blocks: [{ kind: 'paragraph', text: 'Hello' }] },
  ]);

  it('joins the subjects on one line', () => {
    expect(rendered.subject).toBe('Sujet Bcc: x@example.net / Subject');
  });

  it('renders the versions to text one after the other', () => {
    expect(rendered.text).toBe(
      [
        'Bonjour <Marie>,',
        '37 Rue Anatole France\nF-92300 Levallois-Perret',
        'Documents :\n- <script>.pdf\n- a&b.png',
        'Suivi :\nhttps://example.net/?a=1&b="2"',
        '--------------------',
        'Hello\n',
      ].join('\n\n'),
    );
  });

  it('renders the versions to HTML with every value escaped', () => {
    expect(rendered.html).toBe(
      [
        '<!DOCTYPE html>',
        '<html lang="fr">',
        '<head><meta charset="utf-8"><title>Sujet Bcc: x@example.net / Subject</title></head>',
        '<body>',
        '<div lang="fr">',
        '<p>Bonjour &lt;Marie&gt;,</p>',
        '<p>37 Rue Anatole France<br>F-92300 Levallois-Perret</p>',
        '<p>Documents :</p><ul><li>&lt;script&gt;.pdf</li><li>a&amp;b.png</li></ul>',
        '<p>Suivi :<br><a href="https://example.net/?a=1&amp;b=&quot;2&quot;">https://example.net/?a=1&amp;b=&quot;2&quot;</a></p>',
        '</div>',
        '<hr>',
        '<div lang="en">',
        '<p>Hello</p>',
        '</div>',
        '</body>',
        '</html>',
        '',
      ].join('\n'),
    );
  });
});
