import { open } from 'node:fs/promises';
import { parse, type CsvError } from 'csv-parse';
import { MembersCsvError, MembersCsvReader } from '../../functions/shared/adapters/members-csv.ts';
import type { Member } from '../../functions/shared/domain/types.ts';
import { InputError } from './usage-error.ts';

/** A row of the members file: the member it holds, or why it holds none. */
export type MemberRow = { readonly line: number; readonly member: Member } | { readonly line: number; readonly error: MembersCsvError };

/** csv-parse's errors quote the field (personal data): only their kind is told, in our words. */
const CSV_ERRORS: Readonly<Record<string, string>> = {
  CSV_INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the whole field and double the quote)',
  CSV_INVALID_CLOSING_QUOTE: 'text after the closing quote of the field',
  CSV_QUOTE_NOT_CLOSED: 'the quoted field is never closed',
};

/**
 * The members file, streamed a record at a time (RFC 4180, CRLF or LF, a byte order mark
 * tolerated, blank lines skipped): a file of any size is read in bounded memory. The header is
 * checked first (a wrong one throws); each row then comes checked. A file that is not CSV past
 * some line (a quote left open) throws at that line: what follows cannot be read.
 */
export async function* memberRows(file: string): AsyncGenerator<MemberRow> {
  const handle = await open(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read members file ${file}: ${error.code ?? 'unreadable'}`);
  });
  const records = handle.createReadStream().pipe(parse({ bom: true, relax_column_count: true, info: true, record_delimiter: ['\r\n', '\n'] }));
  const reader = new MembersCsvReader();
  let previousEnd = 0;
  let headerRead = false;
  try {
    for await (const { record, info } of records as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      if (record.length === 1 && record[0]?.trim() === '') continue;
      if (!headerRead) {
        reader.header({ line, fields: record });
        headerRead = true;
        continue;
      }
      try {
        yield { line, member: reader.row({ line, fields: record }) };
      } catch (error) {
        if (!(error instanceof MembersCsvError)) throw error;
        yield { line, error };
      }
    }
  } catch (error) {
    const { code } = error as Partial<Pick<CsvError, 'code'>>;
    const reason = code === undefined ? undefined : CSV_ERRORS[code];
    if (reason === undefined) throw error;
    // The record it is in starts after the last one read (csv-parse counts to where it stopped, the end of the file for an open quote).
    throw new MembersCsvError(previousEnd + 1, undefined, reason);
  } finally {
    records.destroy();
    await handle.close();
  }
  if (!headerRead) reader.header(undefined);
}
