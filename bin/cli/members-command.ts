import { readFile } from 'node:fs/promises';
import { DynamoMemberDirectory } from '../../functions/shared/adapters/dynamo-member-directory.ts';
import { parseMembersCsv } from '../../functions/shared/adapters/members-csv.ts';
import { operatorDynamoClient } from './dynamo.ts';
import { InputError } from './usage-error.ts';

export interface MembersImportOptions {
  readonly csvPath: string;
  readonly table: string;
  readonly region?: string;
}

/** Loads a members CSV into the members table with the credentials of the shell. */
export async function runMembersImport(options: MembersImportOptions): Promise<number> {
  const text = await readFile(options.csvPath, 'utf8').catch(() => {
    throw new InputError(`cannot read members file ${options.csvPath}`);
  });
  const members = parseMembersCsv(text);
  const directory = new DynamoMemberDirectory(operatorDynamoClient(options.region), options.table);
  for (const member of members) await directory.save(member);
  return members.length;
}
