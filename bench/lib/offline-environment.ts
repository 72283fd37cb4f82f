import { LOCAL_CLAIMS_DOMAIN } from '../../bin/local/intake-environment.ts';

/**
 * What the deployed functions read from their environment at load, with names that reach nothing:
 * enough for their configuration to parse when they run away from AWS.
 */
export const OFFLINE_FUNCTION_ENVIRONMENT: Readonly<Record<string, string>> = {
  CLAIMS_BUCKET: 'claims-intake-bench',
  MEMBERS_TABLE: 'claims-intake-bench-members',
  CLAIMS_TABLE: 'claims-intake-bench-claims',
  SENDER_ADDRESS: `claims@${LOCAL_CLAIMS_DOMAIN}`,
  INTAKE_ADDRESSES: `claims@${LOCAL_CLAIMS_DOMAIN},fax@${LOCAL_CLAIMS_DOMAIN}`,
};
