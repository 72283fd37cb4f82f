import { describe, expect, it } from 'vitest';
import { sesAuthenticationResults, sesReceiptNotification } from '../../../bin/local/ses-receipt-event.ts';
import { parseAuthenticationResults } from '../../../functions/shared/domain/authentication-results.ts';
import { sesReceiptNotificationSchema, toReceivedMessage } from '../../../functions/shared/events/ses-receipt.ts';
import { verdictsFromHeaders } from '../../../functions/shared/events/verdict-headers.ts';
import { PASSING_VERDICTS } from '../../support/contexts.ts';

const received = {
  sesMessageId: '0123456789abcdef0123456789abcdef',
  timestamp: new Date('2026-03-15T13:30:00.000Z'),
  envelopeSender: 'bounce@mail.example.com',
  recipients: ['claims@claims.example.org'],
  bucket: 'claims-bucket',
  objectKey: 'incoming/0123456789abcdef0123456789abcdef',
  objectKeyPrefix: 'incoming/',
  topicArn: 'arn:aws:sns:eu-west-1:000000000000:claims-intake-received',
};

describe("the local SES receiving's Authentication-Results", () => {
  it('reports SPF for the MAIL FROM and the DMARC verdict, as SES writes them', () => {
    expect(sesAuthenticationResults({ ...PASSING_VERDICTS, dmarc: 'GRAY' }, 'bounce@mail.example.com')).toBe(
      'Authentication-Results: amazonses.com;\r\n spf=pass smtp.mailfrom=bounce@mail.example.com;\r\n dmarc=none;\r\n',
    );
    expect(sesAuthenticationResults({ ...PASSING_VERDICTS, spf: 'PROCESSING_FAILED', dmarc: 'FAIL' }, '')).toBe(
      'Authentication-Results: amazonses.com;\r\n spf=temperror;\r\n dmarc=fail;\r\n',
    );
    expect(sesAuthenticationResults({ ...PASSING_VERDICTS, spf: 'DISABLED', dmarc: 'DISABLED' }, 'a@example.com')).toBe('Authentication-Results: amazonses.com; none\r\n');
  });

  it('leaves out a MAIL FROM that is not a plain address', () => {
    expect(sesAuthenticationResults(PASSING_VERDICTS, '"a;dkim=pass header.d=example.com"@attacker.example')).toBe(
      'Authentication-Results: amazonses.com;\r\n spf=pass;\r\n dmarc=pass;\r\n',
    );
  });

  it('is read back by the intake as the verdicts it was written from', () => {
    const header = sesAuthenticationResults({ ...PASSING_VERDICTS, dmarc: 'GRAY' }, 'bounce@mail.example.com');
    expect(verdictsFromHeaders(Buffer.from(`${header}From: john.carter@example.com\r\n\r\nHello\r\n`))).toEqual({ ...PASSING_VERDICTS, dmarc: 'GRAY' });
    const parsed = parseAuthenticationResults(header.replace(/^Authentication-Results:/, ''));
    expect(parsed?.results.map((result) => [result.method, result.result, Object.fromEntries(result.properties)])).toEqual([
      ['spf', 'pass', { 'smtp.mailfrom': 'bounce@mail.example.com' }],
      ['dmarc', 'none', {}],
    ]);
  });
});

describe('the local receipt notification', () => {
  it("carries the domain's DMARC policy only when DMARC failed, as SES does", () => {
    const failed = sesReceiptNotification({ ...received, verdicts: { ...PASSING_VERDICTS, dmarc: 'FAIL', dmarcPolicy: 'reject' } });
    const passed = sesReceiptNotification({ ...received, verdicts: { ...PASSING_VERDICTS, dmarcPolicy: 'reject' } });
    expect(failed.receipt).toMatchObject({ dmarcVerdict: { status: 'FAIL' }, dmarcPolicy: 'reject' });
    expect(passed.receipt).not.toHaveProperty('dmarcPolicy');
    expect(toReceivedMessage(sesReceiptNotificationSchema.parse(failed)).verdicts).toEqual({ ...PASSING_VERDICTS, dmarc: 'FAIL', dmarcPolicy: 'reject' });
  });
});
