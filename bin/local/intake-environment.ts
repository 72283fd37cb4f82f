import type { LocalAws } from './local-aws.ts';

export const LOCAL_CLAIMS_DOMAIN = 'claims.example.org';

/**
 * The intake function's environment when it runs against the local emulators (the status page
 * function reads a part of it); its replies link to the status page when given the page's URL.
 */
export function localIntakeEnvironment(aws: LocalAws, statusPageUrl?: string): Record<string, string> {
  return {
    ...aws.env,
    SENDER_ADDRESS: `claims@${LOCAL_CLAIMS_DOMAIN}`,
    INTAKE_ADDRESSES: `claims@${LOCAL_CLAIMS_DOMAIN},fax@${LOCAL_CLAIMS_DOMAIN}`,
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    POWERTOOLS_METRICS_NAMESPACE: 'ClaimsIntakeLocal',
    // Metrics are CloudWatch embedded-format lines on stdout: only useful on Lambda.
    POWERTOOLS_METRICS_DISABLED: 'true',
    ...(statusPageUrl ? { STATUS_PAGE_URL: statusPageUrl } : {}),
  };
}
