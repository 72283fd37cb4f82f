import { Logger } from '@aws-lambda-powertools/logger';
import { SESClient } from '@aws-sdk/client-ses';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { handleActivationEvent, type ActivationResponse } from './activation.ts';

const logger = new Logger({ serviceName: 'claims-receipt-rule-set' });
const ses = new SESClient({});

/** onEvent handler of the provider that keeps the intake's SES receipt rule set active. */
export async function handler(event: CloudFormationCustomResourceEvent): Promise<ActivationResponse> {
  logger.info('custom resource event', { requestType: event.RequestType, physicalResourceId: 'PhysicalResourceId' in event ? event.PhysicalResourceId : null });
  return handleActivationEvent(event, ses, logger);
}
