import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Command } from 'commander';
import { resolveMx as dnsResolveMx } from 'node:dns/promises';
import { deploymentChecks, type DoctorClients } from './doctor/checks.ts';
import { readDeployment } from './doctor/deployment.ts';
import type { ResolveMx } from './doctor/mx-record.ts';
import { formatResults, runChecks } from './doctor/runner.ts';
import { describe, positiveInteger, ReportedFailure } from './program.ts';
import { DEFAULT_STACK_NAME } from './target.ts';

/** An AWS answer takes well under a second; ten leave room for a slow network without hanging a script. */
const CHECK_TIMEOUT_SECONDS = 10;

const DOCTOR_DETAILS = [
  'Checks, each at once and each within its own time: the active receipt rule set and its rule, the MX record, the domain identity and its DKIM,',
  "SES production access, the tables, bucket and queues, the dead-letter queues' depths, the alarms in ALARM and the alarm mail subscription.",
  'One line per check, and under a failed one what to do. Exit codes: 0 all is well; 1 a check failed, or AWS refused to describe the stack; 2 bad arguments, no such stack, or a stack without the outputs doctor reads.',
].join(' ');

interface DoctorOptions {
  readonly stack: string;
  readonly region?: string;
  readonly json?: boolean;
  readonly timeout: number;
}

/** `resolveMx` is the DNS lookup of the MX check; tests give their own. */
export function addDoctorCommand(program: Command, resolveMx: ResolveMx = dnsResolveMx): void {
  describe(program.command('doctor'), 'Checks a deployment on AWS and says what is wrong and what to do.', ['doctor', 'doctor --stack ClaimsIntake --region eu-west-1 --json'], DOCTOR_DETAILS)
    .option('--stack <name>', "the deployed stack whose outputs name what to check, with the shell's credentials", DEFAULT_STACK_NAME)
    .option('--region <region>', "the stack's region (default: the shell's)")
    .option('--timeout <seconds>', 'how long each check may take', positiveInteger('--timeout'), CHECK_TIMEOUT_SECONDS)
    .option('--json', 'print the results as JSON')
    .action(async (options: DoctorOptions) => {
      const results = await doctor(options, resolveMx);
      const ok = results.every((result) => result.ok);
      process.stdout.write(`${options.json ? JSON.stringify({ ok, checks: results }, null, 2) : formatResults(results)}\n`);
      if (!ok) throw new ReportedFailure('a check failed');
    });
}

async function doctor(options: DoctorOptions, resolveMx: ResolveMx) {
  const cloudFormation = new CloudFormationClient(options.region ? { region: options.region } : {});
  const deployment = await readDeployment(options.stack, cloudFormation).finally(() => cloudFormation.destroy());
  const config = { region: deployment.region };
  const clients: DoctorClients = {
    ses: new SESClient(config),
    sesV2: new SESv2Client(config),
    dynamo: new DynamoDBClient(config),
    s3: new S3Client(config),
    sqs: new SQSClient(config),
    cloudWatch: new CloudWatchClient(config),
    sns: new SNSClient(config),
  };
  try {
    return await runChecks(deploymentChecks(deployment, clients, resolveMx), options.timeout * 1000);
  } finally {
    for (const client of Object.values(clients)) client.destroy();
  }
}
