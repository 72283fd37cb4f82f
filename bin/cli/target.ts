import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Command } from 'commander';
import { localClientConfig, localS3ClientConfig } from '../local/client-config.ts';
import { localStackFilePath, readLocalStackFile, type LocalStack } from '../local/local-stack-file.ts';
import { readStackOutputs } from './stack-outputs.ts';
import { UsageError } from './usage-error.ts';

/** The stack `cdk deploy` creates (bin/app.ts). */
export const DEFAULT_STACK_NAME = 'ClaimsIntake';

/** The stack outputs a command reads its resources from (lib/claims-intake-stack.ts). */
const OUTPUTS = { membersTable: 'MembersTableName', claimsTable: 'ClaimsTableName', bucket: 'ClaimsBucketName' } as const;

export interface TargetOptions {
  readonly local?: boolean;
  readonly stack: string;
  readonly region?: string;
}

/** The intake a command works on: its clients and the names of its tables and bucket. */
export interface Target {
  readonly dynamo: DynamoDBDocumentClient;
  readonly s3: S3Client;
  readonly membersTable: string;
  readonly claimsTable: string;
  readonly bucket: string;
  /** The local stack, with --local. */
  readonly local?: LocalStack;
  /** Closes the clients' connections. */
  close(): void;
}

/** --local, --stack and --region, on every command that reads or writes the intake's data. */
export function withTargetOptions(command: Command): Command {
  return command
    .option('--local', 'the local stack `npm start` runs (instead of AWS)')
    .option('--stack <name>', "the deployed stack whose outputs name the tables and bucket, with the shell's credentials", DEFAULT_STACK_NAME)
    .option('--region <region>', "the stack's region (default: the shell's)");
}

export async function resolveTarget(options: TargetOptions): Promise<Target> {
  return options.local ? localTarget() : stackTarget(options.stack, options.region);
}

async function localTarget(): Promise<Target> {
  const stack = await readLocalStackFile();
  if (!stack) throw new UsageError(`no local stack is running (${localStackFilePath()} not found): start one with npm start`);
  const dynamo = new DynamoDBClient(localClientConfig(stack.endpoints.dynamodb, stack.region));
  const s3 = new S3Client(localS3ClientConfig(stack.endpoints.s3, stack.region));
  return { ...target(dynamo, s3, stack.resources), local: stack };
}

async function stackTarget(stackName: string, region: string | undefined): Promise<Target> {
  const config = region ? { region } : {};
  const cloudFormation = new CloudFormationClient(config);
  try {
    const { output } = await readStackOutputs(cloudFormation, stackName);
    const names = { membersTable: output(OUTPUTS.membersTable), claimsTable: output(OUTPUTS.claimsTable), bucket: output(OUTPUTS.bucket) };
    return target(new DynamoDBClient(config), new S3Client(config), names);
  } finally {
    cloudFormation.destroy();
  }
}

function target(dynamo: DynamoDBClient, s3: S3Client, names: Pick<Target, 'membersTable' | 'claimsTable' | 'bucket'>): Target {
  return {
    ...names,
    dynamo: DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } }),
    s3,
    close() {
      dynamo.destroy();
      s3.destroy();
    },
  };
}

/** Runs `work` against the command's target, closing its connections after. */
export async function withTarget<T>(options: TargetOptions, work: (target: Target) => Promise<T>): Promise<T> {
  const resolved = await resolveTarget(options);
  try {
    return await work(resolved);
  } finally {
    resolved.close();
  }
}
