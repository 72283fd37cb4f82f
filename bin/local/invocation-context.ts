import type { Context } from 'aws-lambda';

/**
 * The generous time a local invocation has: the deployed intake's timeout (two minutes) is its
 * time for a whole batch on a Lambda vCPU; on a shared machine a claim gets as long.
 */
export const LOCAL_INVOCATION_TIME_MS = 120_000;

/** The context Lambda gives a handler, for an invocation started now with `timeoutMs` to run. */
export function invocationContext(functionName: string, timeoutMs = LOCAL_INVOCATION_TIME_MS): Context {
  const endsAt = Date.now() + timeoutMs;
  const unsupported = () => {
    throw new Error('The local invocation has no callback interface: handlers return promises');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '1536',
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, endsAt - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
