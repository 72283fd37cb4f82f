import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * DynamoDB as the operator's shell reaches it: its credentials, its region unless one is given,
 * and AWS_ENDPOINT_URL_DYNAMODB when set (a local table).
 */
export function operatorDynamoClient(region: string | undefined): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient(region ? { region } : {}), { marshallOptions: { removeUndefinedValues: true } });
}
