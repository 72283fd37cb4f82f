import { describe, expect, it } from 'vitest';
import { MAX_AUTHENTICATION_RESULTS_CHARS, parseAuthenticationResults, type AuthenticationResults } from '../../../functions/shared/domain/authentication-results.ts';

/** Results as plain objects, for exact comparison. */
function read(value: string) {
  const parsed = parseAuthenticationResults(value);
  return parsed && plain(parsed);
}

function plain(parsed: AuthenticationResults) {
  return {
    authservId: parsed.authservId,
    results: parsed.results.map((result) => ({ method: result.method, result: result.result, properties: Object.fromEntries(result.properties) })),
  };
}

/** What SES receiving wrote on a stored message (quoted in public repositories), folded as stored. */
const SES_HEADER = [
  ' amazonses.com;',
  ' spf=pass (spfCheck: domain of emailnastygal.com designates 199.7.207.63 as permitted sender) client-ip=199.7.207.63; envelope-from=email@emailnastygal.com; helo=omp.emailnastygal.com;',
  ' dkim=pass header.i=@emailnastygal.com;',
  ' dmarc=pass header.from=emailnastygal.com;',
].join('\r\n');

describe('parseAuthenticationResults', () => {
  it("reads SES's layout, its SPF properties after semicolons kept with the SPF result", () => {
    expect(read(SES_HEADER)).toEqual({
      authservId: 'amazonses.com',
      results: [
        { method: 'spf', result: 'pass', properties: { 'client-ip': '199.7.207.63', 'envelope-from': 'email@emailnastygal.com', helo: 'omp.emailnastygal.com' } },
        { method: 'dkim', result: 'pass', properties: { 'header.i': '@emailnastygal.com' } },
        { method: 'dmarc', result: 'pass', properties: { 'header.from': 'emailnastygal.com' } },
      ],
    });
  });

  it('reads the RFC 8601 layout: a version, reasons, properties, several signatures, values holding = and :', () => {
    const value =
      'MX.Example.ORG 1; spf=PASS smtp.mailfrom=bounce@mail.example.com; dkim=pass reason="good signature" header.d=example.com header.b=Ab1+/cd=;' +
      ' dkim=fail (bad body hash) header.d=other.example; iprev=pass policy.iprev=2001:db8::25';
    expect(read(value)).toEqual({
      authservId: 'mx.example.org',
      results: [
        { method: 'spf', result: 'pass', properties: { 'smtp.mailfrom': 'bounce@mail.example.com' } },
        { method: 'dkim', result: 'pass', properties: { reason: 'good signature', 'header.d': 'example.com', 'header.b': 'Ab1+/cd=' } },
        { method: 'dkim', result: 'fail', properties: { 'header.d': 'other.example' } },
        { method: 'iprev', result: 'pass', properties: { 'policy.iprev': '2001:db8::25' } },
      ],
    });
  });

  it('reads "none" as no result at all', () => {
    expect(read('amazonses.com; none')).toEqual({ authservId: 'amazonses.com', results: [] });
  });

  it('keeps a quoted value whole: a semicolon or a method inside quotes adds no result', () => {
    expect(read('amazonses.com; spf=pass smtp.mailfrom="a;dkim=pass header.d=victim.example"@attacker.example')).toEqual({
      authservId: 'amazonses.com',
      results: [{ method: 'spf', result: 'pass', properties: { 'smtp.mailfrom': 'a;dkim=pass header.d=victim.example@attacker.example' } }],
    });
  });

  it('drops nested comments with escaped parentheses', () => {
    expect(read('amazonses.com (a (nested \\) comment)); dkim=pass (x) header.d=example.com')).toEqual({
      authservId: 'amazonses.com',
      results: [{ method: 'dkim', result: 'pass', properties: { 'header.d': 'example.com' } }],
    });
  });

  it.each([
    ['an unclosed comment', 'amazonses.com; spf=pass (open smtp.mailfrom=example.com'],
    ['a stray closing parenthesis', 'amazonses.com; spf=pass ) smtp.mailfrom=example.com'],
    ['an unclosed quote', 'amazonses.com; spf=pass smtp.mailfrom="example.com'],
    ['a quote ending in a lone backslash', 'amazonses.com; spf=pass smtp.mailfrom="example.com\\'],
    ['a word with no value', 'amazonses.com; spf=pass header.d'],
    ['a value with no key', 'amazonses.com; spf=pass =example.com'],
    ['properties before any method', 'amazonses.com; client-ip=192.0.2.1; spf=pass'],
    ['an authserv-id followed by words', 'amazonses.com spf pass; dkim=pass'],
    ['no authserv-id', '; spf=pass'],
    ['nothing', ''],
    ['a key of symbols', 'amazonses.com; spf=pass @@=example.com'],
  ])('proves nothing from %s', (_case, value) => {
    expect(parseAuthenticationResults(value)).toBeUndefined();
  });

  it(`reads no header over ${MAX_AUTHENTICATION_RESULTS_CHARS} characters, and one at the limit`, () => {
    const head = 'amazonses.com; dkim=pass header.d=example.com';
    const atLimit = head + ' '.repeat(MAX_AUTHENTICATION_RESULTS_CHARS - head.length);
    expect(read(atLimit)).toEqual({ authservId: 'amazonses.com', results: [{ method: 'dkim', result: 'pass', properties: { 'header.d': 'example.com' } }] });
    expect(parseAuthenticationResults(`${atLimit} `)).toBeUndefined();
  });

  it('reads a header of deeply nested comments at the limit in linear time', () => {
    const depth = (MAX_AUTHENTICATION_RESULTS_CHARS - 20) / 2;
    const value = `amazonses.com; ${'('.repeat(depth)}${')'.repeat(depth)}`;
    const started = performance.now();
    expect(read(value)).toEqual({ authservId: 'amazonses.com', results: [] });
    expect(performance.now() - started).toBeLessThan(50);
  });
});
