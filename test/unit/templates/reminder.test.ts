import { describe, expect, it } from 'vitest';
import { composeMemberReply } from '../../../functions/shared/templates/index.ts';
import { claimInSpain, MARIE, REFERENCE } from './summaries.ts';

const NBSP = '\u00a0';
const reminder = (language: 'fr' | 'en') =>
  composeMemberReply({ kind: 'reminder', missing: 'documents', summary: claimInSpain(), to: MARIE.email, language, administrators: {} });

describe('the reminder of a request for information', () => {
  it('reminds the member in French of what is still missing', () => {
    const message = reminder('fr');
    expect(message.subject).toBe(`Rappel${NBSP}: votre demande de remboursement [${REFERENCE}] attend des informations`);
    expect(message.text).toContain(
      `Nous vous avons écrit au sujet de votre demande de remboursement ${REFERENCE}${NBSP}: il nous manque toujours les informations ci-dessous pour la traiter.`,
    );
    expect(message.text).toContain('merci de nous envoyer vos factures et reçus en pièces jointes');
    expect(message.autoSubmitted).toBe('auto-replied');
  });

  it('reminds the member in English of what is still missing', () => {
    const message = reminder('en');
    expect(message.subject).toBe(`Reminder: your claim [${REFERENCE}] is waiting for information`);
    expect(message.text).toContain(`We wrote to you about your claim ${REFERENCE}: we still need the information below to process it.`);
    expect(message.text).toContain('please send us your invoices and receipts as attachments');
  });
});
