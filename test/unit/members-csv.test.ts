import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InMemoryMemberDirectory } from '../../functions/shared/adapters/in-memory-member-directory.ts';
import { MembersCsvError, parseMembersCsv } from '../../functions/shared/adapters/members-csv.ts';
import type { Member } from '../../functions/shared/domain/types.ts';

const sampleCsv = readFileSync(new URL('../fixtures/members.csv', import.meta.url), 'utf8');

const HEADER = 'member_id,first_name,last_name,email,language,country,status,fax_numbers';
const VALID_ROW = '12345678,Marie,Dupont,marie.dupont@example.fr,fr,VN,active,';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

function parseError(text: string): MembersCsvError {
  try {
    parseMembersCsv(text);
  } catch (error) {
    if (error instanceof MembersCsvError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

const member = (overrides: Partial<Member> & Pick<Member, 'memberId'>): Member => ({
  firstName: 'Marie',
  lastName: 'Dupont',
  email: 'marie.dupont@example.fr',
  language: 'fr',
  country: 'VN',
  status: 'active',
  faxNumbers: [],
  ...overrides,
});

describe('parseMembersCsv', () => {
  const sampleMembers: Member[] = [
    member({ memberId: '12345678' }),
    { memberId: '20481632', firstName: 'John', lastName: 'Carter', email: 'john.carter@example.com', language: 'en', country: 'US', status: 'active', faxNumbers: [] },
    { memberId: 'CFE-004512', firstName: 'Lucie', lastName: 'Bernard', email: 'lucie.bernard@example.org', language: 'fr', country: 'SN', status: 'active', faxNumbers: [] },
    {
      memberId: '30571902',
      firstName: 'Jean-Pierre',
      lastName: 'Lefèvre',
      email: 'jp.lefevre@example.fr',
      language: 'fr',
      country: 'MA',
      status: 'active',
      faxNumbers: ['+212522264800', '+33142680690'],
    },
    { memberId: '41928374', firstName: 'Paul', lastName: 'Girard', email: 'Paul.Girard@Example.com', language: 'en', country: 'AE', status: 'suspended', faxNumbers: [] },
    { memberId: '52093817', firstName: 'William "Bill"', lastName: 'Smith, Jr.', email: 'bill.smith@example.org', language: 'en', country: 'KH', status: 'active', faxNumbers: [] },
  ];

  it('reads the sample members file: quoted fields, fax numbers to E.164, email as written', () => {
    expect(parseMembersCsv(sampleCsv)).toEqual(sampleMembers);
  });

  it('reads the same file as a spreadsheet exports it: byte order mark and CRLF', () => {
    expect(parseMembersCsv(`\uFEFF${sampleCsv.replaceAll('\n', '\r\n')}`)).toEqual(sampleMembers);
  });

  it('skips blank lines, and counts them in the line numbers', () => {
    expect(parseMembersCsv(csv('', VALID_ROW, '   ', ''))).toEqual([member({ memberId: '12345678' })]);
    expect(parseError(csv('', VALID_ROW, '', '20481632,John,Carter,not-an-address,en,US,active,')).line).toBe(5);
  });

  it('reads quoted fields holding commas, doubled quotes, line breaks and semicolon-separated fax numbers', () => {
    const [read] = parseMembersCsv(csv('"CFE-1","Anne, ""Nan""","Le Gall\r\nde Kerlan","a@example.org",en,FR,terminated,"+33 1 42 68 06 90 ; 0033 1 42 68 06 91"'));
    expect(read).toEqual({
      memberId: 'CFE-1',
      firstName: 'Anne, "Nan"',
      lastName: 'Le Gall\r\nde Kerlan',
      email: 'a@example.org',
      language: 'en',
      country: 'FR',
      status: 'terminated',
      faxNumbers: ['+33142680690', '+33142680691'],
    });
  });

  it('gives a record spanning lines the line it starts on, and goes on counting after it', () => {
    const text = csv('1,"Anne\nMarie",Dupont,a@example.org,fr,FR,active,', '2,Paul,Girard,b@example.org,xx,FR,active,');
    expect(parseError(text)).toMatchObject({ line: 4, field: 'language' });
  });

  it.each([
    ['an invalid email', '20481632,John,Carter,john.carter@,en,US,active,', 'email', 'not an email address'],
    ['an unknown language', '20481632,John,Carter,john.carter@example.com,de,US,active,', 'language', 'expected fr or en'],
    ['a country name', '20481632,John,Carter,john.carter@example.com,en,USA,active,', 'country', 'expected an ISO 3166-1 alpha-2 code in capitals'],
    ['a lower-case country', '20481632,John,Carter,john.carter@example.com,en,us,active,', 'country', 'expected an ISO 3166-1 alpha-2 code in capitals'],
    ['an unknown status', '20481632,John,Carter,john.carter@example.com,en,US,inactive,', 'status', 'expected active, suspended or terminated'],
    ['a member id with a key delimiter', 'MEMBER#1,John,Carter,john.carter@example.com,en,US,active,', 'member_id', 'letters, digits and single dashes only'],
    ['an empty member id', ',John,Carter,john.carter@example.com,en,US,active,', 'member_id', 'letters, digits and single dashes only'],
    ['an empty last name', '20481632,John, ,john.carter@example.com,en,US,active,', 'last_name', 'empty'],
    ['a national fax number', '20481632,John,Carter,john.carter@example.com,en,US,active,+1 469 543 6401;(469) 543-6402', 'fax_numbers', 'number 2 is not an international phone number (+CC...)'],
    ['a missing column', '20481632,John,Carter,john.carter@example.com,en,US,active', 'fax_numbers', 'missing'],
  ])('rejects %s, naming its line and field', (_case, row, field, detail) => {
    const error = parseError(csv(VALID_ROW, row));
    expect(error).toMatchObject({ name: 'MembersCsvError', line: 3, field });
    expect(error.message).toBe(`Members CSV line 3, field ${field}: ${detail}`);
  });

  it('does not quote the faulty value in the message: it is personal data', () => {
    expect(parseError(csv('20481632,John,Carter,john.carter@example,en,US,active,')).message).not.toContain('john.carter');
  });

  it('rejects a row with more fields than the header', () => {
    expect(parseError(csv(VALID_ROW, `${VALID_ROW},extra`)).message).toBe('Members CSV line 3: 9 fields where the header has 8');
  });

  it('rejects a duplicate member id, naming both lines', () => {
    const error = parseError(csv(VALID_ROW, '20481632,John,Carter,john.carter@example.com,en,US,active,', '12345678,Marie,Durand,marie.durand@example.fr,fr,FR,active,'));
    expect(error.message).toBe('Members CSV line 4, field member_id: duplicate of the member on line 2');
  });

  it.each([
    ['a renamed column', 'member_id,first_name,last_name,e-mail,language,country,status,fax_numbers', 'Members CSV line 1, field email: expected the header'],
    ['a missing column', 'member_id,first_name,last_name,email,language,country,status', 'Members CSV line 1, field fax_numbers: expected the header'],
    ['an extra column', `${HEADER},phone`, 'Members CSV line 1: expected the header'],
  ])('rejects a header with %s', (_case, header, message) => {
    expect(parseError(`${header}\n${VALID_ROW}`).message).toBe(`${message} ${HEADER}`);
  });

  it('rejects an empty file', () => {
    expect(parseError('\uFEFF\n\n').message).toBe(`Members CSV line 1: empty file: expected the header ${HEADER}`);
  });

  it.each([
    ['a quote inside an unquoted field', '20481632,John,Car"ter,john.carter@example.com,en,US,active,', 'last_name', 'a quote inside an unquoted field (quote the whole field and double the quote)'],
    ['text after a closing quote', '20481632,"John" Jr,Carter,john.carter@example.com,en,US,active,', 'first_name', 'text after the closing quote of the field'],
    ['a quoted field never closed', '20481632,John,"Carter,john.carter@example.com,en,US,active,', 'last_name', 'the quoted field is never closed'],
  ])('rejects %s, naming its line and field', (_case, row, field, detail) => {
    expect(parseError(csv(VALID_ROW, row, VALID_ROW)).message).toBe(`Members CSV line 3, field ${field}: ${detail}`);
  });
});

describe('InMemoryMemberDirectory', () => {
  const directory = new InMemoryMemberDirectory(parseMembersCsv(sampleCsv));

  it('finds a member by exact id', async () => {
    expect((await directory.findById('CFE-004512'))?.lastName).toBe('Bernard');
    expect(await directory.findById('cfe-004512')).toBeUndefined();
    expect(await directory.findById('1234567')).toBeUndefined();
  });

  it('finds a member by address, whatever its case', async () => {
    expect((await directory.findByEmail('paul.girard@example.com'))?.memberId).toBe('41928374');
    expect((await directory.findByEmail('MARIE.DUPONT@EXAMPLE.FR'))?.memberId).toBe('12345678');
    expect(await directory.findByEmail('marie.dupont@example.com')).toBeUndefined();
  });

  it('finds a member by any registered fax number, however the number is written', async () => {
    expect((await directory.findByFax('+33142680690'))?.memberId).toBe('30571902');
    expect((await directory.findByFax('+212 522 26 48 00'))?.memberId).toBe('30571902');
    expect((await directory.findByFax('0033 1 42 68 06 90'))?.memberId).toBe('30571902');
    expect(await directory.findByFax('+33142680691')).toBeUndefined();
    expect(await directory.findByFax('01 42 68 06 90')).toBeUndefined();
  });

  it('finds nobody by an address or a fax number that several members registered', async () => {
    const marie = member({ memberId: '1', email: 'family@example.org', faxNumbers: ['+33142680690'] });
    const shared = new InMemoryMemberDirectory([marie, { ...marie, memberId: '2', email: 'Family@example.org' }]);
    expect(await shared.findByEmail('family@example.org')).toBeUndefined();
    expect(await shared.findByFax('+33142680690')).toBeUndefined();
    expect((await shared.findById('2'))?.email).toBe('Family@example.org');
  });
});
