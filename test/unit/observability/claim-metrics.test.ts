import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordClaimMetrics, recordDecisionMetrics, recordStatusPageMetrics, recordUndeliveredForward } from '../../../functions/shared/observability.ts';
import { claimRecord } from '../../support/claim-records.ts';

/** Embedded-metric-format documents Powertools writes to stdout. */
function capturePublished(): { documents: () => Record<string, unknown>[] } {
  const writes: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  return { documents: () => writes.flatMap((line) => line.trim().split('\n')).map((line) => JSON.parse(line)) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('recordClaimMetrics', () => {
  it('counts the claim by status, route and channel and times its forward', () => {
    const published = capturePublished();
    const metrics = new Metrics({ namespace: 'ClaimsIntakeTest', serviceName: 'claims-intake' });
    const claim = {
      ...claimRecord(),
      status: 'FORWARDED' as const,
      receivedAt: '2026-11-30T10:00:00.000Z',
      forward: { to: 'contact@medical-administrators.com', messageId: 'm-1', at: '2026-11-30T10:00:02.500Z' },
    };

    recordClaimMetrics(metrics, claim);
    metrics.publishStoredMetrics();

    const [counted, timed] = published.documents() as [Record<string, unknown>, Record<string, unknown>];
    expect(counted).toMatchObject({ Claims: 1, status: 'FORWARDED', route: 'MAI', channel: 'email', service: 'claims-intake' });
    expect(timed).toMatchObject({ ForwardLatency: 2500, service: 'claims-intake' });
    expect(JSON.stringify(published.documents())).not.toContain(claim.memberId ?? 'no member');
  });

  it('times OCR per page read for each scanned document', () => {
    const published = capturePublished();
    const metrics = new Metrics({ namespace: 'ClaimsIntakeTest', serviceName: 'claims-intake' });
    const [document] = claimRecord().documents;
    const fax = { ...document!, type: 'tiff' as const, ocr: { engine: 'tesseract' as const, meanConfidence: 91, pages: 3, elapsedMs: 2400 } };

    recordClaimMetrics(metrics, { ...claimRecord(), documents: [fax] });
    metrics.publishStoredMetrics();

    expect(published.documents()[1]).toMatchObject({ OcrMsPerPage: 800 });
  });

  it('counts a claim that went nowhere under route NONE, with no latency', () => {
    const published = capturePublished();
    const metrics = new Metrics({ namespace: 'ClaimsIntakeTest', serviceName: 'claims-intake' });

    recordClaimMetrics(metrics, { ...claimRecord(), status: 'IGNORED', outcome: 'IGNORED', route: undefined });
    metrics.publishStoredMetrics();

    const documents = published.documents();
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ Claims: 1, status: 'IGNORED', route: 'NONE' });
  });
});

describe('recordStatusPageMetrics', () => {
  it('counts each request by its outcome, a forged link under "forged", with no reference', () => {
    const published = capturePublished();
    const metrics = new Metrics({ namespace: 'ClaimsIntakeTest', serviceName: 'claims-status-page' });

    recordStatusPageMetrics(metrics, { found: false, reason: 'forged', html: '<p>not found</p>' });
    recordStatusPageMetrics(metrics, { found: true, reference: 'CLM-2026-7K3F9Q', status: 'FORWARDED', html: '<p>claim</p>' });

    const documents = published.documents();
    expect(documents).toHaveLength(2);
    expect(documents[0]).toMatchObject({ StatusPageRequests: 1, outcome: 'forged', service: 'claims-status-page' });
    // Exactly the dimensions the stack's alarm on forged links names (lib/constructs/monitoring.ts).
    expect(documents[0]).toMatchObject({ _aws: { CloudWatchMetrics: [{ Namespace: 'ClaimsIntakeTest', Dimensions: [['service', 'outcome']] }] } });
    expect(documents[1]).toMatchObject({ StatusPageRequests: 1, outcome: 'found', service: 'claims-status-page' });
    expect(JSON.stringify(documents)).not.toContain('CLM-2026-7K3F9Q');
  });
});

describe('recordUndeliveredForward', () => {
  it('counts a forward that will not reach its administrator, by the function that saw it', () => {
    const published = capturePublished();
    const metrics = new Metrics({ namespace: 'ClaimsIntakeTest', serviceName: 'claims-delivery-events' });

    recordUndeliveredForward(metrics);
    metrics.publishStoredMetrics();

    const [document] = published.documents() as [Record<string, unknown>];
    expect(document).toMatchObject({ UndeliveredForwards: 1, service: 'claims-delivery-events' });
  });
});

describe('recordDecisionMetrics', () => {
  it("counts a person's decision by what was decided and the status it left, naming neither the person nor the member", () => {
    const published = capturePublished();
    const metrics = new Metrics({ namespace: 'ClaimsIntakeTest', serviceName: 'claims-intake' });
    const decision = { action: 'reject' as const, sends: { reply: 'reply-rejection-1' }, by: 'arn:aws:sts::123456789012:assumed-role/ClaimsOperations/jdoe', why: 'not covered', at: '2026-11-30T11:00:00.000Z' };

    recordDecisionMetrics(metrics, { ...claimRecord(), status: 'REJECTED', outcome: 'REJECTED', route: undefined, decisions: [decision] });

    const documents = published.documents();
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ Decisions: 1, decision: 'reject', status: 'REJECTED', service: 'claims-intake' });
    expect(JSON.stringify(documents)).not.toContain('jdoe');
    expect(JSON.stringify(documents)).not.toContain(claimRecord().memberId ?? 'no member');
  });
});
