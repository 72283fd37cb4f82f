import { searchMemberNumbers } from '../domain/member-number.ts';
import type { Member, MemberDirectory, TextSource } from '../domain/types.ts';
import { usableSenderAddress } from './authenticate-sender.ts';
import { required, type IntakeContext, type MemberIdentification } from './context.ts';

/**
 * Finds the member: a member number written in the message or its documents, confirmed in the
 * directory (labelled numbers first); else, for a fax, the registered fax number it was sent
 * from; else the sender's registered address. A fax gateway's caller number and a sender's
 * address are trusted only when the sender's domain is authentic.
 */
export async function identifyMember(context: IntakeContext, directory: MemberDirectory): Promise<IntakeContext> {
  const texts: TextSource[] = [
    ...required(context.messageTexts, 'the message texts'),
    ...required(context.documents, 'the documents')
      .filter((document) => document.textRead)
      .map((document) => ({ source: document.filename, text: document.text })),
  ];
  const identification =
    (await identifyByNumber(texts, directory)) ??
    (await identifyByFaxCaller(context, directory)) ??
    (await identifyBySender(context, directory));
  return { ...context, identification };
}

async function identifyByNumber(texts: readonly TextSource[], directory: MemberDirectory): Promise<MemberIdentification | undefined> {
  const search = searchMemberNumbers(texts);
  for (const labelled of [true, false]) {
    const group = labelled ? search.labelled : search.unlabelled();
    const members = await Promise.all(group.map((candidate) => directory.findById(candidate.value)));
    const found = new Map<string, { member: Member; source: string }>();
    group.forEach((candidate, index) => {
      const member = members[index];
      if (member && !found.has(member.memberId)) found.set(member.memberId, { member, source: candidate.source });
    });
    const matches = [...found.values()];
    if (matches.length > 1) {
      return {
        ambiguous: true,
        reasons: [`several member numbers found (${matches.map((match) => match.source).join(', ')})`],
      };
    }
    const [match] = matches;
    if (match) return { member: match.member, ambiguous: false, reasons: [`member number found in ${match.source}`] };
  }
  return undefined;
}

const senderOf = (context: IntakeContext) => required(context.sender, "the sender's authenticity");

async function identifyByFaxCaller(context: IntakeContext, directory: MemberDirectory): Promise<MemberIdentification | undefined> {
  const caller = context.fax?.callerNumber;
  if (caller === undefined || !senderOf(context).authentic) return undefined;
  const member = await directory.findByFax(caller);
  return member && { member, ambiguous: false, reasons: ['identified by the registered fax number the fax came from'] };
}

async function identifyBySender(context: IntakeContext, directory: MemberDirectory): Promise<MemberIdentification> {
  const address = usableSenderAddress(context.mail);
  if (!address) return { ambiguous: false, reasons: ['no member number and no usable sender address'] };
  const sender = senderOf(context);
  if (!sender.authentic) return { ambiguous: false, reasons: [`no member number, and the sender is not authenticated: ${sender.reason}`] };
  const member = await directory.findByEmail(address);
  return member
    ? { member, ambiguous: false, reasons: ['identified by the registered sender address'] }
    : { ambiguous: false, reasons: ['no member number, and the sender address is not registered'] };
}
