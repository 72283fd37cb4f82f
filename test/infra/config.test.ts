import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, parseClaimsIntakeConfig } from '../../lib/config.ts';

describe('deployment configuration', () => {
  it('has a default for every key, so that synth needs no -c', () => {
    expect(parseClaimsIntakeConfig({}, {})).toEqual({
      stackName: 'ClaimsIntake',
      account: '111111111111',
      region: 'eu-west-1',
      domain: 'claims.example.org',
      claimsLocalPart: 'claims',
      faxLocalPart: 'fax',
      senderAddress: 'claims@claims.example.org',
      intakeAddresses: ['claims@claims.example.org', 'fax@claims.example.org'],
      maiClaimsAddress: 'contact@medical-administrators.com',
      cignaUsClaimsAddress: 'Ice.Team@Cigna.com',
      maiTrackingUrl: 'http://expat.cigna.medical-administrators.com/fr',
      cignaUsTrackingUrl: 'https://www.cignaenvoy.com',
      retentionDays: 365,
      logRetentionDays: RetentionDays.ONE_YEAR,
      alarmEmail: 'operations@example.org',
      ocrEngine: 'tesseract',
      ocrTimeLimitSeconds: 20,
      faxGateways: '[]',
      intakeConcurrency: 5,
      statusPageConcurrency: 10,
      replyLimitPerDay: 5,
      reminderAfterDays: 7,
      reviewAfterDays: 14,
      logLevel: 'INFO',
    });
  });

  it('reads -c values, which arrive as strings, and derives the addresses from the domain', () => {
    const config = parseClaimsIntakeConfig(
      {
        domain: 'Intake.Example.COM',
        claimsLocalPart: 'remboursements',
        faxLocalPart: 'telecopie',
        retentionDays: '90',
        logRetentionDays: '30',
        intakeConcurrency: '12',
        statusPageConcurrency: '25',
        replyLimitPerDay: '20',
        maiFaxGatewayAddress: '33142680690@fax.example.net',
        cignaUsFaxGatewayAddress: '',
        ocrEngine: 'textract',
      },
      {},
    );
    expect(config).toMatchObject({
      domain: 'intake.example.com',
      senderAddress: 'remboursements@intake.example.com',
      intakeAddresses: ['remboursements@intake.example.com', 'telecopie@intake.example.com'],
      retentionDays: 90,
      logRetentionDays: RetentionDays.ONE_MONTH,
      intakeConcurrency: 12,
      statusPageConcurrency: 25,
      replyLimitPerDay: 20,
      maiFaxGatewayAddress: '33142680690@fax.example.net',
      cignaUsFaxGatewayAddress: undefined,
      ocrEngine: 'textract',
    });
  });

  it('takes the account of the CLI credentials when none is given, and a -c account over it', () => {
    expect(parseClaimsIntakeConfig({}, { CDK_DEFAULT_ACCOUNT: '222222222222' }).account).toBe('222222222222');
    expect(parseClaimsIntakeConfig({ account: '333333333333' }, { CDK_DEFAULT_ACCOUNT: '222222222222' }).account).toBe('333333333333');
  });

  it('does not take the region from the CLI profile', () => {
    expect(parseClaimsIntakeConfig({}, { CDK_DEFAULT_REGION: 'us-east-1' }).region).toBe('eu-west-1');
    expect(parseClaimsIntakeConfig({ region: 'us-west-2' }, {}).region).toBe('us-west-2');
  });

  it.each([
    [{ senderAddress: 'claims@other.example.net' }, '-c senderAddress: must be an address of the claims domain'],
    [{ logRetentionDays: '100' }, '-c logRetentionDays: must be one of 1, 3, 5, 7, 14, 30'],
    [{ faxLocalPart: 'claims' }, '-c faxLocalPart: must differ from claimsLocalPart'],
    [{ intakeConcurrency: '1' }, '-c intakeConcurrency:'],
    [{ statusPageConcurrency: '0' }, '-c statusPageConcurrency:'],
    [{ statusPageConcurrency: 'ten' }, '-c statusPageConcurrency:'],
    [{ domain: 'localhost' }, '-c domain: must be a domain name'],
    [{ alarmEmail: 'operations' }, '-c alarmEmail:'],
    [{ ocrEngine: 'abbyy' }, '-c ocrEngine:'],
    [{ faxGateways: '[{"name":"Acme"}]' }, '-c faxGateways:'],
    [{ ocrTimeLimitSeconds: '0' }, '-c ocrTimeLimitSeconds:'],
    [{ replyLimitPerDay: '0' }, '-c replyLimitPerDay:'],
    [{ replyLimitPerDay: 'many' }, '-c replyLimitPerDay:'],
    [{ reminderAfterDays: '0' }, '-c reminderAfterDays:'],
    [{ reminderAfterDays: '14' }, '-c reviewAfterDays: must be more days than reminderAfterDays'],
    [{ account: '1234' }, '-c account: must be a 12-digit AWS account id'],
  ])('rejects %j, naming the key', (context, message) => {
    expect(() => parseClaimsIntakeConfig(context, {})).toThrow(ConfigurationError);
    expect(() => parseClaimsIntakeConfig(context, {})).toThrow(message);
  });
});
