import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { SesMailer } from '../../../functions/shared/adapters/ses-mailer.ts';
import { sha256 } from '../../support/contexts.ts';
import { ACKNOWLEDGEMENT, ACKNOWLEDGEMENT_SUBJECT, FAX, INVOICE, SENDER } from '../../support/outgoing-message.ts';

describe('SesMailer', () => {
  const ses = mockClient(SESv2Client);
  afterEach(() => ses.reset());

  it('sends the raw message through SES with the configuration set and tags, and returns its id', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: '0100018e-ses-id' });
    const mailer = new SesMailer(new SESv2Client({ region: 'eu-west-1' }), SENDER, 'claims-intake');

    const messageId = await mailer.send(ACKNOWLEDGEMENT, { claimReference: 'CLM-2026-7K3F9Q', kind: 'acknowledged' });

    expect(messageId).toBe('0100018e-ses-id');
    const [call] = ses.commandCalls(SendEmailCommand);
    const input = call?.args[0].input;
    expect(input).toMatchObject({
      FromEmailAddress: SENDER,
      Destination: { ToAddresses: ['marie.dupont@example.fr'] },
      ConfigurationSetName: 'claims-intake',
      EmailTags: [
        { Name: 'claimReference', Value: 'CLM-2026-7K3F9Q' },
        { Name: 'kind', Value: 'acknowledged' },
      ],
    });
    const sent = await simpleParser(Buffer.from(input?.Content?.Raw?.Data ?? new Uint8Array()));
    expect(sent.subject).toBe(ACKNOWLEDGEMENT_SUBJECT);
    expect(sent.attachments.map(({ content }) => sha256(content))).toEqual([sha256(INVOICE), sha256(FAX)]);
  });

  it('fails when SES returns no message id', async () => {
    ses.on(SendEmailCommand).resolves({});
    const mailer = new SesMailer(new SESv2Client({ region: 'eu-west-1' }), SENDER);
    await expect(mailer.send(ACKNOWLEDGEMENT, {})).rejects.toThrow('SES returned no message id');
  });
});
