import { CLAIMS_ADDRESS, composeMail, pdfAttachment } from '../../test/fixtures/generator/compose-mail.ts';
import { renderInvoicePdf } from '../../test/fixtures/generator/invoice-pdf.ts';
import { INVOICES } from '../../test/fixtures/generator/invoices.ts';
import { MARIE_DUPONT, fullName } from '../../test/fixtures/generator/sample-members.ts';
import { invoiceVariant } from '../messages/invoice-variant.ts';
import { statementPdf } from '../messages/statement-pdf.ts';

const PARIS_NOTE = INVOICES['note-honoraires-paris.pdf'];
/** Pages of the statement the size per page is measured on. */
const SAMPLE_PAGES = 20;
/** Base64 in 76-character lines ending in CRLF: 4 bytes for 3, then 78 for 76. */
const BASE64_GROWTH = (4 / 3) * (78 / 76);

/**
 * Large claims: Marie Dupont's note for a consultation in Paris, each its own variant, with a
 * hospital statement long enough to bring the message to the size asked for. The statement is
 * built once per size, each claim carrying a copy with its own trailing comment: other bytes, so
 * no claim's documents are another's.
 */
/** Whose claims the large ones are. */
export const LARGE_CLAIM_SENDER = MARIE_DUPONT.email;

export class LargeClaims {
  private readonly statements = new Map<number, Promise<Buffer>>();

  async build(index: number, bytes: number): Promise<Buffer> {
    const statement = await this.statementOf(bytes);
    return composeMail(`load-large-${index}`, {
      from: { name: fullName(MARIE_DUPONT), address: LARGE_CLAIM_SENDER },
      to: CLAIMS_ADDRESS,
      subject: `Remboursement – N° d'adhérent ${MARIE_DUPONT.memberId}`,
      date: 'Mon, 24 Mar 2025 09:30:00 +0100',
      messageId: `<load-large-${index}@example.fr>`,
      text: "Bonjour,\n\nVeuillez trouver ci-joint la note d'honoraires et le relevé de mon hospitalisation à Paris.\n\nCordialement,\nMarie Dupont",
      attachments: [
        pdfAttachment('note-honoraires-paris.pdf', await renderInvoicePdf(invoiceVariant(PARIS_NOTE, index))),
        pdfAttachment('releve-soins.pdf', Buffer.concat([statement, Buffer.from(`\n% load claim ${index}\n`)])),
      ],
    });
  }

  private statementOf(bytes: number): Promise<Buffer> {
    let statement = this.statements.get(bytes);
    if (!statement) {
      statement = statementOfAbout(bytes);
      this.statements.set(bytes, statement);
    }
    return statement;
  }
}

/** A statement whose base64 in a message is about `bytes`. */
async function statementOfAbout(bytes: number): Promise<Buffer> {
  const sample = await statementPdf(PARIS_NOTE, SAMPLE_PAGES);
  const encodedBytesPerPage = (sample.length * BASE64_GROWTH) / SAMPLE_PAGES;
  return statementPdf(PARIS_NOTE, Math.max(1, Math.round(bytes / encodedBytesPerPage)));
}
