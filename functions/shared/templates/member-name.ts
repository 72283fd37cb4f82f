import type { Member } from '../domain/types.ts';

export function memberFullName(member: Member): string {
  return `${member.firstName} ${member.lastName}`;
}
