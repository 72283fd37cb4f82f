import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { DEFAULT_REMINDER_PERIODS } from './domain/reminders.ts';

// The mini build loads no locale: without this, every message not written here would read "Invalid input".
// Imported by name, not through z.locales, so that the other languages stay out of the bundle.
z.config(en());

function isRegularExpression(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu');
    return true;
  } catch {
    return false;
  }
}

function parseJson(text: string, context: z.core.ParsePayload): unknown {
  try {
    return JSON.parse(text);
  } catch {
    context.issues.push({ code: 'custom', message: 'must be JSON', input: text });
    return z.NEVER;
  }
}

/** A fax gateway the code does not know: `{ "name", "sender", "subjectPattern", "callingCode"? }`. */
function faxGatewayDefinition() {
  return z.object({
    name: z.string().check(z.trim(), z.minLength(1)),
    sender: z
      .string()
      .check(z.trim(), z.toLowerCase(), z.regex(/^(?:[^\s@]+@)?(?:[a-z0-9-]+\.)+[a-z]{2,63}$/, 'must be an address or a domain')),
    subjectPattern: z.string().check(z.minLength(1), z.refine(isRegularExpression, 'must be a regular expression')),
    callingCode: z.optional(z.string().check(z.regex(/^[1-9]\d{0,2}$/, 'must be a country calling code such as 33'))),
  });
}

/**
 * The FAX_GATEWAYS value: a JSON list of gateway definitions (also checked by the CDK config).
 * Built on its first parse, as the functions' own schemas (below): the intake alone reads it.
 */
export const faxGatewaysJson = z.lazy(() => z.pipe(z.pipe(z.string(), z.transform(parseJson)), z.array(faxGatewayDefinition())));

/**
 * OCR time one claim may use. The function has 2 minutes for a batch of 5 claims: 20 seconds
 * each leaves time for the rest of the intake; pages beyond it are forwarded unread.
 */
export const DEFAULT_OCR_TIME_LIMIT_SECONDS = 20;

/**
 * Replies (acknowledgements, requests for what is missing, review and duplicate notices) one
 * address may receive per UTC day. A member sending several claims a day gets each answered; a
 * forged sender or a mail loop cannot turn the intake into a source of mail to one address.
 */
export const DEFAULT_REPLY_LIMIT_PER_DAY = 5;

const nonEmptyString = z.string().check(z.minLength(1));
const positiveInteger = z.coerce.number().check(z.int(), z.minimum(1));

/** Replies one address may receive per UTC day; forwards to the administrators are not counted. */
const replyLimitPerDay = z._default(positiveInteger, DEFAULT_REPLY_LIMIT_PER_DAY);

/** Endpoint overrides for local emulators; unset on AWS. */
const endpointOverrides = {
  AWS_ENDPOINT_URL_S3: z.optional(z.url()),
  AWS_ENDPOINT_URL_DYNAMODB: z.optional(z.url()),
  AWS_ENDPOINT_URL_SESV2: z.optional(z.url()),
  AWS_ENDPOINT_URL_SECRETS_MANAGER: z.optional(z.url()),
};

/** ARN (or name) of the Secrets Manager secret that signs the claim status links. */
const statusLinkSecret = nonEmptyString;

/** Overrides of the administrators' tracking portals (defaults: domain/administrators.ts). */
const trackingPortals = {
  MAI_TRACKING_URL: z.optional(z.url()),
  CIGNA_US_TRACKING_URL: z.optional(z.url()),
};

/** A status link works as long as the claim's mail and documents are kept (the stack sets the retention). */
export const DEFAULT_STATUS_LINK_VALIDITY_DAYS = 365;

/**
 * The intake's environment, parsed once at load so a misconfigured function fails on its first
 * cold start rather than on the first claim. Each function's schema is built when it is parsed:
 * the functions share this module, and none builds another's at its cold start.
 */
function intakeConfigSchema() {
  const emailAddress = z.string().check(z.trim(), z.email());
  return z
    .object({
      ...endpointOverrides,
      CLAIMS_BUCKET: nonEmptyString,
      MEMBERS_TABLE: nonEmptyString,
      CLAIMS_TABLE: nonEmptyString,
      /** Verified SES identity that forwards and acknowledgements are sent from. */
      SENDER_ADDRESS: emailAddress,
      /** Comma-separated addresses the intake receives on; mail from them coming back is a loop. */
      INTAKE_ADDRESSES: z.pipe(
        nonEmptyString,
        z.transform((value: string) => value.split(',').map((address) => address.trim().toLowerCase()).filter(Boolean)),
      ),
      /** Local part of the fax intake address (fax@...). */
      FAX_LOCAL_PART: z._default(nonEmptyString, 'fax'),
      /** JSON list of fax gateways beyond the built-in ones (domain/fax/built-in-gateways.ts). */
      FAX_GATEWAYS: z.pipe(z._default(z.string(), '[]'), faxGatewaysJson),
      /** Reads scans and photos: tesseract.js in the function, or Amazon Textract AnalyzeExpense. */
      OCR_ENGINE: z._default(z.enum(['tesseract', 'textract']), 'tesseract'),
      OCR_TIME_LIMIT_SECONDS: z._default(positiveInteger, DEFAULT_OCR_TIME_LIMIT_SECONDS),
      /** Overrides of the administrators' claims addresses and tracking portals (defaults: domain/administrators.ts). */
      MAI_CLAIMS_ADDRESS: z.optional(emailAddress),
      CIGNA_US_CLAIMS_ADDRESS: z.optional(emailAddress),
      ...trackingPortals,
      /** Email-to-fax gateways of the administrators, copied on forwards when set. */
      MAI_FAX_GATEWAY_ADDRESS: z.optional(emailAddress),
      CIGNA_US_FAX_GATEWAY_ADDRESS: z.optional(emailAddress),
      /** SES configuration set for outgoing mail (bounce and complaint events); optional locally. */
      SES_CONFIGURATION_SET: z.optional(nonEmptyString),
      /** Origin of the claim status page; unset, the replies carry no status link. */
      STATUS_PAGE_URL: z.optional(z.url()),
      STATUS_LINK_SECRET_ARN: z.optional(statusLinkSecret),
      STATUS_LINK_VALIDITY_DAYS: z._default(positiveInteger, DEFAULT_STATUS_LINK_VALIDITY_DAYS),
      REPLY_LIMIT_PER_DAY: replyLimitPerDay,
    })
    .check(
      z.refine((config) => config.STATUS_PAGE_URL === undefined || config.STATUS_LINK_SECRET_ARN !== undefined, {
        message: 'is required when STATUS_PAGE_URL is set',
        path: ['STATUS_LINK_SECRET_ARN'],
      }),
    );
}

export type IntakeConfig = z.infer<ReturnType<typeof intakeConfigSchema>>;

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

function deliveryEventsConfigSchema() {
  return z.object({
    ...endpointOverrides,
    CLAIMS_TABLE: nonEmptyString,
  });
}

export type DeliveryEventsConfig = z.infer<ReturnType<typeof deliveryEventsConfigSchema>>;

/** The status page's environment: where claims are, the link secret, and the portals it names. */
function statusPageConfigSchema() {
  return z.object({
    ...endpointOverrides,
    CLAIMS_TABLE: nonEmptyString,
    STATUS_LINK_SECRET_ARN: statusLinkSecret,
    ...trackingPortals,
  });
}

export type StatusPageConfig = z.infer<ReturnType<typeof statusPageConfigSchema>>;

/**
 * The reminders' environment: where claims are, who sends, and when a claim waiting for
 * information is reminded of, then given to a person (defaults: domain/reminders.ts).
 */
function remindersConfigSchema() {
  return z
    .object({
      ...endpointOverrides,
      CLAIMS_TABLE: nonEmptyString,
      SENDER_ADDRESS: z.string().check(z.trim(), z.email()),
      SES_CONFIGURATION_SET: z.optional(nonEmptyString),
      REMINDER_AFTER_DAYS: z._default(positiveInteger, DEFAULT_REMINDER_PERIODS.remindAfterDays),
      REVIEW_AFTER_DAYS: z._default(positiveInteger, DEFAULT_REMINDER_PERIODS.reviewAfterDays),
      REPLY_LIMIT_PER_DAY: replyLimitPerDay,
    })
    .check(
      z.refine((config) => config.REVIEW_AFTER_DAYS > config.REMINDER_AFTER_DAYS, {
        message: 'must be more days than REMINDER_AFTER_DAYS',
        path: ['REVIEW_AFTER_DAYS'],
      }),
    );
}

export type RemindersConfig = z.infer<ReturnType<typeof remindersConfigSchema>>;

export function parseRemindersConfig(env: NodeJS.ProcessEnv): RemindersConfig {
  return parseConfig(remindersConfigSchema(), env, 'reminders');
}

export function parseIntakeConfig(env: NodeJS.ProcessEnv): IntakeConfig {
  return parseConfig(intakeConfigSchema(), env, 'intake');
}

export function parseDeliveryEventsConfig(env: NodeJS.ProcessEnv): DeliveryEventsConfig {
  return parseConfig(deliveryEventsConfigSchema(), env, 'delivery events');
}

export function parseStatusPageConfig(env: NodeJS.ProcessEnv): StatusPageConfig {
  return parseConfig(statusPageConfigSchema(), env, 'status page');
}

function parseConfig<Schema extends z.ZodMiniType>(schema: Schema, env: NodeJS.ProcessEnv, what: string): z.infer<Schema> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigurationError(`Invalid ${what} configuration: ${fields}`);
  }
  return parsed.data;
}
