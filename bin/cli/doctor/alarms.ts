import { DescribeAlarmsCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { allowing, failed, passed, type Check } from './check.ts';

/** CloudFormation names the stack's alarms `<stack>-<logical id>-<suffix>`. */
export function alarmsCheck(cloudWatch: CloudWatchClient, stackName: string): Check {
  const prefix = `${stackName}-`;
  return {
    name: 'alarms',
    fixWhenUnchecked: allowing('cloudwatch:DescribeAlarms'),
    async run(signal) {
      const names: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await cloudWatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: prefix, StateValue: 'ALARM', AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], NextToken: nextToken }), { abortSignal: signal });
        names.push(...[...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])].map((alarm) => alarm.AlarmName ?? '?'));
        nextToken = page.NextToken;
      } while (nextToken);
      if (names.length === 0) return passed(`no alarm of ${stackName} in ALARM`);
      return failed(`${names.length} in ALARM: ${names.join(', ')}`, 'read why in the CloudWatch console and follow the runbook of each in docs/ALARMS.md');
    },
  };
}
