/**
 * Reads the few fields of an `Authentication-Results` header (RFC 8601) the intake needs: the
 * authserv-id, and each method's result with its `key=value` properties. Strict: anything it
 * cannot read whole (an open comment or quote, a stray token, a header over its length) gives
 * `undefined`, which proves nothing.
 *
 * SES does not quite follow the RFC: its SPF result carries `client-ip=...; envelope-from=...;
 * helo=...;`, each after a `;`. A `key=value` run whose first key is not a method is therefore
 * read as more properties of the result before it.
 */

export interface MethodResult {
  /** Lower-case: `spf`, `dkim`, `dmarc`... */
  readonly method: string;
  /** Lower-case: `pass`, `fail`, `none`... */
  readonly result: string;
  /** Property names lower-case (`smtp.mailfrom`, `header.d`, `envelope-from`), values as written. */
  readonly properties: ReadonlyMap<string, string>;
}

export interface AuthenticationResults {
  /** Lower-case; the host that wrote the header. */
  readonly authservId: string;
  readonly results: readonly MethodResult[];
}

/**
 * Far more than SES writes (about 400 characters with two DKIM signatures); a header longer is
 * not SES's and is not read at all.
 */
export const MAX_AUTHENTICATION_RESULTS_CHARS = 8 * 1024;

/** Methods of the IANA "Email Authentication Methods" registry a receiver may report. */
const METHODS = new Set(['auth', 'dkim', 'dkim-adsp', 'dmarc', 'domainkeys', 'iprev', 'sender-id', 'spf', 'arc', 'bimi', 'rrvs', 'vbr', 'smime', 'dnswl']);

const KEY = /^[a-z0-9][a-z0-9._-]*$/i;
/** Characters that end a bare value (RFC 5322 specials that matter here, and white space). */
const VALUE_END = /[\s;()"]/;

type Token = { readonly kind: 'word'; readonly text: string } | { readonly kind: 'equals' } | { readonly kind: 'separator' };

/** The header's value (without its name), unfolded or not. */
export function parseAuthenticationResults(value: string): AuthenticationResults | undefined {
  if (value.length > MAX_AUTHENTICATION_RESULTS_CHARS) return undefined;
  const tokens = tokenise(value);
  if (!tokens) return undefined;
  const segments = splitSegments(tokens);
  const [head, ...rest] = segments;
  const authservId = head?.[0];
  // authserv-id [ version ]
  if (!head || head.length > 2 || authservId?.kind !== 'word' || !isVersion(head[1])) return undefined;
  const results: { method: string; result: string; properties: Map<string, string> }[] = [];
  for (const segment of rest) {
    if (segment.length === 0) continue;
    if (segment.length === 1 && isWordText(segment[0], 'none') && results.length === 0) continue;
    const pairs = keyValuePairs(segment);
    if (!pairs) return undefined;
    const [first, ...properties] = pairs;
    if (!first) return undefined;
    const previous = results.at(-1);
    if (METHODS.has(first.key)) {
      results.push({ method: first.key, result: first.value.toLowerCase(), properties: new Map(properties.map((pair) => [pair.key, pair.value])) });
    } else if (previous) {
      for (const pair of pairs) previous.properties.set(pair.key, pair.value);
    } else {
      return undefined;
    }
  }
  return { authservId: authservId.text.toLowerCase(), results };
}

/** RFC 8601's optional authres-version after the authserv-id. */
function isVersion(token: Token | undefined): boolean {
  return token === undefined || (token.kind === 'word' && /^\d+$/.test(token.text));
}

function isWordText(token: Token | undefined, text: string): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === text;
}

/** `key = value` ... with nothing else; keys lower-cased. A `reason=` is kept like any property. */
function keyValuePairs(segment: readonly Token[]): { key: string; value: string }[] | undefined {
  if (segment.length % 3 !== 0) return undefined;
  const pairs: { key: string; value: string }[] = [];
  for (let index = 0; index < segment.length; index += 3) {
    const [key, equals, value] = [segment[index], segment[index + 1], segment[index + 2]];
    if (key?.kind !== 'word' || !KEY.test(key.text) || equals?.kind !== 'equals') return undefined;
    if (value?.kind !== 'word') return undefined;
    pairs.push({ key: key.text.toLowerCase(), value: value.text });
  }
  return pairs;
}

function splitSegments(tokens: readonly Token[]): Token[][] {
  const segments: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'separator') segments.push([]);
    else segments.at(-1)?.push(token);
  }
  return segments;
}

/**
 * Words, values, `=` and `;`; comments (nested, with quoted pairs) and white space are dropped.
 * A value (after `=`) may hold `=` (a base64 `header.b`), `@` and `:` (addresses, IPv6) and
 * quoted strings; a quote anywhere else is refused.
 */
function tokenise(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '(') {
      const end = commentEnd(text, index);
      if (end === undefined) return undefined;
      index = end;
    } else if (char === ')') {
      return undefined;
    } else if (char === ';') {
      tokens.push({ kind: 'separator' });
      index += 1;
    } else if (char === '=') {
      tokens.push({ kind: 'equals' });
      index += 1;
    } else if (tokens.at(-1)?.kind === 'equals') {
      const value = valueAt(text, index);
      if (!value) return undefined;
      tokens.push({ kind: 'word', text: value.text });
      index = value.end;
    } else if (char === '"') {
      return undefined;
    } else {
      let end = index;
      while (end < text.length && !VALUE_END.test(text.charAt(end)) && text.charAt(end) !== '=') end += 1;
      tokens.push({ kind: 'word', text: text.slice(index, end) });
      index = end;
    }
  }
  return tokens;
}

/**
 * A value after `=`: bare characters and quoted strings side by side, so that an address with a
 * quoted local part (`"a b"@example.com`) is one value; it ends at white space, `;` or a comment.
 */
function valueAt(text: string, start: number): { text: string; end: number } | undefined {
  let value = '';
  let index = start;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '"') {
      const quoted = quotedString(text, index);
      if (!quoted) return undefined;
      value += quoted.text;
      index = quoted.end;
    } else if (VALUE_END.test(char)) {
      break;
    } else {
      value += char;
      index += 1;
    }
  }
  return { text: value, end: index };
}

/** Index after the comment opened at `start`; undefined when it never closes. */
function commentEnd(text: string, start: number): number | undefined {
  let depth = 0;
  for (let index = start; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '\\') index += 1;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return undefined;
}

function quotedString(text: string, start: number): { text: string; end: number } | undefined {
  let value = '';
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '"') return { text: value, end: index + 1 };
    if (char === '\\') {
      index += 1;
      if (index >= text.length) return undefined;
      value += text.charAt(index);
    } else {
      value += char;
    }
  }
  return undefined;
}
