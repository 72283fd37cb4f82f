import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { OutgoingMessage } from '../templates/outgoing-message.ts';
import { buildRawMessage } from './mime/raw-message.ts';

export interface Mailer {
  /** Sends the message and returns the provider's message id. */
  send(message: OutgoingMessage, tags: Readonly<Record<string, string>>): Promise<string>;
}

/** SES counts message sizes in binary megabytes: its former 10 MB refused "more than 10485760 bytes". */
export const SES_MEGABYTE = 1024 * 1024;
/** SES v2 sends raw messages of up to 40 MB, headers and base64 included; it receives as much. */
export const SES_MAX_MESSAGE_BYTES = 40 * SES_MEGABYTE;

/**
 * File extensions SES refuses in an attachment, whatever the content: a message carrying one is
 * rejected (https://docs.aws.amazon.com/ses/latest/dg/mime-types.html).
 */
const SES_REFUSED_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    'ade adp app asp bas bat cer chm cmd com cpl crt csh der exe fxp gadget hlp hta inf ins isp its js jse ksh lib lnk ' +
    'mad maf mag mam maq mar mas mat mau mav maw mda mdb mde mdt mdw mdz msc msh msh1 msh2 mshxml msh1xml msh2xml msi ' +
    'msp mst ops pcd pif plg prf prg reg scf scr sct shb shs sys ps1 ps1xml ps2 ps2xml psc1 psc2 tmp url vb vbe vbs vps ' +
    'vsmacros vss vst vsw vxd ws wsc wsf wsh xnk'
  ).split(' '),
);

/** The extension of `filename` SES refuses to send, lower-case, if it is one. */
export function sesRefusedExtension(filename: string): string | undefined {
  const dot = filename.lastIndexOf('.');
  const extension = dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
  return SES_REFUSED_EXTENSIONS.has(extension) ? extension : undefined;
}

/** Sends the message as raw MIME through SES v2 (raw messages up to SES_MAX_MESSAGE_BYTES). */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
    private readonly configurationSetName?: string,
  ) {}

  async send(message: OutgoingMessage, tags: Readonly<Record<string, string>>): Promise<string> {
    const response = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to], CcAddresses: message.cc ? [...message.cc] : undefined },
        Content: { Raw: { Data: buildRawMessage(message, { from: this.from, date: new Date() }) } },
        ConfigurationSetName: this.configurationSetName,
        EmailTags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
    if (!response.MessageId) throw new Error('SES returned no message id');
    return response.MessageId;
  }
}
