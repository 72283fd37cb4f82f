import { DescribeActiveReceiptRuleSetCommand, type ReceiptRule, type SESClient } from '@aws-sdk/client-ses';
import { allowing, failed, passed, type Check } from './check.ts';

const REDEPLOY = 'deploy the stack again (npx cdk deploy) to restore it';

/** SES delivers the intake's mail only through the active rule set, and only with its rule enabled, over TLS and scanned. */
export function receiptRuleSetCheck(ses: SESClient, ruleSetName: string): Check {
  return {
    name: 'receipt rules',
    fixWhenUnchecked: allowing('ses:DescribeActiveReceiptRuleSet'),
    async run(signal) {
      const { Metadata, Rules = [] } = await ses.send(new DescribeActiveReceiptRuleSetCommand({}), { abortSignal: signal });
      if (Metadata?.Name !== ruleSetName) {
        const active = Metadata?.Name ? `the active receipt rule set is ${Metadata.Name}` : 'no receipt rule set is active';
        return failed(`${active}, not ${ruleSetName}: no mail reaches the intake`, `aws ses set-active-receipt-rule-set --rule-set-name ${ruleSetName}`);
      }
      if (Rules.length === 0) return failed(`${ruleSetName} has no rule: no mail reaches the intake`, REDEPLOY);
      const faults = Rules.flatMap(ruleFaults);
      if (faults.length > 0) return failed(faults.join('; '), REDEPLOY);
      return passed(`${ruleSetName} is active; its rule is enabled, requires TLS and scans for spam and viruses`);
    },
  };
}

function ruleFaults(rule: ReceiptRule): string[] {
  return [
    ...(rule.Enabled ? [] : [`rule ${rule.Name} is disabled`]),
    ...(rule.TlsPolicy === 'Require' ? [] : [`rule ${rule.Name} accepts mail without TLS`]),
    ...(rule.ScanEnabled ? [] : [`rule ${rule.Name} does not scan for spam and viruses`]),
  ];
}
