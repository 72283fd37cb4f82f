import { ArnFormat, CfnOutput, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/**
 * Events recorded against the claim whose forward or acknowledgement they concern. SES publishes
 * SEND within seconds of taking a message: the outgoing ledger's proof that an attempt whose
 * answer was lost did go out.
 */
const RECORDED_SENDING_EVENTS = [
  EmailSendingEvent.SEND,
  EmailSendingEvent.DELIVERY,
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.REJECT,
] as const;

export interface EmailSendingProps {
  /** Domain verified as the sending identity. */
  readonly domain: string;
  /** Name of the configuration set; unique in the account and region. */
  readonly configurationSetName: string;
  /** Topic the delivery, bounce, complaint and reject events are published to. */
  readonly eventsTopic: ITopic;
}

/**
 * The SES sending side: the domain identity, signed with Easy DKIM (2048-bit), and its default
 * configuration set, which refuses to deliver without TLS (claims carry medical data), keeps
 * reputation metrics, suppresses addresses that bounced or complained, and publishes the events
 * of every message to the topic.
 */
export class EmailSending extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  /** ARN of the domain identity: the resource `ses:SendEmail` is authorised on. */
  readonly identityArn: string;
  /** ARN of the configuration set: also a resource of every `ses:SendEmail` that uses it. */
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: EmailSendingProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: props.configurationSetName,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: props.configurationSetName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });

    // Also allows SES, for this configuration set only, to publish to the topic.
    this.configurationSet.addEventDestination('Events', {
      destination: EventDestination.snsTopic(props.eventsTopic),
      events: [...RECORDED_SENDING_EVENTS],
    });

    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(props.domain),
      dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      dkimSigning: true,
      configurationSet: this.configurationSet,
    });
    this.identityArn = stack.formatArn({
      service: 'ses',
      resource: 'identity',
      resourceName: props.domain,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });

    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        description: `DKIM CNAME record ${index + 1} to publish in the ${props.domain} zone`,
        value: `${record.name} CNAME ${record.value}`,
      });
    });
  }

  /** Lets a function send through the domain and its configuration set, from `senderAddress` only. */
  sendFromStatement(senderAddress: string): PolicyStatement {
    return new PolicyStatement({
      sid: 'SendFromTheClaimsAddress',
      actions: ['ses:SendEmail'],
      resources: [this.identityArn, this.configurationSetArn],
      conditions: { StringEquals: { 'ses:FromAddress': senderAddress } },
    });
  }
}
