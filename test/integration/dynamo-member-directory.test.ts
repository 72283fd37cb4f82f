import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoMemberDirectory } from '../../functions/shared/adapters/dynamo-member-directory.ts';
import { createDynamoClient } from '../../functions/shared/clients.ts';
import type { Member } from '../../functions/shared/domain/types.ts';
import { startLocalAws, type LocalAws } from '../../bin/local/local-aws.ts';

const marie: Member = {
  memberId: '12345678',
  firstName: 'Marie',
  lastName: 'Dupont',
  email: 'Marie.Dupont@Example.fr',
  language: 'fr',
  country: 'VN',
  status: 'active',
  faxNumbers: ['+33142680690', '+212522264800'],
};

let aws: LocalAws;
let directory: DynamoMemberDirectory;

beforeAll(async () => {
  aws = await startLocalAws();
  Object.assign(process.env, aws.env);
  directory = new DynamoMemberDirectory(createDynamoClient({ AWS_ENDPOINT_URL_DYNAMODB: aws.endpoints.dynamodb }), aws.resources.membersTable);
  await directory.save(marie);
}, 120_000);

afterAll(async () => {
  await aws?.stop();
});

describe('DynamoMemberDirectory', () => {
  it('finds a member by number, by address in any case and by fax number in any layout', async () => {
    expect(await directory.findById('12345678')).toEqual(marie);
    expect(await directory.findById('99999999')).toBeUndefined();
    expect(await directory.findByEmail('  marie.dupont@EXAMPLE.FR ')).toEqual(marie);
    expect(await directory.findByFax('+33 1 42 68 06 90')).toEqual(marie);
    expect(await directory.findByFax('+212 522-264800')).toEqual(marie);
    expect(await directory.findByFax('+1 302 797 3150')).toBeUndefined();
  });

  it('cannot tell who writes from an address two members share', async () => {
    await directory.save({ ...marie, memberId: 'SPOUSE-1', firstName: 'Luc', faxNumbers: [] });
    expect(await directory.findByEmail('marie.dupont@example.fr')).toBeUndefined();
    expect((await directory.findById('12345678'))?.firstName).toBe('Marie');
  });

  it('forgets a fax number the member no longer registers', async () => {
    await directory.save({ ...marie, faxNumbers: ['+212522264800'] });
    expect(await directory.findByFax('+33142680690')).toBeUndefined();
    expect((await directory.findByFax('+212522264800'))?.memberId).toBe('12345678');
  });
});
