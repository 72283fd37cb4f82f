import { describe, expect, it } from 'vitest';
import { knownFaxGateways } from '../../../functions/shared/domain/fax/index.ts';
import type { Verdicts } from '../../../functions/shared/domain/types.ts';
import { authenticateSender } from '../../../functions/shared/pipeline/authenticate-sender.ts';
import { detectChannel } from '../../../functions/shared/pipeline/detect-channel.ts';
import { parseMessage } from '../../../functions/shared/pipeline/parse-message.ts';
import { composeMail, envelope, PASSING_VERDICTS, UNAUTHENTICATED_VERDICTS } from '../../support/contexts.ts';

const CLAIMS = 'claims@claims.example.org';
const FAX = 'fax@claims.example.org';
const BUILT_IN = knownFaxGateways([]);

interface FaxEmail {
  readonly from: string;
  readonly subject: string;
  readonly text: string;
}

async function channelOf(email: FaxEmail, options: { to?: string; verdicts?: Verdicts; gateways?: typeof BUILT_IN } = {}) {
  const to = options.to ?? CLAIMS;
  const raw = await composeMail({ ...email, to, attachments: [{ filename: 'fax.pdf', content: Buffer.from('%PDF-1.4'), contentType: 'application/pdf' }] });
  const delivered = envelope({ recipients: [to], verdicts: options.verdicts ?? PASSING_VERDICTS });
  const mail = await parseMessage(raw);
  return detectChannel(delivered, mail, mail.text ?? '', await authenticateSender(delivered.verdicts, mail), { faxLocalPart: 'fax', faxGateways: options.gateways ?? BUILT_IN });
}

/** Each gateway's own format, as it sends a received fax to a mailbox. */
const GATEWAY_EMAILS: readonly (readonly [string, FaxEmail, object])[] = [
  [
    'eFax',
    {
      from: 'eFax <message@inbound.efax.com>',
      subject: 'eFax message from "2125550100" - 3 page(s), Caller-ID: 1-212-555-0100',
      text: 'You have received a 3 page fax at 2026-07-01 06:03:22 PM EDT.',
    },
    { gateway: 'eFax', callerNumber: '+12125550100', remoteStationId: '2125550100', pages: 3 },
  ],
  [
    'eFax, caller withheld',
    {
      from: 'eFax <message@inbound.efax.com>',
      subject: 'eFax message from "unknown" - 1 page(s), Caller-ID: UNAVAILABLE',
      text: 'You have received a 1 page fax.',
    },
    { gateway: 'eFax', pages: 1 },
  ],
  [
    'RingCentral',
    {
      from: 'RingCentral <notify@ringcentral.com>',
      subject: 'New Fax Message from (469) 543-6401 on 07/01/2026 6:03 PM',
      text: 'You have a new fax message.\n\nFrom: (469) 543-6401\nReceived: Wednesday, July 01, 2026 at 6:03 PM\nPages: 2\n',
    },
    { gateway: 'RingCentral', callerNumber: '+14695436401', pages: 2 },
  ],
  [
    'MetroFax',
    {
      from: 'MetroFax <noreply@metrofax.com>',
      subject: 'MetroFax message from "CLINIC FRONT DESK" - 4 page(s), Caller-ID: 617-555-0142',
      text: 'You have received a 4 page fax.',
    },
    { gateway: 'MetroFax', callerNumber: '+16175550142', remoteStationId: 'CLINIC FRONT DESK', pages: 4 },
  ],
  [
    'HylaFAX',
    {
      from: 'The HylaFAX Receive Agent <fax@pbx.example.com>',
      subject: 'Fax received from "+33 1 42 68 06 90"',
      text: 'recvq/fax00042.tif:\n          Sender: +33 1 42 68 06 90\n           Pages: 2\n         Quality: Fine\n        Received: 2026:07:01 18:03:22\n         CallID1: +33142680690\n',
    },
    { gateway: 'HylaFAX', callerNumber: '+33142680690', remoteStationId: '+33 1 42 68 06 90', pages: 2 },
  ],
  [
    'HylaFAX+, in French',
    {
      from: 'HylaFAX Agent <fax@pbx.example.com>',
      subject: 'Facsimile reçu de "CABINET MOREL"',
      text: 'recvq/fax00043.tif:\n          Sender: CABINET MOREL\n           Pages: 1\n         Quality: Normal\n         CallID1: 0033142331827\n',
    },
    { gateway: 'HylaFAX', callerNumber: '+33142331827', remoteStationId: 'CABINET MOREL', pages: 1 },
  ],
  [
    'FreePBX',
    {
      from: 'fax@freepbx.example.com',
      subject: 'New fax from: "Clinique Anfa" <+212522361212>',
      text: 'Enclosed, please find a new fax from: "Clinique Anfa" <+212522361212>\nReceived & processed: Wed, 01 Jul 2026 18:03:22 +0000\n',
    },
    { gateway: 'FreePBX', callerNumber: '+212522361212' },
  ],
  [
    'Kazoo',
    {
      from: 'no_reply@kazoo.example.com',
      subject: 'New fax from Clinique Anfa (+212522361212)',
      text: 'New Fax (3 Pages)\n\nCaller ID: +212522361212\nCaller Name: Clinique Anfa\n',
    },
    { gateway: 'Kazoo', callerNumber: '+212522361212', pages: 3 },
  ],
  [
    'FusionPBX',
    {
      from: 'FusionPBX <fax@pbx.example.com>',
      subject: 'Fax Received: 442071838750-2026-07-01-18-03-22',
      text: '\nFax Received:\nName: 442071838750-2026-07-01-18-03-22\nExtension: 5000\nMessages: \n',
    },
    { gateway: 'FusionPBX' },
  ],
];

describe('fax gateways', () => {
  it.each(GATEWAY_EMAILS)('%s, authenticated, is a fax with its caller, station and pages, whatever the address', async (_name, email, fax) => {
    expect(await channelOf(email)).toEqual({ channel: 'fax', fax });
  });

  it.each(GATEWAY_EMAILS)('%s sent to the fax address is read the same without authentication', async (_name, email, fax) => {
    expect(await channelOf(email, { to: FAX, verdicts: UNAUTHENTICATED_VERDICTS })).toEqual({ channel: 'fax', fax });
  });

  it("takes a gateway's subject from an unauthenticated sender for an email: anybody can write it", async () => {
    const [, efax] = GATEWAY_EMAILS[0] ?? expect.unreachable();
    expect(await channelOf(efax, { verdicts: UNAUTHENTICATED_VERDICTS })).toEqual({ channel: 'email' });
  });

  it("takes a hosted gateway's subject from another sender for an email", async () => {
    const forwarded = { from: 'Marie Dupont <marie.dupont@example.fr>', subject: 'eFax message from "unknown" - 1 page(s), Caller-ID: UNAVAILABLE', text: 'Voir pièce jointe' };
    expect(await channelOf(forwarded)).toEqual({ channel: 'email' });
  });

  it('reads a self-hosted format only with the text its gateway always writes', async () => {
    const member = { from: 'Marie Dupont <marie.dupont@example.fr>', subject: 'New fax from: my doctor', text: 'Bonjour, voici ma facture.' };
    expect(await channelOf(member)).toEqual({ channel: 'email' });
  });

  it('takes any message to the fax address for a fax, reading the lines most gateways write', async () => {
    const unknownGateway = { from: 'Fax Service <faxes@fax.example.net>', subject: 'Incoming document', text: 'Caller ID: +33 1 42 68 06 90\nPages: 5\n' };
    expect(await channelOf(unknownGateway, { to: FAX })).toEqual({ channel: 'fax', fax: { callerNumber: '+33142680690', pages: 5 } });
  });

  it('keeps a national caller number it cannot place as written, for a person', async () => {
    const freepbx = { from: 'fax@freepbx.example.com', subject: 'New fax from: "Cabinet" <0142331827>', text: 'Enclosed, please find a new fax' };
    expect(await channelOf(freepbx)).toEqual({ channel: 'fax', fax: { gateway: 'FreePBX', callerNumber: '0142331827' } });
  });

  it('keeps the station id and caller number as they show: no bidi override, NUL, escape sequence or invisible character', async () => {
    const hylafax = {
      from: 'The HylaFAX Receive Agent <fax@pbx.example.com>',
      subject: 'Fax received from "\u202eFDP.EXE\u0000\u001b[31m"',
      text: 'recvq/fax00042.tif:\n          Sender: \u202eFDP.EXE\u0000\u001b[31m\n           Pages: 2\n         CallID1: +33\u200b142680690\u001b[0m\n',
    };
    expect(await channelOf(hylafax)).toEqual({ channel: 'fax', fax: { gateway: 'HylaFAX', callerNumber: '+33142680690', remoteStationId: 'FDP.EXE', pages: 2 } });
  });

  it('takes a station id of more than 20 visible characters for none, however few it shows with its escapes', async () => {
    const station = (written: string) => ({ from: 'Fax Service <faxes@fax.example.net>', subject: 'Incoming document', text: `TSI: ${written}\nPages: 1\n` });
    expect(await channelOf(station(`\u001b[1m${'CABINET MOREL PARIS'}\u001b[0m\u200b\u200b\u200b`), { to: FAX })).toEqual({
      channel: 'fax',
      fax: { remoteStationId: 'CABINET MOREL PARIS', pages: 1 },
    });
    expect(await channelOf(station('CABINET MOREL PARIS 8E'), { to: FAX })).toEqual({ channel: 'fax', fax: { pages: 1 } });
  });

  it('recognises a gateway from the configuration, by address or by domain, before the built-in ones', async () => {
    const gateways = knownFaxGateways([
      { name: 'Acme Fax', sender: 'acme-fax.example.com', subjectPattern: String.raw`^Fax \((?<pages>\d+)p\) from (?<caller>[\d ]+)$`, callingCode: '33' },
    ]);
    const acme = { from: 'Acme <relay@mail.acme-fax.example.com>', subject: 'Fax (2p) from 01 42 68 06 90', text: '' };
    const elsewhere = { ...acme, from: 'Acme <relay@acme-fax.example.org>' };
    expect(await channelOf(acme, { gateways })).toEqual({ channel: 'fax', fax: { gateway: 'Acme Fax', callerNumber: '+33142680690', pages: 2 } });
    expect(await channelOf(elsewhere, { gateways })).toEqual({ channel: 'email' });
  });
});
