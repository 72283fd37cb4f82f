import type { Member } from '../../../functions/shared/domain/types.ts';
import type { ClaimSummary } from '../../../functions/shared/templates/claim-summary.ts';

export const REFERENCE = 'CLM-2026-7K3F9Q';
export const EARLIER_REFERENCE = 'CLM-2026-2B8D4M';
export const MEMBER_MESSAGE_ID = '<CAF7x9k2=member@mail.example.fr>';

export const MARIE: Member = {
  memberId: '12345678',
  firstName: 'Marie',
  lastName: 'Dupont',
  email: 'marie.dupont@example.fr',
  language: 'fr',
  country: 'ES',
  status: 'active',
  faxNumbers: [],
};

export const JOHN: Member = {
  memberId: '87654321',
  firstName: 'John',
  lastName: 'Smith',
  email: 'john.smith@example.com',
  language: 'en',
  country: 'US',
  status: 'active',
  faxNumbers: ['+12125550143'],
};

/** Marie's claim for treatment in Spain, routed to MAI. */
export function claimInSpain(changes: Partial<ClaimSummary> = {}): ClaimSummary {
  return {
    reference: REFERENCE,
    receivedAt: new Date('2026-03-15T13:30:00Z'),
    channel: 'email',
    member: MARIE,
    treatmentCountry: 'ES',
    route: 'MAI',
    reasons: ['Strong evidence for ES and none for another country'],
    evidence: [{ country: 'ES', strength: 'strong', reason: 'Spanish tax ID (NIF): B12345674', source: 'factura-clinica.pdf' }],
    documents: [
      { filename: 'factura-clinica.pdf', type: 'pdf', size: 123_456, sha256: 'a'.repeat(64), textRead: true },
      {
        filename: 'receta.jpg',
        type: 'jpeg',
        size: 512,
        sha256: 'b'.repeat(64),
        textRead: false,
        notReadReason: 'image without a text layer',
      },
    ],
    ...changes,
  };
}

/** John's claim for treatment in California, routed to Cigna in the USA. */
export function claimInUsa(changes: Partial<ClaimSummary> = {}): ClaimSummary {
  return claimInSpain({
    member: JOHN,
    treatmentCountry: 'US',
    route: 'CIGNA_US',
    reasons: ['Strong evidence for US and none for another country'],
    evidence: [{ country: 'US', strength: 'strong', reason: 'US state and ZIP code: CA 94538', source: 'itemized-bill.pdf' }],
    documents: [{ filename: 'itemized-bill.pdf', type: 'pdf', size: 2_500_000, sha256: 'c'.repeat(64), textRead: true }],
    ...changes,
  });
}
