import type { HeaderValue, Headers, StructuredHeader } from 'mailparser';

function isStructured(value: HeaderValue): value is StructuredHeader {
  return typeof value === 'object' && 'value' in value && 'params' in value && typeof value.value === 'string';
}

/** Parses "type/subtype; name=value" the way the parser does, for a header left as a string. */
function parseStructured(raw: string): StructuredHeader {
  const [value = '', ...parameters] = raw.split(';');
  const params: Record<string, string> = {};
  for (const parameter of parameters) {
    const separator = parameter.indexOf('=');
    if (separator < 0) continue;
    const name = parameter.slice(0, separator).trim().toLowerCase();
    params[name] = parameter.slice(separator + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return { value: value.trim(), params };
}

/**
 * A header with parameters (Content-Type...), whether the parser structured it or left it as a
 * string; the value is lower-cased.
 */
export function structuredHeader(headers: Headers, name: string): StructuredHeader | undefined {
  const header = headers.get(name);
  const first = Array.isArray(header) ? header[0] : header;
  if (first === undefined) return undefined;
  const structured = typeof first === 'string' ? parseStructured(first) : isStructured(first) ? first : undefined;
  return structured && { value: structured.value.toLowerCase(), params: structured.params };
}

/** Every value of a header as text, whatever shape the parser gave it. */
export function headerTexts(headers: Headers, name: string): string[] {
  const header = headers.get(name);
  if (header === undefined) return [];
  const values: unknown[] = Array.isArray(header) ? header : [header];
  return values.map((value) => {
    if (typeof value === 'string') return value;
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'object' && value !== null) {
      if ('text' in value && typeof value.text === 'string') return value.text;
      if ('value' in value && typeof value.value === 'string') return value.value;
    }
    return '';
  });
}
