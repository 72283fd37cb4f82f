import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OutgoingMessage } from '../../functions/shared/templates/index.ts';

export const SENDER = 'CFE Claims <claims@claims.example.org>';
export const ACKNOWLEDGEMENT_SUBJECT = 'Votre demande de remboursement CLM-2026-7K3F9Q a bien été reçue – 医療';
/** Real third-party documents: a PDF invoice and a multipage fax TIFF. */
export const INVOICE = readFileSync(path.resolve('test', 'fixtures', 'third-party', 'invoices', 'invoice2data-free_fiber.pdf'));
export const FAX = readFileSync(path.resolve('test', 'fixtures', 'third-party', 'fax', 'sharp-g31d-multipage.tif'));

/** A reply to the member that uses every field an outgoing message has. */
export const ACKNOWLEDGEMENT: OutgoingMessage = {
  to: 'marie.dupont@example.fr',
  subject: ACKNOWLEDGEMENT_SUBJECT,
  text: 'Bonjour Marie Dupont,\nNous avons bien reçu votre demande.',
  html: '<p>Bonjour Marie Dupont,</p><p>Nous avons bien reçu votre demande.</p>',
  attachments: [
    { filename: 'facture été.pdf', content: INVOICE, contentType: 'application/pdf' },
    { filename: 'fax.tif', content: FAX, contentType: 'image/tiff' },
  ],
  inReplyTo: '<m1@mail.example.fr>',
  references: ['<a@mail.example.fr>', '<m1@mail.example.fr>'],
  autoSubmitted: 'auto-replied',
};
