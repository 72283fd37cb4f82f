import { describe, expect, it } from 'vitest';
import { SENDER_TEXT_LIMITS, senderText, type SenderTextKind } from '../../../functions/shared/domain/sender-text.ts';

const KINDS = Object.keys(SENDER_TEXT_LIMITS) as SenderTextKind[];
const bytes = (text: string) => Buffer.byteLength(text);

/** Deterministic draws from the characters that matter here, for the property below. */
function* drawnTexts(count: number): Generator<string> {
  const alphabet = [
    ...'aZ é.-_ 0',
    '\u0301', '\u0000', '\u0007', '\t', '\n', '\r', '\u000b', '\u000c', '\u001b', '[', ']', '3', '1', 'm', ';', '\u0085', '\u0090', '\u009b', '\u009c', '\u009d', '\u007f',
    '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028', '\u2029', '\u00ad', '\u2060', '\ufeff', '\u3164',
    '\ufe0f', '\u{e0041}', '\u{e0100}', 'ب', 'क', '\u094d', 'Я', '東', '😀', '👨', '\u{1f3fd}', '\ud800', '\udc00', '\ufffe', '\u00a0', '\u202f',
  ];
  let seed = 17;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  for (let drawn = 0; drawn < count; drawn += 1) {
    const length = next() % 40;
    yield Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
  }
}

describe('senderText', () => {
  it('keeps a fax station id written with bidi overrides, NUL and a terminal colour only as it shows', () => {
    expect(senderText('\u202eFDP.EXE\u0000\u001b[31m', 'faxField')).toBe('FDP.EXE');
  });

  it.each([
    ['NUL, bell, backspace, DEL', 'a\u0000b\u0007c\u0008d\u007fe', 'abcde'],
    ['C1 controls', 'a\u0080b\u0091c\u0099d', 'abcd'],
    ['an application program command introduced by APC, to its terminator', 'a\u009fhidden\u009cb', 'ab'],
    ['CR, LF, tab, vertical tab, form feed, NEL, line and paragraph separators, as one space each run', ' Marie \r\n\tDupont\u000b\u000cx\u0085y\u2028z\u2029w ', 'Marie Dupont x y z w'],
    ['bidi embeddings, overrides and pop', 'a\u202ab\u202bc\u202cd\u202de\u202ef', 'abcdef'],
    ['bidi isolates', 'a\u2066b\u2067c\u2068d\u2069e', 'abcde'],
    ['bidi marks', 'a\u200eb\u200fc\u061cd', 'abcd'],
    ['zero-width space, word joiner, soft hyphen, byte order mark', 'pay\u200bpal\u2060.com\u00adx\ufeff', 'paypal.comx'],
    ['a zero-width joiner or non-joiner between Latin letters', 'pay\u200cpa\u200dl', 'paypal'],
    ['tags, which spell hidden text', 'ok\u{e0001}\u{e0069}\u{e0067}\u{e006e}', 'ok'],
    ['Hangul fillers, which pass for letters', '\u3164\u115fA\uffa0B', 'AB'],
    ['unpaired surrogates and noncharacters', 'a\ud800b\udc00c\ufffed\uffff', 'abcd'],
    ['a control sequence, whole', 'red\u001b[1;31mALERT\u001b[0m', 'redALERT'],
    ['a control sequence introduced by CSI', 'a\u009b2Jb', 'ab'],
    ['an operating system command (a terminal hyperlink), whole', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u001b\\', 'click'],
    ['a device control string left open, to the end', 'a\u001bPqhidden', 'a'],
    ['other escapes and a lone ESC', 'a\u001bcb\u001b(Bc\u001b', 'abc'],
  ])('removes %s', (_what, written, expected) => {
    expect(senderText(written, 'line')).toBe(expected);
  });

  it.each([
    ['accents, composed and combining', 'Lefèvre Cafe\u0301', 'Lefèvre Cafe\u0301'],
    ['no-break and narrow no-break spaces', 'Tél.\u00a0: 1\u202f234', 'Tél.\u00a0: 1\u202f234'],
    ['right-to-left and Asian scripts', 'فاتورة 東京 서울 Счёт', 'فاتورة 東京 서울 Счёт'],
    ['a non-joiner in a Persian word', 'می\u200cخواهم', 'می\u200cخواهم'],
    ['a joiner in a Devanagari conjunct', 'क्\u200dष', 'क्\u200dष'],
    ['emoji sequences with joiners, skin tones and variation selectors', '👨\u200d👩\u200d👧 👍\u{1f3fd} ❤\ufe0f', '👨\u200d👩\u200d👧 👍\u{1f3fd} ❤\ufe0f'],
    ['an ideographic variation selector', '葛\u{e0100}', '葛\u{e0100}'],
  ])('keeps %s', (_what, written, expected) => {
    expect(senderText(written, 'line')).toBe(expected);
  });

  it('drops a variation selector or joiner that varies or joins nothing', () => {
    expect(senderText('\ufe0fa \ufe0f\u200d😀', 'line')).toBe('a 😀');
  });

  it('cuts each kind at its limit in UTF-8 bytes', () => {
    expect(SENDER_TEXT_LIMITS).toEqual({ line: 2000, filename: 200, faxField: 64 });
    expect(senderText('x'.repeat(70), 'faxField')).toBe('x'.repeat(64));
    expect(senderText('é'.repeat(40), 'faxField')).toBe('é'.repeat(32));
    expect(senderText('東'.repeat(30), 'faxField')).toBe('東'.repeat(21));
    expect(senderText('a'.repeat(2001), 'line')).toBe('a'.repeat(2000));
    expect(senderText('a'.repeat(2000), 'line')).toBe('a'.repeat(2000));
  });

  it('cuts between characters: never in a surrogate pair, a combining sequence or an emoji sequence', () => {
    // 63 bytes, then a 4-byte emoji that does not fit.
    expect(senderText(`${'a'.repeat(63)}😀`, 'faxField')).toBe('a'.repeat(63));
    // 62 bytes, then e and its combining acute (3 bytes): both go.
    expect(senderText(`${'a'.repeat(62)}e\u0301`, 'faxField')).toBe('a'.repeat(62));
    // 50 bytes, then a family of three (18 bytes).
    expect(senderText(`${'a'.repeat(50)}👨\u200d👩\u200d👧`, 'faxField')).toBe('a'.repeat(50));
    expect(senderText(`${'a'.repeat(46)}👨\u200d👩\u200d👧`, 'faxField')).toBe(`${'a'.repeat(46)}👨\u200d👩\u200d👧`);
  });

  it('drops the space and the non-joiner the cut leaves at the end', () => {
    expect(senderText(`${'a'.repeat(63)} b`, 'faxField')).toBe('a'.repeat(63));
    // A non-joiner belongs to the character before it: cut before the letter after, it joins nothing.
    expect(senderText(`${'a'.repeat(56)} می\u200cخواهم`, 'faxField')).toBe(`${'a'.repeat(56)} می`);
  });

  it('cuts a file name keeping its extension', () => {
    expect(senderText(`${'a'.repeat(250)}.pdf`, 'filename')).toBe(`${'a'.repeat(196)}.pdf`);
    expect(senderText(`${'я'.repeat(150)}.jpeg`, 'filename')).toBe(`${'я'.repeat(97)}.jpeg`);
    // Not an extension: too long, or a space in it.
    expect(senderText(`${'a'.repeat(190)}.${'b'.repeat(20)}`, 'filename')).toBe(`${'a'.repeat(190)}.${'b'.repeat(9)}`);
  });

  it('reads a text of megabytes at its start and its end alone, keeping a file name its extension', () => {
    const megabytes = 2_000_000;
    expect(senderText(`${'a'.repeat(megabytes)}.exe`, 'filename')).toBe(`${'a'.repeat(196)}.exe`);
    expect(senderText(`facture${'\u200b'.repeat(megabytes)}.exe`, 'filename')).toBe('facture.exe');
    expect(senderText(`${'\u200b'.repeat(megabytes)}FDP.EXE`, 'faxField')).toBe('FDP.EXE');
    // Past 32 times its limit, what lies between the start and the last 64 code units is not read.
    expect(senderText(`${'\u200b'.repeat(64_000 - 64)}lost${'\u200b'.repeat(megabytes)}kept`, 'line')).toBe('kept');
    expect(senderText(`${'\u200b'.repeat(64_000 - 64)}read`, 'line')).toBe('read');
  });

  it('gives what it gave unchanged, and never more than the limit, whatever the text', () => {
    for (const text of drawnTexts(5000)) {
      for (const kind of KINDS) {
        const safe = senderText(text, kind);
        expect(senderText(safe, kind)).toBe(safe);
        expect(bytes(safe)).toBeLessThanOrEqual(SENDER_TEXT_LIMITS[kind]);
        expect(safe).not.toMatch(/[\p{Cc}\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]|^\s|\s$/u);
      }
    }
    for (const text of drawnTexts(300)) {
      const long = text.repeat(80);
      for (const kind of KINDS) {
        const safe = senderText(long, kind);
        expect(senderText(safe, kind)).toBe(safe);
        expect(bytes(safe)).toBeLessThanOrEqual(SENDER_TEXT_LIMITS[kind]);
      }
    }
  });
});
