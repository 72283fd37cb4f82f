import type { Readable } from 'node:stream';
import { InMemoryMemberDirectory } from '../../functions/shared/adapters/in-memory-member-directory.ts';
import { DEFAULT_REPLY_LIMIT_PER_DAY } from '../../functions/shared/config.ts';
import { Deadline } from '../../functions/shared/domain/deadline.ts';
import { knownFaxGateways } from '../../functions/shared/domain/fax/index.ts';
import { DEFAULT_SCAN_LIMITS, type OcrEngine } from '../../functions/shared/domain/scans/index.ts';
import type { ReceivedMessage } from '../../functions/shared/events/ses-receipt.ts';
import { messageStream } from '../../functions/shared/pipeline/parse-message.ts';
import { processReceivedMessage, type IntakeDependencies } from '../../functions/shared/pipeline/process-message.ts';
import { CLAIMS_ADDRESS, PASSING_VERDICTS, RECEIVED_AT, SAMPLE_MEMBERS } from './contexts.ts';
import { InMemoryClaimRepository } from './in-memory-claim-repository.ts';
import { InMemoryMessageStore } from './in-memory-message-store.ts';
import { RecordingMailer } from './recording-mailer.ts';

/** OCR switched off: every page reads as nothing, at once. */
export const BLANK_OCR: OcrEngine = { name: 'tesseract', recognize: async () => ({ text: '', confidence: 0 }), release: async () => {} };

/** Where the message is stored, as SES's notification says. */
/** Far longer than any message takes: the property tests bound each decision themselves. */
const MESSAGE_TIME_LIMIT_MS = 60_000;

export const RAW_LOCATION = { bucket: 'claims-bucket', key: 'incoming/in-memory' } as const;

/** The claims bucket in memory, holding the one message being decided. */
class OneMessageStore extends InMemoryMessageStore {
  constructor(private readonly raw: Buffer) {
    super();
  }

  override async openRaw(): Promise<Readable> {
    return messageStream(this.raw);
  }
}

export type Delivery = Pick<ReceivedMessage, 'recipients' | 'envelopeSender' | 'verdicts'>;

/**
 * The whole intake on one message, in memory: parsed as it is read from the bucket, decided with
 * the sample members and no OCR, recorded, forwarded and replied to.
 */
export async function intakeInMemory(
  raw: Buffer,
  delivery: Delivery = { recipients: [CLAIMS_ADDRESS], envelopeSender: 'sender@example.com', verdicts: PASSING_VERDICTS },
) {
  const store = new OneMessageStore(raw);
  const mailer = new RecordingMailer();
  const dependencies: IntakeDependencies = {
    directory: new InMemoryMemberDirectory(SAMPLE_MEMBERS),
    claims: new InMemoryClaimRepository(),
    store,
    mailer,
    settings: {
      ownAddresses: ['claims@claims.example.org', 'fax@claims.example.org'],
      faxLocalPart: 'fax',
      faxGateways: knownFaxGateways([]),
      scans: { engine: BLANK_OCR, limits: DEFAULT_SCAN_LIMITS, ocrTimeLimitMs: 1_000 },
    },
    administrators: {},
    replyLimitPerDay: DEFAULT_REPLY_LIMIT_PER_DAY,
    now: () => RECEIVED_AT,
  };
  const received: ReceivedMessage = { ...delivery, sesMessageId: 'in-memory', receivedAt: RECEIVED_AT, bucket: RAW_LOCATION.bucket, objectKey: RAW_LOCATION.key };
  const claim = await processReceivedMessage(received, dependencies, Deadline.in(MESSAGE_TIME_LIMIT_MS));
  return { claim, store, mailer };
}
