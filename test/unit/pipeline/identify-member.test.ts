import type { MailComposerOptions } from 'nodemailer/lib/mail-composer/index.js';
import { describe, expect, it } from 'vitest';
import { InMemoryMemberDirectory } from '../../../functions/shared/adapters/in-memory-member-directory.ts';
import { parseMembersCsv } from '../../../functions/shared/adapters/members-csv.ts';
import type { Verdicts } from '../../../functions/shared/domain/types.ts';
import type { IntakeContext } from '../../../functions/shared/pipeline/context.ts';
import { identifyMember } from '../../../functions/shared/pipeline/identify-member.ts';
import {
  documentFile,
  envelope,
  intakeContext,
  PASSING_VERDICTS,
  SAMPLE_MEMBERS,
  sampleMember,
  UNAUTHENTICATED_VERDICTS,
} from '../../support/contexts.ts';

const directory = new InMemoryMemberDirectory(SAMPLE_MEMBERS);
const MARIE = sampleMember('12345678');
const JOHN = sampleMember('20481632');
const PAUL = sampleMember('41928374');

/** Someone whose address is nobody's and is not authenticated: only a member number can identify the member. */
const STRANGER = 'Anna Kowalski <anna.kowalski@example.com>';

async function identify(message: MailComposerOptions, verdicts: Verdicts = UNAUTHENTICATED_VERDICTS, changes: Partial<IntakeContext> = {}) {
  const context = await intakeContext(message, { envelope: envelope({ verdicts }), ...changes });
  return (await identifyMember(context, directory)).identification;
}

describe('identifyMember by member number', () => {
  it('finds the member from a labelled number in the subject', async () => {
    const identification = await identify({ from: STRANGER, subject: "Note d'honoraires – N° d'adhérent 12345678" });
    expect(identification).toEqual({ member: MARIE, ambiguous: false, reasons: ['member number found in subject'] });
  });

  it("finds the member from a labelled number in a document's text", async () => {
    const note = documentFile('note-honoraires.pdf', "Patient : Marie Dupont\nN° d'adhérent : 12345678\nTotal : 50,00 €");
    const identification = await identify({ from: STRANGER }, UNAUTHENTICATED_VERDICTS, { documents: [note] });
    expect(identification).toEqual({ member: MARIE, ambiguous: false, reasons: ['member number found in note-honoraires.pdf'] });
  });

  it('does not read a document whose text was not read', async () => {
    const scan = documentFile('scan.tif', "N° d'adhérent : 12345678", { textRead: false, notReadReason: 'image without a text layer' });
    const identification = await identify({ from: STRANGER }, UNAUTHENTICATED_VERDICTS, { documents: [scan] });
    expect(identification?.member).toBeUndefined();
  });

  it('takes a number the directory does not know for no member, and falls back to the sender', async () => {
    expect(await identify({ from: STRANGER, subject: 'Member ID: 99999999' })).toEqual({
      ambiguous: false,
      reasons: ["no member number, and the sender is not authenticated: DMARC failed for the sender's domain"],
    });
    expect(await identify({ from: 'john.carter@example.com', subject: 'Member ID: 99999999' }, PASSING_VERDICTS)).toEqual({
      member: JOHN,
      ambiguous: false,
      reasons: ['identified by the registered sender address'],
    });
  });

  it('leaves two different labelled members to a person, naming where each was found', async () => {
    const identification = await identify({
      from: STRANGER,
      subject: 'Member ID: 20481632',
      text: "Bonjour, voici la facture de ma fille, N° d'adhérent : 12345678.",
    });
    expect(identification).toEqual({ ambiguous: true, reasons: ['several member numbers found (subject, body)'] });
  });

  it('takes the same member named twice as one', async () => {
    const identification = await identify({
      from: STRANGER,
      subject: "N° d'adhérent 12345678",
      text: "Mon numéro d'adhérent : 12345678",
    });
    expect(identification).toEqual({ member: MARIE, ambiguous: false, reasons: ['member number found in subject'] });
  });

  it('prefers a labelled number to an unlabelled one found earlier', async () => {
    const identification = await identify({
      from: STRANGER,
      subject: 'Claim 12345678',
      text: 'Please reimburse. Member ID: 20481632',
    });
    expect(identification).toEqual({ member: JOHN, ambiguous: false, reasons: ['member number found in body'] });
  });

  it('finds the member from an unlabelled number when no label names one', async () => {
    const identification = await identify({ from: STRANGER, subject: 'Claim 20481632' });
    expect(identification).toEqual({ member: JOHN, ambiguous: false, reasons: ['member number found in subject'] });
  });

  it('identifies by number whatever the authentication of the sender', async () => {
    const identification = await identify({ from: 'someone.else@example.net', subject: 'Claim for member number 52093817' });
    expect(identification?.member).toEqual(sampleMember('52093817'));
  });
});

describe('identifyMember with a members file written in lower case', () => {
  it('finds the member by number all the same', async () => {
    const members = parseMembersCsv(
      'member_id,first_name,last_name,email,language,country,status,fax_numbers\ncfe-004513,Luc,Martin,luc.martin@example.org,fr,SN,active,\n',
    );
    const context = await intakeContext(
      { from: 'anna.kowalski@example.com', subject: "N° d'adhérent cfe-004513" },
      { envelope: envelope({ verdicts: UNAUTHENTICATED_VERDICTS }) },
    );
    const { identification } = await identifyMember(context, new InMemoryMemberDirectory(members));
    expect(identification).toEqual({ member: members[0], ambiguous: false, reasons: ['member number found in subject'] });
  });
});

describe('identifyMember by sender address', () => {
  it('finds the member by the registered address when DMARC passed', async () => {
    expect(await identify({ from: 'John Carter <john.carter@example.com>' }, PASSING_VERDICTS)).toEqual({
      member: JOHN,
      ambiguous: false,
      reasons: ['identified by the registered sender address'],
    });
  });

  it('compares the address without regard to case', async () => {
    const identification = await identify({ from: 'PAUL.GIRARD@example.COM' }, PASSING_VERDICTS);
    expect(identification).toEqual({ member: PAUL, ambiguous: false, reasons: ['identified by the registered sender address'] });
  });

  it.each([
    [UNAUTHENTICATED_VERDICTS, "DMARC failed for the sender's domain"],
    [{ ...PASSING_VERDICTS, spf: 'PASS', dkim: 'PASS', dmarc: 'FAIL' }, "DMARC failed for the sender's domain"],
    [{ ...PASSING_VERDICTS, dmarc: 'GRAY' }, "the sender's domain publishes no DMARC policy, and SES's Authentication-Results is missing or unreadable"],
    [{ ...PASSING_VERDICTS, dmarc: 'PROCESSING_FAILED' }, 'SES gave no DMARC verdict (PROCESSING_FAILED)'],
  ] as const)('does not trust a registered address that was not authenticated (%j)', async (verdicts, why) => {
    expect(await identify({ from: 'John Carter <john.carter@example.com>' }, verdicts)).toEqual({
      ambiguous: false,
      reasons: [`no member number, and the sender is not authenticated: ${why}`],
    });
  });

  it('does not trust a registered address among several in From', async () => {
    expect(await identify({ from: 'John Carter <john.carter@example.com>, Anna <anna.kowalski@example.com>' }, PASSING_VERDICTS)).toEqual({
      ambiguous: false,
      reasons: ['no member number and no usable sender address'],
    });
  });

  it('finds nobody for an authenticated address no member registered', async () => {
    expect(await identify({ from: STRANGER }, PASSING_VERDICTS)).toEqual({
      ambiguous: false,
      reasons: ['no member number, and the sender address is not registered'],
    });
  });

  it('says so when the message has no sender address', async () => {
    expect(await identify({ from: undefined }, PASSING_VERDICTS)).toEqual({
      ambiguous: false,
      reasons: ['no member number and no usable sender address'],
    });
  });
});

describe('identifyMember', () => {
  it('adds the identification and leaves the rest of the context as it was', async () => {
    const context = await intakeContext({ from: STRANGER, subject: 'Member ID: 20481632' });
    const { identification, ...rest } = await identifyMember(context, directory);
    expect(identification?.member).toEqual(JOHN);
    expect(rest).toEqual(context);
  });

  it("refuses to run before the sender's authenticity is known", async () => {
    const context = await intakeContext({}, { sender: undefined });
    await expect(identifyMember(context, directory)).rejects.toThrow("Intake step ran before knowing the sender's authenticity");
  });

  it('refuses to run before the documents were read', async () => {
    const context = await intakeContext({}, { documents: undefined });
    await expect(identifyMember(context, directory)).rejects.toThrow('Intake step ran before knowing the documents');
  });
});
