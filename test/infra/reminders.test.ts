import { describe, expect, it } from 'vitest';
import { arnOf, logicalId, synthStack } from './synth-stack.ts';

describe('the reminders', () => {
  it('run once a day at 07:00 UTC, from an EventBridge rule that retries a failed run twice', () => {
    const { stack, template } = synthStack();
    const rules = Object.values(template.findResources('AWS::Events::Rule'));
    expect(rules.map((rule) => rule.Properties)).toEqual([
      {
        Description: 'Runs the reminders of requests for information once a day',
        ScheduleExpression: 'cron(0 7 * * ? *)',
        State: 'ENABLED',
        Targets: [{ Arn: arnOf(stack.reminders.function), Id: 'Target0', RetryPolicy: { MaximumRetryAttempts: 2 } }],
      },
    ]);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: arnOf(stack.reminders.function),
      Principal: 'events.amazonaws.com',
    });
  });

  it('remind a week after a request and send the claim to review after two by default, or as configured', () => {
    const environmentOf = (context: Record<string, unknown>) => {
      const { stack, template } = synthStack(context);
      return template.toJSON().Resources[logicalId(stack.reminders.function)].Properties.Environment.Variables as Record<string, unknown>;
    };
    expect(environmentOf({})).toMatchObject({ REMINDER_AFTER_DAYS: '7', REVIEW_AFTER_DAYS: '14', SENDER_ADDRESS: 'claims@claims.example.org' });
    expect(environmentOf({ reminderAfterDays: '3', reviewAfterDays: '10' })).toMatchObject({ REMINDER_AFTER_DAYS: '3', REVIEW_AFTER_DAYS: '10' });
  });
});
