import type { MxRecord } from 'node:dns';
import { failed, passed, type Check } from './check.ts';

/** How the check asks DNS: node:dns/promises resolveMx, or a stand-in in tests. */
export type ResolveMx = (hostname: string) => Promise<MxRecord[]>;

/** DNS answers for a name without MX records, or a name that does not exist. */
const NO_RECORD_CODES = new Set(['ENODATA', 'ENOTFOUND']);

/** Senders deliver to the domain's MX hosts: they must be SES's inbound endpoint of the stack's region. */
export function mxRecordCheck(resolveMx: ResolveMx, domain: string, region: string): Check {
  const inbound = `inbound-smtp.${region}.amazonaws.com`;
  const publish = `publish "${domain} MX 10 ${inbound}" (the stack's MxRecord output) in the domain's DNS zone`;
  return {
    name: 'MX record',
    fixWhenUnchecked: `check that this machine can resolve names (dig MX ${domain}); then run doctor again`,
    async run() {
      const records = await resolveMx(domain).catch((error: unknown) => {
        if (error instanceof Error && 'code' in error && NO_RECORD_CODES.has(String(error.code))) return [];
        throw error;
      });
      if (records.length === 0) return failed(`${domain} has no MX record: mail for it goes nowhere`, publish);
      const hosts = records.map((record) => record.exchange.toLowerCase().replace(/\.$/, ''));
      const others = hosts.filter((host) => host !== inbound);
      if (others.length === 0) return passed(`${domain} receives through ${inbound}`);
      return failed(`${domain} has MX ${others.join(', ')}, not only ${inbound}: mail to it does not all reach SES`, `${publish} and remove the others`);
    },
  };
}
