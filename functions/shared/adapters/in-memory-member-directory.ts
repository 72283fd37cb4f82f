import { normalizePhoneNumber } from '../domain/phone-number.ts';
import type { Member, MemberDirectory } from '../domain/types.ts';

/**
 * Members held in memory (the CSV file of the local triage command, tests). An address or a fax
 * number registered by more than one member finds nobody: picking one would be a guess.
 */
export class InMemoryMemberDirectory implements MemberDirectory {
  private readonly byId = new Map<string, Member>();
  private readonly byEmail = new Map<string, Member[]>();
  private readonly byFax = new Map<string, Member[]>();

  constructor(members: readonly Member[]) {
    for (const member of members) {
      this.byId.set(member.memberId, member);
      addTo(this.byEmail, emailKey(member.email), member);
      for (const faxNumber of member.faxNumbers) addTo(this.byFax, faxNumber, member);
    }
  }

  async findById(memberId: string): Promise<Member | undefined> {
    return this.byId.get(memberId);
  }

  async findByEmail(email: string): Promise<Member | undefined> {
    return onlyOne(this.byEmail.get(emailKey(email)));
  }

  async findByFax(e164: string): Promise<Member | undefined> {
    const faxNumber = normalizePhoneNumber(e164);
    return faxNumber === undefined ? undefined : onlyOne(this.byFax.get(faxNumber));
  }
}

const emailKey = (email: string) => email.trim().toLowerCase();

function addTo(index: Map<string, Member[]>, key: string, member: Member): void {
  const members = index.get(key);
  if (members === undefined) index.set(key, [member]);
  else members.push(member);
}

function onlyOne(members: readonly Member[] | undefined): Member | undefined {
  return members?.length === 1 ? members[0] : undefined;
}
