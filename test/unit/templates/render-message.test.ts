import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../functions/shared/templates/blocks.ts';
import { escapeHtml } from '../../../functions/shared/templates/escape-html.ts';

describe('escapeHtml', () => {
  it('escapes the characters that open markup or close an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
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

  it('puts every value on one line, without what could disguise it, and leaves ordinary and no-break spaces alone', () => {
    const { subject, text, html } = renderMessage([
      {
        language: 'en',
        subject: ' Marie \r\n\tDupont\u2028Bcc: x\u0000 ',
        blocks: [
          { kind: 'paragraph', text: 'Tél.\u00a0: +33 1 42 68 01 42' },
          { kind: 'list', title: 'Documents:', items: ['\u202eFDP.EXE\u0000\u001b[31m', 'scan\u200b.pdf\r\nBcc: x'] },
        ],
      },
    ]);
    expect(subject).toBe('Marie Dupont Bcc: x');
    expect(text).toBe('Tél.\u00a0: +33 1 42 68 01 42\n\nDocuments:\n- FDP.EXE\n- scan.pdf Bcc: x\n');
    expect(html).toContain('<p>Documents:</p><ul><li>FDP.EXE</li><li>scan.pdf Bcc: x</li></ul>');
  });

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
