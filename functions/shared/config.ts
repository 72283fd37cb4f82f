import { z } from 'zod';

const emailAddress = z.string().trim().email();

/**
 * The intake's environment, parsed once at load so a misconfigured function fails on its first
 * cold start rather than on the first claim.
 */
export const intakeConfigSchema = z.object({
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
  /** Overrides of the administrators' claims addresses and tracking portals (defaults: domain/administrators.ts). */
  MAI_CLAIMS_ADDRESS: emailAddress.optional(),
  CIGNA_US_CLAIMS_ADDRESS: emailAddress.optional(),
  MAI_TRACKING_URL: z.string().url().optional(),
  CIGNA_US_TRACKING_URL: z.string().url().optional(),
  /** SES configuration set for outgoing mail (bounce and complaint events); optional locally. */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** Endpoint overrides for local emulators; unset on AWS. */
  AWS_ENDPOINT_URL_S3: z.string().url().optional(),
  AWS_ENDPOINT_URL_DYNAMODB: z.string().url().optional(),
  AWS_ENDPOINT_URL_SESV2: z.string().url().optional(),
});

export type IntakeConfig = z.infer<typeof intakeConfigSchema>;

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

export function parseIntakeConfig(env: NodeJS.ProcessEnv): IntakeConfig {
  const parsed = intakeConfigSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigurationError(`Invalid intake configuration: ${fields}`);
  }
  return parsed.data;
}
