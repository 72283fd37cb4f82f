import * as z from 'zod/mini';
import { normalizePhoneNumber } from '../domain/phone-number.ts';
import type { Member } from '../domain/types.ts';

/**
 * The members file as exported from a spreadsheet: RFC 4180 CSV (quoted fields may hold commas,
 * doubled quotes and line breaks), CRLF or LF, a UTF-8 byte order mark tolerated, blank lines
 * skipped. Errors name the line and the field but never quote the value: it is personal data.
 */
export const MEMBERS_CSV_COLUMNS = [
  'member_id',
  'first_name',
  'last_name',
  'email',
  'language',
  'country',
  'status',
  'fax_numbers',
] as const;

type MembersCsvColumn = (typeof MEMBERS_CSV_COLUMNS)[number];
const HEADER = MEMBERS_CSV_COLUMNS.join(',');

export class MembersCsvError extends Error {
  override readonly name = 'MembersCsvError';

  constructor(
    /** 1-based line of the file where the faulty record starts. */
    readonly line: number,
    /** Column at fault, when the fault is in one. */
    readonly field: MembersCsvColumn | undefined,
    detail: string,
  ) {
    super(`Members CSV line ${line}${field === undefined ? '' : `, field ${field}`}: ${detail}`);
  }
}

const BYTE_ORDER_MARK = '\uFEFF';
const FAX_NUMBER_SEPARATOR = ';';
/** The id is embedded in '#'-delimited table keys and in mail subjects: letters, digits and dashes only. */
const MEMBER_ID = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const COUNTRY_ALPHA_2 = /^[A-Z]{2}$/;

function normaliseFaxNumbers(value: string, context: z.core.ParsePayload): string[] {
  const written = value.split(FAX_NUMBER_SEPARATOR).map((number) => number.trim()).filter(Boolean);
  const normalised: string[] = [];
  for (const [index, number] of written.entries()) {
    // No default calling code: the file says nothing of where a national number would be dialled from.
    const e164 = normalizePhoneNumber(number);
    if (e164 === undefined) {
      context.issues.push({ code: 'custom', message: `number ${index + 1} is not an international phone number (+CC...)`, input: value });
      return z.NEVER;
    }
    normalised.push(e164);
  }
  return normalised;
}

const faxNumbersSchema = z.pipe(z.string(), z.transform(normaliseFaxNumbers));

const nameSchema = z.string().check(z.trim(), z.minLength(1, 'empty'));

const memberRowSchema = z.object({
  // Member numbers are matched upper-cased wherever they are written.
  member_id: z.pipe(
    z.string().check(z.trim(), z.regex(MEMBER_ID, 'letters, digits and single dashes only')),
    z.transform((id: string) => id.toUpperCase()),
  ),
  first_name: nameSchema,
  last_name: nameSchema,
  email: z.pipe(z.string().check(z.trim()), z.email('not an email address')),
  language: z.enum(['fr', 'en'], 'expected fr or en'),
  country: z.string().check(z.trim(), z.regex(COUNTRY_ALPHA_2, 'expected an ISO 3166-1 alpha-2 code in capitals')),
  status: z.enum(['active', 'suspended', 'terminated'], 'expected active, suspended or terminated'),
  fax_numbers: faxNumbersSchema,
});

/** One record of the file: its fields, and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export function parseMembersCsv(text: string): Member[] {
  const [header, ...rows] = readCsvRecords(text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text);
  const reader = new MembersCsvReader();
  reader.header(header);
  return rows.map((record) => reader.row(record));
}

/**
 * The members file read one record at a time (so a large file can be streamed): the header
 * first, then each row, checked and made a member; a member number already seen is refused.
 */
export class MembersCsvReader {
  private readonly lineById = new Map<string, number>();

  header(record: CsvRecord | undefined): void {
    checkHeader(record);
  }

  row(record: CsvRecord): Member {
    const member = toMember(record);
    const firstLine = this.lineById.get(member.memberId);
    if (firstLine !== undefined) {
      throw new MembersCsvError(record.line, 'member_id', `duplicate of the member on line ${firstLine}`);
    }
    this.lineById.set(member.memberId, record.line);
    return member;
  }
}

function checkHeader(header: CsvRecord | undefined): void {
  if (header === undefined) throw new MembersCsvError(1, undefined, `empty file: expected the header ${HEADER}`);
  const wrongColumn = MEMBERS_CSV_COLUMNS.find((column, index) => header.fields[index] !== column);
  if (wrongColumn !== undefined || header.fields.length !== MEMBERS_CSV_COLUMNS.length) {
    throw new MembersCsvError(header.line, wrongColumn, `expected the header ${HEADER}`);
  }
}

function toMember(record: CsvRecord): Member {
  const missingColumn = MEMBERS_CSV_COLUMNS[record.fields.length];
  if (missingColumn !== undefined) throw new MembersCsvError(record.line, missingColumn, 'missing');
  if (record.fields.length > MEMBERS_CSV_COLUMNS.length) {
    throw new MembersCsvError(record.line, undefined, `${record.fields.length} fields where the header has ${MEMBERS_CSV_COLUMNS.length}`);
  }

  const row = Object.fromEntries(MEMBERS_CSV_COLUMNS.map((column, index) => [column, record.fields[index]]));
  const parsed = memberRowSchema.safeParse(row);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const column = MEMBERS_CSV_COLUMNS.find((name) => name === issue?.path[0]);
    throw new MembersCsvError(record.line, column, issue?.message ?? 'invalid');
  }
  const fields = parsed.data;
  return {
    memberId: fields.member_id,
    firstName: fields.first_name,
    lastName: fields.last_name,
    email: fields.email,
    language: fields.language,
    country: fields.country,
    status: fields.status,
    faxNumbers: fields.fax_numbers,
  };
}

/** RFC 4180 records, with the line each starts on; blank lines are left out. */
function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let insideQuotes = false;
  let closedQuotes = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;

  const endField = () => {
    fields.push(field);
    field = '';
    closedQuotes = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && !closedQuotes && field.trim() === '';
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (insideQuotes) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        insideQuotes = false;
        closedQuotes = true;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === ',') {
      endField();
    } else if (char === '\n' || (char === '\r' && text[index + 1] === '\n')) {
      if (char === '\r') index++;
      endRecord();
      line++;
      recordLine = line;
    } else if (char === '"') {
      if (field !== '' || closedQuotes) {
        throw new MembersCsvError(line, MEMBERS_CSV_COLUMNS[fields.length], 'a quote inside an unquoted field (quote the whole field and double the quote)');
      }
      insideQuotes = true;
      quoteLine = line;
    } else if (closedQuotes) {
      throw new MembersCsvError(line, MEMBERS_CSV_COLUMNS[fields.length], 'text after the closing quote of the field');
    } else {
      field += char;
    }
  }
  if (insideQuotes) throw new MembersCsvError(quoteLine, MEMBERS_CSV_COLUMNS[fields.length], 'the quoted field is never closed');
  endRecord();
  return records;
}
