import { z } from 'zod';

const emailAddress = z.string().trim().email();

function isRegularExpression(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu');
    return true;
  } catch {
    return false;
  }
}

function parseJson(text: string, context: z.RefinementCtx): unknown {
  try {
    return JSON.parse(text);
  } catch {
    context.addIssue({ code: 'custom', message: 'must be JSON' });
    return z.NEVER;
  }
}

/** A fax gateway the code does not know: `{ "name", "sender", "subjectPattern", "callingCode"? }`. */
const faxGatewayDefinition = z.object({
  name: z.string().trim().min(1),
  sender: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?:[^\s@]+@)?(?:[a-z0-9-]+\.)+[a-z]{2,63}$/, 'must be an address or a domain'),
  subjectPattern: z.string().min(1).refine(isRegularExpression, 'must be a regular expression'),
  callingCode: z.string().regex(/^[1-9]\d{0,2}$/, 'must be a country calling code such as 33').optional(),
});

/** The FAX_GATEWAYS value: a JSON list of gateway definitions (also checked by the CDK config). */
export const faxGatewaysJson = z.string().transform(parseJson).pipe(z.array(faxGatewayDefinition));

/**
 * OCR time one claim may use. The function has 2 minutes for a batch of 5 claims: 20 seconds
 * each leaves time for the rest of the intake; pages beyond it are forwarded unread.
 */
export const DEFAULT_OCR_TIME_LIMIT_SECONDS = 20;

/** Endpoint overrides for local emulators; unset on AWS. */
const endpointOverrides = {
  AWS_ENDPOINT_URL_S3: z.string().url().optional(),
  AWS_ENDPOINT_URL_DYNAMODB: z.string().url().optional(),
  AWS_ENDPOINT_URL_SESV2: z.string().url().optional(),
};

/**
 * The intake's environment, parsed once at load so a misconfigured function fails on its first
 * cold start rather than on the first claim.
 */
export const intakeConfigSchema = z.object({
  ...endpointOverrides,
  CLAIMS_BUCKET: z.string().min(1),
  MEMBERS_TABLE: z.string().min(1),
  CLAIMS_TABLE: z.string().min(1),
  /** Verified SES identity that forwards and acknowledgements are sent from. */
  SENDER_ADDRESS: emailAddress,
  /** Comma-separated addresses the intake receives on; mail from them coming back is a loop. */
  INTAKE_ADDRESSES: z
    .string()
    .min(1)
    .transform((value) => value.split(',').map((address) => address.trim().toLowerCase()).filter(Boolean)),
  /** Local part of the fax intake address (fax@...). */
  FAX_LOCAL_PART: z.string().min(1).default('fax'),
  /** JSON list of fax gateways beyond the built-in ones (domain/fax/built-in-gateways.ts). */
  FAX_GATEWAYS: z.string().default('[]').pipe(faxGatewaysJson),
  /** Reads scans and photos: tesseract.js in the function, or Amazon Textract AnalyzeExpense. */
  OCR_ENGINE: z.enum(['tesseract', 'textract']).default('tesseract'),
  OCR_TIME_LIMIT_SECONDS: z.coerce.number().int().min(1).default(DEFAULT_OCR_TIME_LIMIT_SECONDS),
  /** Overrides of the administrators' claims addresses and tracking portals (defaults: domain/administrators.ts). */
  MAI_CLAIMS_ADDRESS: emailAddress.optional(),
  CIGNA_US_CLAIMS_ADDRESS: emailAddress.optional(),
  MAI_TRACKING_URL: z.string().url().optional(),
  CIGNA_US_TRACKING_URL: z.string().url().optional(),
  /** Email-to-fax gateways of the administrators, copied on forwards when set. */
  MAI_FAX_GATEWAY_ADDRESS: emailAddress.optional(),
  CIGNA_US_FAX_GATEWAY_ADDRESS: emailAddress.optional(),
  /** SES configuration set for outgoing mail (bounce and complaint events); optional locally. */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
});

export type IntakeConfig = z.infer<typeof intakeConfigSchema>;

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

export const deliveryEventsConfigSchema = z.object({
  ...endpointOverrides,
  CLAIMS_TABLE: z.string().min(1),
});

export type DeliveryEventsConfig = z.infer<typeof deliveryEventsConfigSchema>;

export function parseIntakeConfig(env: NodeJS.ProcessEnv): IntakeConfig {
  return parseConfig(intakeConfigSchema, env, 'intake');
}

export function parseDeliveryEventsConfig(env: NodeJS.ProcessEnv): DeliveryEventsConfig {
  return parseConfig(deliveryEventsConfigSchema, env, 'delivery events');
}

function parseConfig<Schema extends z.ZodType>(schema: Schema, env: NodeJS.ProcessEnv, what: string): z.infer<Schema> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigurationError(`Invalid ${what} configuration: ${fields}`);
  }
  return parsed.data;
}
