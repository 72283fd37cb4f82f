import { GetAccountCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { allowing, failed, passed, type Check } from './check.ts';

/** In the SES sandbox, mail reaches only verified addresses: members and insurers would get nothing. */
export function sendingAccountCheck(ses: SESv2Client, region: string): Check {
  return {
    name: 'SES account',
    fixWhenUnchecked: allowing('ses:GetAccount'),
    async run(signal) {
      const account = await ses.send(new GetAccountCommand({}), { abortSignal: signal });
      if (!account.SendingEnabled) {
        return failed(`sending is paused for this account in ${region} (${account.EnforcementStatus ?? 'no status'})`, 'read the notice from AWS in the SES console (Reputation metrics), fix its cause and ask AWS to resume sending');
      }
      if (!account.ProductionAccessEnabled) {
        return failed(`SES is in the sandbox in ${region}: forwards and acknowledgements reach only verified addresses`, `request production access: SES console, ${region}, Account dashboard, "Request production access"`);
      }
      return passed(`production access in ${region}, sending enabled`);
    },
  };
}
