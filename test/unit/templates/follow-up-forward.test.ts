import { describe, expect, it } from 'vitest';
import { composeForward } from '../../../functions/shared/templates/index.ts';
import { claimInSpain, claimInUsa, REFERENCE } from './summaries.ts';

const page = { filename: 'page-2.pdf', content: Buffer.from('%PDF-1.7 page 2'), contentType: 'application/pdf' };

describe('a follow-up forward', () => {
  it('tells MAI in French and English that it brings new documents of a claim already forwarded, and carries only them', () => {
    const summary = claimInSpain();
    const message = composeForward({ summary: { ...summary, documents: summary.documents.slice(0, 1) }, to: 'contact@medical-administrators.com', attachments: [page], followUp: true });
    expect(message.subject).toBe(
      `Complément à la demande [${REFERENCE}] – adhérent 12345678 – nouveaux documents / Follow-up to claim [${REFERENCE}] – member 12345678 – new documents`,
    );
    expect(message.text).toContain(
      "Veuillez trouver ci-joint de nouveaux documents envoyés par l'adhérent pour une demande que nous vous avons déjà transmise sous la même référence.",
    );
    expect(message.text).toContain('Please find attached new documents the member sent for a claim we already forwarded to you under the same reference.');
    expect(message.text).not.toContain('Veuillez trouver ci-joint une demande de remboursement reçue par notre service');
    expect(message.attachments[0]).toEqual(page);
  });

  it('tells Cigna in English', () => {
    const message = composeForward({ summary: claimInUsa(), to: 'Ice.Team@Cigna.com', attachments: [page], followUp: true });
    expect(message.subject).toBe(`Follow-up to claim [${REFERENCE}] – member 87654321 – new documents`);
    expect(message.text).not.toContain('Please find attached a claim received by our intake service');
  });
});
