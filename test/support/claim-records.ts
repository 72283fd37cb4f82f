import type { ClaimRecord } from '../../functions/shared/domain/claim.ts';
import { documentFile, RECEIVED_AT } from './contexts.ts';

export const REFERENCE = 'CLM-2026-7K3F9Q';
export const EARLIER_REFERENCE = 'CLM-2026-2B8D4M';
/** The clock of the steps under test, a minute after the message arrived. */
export const NOW = new Date('2026-03-15T13:31:00.000Z');
export const now = () => NOW;

/** The documents of Bill Smith's claim: a clinic invoice with a text layer and a photo of a prescription. */
export const CAMBODIA_INVOICE = documentFile('invoice.pdf', 'Royal Phnom Penh Hospital\nTel: +855 23 991 000', {
  content: Buffer.from('%PDF-1.7 Phnom Penh invoice'),
  declaredContentType: 'application/pdf',
  type: 'pdf',
});
export const PRESCRIPTION_PHOTO = documentFile('prescription.jpg', '', {
  content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
  declaredContentType: 'image/jpeg',
  type: 'jpeg',
  textRead: false,
  notReadReason: 'image without a text layer',
});

/** A recorded claim of Bill Smith (52093817) for treatment in Cambodia, waiting to be forwarded to MAI. */
export function claimRecord(changes: Partial<ClaimRecord> = {}): ClaimRecord {
  return {
    reference: REFERENCE,
    sesMessageId: 'ses-message-0001',
    receivedAt: RECEIVED_AT.toISOString(),
    createdAt: NOW.toISOString(),
    channel: 'email',
    rawMessage: { bucket: 'claims-bucket', key: 'incoming/ses-message-0001' },
    memberId: '52093817',
    treatmentCountry: 'KH',
    route: 'MAI',
    status: 'RECEIVED',
    outcome: 'FORWARDED',
    reasons: ['member number found in subject', 'treatment location KH, routed to MAI'],
    evidence: [{ country: 'KH', strength: 'medium', reason: 'phone number with country code +855 (KH)', source: 'invoice.pdf' }],
    documents: [],
    statusHistory: [{ status: 'RECEIVED', at: RECEIVED_AT.toISOString() }],
    ...changes,
  };
}
