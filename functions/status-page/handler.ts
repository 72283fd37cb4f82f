import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { DynamoClaimRepository } from '../shared/adapters/dynamo-claim-repository.ts';
import { SecretsManagerSigningKeys } from '../shared/adapters/secrets-manager-signing-keys.ts';
import { createDynamoClient, createSecretsManagerClient } from '../shared/clients.ts';
import { parseStatusPageConfig } from '../shared/config.ts';
import { StatusLinkVerifier } from '../shared/domain/status-link/index.ts';
import { createObservability, recordStatusPageMetrics, traceClients } from '../shared/observability.ts';
import { showClaimStatus, type StatusPageDependencies } from '../shared/status-page/show-claim-status.ts';
import { isReadRequest, methodNotAllowed, pageResponse, statusPageRequest } from './function-url.ts';

const config = parseStatusPageConfig(process.env);
const { logger, metrics, tracer } = createObservability('claims-status-page');
const { dynamo, secrets } = traceClients(tracer, { dynamo: createDynamoClient(config), secrets: createSecretsManagerClient(config) });
const dependencies: StatusPageDependencies = {
  claims: new DynamoClaimRepository(dynamo, config.CLAIMS_TABLE),
  links: new StatusLinkVerifier(new SecretsManagerSigningKeys(secrets, config.STATUS_LINK_SECRET_ARN)),
  administrators: { MAI: { trackingUrl: config.MAI_TRACKING_URL }, CIGNA_US: { trackingUrl: config.CIGNA_US_TRACKING_URL } },
  now: () => new Date(),
};

/**
 * The claim status page behind the function URL: GET /claims/<reference>?t=<token>. Any link that
 * does not lead to a claim gets the same not-found page. A failure to read the claim or the key
 * is left to Lambda: it counts as a function error, which raises the alarm.
 */
export async function handler(event: LambdaFunctionURLEvent): Promise<LambdaFunctionURLResult> {
  if (!isReadRequest(event)) return methodNotAllowed();
  const result = await showClaimStatus(statusPageRequest(event), dependencies);
  recordStatusPageMetrics(metrics, result);
  logger.info(
    'status page served',
    result.found ? { found: true, reference: result.reference, status: result.status } : { found: false, reason: result.reason },
  );
  return pageResponse(event, result);
}
