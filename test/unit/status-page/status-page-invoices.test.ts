import { describe, expect, it } from 'vitest';
import { renderClaimStatusPage } from '../../../functions/shared/status-page/claim-status-page.ts';
import { claimRecord } from '../../support/claim-records.ts';

/** A link can be forwarded or guessed at: the page says where a claim stands, never what it asks for. */
describe('the status page of a claim whose invoices were read', () => {
  const claim = claimRecord({
    status: 'FORWARDED',
    invoices: [{
      document: 'note-martin.pdf',
      kind: 'invoice',
      provider: { name: 'Dr Martin', identifiers: [], confidence: 0.9 },
      serviceDates: [{ date: '2026-11-21', confidence: 0.9 }],
      lines: [{ description: 'Consultation', amount: { amount: '60.00', currency: 'EUR' } }],
      total: { amount: '60.00', currency: 'EUR', confidence: 0.9 },
      confidence: 0.9,
    }],
  });

  it.each(['fr', 'en'] as const)('shows no amount, provider or date of service (%s)', (language) => {
    const html = renderClaimStatusPage(claim, language, {});

    expect(html).not.toMatch(/60[.,]00|€|EUR|Dr Martin|Consultation|novembre|November/);
  });
});
