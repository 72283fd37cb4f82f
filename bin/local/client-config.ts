/**
 * AWS SDK client settings that reach the local emulators. s3rver only accepts requests signed
 * with its built-in account; DynamoDB Local and aws-ses-v2-local accept any key, so this one pair
 * serves all three.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export const DEFAULT_LOCAL_REGION = 'eu-west-1';

export interface LocalClientConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: typeof LOCAL_CREDENTIALS;
}

export interface LocalS3ClientConfig extends LocalClientConfig {
  readonly forcePathStyle: true;
  /**
   * With the SDK's default checksums a streamed upload is sent with aws-chunked framing, which
   * s3rver stores verbatim: the object would silently differ from what was uploaded.
   */
  readonly requestChecksumCalculation: 'WHEN_REQUIRED';
  readonly responseChecksumValidation: 'WHEN_REQUIRED';
}

export function localClientConfig(endpoint: string, region: string = DEFAULT_LOCAL_REGION): LocalClientConfig {
  return { endpoint, region, credentials: LOCAL_CREDENTIALS };
}

export function localS3ClientConfig(endpoint: string, region: string = DEFAULT_LOCAL_REGION): LocalS3ClientConfig {
  return {
    ...localClientConfig(endpoint, region),
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}
