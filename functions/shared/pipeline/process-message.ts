import { classifyFailure } from '../adapters/classify-failure.ts';
import { DynamoClaimRepository } from '../adapters/dynamo-claim-repository.ts';
import { createOcrEngine } from '../adapters/ocr/create-ocr-engine.ts';
import { DynamoMemberDirectory } from '../adapters/dynamo-member-directory.ts';
import { S3MessageStore } from '../adapters/s3-message-store.ts';
import { SecretsManagerSigningKeys } from '../adapters/secrets-manager-signing-keys.ts';
import { SesMailer, type Mailer } from '../adapters/ses-mailer.ts';
import type { AwsClients } from '../clients.ts';
import type { IntakeConfig } from '../config.ts';
import type { ClaimRecord, ClaimRepository, MessageStore } from '../domain/claim.ts';
import type { Deadline } from '../domain/deadline.ts';
import { knownFaxGateways } from '../domain/fax/index.ts';
import { StatusLinkIssuer } from '../domain/status-link/index.ts';
import { DEFAULT_SCAN_LIMITS } from '../domain/scans/index.ts';
import type { MemberDirectory } from '../domain/types.ts';
import type { ReceivedMessage } from '../events/ses-receipt.ts';
import type { AdministratorOverrides } from '../templates/index.ts';
import { acknowledgeMember } from './acknowledge-member.ts';
import { continueConversation } from './continue-conversation.ts';
import { forwardClaim } from './forward-claim.ts';
import { joinConversation } from './join-conversation.ts';
import { recordClaim, recordUnprocessable } from './record-claim.ts';
import { triage, type TriageSettings } from './triage.ts';

export interface IntakeDependencies {
  readonly directory: MemberDirectory;
  readonly claims: ClaimRepository;
  readonly store: MessageStore;
  readonly mailer: Mailer;
  readonly settings: TriageSettings;
  readonly administrators: AdministratorOverrides;
  readonly statusLinks?: StatusLinkIssuer;
  /** Replies one address may receive per UTC day. */
  readonly replyLimitPerDay: number;
  readonly now: () => Date;
}

export function createIntakeDependencies(config: IntakeConfig, clients: AwsClients): IntakeDependencies {
  return {
    directory: new DynamoMemberDirectory(clients.dynamo, config.MEMBERS_TABLE),
    claims: new DynamoClaimRepository(clients.dynamo, config.CLAIMS_TABLE),
    store: new S3MessageStore(clients.s3, config.CLAIMS_BUCKET),
    mailer: new SesMailer(clients.ses, config.SENDER_ADDRESS, config.SES_CONFIGURATION_SET),
    settings: {
      ownAddresses: [...config.INTAKE_ADDRESSES, config.SENDER_ADDRESS.toLowerCase()],
      faxLocalPart: config.FAX_LOCAL_PART,
      faxGateways: knownFaxGateways(config.FAX_GATEWAYS),
      scans: { engine: createOcrEngine(config.OCR_ENGINE), limits: DEFAULT_SCAN_LIMITS, ocrTimeLimitMs: config.OCR_TIME_LIMIT_SECONDS * 1000 },
    },
    administrators: {
      MAI: { claimsAddress: config.MAI_CLAIMS_ADDRESS, trackingUrl: config.MAI_TRACKING_URL, faxGatewayAddress: config.MAI_FAX_GATEWAY_ADDRESS },
      CIGNA_US: {
        claimsAddress: config.CIGNA_US_CLAIMS_ADDRESS,
        trackingUrl: config.CIGNA_US_TRACKING_URL,
        faxGatewayAddress: config.CIGNA_US_FAX_GATEWAY_ADDRESS,
      },
    },
    ...(config.STATUS_PAGE_URL && config.STATUS_LINK_SECRET_ARN
      ? {
          statusLinks: new StatusLinkIssuer(
            config.STATUS_PAGE_URL,
            new SecretsManagerSigningKeys(clients.secrets, config.STATUS_LINK_SECRET_ARN),
            config.STATUS_LINK_VALIDITY_DAYS,
          ),
        }
      : {}),
    replyLimitPerDay: config.REPLY_LIMIT_PER_DAY,
    now: () => new Date(),
  };
}

/**
 * The intake use case for one received message: read it, decide, record it, forward it and
 * reply. Each side effect is recorded, so a redelivered message only finishes what is missing;
 * none is started once the claim's deadline has passed. A transient failure (a deadline passed
 * included) is thrown, for the queue to try again; a permanent one (see classifyFailure) puts the
 * message's claim in review with why.
 */
export async function processReceivedMessage(received: ReceivedMessage, dependencies: IntakeDependencies, deadline: Deadline): Promise<ClaimRecord> {
  try {
    return await intake(received, dependencies, deadline);
  } catch (error) {
    const failure = classifyFailure(error);
    if (failure.kind === 'transient') throw error;
    return recordUnprocessable(received, channelOf(received, dependencies.settings), failure.reason, {
      claims: dependencies.claims,
      store: dependencies.store,
      rawMessage: { bucket: received.bucket, key: received.objectKey },
      now: dependencies.now,
    });
  }
}

/** The channel of a message known only by its envelope: mail to the fax address is a fax. */
function channelOf(received: ReceivedMessage, settings: TriageSettings) {
  const faxAddress = `${settings.faxLocalPart.toLowerCase()}@`;
  return received.recipients.some((recipient) => recipient.toLowerCase().startsWith(faxAddress)) ? 'fax' : 'email';
}

async function intake(received: ReceivedMessage, dependencies: IntakeDependencies, deadline: Deadline): Promise<ClaimRecord> {
  const triaged = await triage(
    received,
    await dependencies.store.openRaw(received.bucket, received.objectKey),
    dependencies.directory,
    dependencies.settings,
    deadline,
  );
  const context = await joinConversation(triaged, dependencies);
  deadline.throwIfPassed('recording the claim');
  const rawMessage = { bucket: received.bucket, key: received.objectKey };
  if (context.conversation) return continueConversation(context, { ...dependencies, rawMessage });
  const recorded = await recordClaim(context, { claims: dependencies.claims, store: dependencies.store, rawMessage, now: dependencies.now });
  deadline.throwIfPassed('forwarding the claim');
  const forwarded = await forwardClaim(recorded, context, dependencies);
  deadline.throwIfPassed('acknowledging the claim');
  return acknowledgeMember(forwarded, context, dependencies);
}
