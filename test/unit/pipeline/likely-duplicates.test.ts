import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { invoiceContentKey, type InvoiceReading } from '../../../functions/shared/domain/invoices/index.ts';
import type { LocationDecision } from '../../../functions/shared/domain/types.ts';
import type { IntakeContext, MemberIdentification } from '../../../functions/shared/pipeline/context.ts';
import { recordClaim, type RecordDependencies } from '../../../functions/shared/pipeline/record-claim.ts';
import { now } from '../../support/claim-records.ts';
import { documentFile, envelope, intakeContext, sampleMember } from '../../support/contexts.ts';
import { InMemoryClaimRepository } from '../../support/in-memory-claim-repository.ts';
import { InMemoryMessageStore } from '../../support/in-memory-message-store.ts';
import { mekongInvoice } from '../../support/invoice-readings.ts';

/**
 * A rescan or a photo of an invoice the member already claimed: same provider, date of service
 * and total, other bytes. It is flagged in the reasons (the cover and the review queue show them),
 * never dropped.
 */

const BILL = sampleMember('52093817');
const JOHN = sampleMember('20481632');
const IN_CAMBODIA: LocationDecision = { country: 'KH', route: 'MAI', evidence: [], reasons: ['treatment location KH, routed to MAI'] };

describe('invoiceContentKey', () => {
  it('is the same for the same provider however written, date of service and total', () => {
    const key = invoiceContentKey(mekongInvoice('invoice.pdf'));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(invoiceContentKey(mekongInvoice('photo.jpg', { provider: { name: 'MEKONG  INTERNATIONAL  CLINIC', identifiers: [], confidence: 0.6 } }))).toBe(key);
    expect(invoiceContentKey(mekongInvoice('other.pdf', { total: { amount: '89.50', currency: 'EUR', confidence: 0.9 } }))).not.toBe(key);
    expect(invoiceContentKey(mekongInvoice('other.pdf', { serviceDates: [{ date: '2025-03-19', confidence: 0.9 }] }))).not.toBe(key);
  });

  it('is none when the provider, the date of service or the total was not read', () => {
    expect(invoiceContentKey(mekongInvoice('a.pdf', { provider: undefined }))).toBeUndefined();
    expect(invoiceContentKey(mekongInvoice('b.pdf', { serviceDates: [] }))).toBeUndefined();
    expect(invoiceContentKey(mekongInvoice('c.pdf', { total: undefined }))).toBeUndefined();
    expect(invoiceContentKey(mekongInvoice('d.pdf', { total: { amount: '89.50', confidence: 0.9 } }))).toBeUndefined();
  });
});

let received: IntakeContext;
let dependencies: RecordDependencies;

beforeAll(async () => {
  received = await intakeContext({ from: 'bill.smith@example.org', subject: 'Member ID 52093817' });
});

beforeEach(() => {
  dependencies = { claims: new InMemoryClaimRepository(), store: new InMemoryMessageStore(), rawMessage: { bucket: 'claims-bucket', key: 'incoming/x' }, now };
});

/** A claim of one document read as the given invoice, forwarded to MAI. */
function claimOf(sesMessageId: string, filename: string, invoice: InvoiceReading, member = BILL): IntakeContext {
  const identification: MemberIdentification = { member, ambiguous: false, reasons: ['member number found in subject'] };
  return {
    ...received,
    envelope: envelope({ sesMessageId }),
    identification,
    documents: [documentFile(filename, `${filename} bytes`)],
    location: IN_CAMBODIA,
    invoices: [invoice],
    outcome: { status: 'FORWARDED', reasons: ['member number found in subject', ...IN_CAMBODIA.reasons] },
  };
}

describe('recording a claim whose invoice the member already claimed', () => {
  it('forwards the photo of an invoice already claimed, flagged as a likely duplicate of the first claim', async () => {
    const first = await recordClaim(claimOf('ses-1', 'invoice.pdf', mekongInvoice('invoice.pdf')), dependencies);
    const photo = await recordClaim(claimOf('ses-2', 'photo.jpg', mekongInvoice('photo.jpg')), dependencies);

    expect(first.reasons).toEqual(['member number found in subject', 'treatment location KH, routed to MAI']);
    expect(photo.outcome).toBe('FORWARDED');
    expect(photo.reasons).toEqual([
      'member number found in subject',
      'treatment location KH, routed to MAI',
      `photo.jpg is likely a duplicate: an invoice with the same provider, date of service and total was claimed with ${first.reference}`,
    ]);
  });

  it('keeps pointing to the first claim at a third copy, and flags nothing for another member or another total', async () => {
    const first = await recordClaim(claimOf('ses-1', 'invoice.pdf', mekongInvoice('invoice.pdf')), dependencies);
    await recordClaim(claimOf('ses-2', 'photo.jpg', mekongInvoice('photo.jpg')), dependencies);
    const third = await recordClaim(claimOf('ses-3', 'rescan.pdf', mekongInvoice('rescan.pdf')), dependencies);
    const johns = await recordClaim(claimOf('ses-4', 'invoice.pdf', mekongInvoice('invoice.pdf'), JOHN), dependencies);
    const otherVisit = await recordClaim(claimOf('ses-5', 'visit.pdf', mekongInvoice('visit.pdf', { total: { amount: '60.00', currency: 'USD', confidence: 0.9 } })), dependencies);

    expect(third.reasons.at(-1)).toContain(`was claimed with ${first.reference}`);
    expect(johns.reasons).toEqual(['member number found in subject', 'treatment location KH, routed to MAI']);
    expect(otherVisit.reasons).toEqual(['member number found in subject', 'treatment location KH, routed to MAI']);
  });
});
