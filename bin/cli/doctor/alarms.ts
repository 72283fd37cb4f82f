import { DescribeAlarmsCommand, type CloudWatchClient, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { allowing, failed, passed, type Check } from './check.ts';

/** CloudFormation names the stack's alarms `<stack>-<logical id>-<suffix>`. */
export function alarmsCheck(cloudWatch: CloudWatchClient, stackName: string): Check {
  const prefix = `${stackName}-`;
  return {
    name: 'alarms',
    fixWhenUnchecked: allowing('cloudwatch:DescribeAlarms'),
    async run(signal) {
      const alarms: MetricAlarm[] = [];
      let nextToken: string | undefined;
      do {
        const page = await cloudWatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: prefix, StateValue: 'ALARM', AlarmTypes: ['MetricAlarm'], NextToken: nextToken }), { abortSignal: signal });
        alarms.push(...(page.MetricAlarms ?? []));
        nextToken = page.NextToken;
      } while (nextToken);
      if (alarms.length === 0) return passed(`no alarm of ${stackName} in ALARM`);
      const names = alarms.map((alarm) => alarm.AlarmName ?? '?');
      return failed(`${alarms.length} in ALARM: ${names.join(', ')}`, 'read why in the CloudWatch console and follow the runbook of each in docs/ALARMS.md');
    },
  };
}
