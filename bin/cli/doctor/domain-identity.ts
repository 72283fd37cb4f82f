import { GetEmailIdentityCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { allowing, failed, passed, type Check } from './check.ts';

/** Forwards and acknowledgements leave from the domain: it must be verified and sign with DKIM. */
export function domainIdentityCheck(ses: SESv2Client, domain: string): Check {
  return {
    name: 'domain identity',
    fixWhenUnchecked: allowing('ses:GetEmailIdentity'),
    async run(signal) {
      const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: domain }), { abortSignal: signal });
      const dkim = identity.DkimAttributes?.Status ?? 'NOT_STARTED';
      if (identity.VerifiedForSendingStatus && dkim === 'SUCCESS') return passed(`${domain} is verified and signs with DKIM`);
      const verification = identity.VerifiedForSendingStatus ? 'verified' : `not verified (${identity.VerificationStatus ?? 'NOT_STARTED'})`;
      return failed(
        `${domain} is ${verification}, DKIM ${dkim}: nothing can be sent from it`,
        "publish the stack's three DkimRecord outputs as CNAME records in the domain's DNS zone; SES looks for them for up to 72 hours",
      );
    },
  };
}
