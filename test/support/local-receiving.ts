import { createTransport } from 'nodemailer';
import { LOCAL_CLAIMS_DOMAIN } from '../../bin/local/intake-environment.ts';
import { startSesReceiving, type SesReceiving, type SesReceivingOptions } from '../../bin/local/ses-receiving.ts';
import type { IntakeHarness } from './intake-harness.ts';

/** Local SES receiving for the claims domain on a free port, storing what it receives in the harness's bucket. */
export function startReceivingInto(
  harness: IntakeHarness,
  options: Omit<SesReceivingOptions, 'port' | 'domain' | 's3' | 'bucket'>,
): Promise<SesReceiving> {
  return startSesReceiving({ port: 0, domain: LOCAL_CLAIMS_DOMAIN, s3: harness.clients.s3, bucket: harness.aws.resources.bucket, ...options });
}

/** An SMTP client of the local receiving, connecting as a sender's mail server does: plain, no TLS. */
export function smtpTo(receiving: Pick<SesReceiving, 'port'>) {
  return createTransport({ host: '127.0.0.1', port: receiving.port, secure: false, ignoreTLS: true });
}
