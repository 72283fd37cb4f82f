import { describe, expect, it } from 'vitest';
import { InvalidHeaderValueError, mailbox, mediaType, messageIdsField, parameter, textField } from '../../../../functions/shared/adapters/mime/header-fields.ts';

describe('textField', () => {
  it('writes plain ASCII as is, folding between words past 78 characters', () => {
    expect(textField('Subject', 'Claim CLM-2026-7K3F9Q received')).toBe('Subject: Claim CLM-2026-7K3F9Q received');
    const long = textField('Subject', 'Your claim CLM-2026-7K3F9Q was forwarded to Medical Administrators International in Levallois-Perret');
    expect(long).toBe('Subject: Your claim CLM-2026-7K3F9Q was forwarded to Medical Administrators\r\n International in Levallois-Perret');
  });

  it('encodes non-ASCII text in UTF-8 encoded words of whole characters', () => {
    expect(textField('Subject', 'Reçue – 医療')).toBe('Subject: =?UTF-8?B?UmXDp3VlIOKAkyDljLvnmYI=?=');
    const words = textField('Subject', 'é'.repeat(40)).split('\r\n ');
    expect(words.map((word) => Buffer.from(word.replace(/^Subject: /, '').slice(10, -2), 'base64').toString('utf8')).join('')).toBe('é'.repeat(40));
    expect(words.every((word) => word.replace(/^Subject: /, '').length <= 75)).toBe(true);
  });

  it('puts a value with line breaks or controls on one line', () => {
    expect(textField('Subject', 'Claim\r\nBcc: attacker@evil.example\u0000')).toBe('Subject: Claim Bcc: attacker@evil.example');
  });

  it("writes a sender's file name as it shows: no bidi override, NUL, escape sequence or zero-width character", () => {
    expect(parameter('filename', '\u202eFDP.EXE\u0000\u001b[31m\u200b.pdf')).toBe('filename="FDP.EXE.pdf"');
    expect(textField('Subject', 'Facture\u2066 \u202egpj.exe')).toBe('Subject: Facture gpj.exe');
  });

  it('encodes ASCII that reads like an encoded word, so it is not decoded as one', () => {
    expect(textField('Subject', '=?UTF-8?B?SGk=?=')).toBe('Subject: =?UTF-8?B?PT9VVEYtOD9CP1NHaz0/PQ==?=');
  });
});

describe('mailbox', () => {
  it('writes a bare address or a named one, quoting or encoding the name as it needs', () => {
    expect(mailbox(' claims@claims.example.org ')).toBe('claims@claims.example.org');
    expect(mailbox('CFE Claims <claims@claims.example.org>')).toBe('CFE Claims <claims@claims.example.org>');
    expect(mailbox('CFE Claims, Paris <claims@claims.example.org>')).toBe('"CFE Claims, Paris" <claims@claims.example.org>');
    expect(mailbox('Santé <claims@claims.example.org>')).toBe('=?UTF-8?B?U2FudMOp?= <claims@claims.example.org>');
  });

  it('refuses anything but one plain address', () => {
    for (const value of ['a@b.example\r\nBcc: c@d.example', 'a@b.example, c@d.example', 'a b@c.example', 'ané@b.example', 'nobody', '<>']) {
      expect(() => mailbox(value), value).toThrow(InvalidHeaderValueError);
    }
  });
});

describe('messageIdsField', () => {
  it('writes plain message identifiers one per line and leaves out anything else', () => {
    expect(messageIdsField('References', ['<a@x.example>', 'b@x.example', '<c d@x.example>', '<e@x.example>\r\nBcc: f@g.example', '<h@x.example>'])).toBe(
      'References: <a@x.example>\r\n <h@x.example>',
    );
    expect(messageIdsField('In-Reply-To', ['not an id'])).toBeUndefined();
  });
});

describe('mediaType', () => {
  it('keeps a media type, lower-cased, and declares anything else as octet-stream', () => {
    expect(mediaType('Application/PDF')).toBe('application/pdf');
    expect(mediaType('image/tiff; name=x.tif')).toBe('application/octet-stream');
    expect(mediaType('text/html\r\nX-Injected: yes')).toBe('application/octet-stream');
    expect(mediaType('')).toBe('application/octet-stream');
  });
});

describe('parameter', () => {
  it('quotes a short ASCII value, escaping quotes and backslashes', () => {
    expect(parameter('filename', 'facture.pdf')).toBe('filename="facture.pdf"');
    expect(parameter('filename', 'a "b" \\ c.pdf')).toBe('filename="a \\"b\\" \\\\ c.pdf"');
  });

  it('writes a non-ASCII value as RFC 2231 UTF-8', () => {
    expect(parameter('filename', 'facture été.pdf')).toBe("filename*=UTF-8''facture%20%C3%A9t%C3%A9.pdf");
  });

  it('splits a long value into numbered sections on folded lines, never inside an escape', () => {
    const value = `a${'é'.repeat(15)}.pdf`;
    const written = parameter('filename', value);
    const sections = written.split(';\r\n ');
    expect(sections.map((section) => section.replace(/=.*$/, ''))).toEqual(['filename*0*', 'filename*1*']);
    expect(sections.every((section) => !/%.?$/.test(section))).toBe(true);
    const joined = sections.map((section) => section.replace(/^[^=]*=(UTF-8'')?/, '')).join('');
    expect(decodeURIComponent(joined)).toBe(value);
  });
});
