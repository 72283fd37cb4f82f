import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { z } from 'zod';
import { DEFAULT_OCR_TIME_LIMIT_SECONDS, DEFAULT_REPLY_LIMIT_PER_DAY, faxGatewaysJson } from '../functions/shared/config.ts';
import { ADMINISTRATORS } from '../functions/shared/domain/administrators.ts';
import { DEFAULT_REMINDER_PERIODS } from '../functions/shared/domain/reminders.ts';

/**
 * The deployment's configuration, read from CDK context (`cdk.json` or `npx cdk deploy -c key=value`).
 * Every key has a default so that `npx cdk synth` works with no `-c` at all; the administrators'
 * defaults are the intake's own (functions/shared/domain/administrators.ts), so the two cannot drift.
 */

const emailAddress = z.string().trim().email();
const url = z.string().url();
/** `-c key=` arrives as an empty string: treat it as "not set". */
const optionalEmailAddress = z.preprocess((value) => (value === '' ? undefined : value), emailAddress.optional());
const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as claims.example.org');
const localPart = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._+-]*$/, 'must be the part of an address before the @');

/** The values CloudWatch Logs accepts as a retention period (never-expire excluded: logs must age out). */
const logRetentionValues = Object.values(RetentionDays).filter(
  (days): days is RetentionDays => typeof days === 'number' && days !== RetentionDays.INFINITE,
);

/** Engines the intake can read scanned documents with. */
export const OCR_ENGINES = ['tesseract', 'textract'] as const;
export type OcrEngine = (typeof OCR_ENGINES)[number];

/** A page is one table read of a few milliseconds: ten at once serve hundreds of members a second. */
export const DEFAULT_STATUS_PAGE_CONCURRENCY = 10;

/** Placeholder for an offline `cdk synth`; a deployment takes the account of the CLI's credentials. */
const SYNTH_ACCOUNT = '111111111111';

const contextSchema = z.object({
  /** CloudFormation stack name; also prefixes the SES rule set and configuration set names. */
  stackName: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, 'must start with a letter: letters, digits and -').default('ClaimsIntake'),
  account: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
  /**
   * Must be a region where SES receives email. Not taken from the CLI profile: the choice decides
   * where claims are kept and which MX host the domain points to.
   */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as eu-west-1').default('eu-west-1'),
  /** Domain whose MX record points to SES: receives the claims and signs the outgoing mail (DKIM). */
  domain: domainName.default('claims.example.org'),
  /** Local part of the address members send claims to. */
  claimsLocalPart: localPart.default('claims'),
  /** Local part of the address the fax-to-email service delivers to. */
  faxLocalPart: localPart.default('fax'),
  /** Address forwards and acknowledgements are sent from. @default claims@<domain> */
  senderAddress: optionalEmailAddress,
  maiClaimsAddress: emailAddress.default(ADMINISTRATORS.MAI.email),
  cignaUsClaimsAddress: emailAddress.default(ADMINISTRATORS.CIGNA_US.email),
  /** Email-to-fax gateway address for MAI, when claims must also reach it by fax. @default none */
  maiFaxGatewayAddress: optionalEmailAddress,
  /** Email-to-fax gateway address for Cigna US, when claims must also reach it by fax. @default none */
  cignaUsFaxGatewayAddress: optionalEmailAddress,
  maiTrackingUrl: url.default(ADMINISTRATORS.MAI.trackingUrl),
  cignaUsTrackingUrl: url.default(ADMINISTRATORS.CIGNA_US.trackingUrl),
  /**
   * Days raw mail and extracted documents are kept. One year covers a claim's life: the forward,
   * the administrator's questions and the member's follow-up; the administrators keep the record.
   */
  retentionDays: z.coerce.number().int().min(1).default(365),
  /** Days function logs are kept; one of CloudWatch Logs' retention periods. */
  logRetentionDays: z.coerce
    .number()
    .refine((days) => (logRetentionValues as number[]).includes(days), {
      message: `must be one of ${logRetentionValues.join(', ')}`,
    })
    .transform((days) => days as RetentionDays)
    .default(RetentionDays.ONE_YEAR),
  /** Operations mailbox the alarms are mailed to. */
  alarmEmail: emailAddress.default('operations@example.org'),
  ocrEngine: z.enum(OCR_ENGINES).default('tesseract'),
  /** OCR time one claim may use; pages beyond it are forwarded unread. */
  ocrTimeLimitSeconds: z.coerce.number().int().min(1).max(600).default(DEFAULT_OCR_TIME_LIMIT_SECONDS),
  /**
   * Fax gateways beyond the built-in ones, as JSON: `[{"name","sender","subjectPattern","callingCode"?}]`.
   * Checked here with the intake's own schema, so a bad value stops the synth, not the function.
   */
  faxGateways: z
    .string()
    .default('[]')
    .refine((value) => faxGatewaysJson.safeParse(value).success, 'must be a JSON list of {name, sender, subjectPattern, callingCode?}'),
  /**
   * Intake functions running at once. Bounds the sending rate (each claim sends a forward and an
   * acknowledgement) under the SES quota; SQS requires at least 2.
   */
  intakeConcurrency: z.coerce.number().int().min(2).max(1000).default(5),
  /**
   * Status page functions running at once, reserved for it and capping it: a flood of requests on
   * its public URL is throttled there instead of taking the account's concurrency from the intake.
   * The account's unreserved concurrency must stay at least 100 (Lambda refuses a reservation that
   * leaves less): raise the account's quota before setting this on a new account.
   */
  statusPageConcurrency: z.coerce.number().int().min(1).max(1000).default(DEFAULT_STATUS_PAGE_CONCURRENCY),
  /** Replies (acknowledgements, requests, notices) one address may receive per UTC day; forwards are not counted. */
  replyLimitPerDay: z.coerce.number().int().min(1).max(1000).default(DEFAULT_REPLY_LIMIT_PER_DAY),
  /** Days after a request for information before its one reminder (functions/shared/domain/reminders.ts). */
  reminderAfterDays: z.coerce.number().int().min(1).max(365).default(DEFAULT_REMINDER_PERIODS.remindAfterDays),
  /** Days after a request for information before the claim goes to review; more than reminderAfterDays. */
  reviewAfterDays: z.coerce.number().int().min(1).max(365).default(DEFAULT_REMINDER_PERIODS.reviewAfterDays),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});

/** The configuration keys, as written after `-c` or in cdk.json's context. */
export const CONFIGURATION_KEYS = Object.keys(contextSchema.shape) as readonly (keyof typeof contextSchema.shape)[];

const configSchema = contextSchema
  .transform((config) => ({
    ...config,
    senderAddress: config.senderAddress ?? `${config.claimsLocalPart}@${config.domain}`,
    intakeAddresses: [`${config.claimsLocalPart}@${config.domain}`, `${config.faxLocalPart}@${config.domain}`],
  }))
  .refine((config) => config.senderAddress.toLowerCase().endsWith(`@${config.domain}`), {
    message: 'must be an address of the claims domain (the only identity SES may send from)',
    path: ['senderAddress'],
  })
  .refine((config) => config.claimsLocalPart !== config.faxLocalPart, {
    message: 'must differ from claimsLocalPart',
    path: ['faxLocalPart'],
  })
  .refine((config) => config.reviewAfterDays > config.reminderAfterDays, {
    message: 'must be more days than reminderAfterDays',
    path: ['reviewAfterDays'],
  });

export type ClaimsIntakeConfig = z.infer<typeof configSchema>;

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/**
 * Validates the context values. The account falls back to the CLI's (CDK_DEFAULT_ACCOUNT, set when
 * credentials are present), then to a placeholder so that synth works offline.
 */
export function parseClaimsIntakeConfig(context: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv): ClaimsIntakeConfig {
  const values = Object.fromEntries(CONFIGURATION_KEYS.map((key) => [key, context[key]]).filter(([, value]) => value !== undefined));
  const parsed = configSchema.safeParse({
    account: env.CDK_DEFAULT_ACCOUNT ?? SYNTH_ACCOUNT,
    ...values,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `-c ${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigurationError(`Invalid deployment configuration: ${problems}`);
  }
  return parsed.data;
}

export function readClaimsIntakeConfig(scope: Construct): ClaimsIntakeConfig {
  const context = Object.fromEntries(CONFIGURATION_KEYS.map((key) => [key, scope.node.tryGetContext(key)]));
  return parseClaimsIntakeConfig(context, process.env);
}
