/**
 * A scenario reports its result as one JSON line on stdout, `{"<key>": <result>}`; everything
 * else it has to say goes to stderr, so the runner can tell the result from the libraries' output.
 */
export function reportResult(key: string, result: unknown): void {
  process.stdout.write(`${JSON.stringify({ [key]: result })}\n`);
}

export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** The result a line of a scenario's stdout carries under `key`, if it is the result line. */
export function resultIn(line: string, key: string): unknown {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null && key in parsed ? (parsed as Record<string, unknown>)[key] : undefined;
  } catch {
    // A library's output that only looks like JSON.
    return undefined;
  }
}
